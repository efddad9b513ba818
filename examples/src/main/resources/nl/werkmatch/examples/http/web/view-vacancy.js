// #/vacancies/{id}: the vacancy's facts and its ranked candidates.

import { h } from './dom.js';
import { get, seg } from './api.js';
import { t, label, lang, LANGUAGE_SKILLS } from './i18n.js';
import { facts } from './ui.js';
import { renderMatches } from './matches.js';
import { advicePanel, toAdvice } from './advice.js';

export const titleKey = 'vacancy.heading';

export async function render(main, { params, query, navigate, signal }) {
  const id = params[0];
  // The list is asked for at once, beside the summary: the ranking is what people wait for.
  const candidates = h('div', { id: 'candidates' });
  const list = renderMatches(candidates, { side: 'candidates', id, query, navigate, signal });
  list.catch(() => { }); // a failure shows in the list; an unknown id fails the summary below as well
  const summary = await get(`/vacancies/${seg(id)}/summary`, { lang: lang() }, { signal });
  const v = summary.vacancy;
  const labels = summary.labels || {};
  document.title = `${v.title || id} – Werkmatch`;
  const place = v.remote ? t('vacancy.remote') : summary.place ? `${summary.place.municipality} (${summary.place.region})` : null;
  const dutch = v.dutch || {};
  const skills = v.skills || [];
  const advice = advicePanel({ side: 'vacancy', id, record: v, query, signal });
  main.replaceChildren(
    h('nav', { class: 'breadcrumb', 'aria-label': 'breadcrumb' }, h('a', { href: '#/' }, t('nav.search')), ' › ', t('vacancy.heading')),
    h('header', { class: 'page-head' },
      h('p', { class: 'eyebrow' }, `${t('vacancy.heading')} ${id}`),
      h('h1', { id: 'page-title', tabindex: '-1' }, v.title || id),
      h('p', { class: 'lead' }, [v.employer, place].filter(Boolean).join(' · '))),
    h('section', { class: 'card facts-card', 'aria-labelledby': 'facts-title' },
      h('h2', { id: 'facts-title', class: 'sr-only' }, t('vacancy.facts')),
      h('div', { class: 'facts-grid' },
        facts([
          [t('vacancy.occupation'), v.occupation ? labels[v.occupation] || v.occupation : null],
          [t('vacancy.jobType'), v.jobType ? label('jobType', v.jobType) : null],
          [t('vacancy.positions'), v.positions],
          [t('vacancy.hours'), v.hours ? `${v.hours.min}–${v.hours.max}` : null],
          [t('vacancy.education'), v.educationLevel ? label('education', v.educationLevel) : null],
          [t('vacancy.open'), [v.openFrom, v.openUntil].filter(Boolean).join(' – ') || null],
          [t('vacancy.permit'), v.permitSponsored ? t('vacancy.permitYes') : null],
        ]),
        h('div', {},
          h('h3', { class: 'minor' }, t('vacancy.dutch')),
          h('ul', { class: 'levels' }, LANGUAGE_SKILLS.map((s) => h('li', {},
            h('span', { class: 'level-name' }, label('skill', s)), h('span', { class: 'level-value' }, dutch[s] && dutch[s] !== 'NONE' ? dutch[s] : '–')))),
          facts([
            [t('vacancy.english'), v.englishAccepted && v.englishAccepted !== 'NONE' ? v.englishAccepted : null],
            [t('vacancy.languageSupport'), v.languageSupport ? t('common.yes') : t('common.no')],
            [t('vacancy.support'), (v.support || []).map((s) => label('support', s)).join(', ') || null],
          ])),
        h('div', {},
          h('h3', { class: 'minor' }, t('vacancy.skills')),
          h('ul', { class: 'skill-list' }, skills.map((s) => h('li', {},
            labels[s.id] || s.id, ' ',
            h('span', { class: `tag imp-${String(s.importance).toLowerCase()}` }, label('importance', s.importance)))))))),
    h('section', { class: 'results-section', 'aria-labelledby': 'candidates-title' },
      h('div', { class: 'section-head' }, h('h2', { id: 'candidates-title' }, t('vacancy.candidates')), toAdvice()),
      candidates),
    advice.element);
  // The advice is asked for once the list is there, so that the list never waits for it.
  try {
    await list;
  } finally {
    advice.load();
  }
}

