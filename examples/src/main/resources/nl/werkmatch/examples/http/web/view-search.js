// #/ (and #/?q=...): find a vacancy by title, employer, occupation or id; open a job seeker by id only.

import { h, replace, uid } from './dom.js';
import { get, seg } from './api.js';
import { t, label, lang } from './i18n.js';
import { loading, errorBox, regions, announce } from './ui.js';

const LIMIT = 25;
const TYPE_AHEAD_MS = 250;
const RETRY_MS = 2000;

export async function render(main, { query, navigate, signal }) {
  document.title = `${t('nav.search')} – Werkmatch`;
  const q = query.get('q') || '';
  const region = query.get('region') || '';
  let regionNames = [];
  try {
    regionNames = await regions();
  } catch {
    // The search works without the region list.
  }
  const ids = { q: uid('q'), region: uid('region'), profile: uid('profile') };
  const input = h('input', { id: ids.q, name: 'q', type: 'search', value: q, autocomplete: 'off', maxlength: '200' });
  const regionSelect = h('select', { id: ids.region, name: 'region' },
    h('option', { value: '' }, t('common.any')),
    regionNames.map((r) => h('option', { value: r, selected: r === region }, r)));
  const results = h('div', { class: 'search-results', id: 'search-results' });
  const vacancyForm = h('form', { class: 'search-form', role: 'search', id: 'vacancy-search' },
    h('div', { class: 'field grow' }, h('label', { for: ids.q }, t('search.q')), input),
    h('div', { class: 'field' }, h('label', { for: ids.region }, t('search.region')), regionSelect),
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'button primary' }, t('search.submit'))));
  const profileInput = h('input', { id: ids.profile, name: 'profile', type: 'text', autocomplete: 'off', required: true, spellcheck: 'false' });
  const profileMessage = h('div', { class: 'form-message' });
  const profileForm = h('form', { class: 'search-form', id: 'profile-open' },
    h('div', { class: 'field grow' }, h('label', { for: ids.profile }, t('search.profileId')), profileInput,
      h('p', { class: 'hint' }, t('search.profileHint'))),
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'button primary' }, t('search.open'))),
    profileMessage);

  main.replaceChildren(
    h('header', { class: 'page-head' }, h('h1', { id: 'page-title', tabindex: '-1' }, t('search.title'))),
    h('div', { class: 'search-layout' },
      h('section', { class: 'card', 'aria-labelledby': 'vac-title' },
        h('h2', { id: 'vac-title' }, t('search.vacancies')), vacancyForm),
      h('section', { class: 'card', 'aria-labelledby': 'prof-title' },
        h('h2', { id: 'prof-title' }, t('search.profiles')), profileForm)),
    h('section', { class: 'card search-results-card', 'aria-label': t('search.vacancies') }, results));

  const params = () => {
    const p = new URLSearchParams();
    if (input.value.trim()) p.set('q', input.value.trim());
    if (regionSelect.value) p.set('region', regionSelect.value);
    return p;
  };
  vacancyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(params());
  });
  regionSelect.addEventListener('change', () => navigate(params()));
  let timer;
  let inFlight;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Type-ahead updates the list in place; the URL follows without a reload, so the field keeps its focus.
      history.replaceState(null, '', `#/${params().toString() ? `?${params()}` : ''}`);
      inFlight?.abort();
      inFlight = new AbortController();
      search(results, input.value.trim(), regionSelect.value, inFlight.signal);
    }, TYPE_AHEAD_MS);
  });
  profileForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = profileInput.value.trim();
    if (!id) return;
    replace(profileMessage);
    try {
      await get(`/profiles/${seg(id)}/summary`, { lang: lang() });
      location.hash = `#/profiles/${seg(id)}`;
    } catch (e) {
      replace(profileMessage, e.status === 404
        ? h('p', { class: 'alert alert-error', role: 'alert' }, t('search.noProfile', { id }))
        : errorBox(e));
    }
  });
  await search(results, q, region, signal);
}

async function search(results, q, region, signal) {
  results.setAttribute('aria-busy', 'true');
  replace(results, loading());
  let answer;
  try {
    answer = await get('/vacancies', { q, region, limit: LIMIT, lang: lang() }, { signal });
  } catch (e) {
    if (e.name === 'AbortError') return;
    if (e.status === 503 && !signal?.aborted) {
      // Just after a start the server is still building the search: say how far, and ask again.
      replace(results, h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), e.message));
      setTimeout(() => { if (results.isConnected) search(results, q, region, signal); }, RETRY_MS);
      return;
    }
    replace(results, errorBox(e));
    results.removeAttribute('aria-busy');
    return;
  }
  results.removeAttribute('aria-busy');
  if (!answer.hits.length) {
    replace(results, h('p', { class: 'empty', role: 'status' }, t('search.none')));
    announce(t('search.none'));
    return;
  }
  const count = answer.totalExact ? t('search.results', { n: answer.total }) : t('search.resultsAtLeast', { n: answer.total });
  const more = answer.total > answer.hits.length ? ` ${t('search.showing', { n: answer.hits.length })}` : '';
  replace(results,
    h('p', { class: 'range', role: 'status' }, count + more),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data results-table' },
      h('caption', { class: 'sr-only' }, t('search.vacancies')),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('col.title')),
        h('th', { scope: 'col' }, t('col.employer')),
        h('th', { scope: 'col' }, t('col.occupation')),
        h('th', { scope: 'col' }, t('col.place')),
        h('th', { scope: 'col' }, t('col.jobType')),
        h('th', { scope: 'col', class: 'num' }, t('col.positions')))),
      h('tbody', {}, answer.hits.map((v) => h('tr', { 'data-id': v.id },
        h('th', { scope: 'row' }, h('a', { href: `#/vacancies/${seg(v.id)}` }, v.title || v.id),
          h('span', { class: 'muted id' }, ` ${v.id}`)),
        h('td', {}, v.employer || ''),
        h('td', {}, v.occupationLabel || ''),
        h('td', {}, v.municipality ? `${v.municipality} (${v.region})` : ''),
        h('td', {}, v.jobType ? label('jobType', v.jobType) : ''),
        h('td', { class: 'num' }, String(v.positions))))))));
  announce(count);
}
