// The advice panels: "what would bring more candidates" on a vacancy, "what would open more doors" on a
// profile. Each asks GET /{vacancies|profiles}/{id}/advice after the ranked list has loaded, so the list never
// waits for it, and has its own busy state and errors. Its settings (minScore, how many suggestions) live in
// the URL without reloading the view, so a link keeps them.

import { h, num, replace, uid } from './dom.js';
import { ApiError, get, seg } from './api.js';
import { t, lang } from './i18n.js';
import { errorBox, announce } from './ui.js';
import { sentence, skillIdsIn, auditSentence } from './advice-words.js';
import './i18n-advice.js';

export const DEFAULT_MIN_SCORE = 0.5;
/** Suggestions shown at first, and how many more each "show more" asks for; the API gives at most 100. */
export const FIRST_LIMIT = 5;
const MORE = 10;
const MAX_LIMIT = 100;

/** The panel's settings as the URL holds them, with defaults. */
export function adviceSettings(query) {
  const min = Number(query.get('adviceMinScore'));
  const limit = Number(query.get('adviceLimit'));
  return {
    minScore: query.has('adviceMinScore') && min >= 0 && min <= 1 ? min : DEFAULT_MIN_SCORE,
    limit: Number.isInteger(limit) && limit >= 1 && limit <= MAX_LIMIT ? limit : FIRST_LIMIT,
    occupation: query.get('adviceOccupation') || '',
  };
}

const SETTINGS = ['adviceMinScore', 'adviceLimit', 'adviceOccupation'];

function currentHash() {
  const raw = location.hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  return { path: q < 0 ? raw : raw.slice(0, q), query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

/** Adds the panel's settings as the address holds them now to query (so that new filters keep them). */
export function keepAdviceSettings(query) {
  const now = currentHash().query;
  for (const name of SETTINGS) if (now.has(name)) query.set(name, now.get(name));
  return query;
}

/** Keeps the settings in the address without a hashchange (which would reload the whole view). */
function remember(settings) {
  const { path, query } = currentHash();
  const put = (name, value, fallback) => (value === fallback ? query.delete(name) : query.set(name, String(value)));
  put('adviceMinScore', settings.minScore, DEFAULT_MIN_SCORE);
  put('adviceLimit', settings.limit, FIRST_LIMIT);
  put('adviceOccupation', settings.occupation, '');
  const text = query.toString();
  history.replaceState(history.state, '', `#${path}${text ? `?${text}` : ''}`);
}

/**
 * The panel for one record, empty until load() is called.
 * @param side 'vacancy' (the employer's advice: candidates) or 'profile' (the job seeker's: vacancies)
 * @param record the record's exchange-format JSON from its summary, which the suggestions' patches apply to
 * @param occupations for a profile: [id, label] of the occupations the person wants (offered for a career step)
 */
export function advicePanel({ side, id, record, query, signal, occupations = [] }) {
  const settings = adviceSettings(query);
  const titleId = 'advice-title';
  const body = h('div', { class: 'advice-body', id: 'advice-body' },
    h('p', { class: 'muted' }, t('advice.waiting')));
  const section = h('section', { class: 'card advice', id: 'advice', 'aria-labelledby': titleId },
    h('div', { class: 'section-head' },
      h('h2', { id: titleId, tabindex: '-1' }, t(`advice.${side}.title`))),
    h('p', { class: 'hint advice-intro' }, t(`advice.${side}.intro`)),
    controls(),
    body);

  let asked = 0;
  let pendingFocus = null;

  function controls() {
    const minId = uid('advice-min');
    const min = h('input', {
      id: minId, name: 'adviceMinScore', type: 'number', min: '0', max: '1', step: '0.05', inputmode: 'decimal',
      value: String(settings.minScore), required: true,
    });
    const fields = [h('div', { class: 'field' }, h('label', { for: minId }, t('advice.minScore')), min)];
    let occupation = null;
    if (side === 'profile' && occupations.length) {
      const occId = uid('advice-occupation');
      occupation = h('select', { id: occId, name: 'adviceOccupation' },
        h('option', { value: '' }, t('advice.career.none')),
        occupations.map(([value, text]) => h('option', { value, selected: value === settings.occupation }, text)));
      fields.push(h('div', { class: 'field' }, h('label', { for: occId }, t('advice.career.choose')), occupation));
    }
    const form = h('form', { class: 'advice-controls', id: 'advice-form' }, fields,
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button secondary', id: 'advice-apply' }, t('advice.recount'))));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = Number(String(min.value).replace(',', '.'));
      if (!(value >= 0 && value <= 1)) {
        min.setAttribute('aria-invalid', 'true');
        min.focus();
        return;
      }
      min.removeAttribute('aria-invalid');
      settings.minScore = value;
      settings.limit = FIRST_LIMIT;
      if (occupation) settings.occupation = occupation.value;
      remember(settings);
      pendingFocus = 'status';
      load();
    });
    return form;
  }

  async function load() {
    asked += 1;
    const mine = asked;
    section.setAttribute('aria-busy', 'true');
    replace(body, h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('advice.busy')));
    const language = lang();
    const params = { minScore: settings.minScore, limit: settings.limit, lang: language };
    if (settings.occupation) params.occupation = settings.occupation;
    let advice;
    let careerRefused = false;
    try {
      try {
        advice = await get(`/${side === 'vacancy' ? 'vacancies' : 'profiles'}/${seg(id)}/advice`, params, { signal });
      } catch (e) {
        // A server without the career step refuses the parameter; the rest of the advice still comes.
        if (!(params.occupation && e instanceof ApiError && e.status === 400 && unknownParameter(e, 'occupation'))) throw e;
        careerRefused = true;
        delete params.occupation;
        advice = await get(`/${side === 'vacancy' ? 'vacancies' : 'profiles'}/${seg(id)}/advice`, params, { signal });
      }
    } catch (e) {
      if (e.name === 'AbortError' || mine !== asked) return;
      section.removeAttribute('aria-busy');
      replace(body, panelError(e));
      return;
    }
    const names = await namesFor(advice, language, signal);
    if (mine !== asked || signal?.aborted) return;
    section.removeAttribute('aria-busy');
    replace(body, ...view(advice, names, careerRefused));
    announce(count(`advice.${side}.reachable`, { n: advice.reachable, score: num(advice.minScore, 2, language) }));
    if (pendingFocus === 'status') body.querySelector('#advice-status')?.focus();
    if (typeof pendingFocus === 'number') body.querySelectorAll('li.suggestion')[pendingFocus]?.querySelector('.suggestion-text')?.focus();
    pendingFocus = null;
  }

  /** Names for what the advice shows by id: new skills (Dutch sentences) and, on a profile, example vacancies. */
  async function namesFor(advice, language, signal) {
    const skills = language === 'en' ? [] : [...new Set(advice.suggestions.flatMap((s) => skillIdsIn(s, side, record)))];
    const vacancies = side === 'profile'
      ? [...new Set([...advice.suggestions.flatMap((s) => s.examples), ...(advice.careerStep?.examples ?? [])])] : [];
    if (!skills.length && !vacancies.length) return { skills: {}, vacancies: {} };
    try {
      return await get('/labels', { skill: skills.slice(0, 100), vacancy: vacancies.slice(0, 100), lang: language }, { signal });
    } catch {
      return { skills: {}, vacancies: {} }; // ids instead of names; the advice itself is still right
    }
  }

  function view(advice, names, careerRefused) {
    const unit = side === 'vacancy' ? 'candidates' : 'vacancies';
    const status = h('p', { class: 'advice-status', id: 'advice-status', tabindex: '-1', 'data-reachable': String(advice.reachable) },
      count(`advice.${side}.reachable`, { n: advice.reachable, score: num(advice.minScore, 2, lang()) }));
    const out = [status];
    if (side === 'profile') out.push(careerStep(advice, names, careerRefused));
    if (!advice.suggestions.length) {
      out.push(h('p', { class: 'empty', id: 'advice-none' }, t(`advice.${side}.none`)));
      return out;
    }
    const most = Math.max(1, ...advice.suggestions.map((s) => s.reachable), advice.reachable);
    out.push(h('ul', { class: 'advice-legend', 'aria-hidden': 'true' },
      h('li', {}, h('span', { class: 'swatch kept' }), t(`advice.${unit}.kept`)),
      h('li', {}, h('span', { class: 'swatch new' }), t(`advice.${unit}.added`))));
    out.push(h('ol', { class: 'suggestions', id: 'advice-list' },
      advice.suggestions.map((s, i) => suggestionItem(s, i, most, unit, names))));
    if (advice.suggestions.length >= settings.limit && settings.limit < MAX_LIMIT) {
      out.push(h('div', { class: 'advice-more' },
        h('button', {
          type: 'button', class: 'button secondary', id: 'advice-more',
          onclick: () => {
            pendingFocus = settings.limit;
            settings.limit = Math.min(MAX_LIMIT, settings.limit + MORE);
            remember(settings);
            load();
          },
        }, t('advice.more'))));
    }
    return out;
  }

  function suggestionItem(s, index, most, unit, names) {
    const text = sentence(s, side, record, names.skills ?? {}, lang());
    const kept = s.reachable - s.unlocks;
    const bar = h('div', {
      class: 'advice-bar', role: 'img',
      'aria-label': t(`advice.${unit}.bar`, { kept, unlocks: s.unlocks, reachable: s.reachable }),
    },
    h('span', { class: 'advice-bar-kept' }), h('span', { class: 'advice-bar-new' }));
    bar.children[0].style.width = `${(Math.max(0, kept) / most) * 100}%`;
    bar.children[1].style.width = `${(s.unlocks / most) * 100}%`;
    const examples = s.examples.length ? exampleList(s.examples, names) : null;
    return h('li', { class: 'suggestion', 'data-kind': s.kind, 'data-unlocks': String(s.unlocks), 'data-loses': String(s.loses),
      'data-reachable': String(s.reachable), 'data-examples': s.examples.join(' ') },
    h('div', { class: 'suggestion-main' },
      h('p', { class: 'suggestion-line' },
        h('span', { class: 'suggestion-text', tabindex: '-1' }, text), ': ',
        h('strong', { class: 'suggestion-unlocks' }, count(`advice.${unit}.more`, { n: s.unlocks }))),
      h('p', { class: 'suggestion-facts' },
        s.loses > 0 ? h('span', { class: 'suggestion-loses' }, count(`advice.${unit}.loses`, { n: s.loses })) : null,
        s.loses > 0 ? ' · ' : null,
        h('span', { class: 'suggestion-reachable' }, t(`advice.${unit}.then`, { n: s.reachable }))),
      examples),
    bar);
  }

  /** "For example: a, b, c", each linking to its view; vacancies by title and employer, with the id when two read alike. */
  function exampleList(ids, names) {
    const text = ids.map((x) => {
      const v = side === 'profile' ? names.vacancies?.[x] : null;
      return v ? `${v.title}${v.employer ? ` (${v.employer})` : ''}` : x;
    });
    const alike = (i) => text.some((other, j) => j !== i && other === text[i]);
    return h('p', { class: 'suggestion-examples' }, `${t('advice.examples')} `,
      ids.map((x, i) => [i ? ', ' : '',
        h('a', { href: `#/${side === 'vacancy' ? 'profiles' : 'vacancies'}/${seg(x)}`, 'data-id': x },
          alike(i) && text[i] !== x ? `${text[i]} – ${x}` : text[i])]));
  }

  function careerStep(advice, names, refused) {
    if (refused) return h('p', { class: 'muted', id: 'career-unavailable' }, t('advice.career.unavailable'));
    const step = advice.careerStep;
    if (!step) {
      return settings.occupation ? h('p', { class: 'muted', id: 'career-none' }, t('advice.career.noneFound')) : null;
    }
    const skills = step.skills ?? [];
    return h('div', { class: 'career-step', id: 'career-step', 'data-occupation': step.occupation },
      h('h3', {}, t('advice.career.title', { occupation: step.label || step.occupation })),
      h('p', {}, t('advice.career.skills', { n: skills.length })),
      h('ul', { class: 'skill-list' }, skills.map((k) => h('li', { 'data-id': k.id }, k.label || k.id))),
      h('p', {}, count('advice.career.opens', { n: step.reachable })),
      step.examples?.length ? exampleList(step.examples, names) : null);
  }

  function panelError(e) {
    const box = errorBox(e);
    box.id = 'advice-error';
    box.querySelector('a[href="#/"]')?.parentElement.remove(); // the view around it still works
    return box;
  }

  return { element: section, load };
}

/** A jump to the advice below the list (a button: the hash is the router's). */
export function toAdvice() {
  return h('button', {
    type: 'button', class: 'button link', id: 'to-advice',
    onclick: () => {
      const panel = document.getElementById('advice');
      panel?.scrollIntoView({ block: 'start' });
      document.getElementById('advice-title')?.focus();
    },
  }, `${t('advice.link')} ↓`);
}

/**
 * The first suggestion of an advice an audit entry carries, when it carries one: an array of suggestions or an
 * advice answer with suggestions. Null otherwise.
 */
export function firstSuggestion(advice) {
  const list = Array.isArray(advice) ? advice : advice?.suggestions;
  return Array.isArray(list) && list.length ? list[0] : null;
}

/** An audit table cell with an entry's first suggestion (in Dutch from its patch where it can) and its count. */
export function firstSuggestionCell(entry, unit) {
  const s = firstSuggestion(entry.advice);
  if (!s) return h('td', { class: 'audit-advice' }, '–');
  return h('td', { class: 'audit-advice', 'data-kind': s.kind, 'data-unlocks': String(s.unlocks) },
    auditSentence(s, unit === 'candidates' ? 'vacancy' : 'profile', lang()), ': ',
    h('strong', { class: 'suggestion-unlocks' }, count(`advice.${unit}.more`, { n: s.unlocks })));
}

/** Whether the server refused this query parameter as one it does not know (not a bad value of a known one). */
function unknownParameter(error, field) {
  return (error.problem?.errors ?? []).some((x) => x.path === field && /unknown parameter/.test(x.message ?? ''));
}

/** The message for a count: its ".one" form for exactly one, where there is one. */
function count(key, params) {
  const one = `${key}.one`;
  const shown = { ...params, n: num(params.n, 0, lang()) };
  return params.n === 1 && t(one) !== one ? t(one, shown) : t(key, shown);
}
