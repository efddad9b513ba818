// #/profiles/{id}: the job seeker (never the audit fields) and the vacancies that fit best.

import { h } from './dom.js';
import { get, seg } from './api.js';
import { t, label, lang, LANGUAGE_SKILLS } from './i18n.js';
import { facts } from './ui.js';
import { renderMatches } from './matches.js';
import { advicePanel, toAdvice } from './advice.js';

export async function render(main, { params, query, navigate, signal }) {
  const id = params[0];
  // The list is asked for at once, beside the summary: the ranking is what people wait for.
  const vacancies = h('div', { id: 'vacancies' });
  const list = renderMatches(vacancies, { side: 'vacancies', id, query, navigate, signal });
  list.catch(() => { }); // a failure shows in the list; an unknown id fails the summary below as well
  const summary = await get(`/profiles/${seg(id)}/summary`, { lang: lang() }, { signal });
  const p = summary.profile;
  const labels = summary.labels || {};
  document.title = `${t('profile.heading')} ${id} – Werkmatch`;
  const dutch = p.dutch || {};
  const wanted = (p.wants?.occupations || []).map((o) => [o, labels[o] || o]);
  const advice = advicePanel({ side: 'profile', id, record: p, query, signal, occupations: wanted });
  const place = summary.place ? `${summary.place.municipality} (${summary.place.region})` : null;
  const education = p.education
    ? `${label('education', p.education.level)}, ${p.education.recognized ? t('profile.recognized') : t('profile.notRecognized')}` : null;
  main.replaceChildren(
    h('nav', { class: 'breadcrumb', 'aria-label': 'breadcrumb' }, h('a', { href: '#/' }, t('nav.search')), ' › ', t('profile.heading')),
    h('header', { class: 'page-head' },
      h('p', { class: 'eyebrow' }, t('profile.heading')),
      h('h1', { id: 'page-title', tabindex: '-1' }, `${t('profile.heading')} ${id}`),
      h('p', { class: 'lead' }, place)),
    h('section', { class: 'card facts-card', 'aria-labelledby': 'facts-title' },
      h('h2', { id: 'facts-title', class: 'sr-only' }, t('profile.facts')),
      h('div', { class: 'facts-grid' },
        facts([
          [t('profile.authorization'), label('authorization', p.workAuthorization)],
          [t('profile.maxTravel'), p.maxTravelKm ? `${p.maxTravelKm} km` : null],
          [t('profile.education'), education],
          [t('profile.route'), p.inburgeringRoute ? label('route', p.inburgeringRoute) : null],
          [t('profile.hours'), p.hours ? `${p.hours.min}–${p.hours.max}` : null],
          [t('profile.available'), p.availableFrom],
          [t('profile.jobTypes'), (p.jobTypes || []).map((j) => label('jobType', j)).join(', ') || null],
        ]),
        h('div', {},
          h('h3', { class: 'minor' }, t('profile.dutch')),
          h('ul', { class: 'levels' }, LANGUAGE_SKILLS.map((s) => h('li', {},
            h('span', { class: 'level-name' }, label('skill', s)), h('span', { class: 'level-value' }, dutch[s] && dutch[s] !== 'NONE' ? dutch[s] : '–')))),
          facts([
            [t('profile.english'), p.english && p.english !== 'NONE' ? p.english : null],
            [t('profile.otherLanguages'), (p.otherLanguages || []).join(', ') || null],
          ])),
        h('div', {},
          h('h3', { class: 'minor' }, t('profile.skills')),
          h('ul', { class: 'skill-list' }, (p.skills || []).map((s) => h('li', {}, labels[s.id] || s.id, ' ',
            h('span', { class: 'tag' }, label('evidence', s.evidence || 'DECLARED'))))),
          (p.experience || []).length ? [h('h3', { class: 'minor' }, t('profile.experience')),
            h('ul', { class: 'skill-list' }, p.experience.map((x) => h('li', {}, labels[x.occupation] || x.occupation, ' ',
              h('span', { class: 'tag' }, t('profile.years', { n: x.years })))))] : null,
          (p.wants?.occupations || []).length ? [h('h3', { class: 'minor' }, t('profile.wants')),
            h('ul', { class: 'skill-list' }, p.wants.occupations.map((o) => h('li', {}, labels[o] || o)))] : null))),
    h('section', { class: 'results-section', 'aria-labelledby': 'vacancies-title' },
      h('div', { class: 'section-head' }, h('h2', { id: 'vacancies-title' }, t('profile.vacancies')), toAdvice()),
      vacancies),
    advice.element);
  // The advice is asked for once the list is there, so that the list never waits for it.
  try {
    await list;
  } finally {
    advice.load();
  }
}
