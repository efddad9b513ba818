// #/allocations: a matching day. A scope (regions, municipalities or vacancy ids) and capacities go to
// POST /allocations; the answer is a shortlist per vacancy under those capacities, beside the plain way (every
// vacancy its own top list). The settings live in the URL; "run" in it asks the server.

import { h, num, replace, uid } from './dom.js';
import { post, seg, token } from './api.js';
import { t, lang } from './i18n.js';
import './i18n-panels.js';
import { errorBox, regions, announce } from './ui.js';
import { toCsv, download } from './csv.js';

const NUMBERS = [['perPosition', '3', '1', '1'], ['maxPerCandidate', '2', '1', '1'], ['minScore', '0.5', '0', '0.01'],
  ['priorityForUnseen', '0', '0', '0.05']];
/** The last answer and the settings it was asked with: switching language or returning redraws it without asking again. */
let last = { key: null, allocation: null };

export async function render(main, { query, navigate, signal }) {
  document.title = `${t('alloc.title')} – Werkmatch`;
  const p = paramsFrom(query);
  const form = await settingsForm(p, navigate);
  const result = h('div', { id: 'alloc-result' });
  main.replaceChildren(
    h('header', { class: 'page-head' }, h('h1', { id: 'page-title', tabindex: '-1' }, t('alloc.title')), h('p', { class: 'lead' }, t('alloc.lead'))),
    h('section', { class: 'card', 'aria-labelledby': 'alloc-params-title' }, h('h2', { id: 'alloc-params-title', class: 'minor' }, t('audit.params')), form),
    result);
  if (!query.has('run')) {
    replace(result, h('p', { class: 'muted' }, t('alloc.notRun')));
    return;
  }
  const key = JSON.stringify([token(), query.toString()]);
  if (last.key === key) {
    replace(result, allocationView(last.allocation));
    return;
  }
  await run(result, p, signal, key);
}

function list(text) {
  return String(text || '').split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean);
}

function paramsFrom(query) {
  const p = { regions: query.getAll('region'), municipalities: query.get('municipalities') || '', vacancies: query.get('vacancies') || '', day: query.get('day') || '' };
  for (const [name] of NUMBERS) p[name] = query.get(name) || '';
  return p;
}

/** The request body: only what the user gave, so that the server's defaults hold for the rest. */
function body(p) {
  const b = {};
  if (p.regions.length) b.regions = p.regions;
  const municipalities = p.municipalities.split(/[,;\n]+/).map((x) => x.trim()).filter(Boolean);
  if (municipalities.length) b.municipalities = municipalities;
  if (list(p.vacancies).length) b.vacancies = list(p.vacancies);
  for (const [name] of NUMBERS) if (p[name] !== '') b[name] = Number(p[name]);
  if (p.day) b.day = p.day;
  return b;
}

async function settingsForm(p, navigate) {
  let names = [];
  try {
    names = await regions();
  } catch {
    // Without the list a scope is given by municipalities or vacancy ids.
  }
  const ids = { regions: uid('a-regions'), mun: uid('a-mun'), vac: uid('a-vac'), day: uid('a-day'), hint: uid('a-hint') };
  const numberField = ([name, placeholder, min, step]) => {
    const id = uid(`a-${name}`);
    return h('div', { class: 'field' }, h('label', { for: id }, t(`alloc.${name}`)),
      h('input', { id, name, type: 'number', min, step, max: name === 'minScore' || name === 'priorityForUnseen' ? '1' : '1000', placeholder, value: p[name] }));
  };
  const form = h('form', { class: 'panel-form', id: 'alloc-form', 'aria-describedby': ids.hint },
    h('p', { class: 'hint wide', id: ids.hint }, t('alloc.scopeHint')),
    h('div', { class: 'field' }, h('label', { for: ids.regions }, t('alloc.regions')),
      h('select', { id: ids.regions, name: 'region', multiple: true, size: '6' },
        names.map((r) => h('option', { value: r, selected: p.regions.includes(r) }, r)))),
    h('div', { class: 'field' }, h('label', { for: ids.mun }, t('alloc.municipalities')),
      h('textarea', { id: ids.mun, name: 'municipalities', rows: '3' }, p.municipalities)),
    h('div', { class: 'field' }, h('label', { for: ids.vac }, t('alloc.vacancies')),
      h('textarea', { id: ids.vac, name: 'vacancies', rows: '3', spellcheck: 'false' }, p.vacancies)),
    NUMBERS.map(numberField),
    h('div', { class: 'field' }, h('label', { for: ids.day }, t('audit.day')), h('input', { id: ids.day, name: 'day', type: 'date', value: p.day })),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button primary', id: 'alloc-run' }, t('alloc.run'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const q = new URLSearchParams();
    data.getAll('region').forEach((r) => q.append('region', r));
    for (const name of ['municipalities', 'vacancies', 'day', ...NUMBERS.map(([n]) => n)]) {
      const v = String(data.get(name) || '').trim();
      if (v) q.set(name, v);
    }
    q.set('run', String(Date.now()));
    navigate(q);
  });
  return form;
}

async function run(result, p, signal, key) {
  const started = Date.now();
  const elapsed = h('span', { class: 'elapsed' }, t('audit.elapsed', { s: 0 }));
  replace(result, h('div', { class: 'card busy', role: 'status', 'aria-busy': 'true', id: 'alloc-busy' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', {}, t('alloc.running')), ' ', elapsed));
  const timer = setInterval(() => { elapsed.textContent = t('audit.elapsed', { s: Math.round((Date.now() - started) / 1000) }); }, 1000);
  let a;
  try {
    a = await post('/allocations', body(p), { signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    replace(result, problemBox(e));
    return;
  } finally {
    clearInterval(timer);
  }
  last = { key, allocation: a };
  replace(result, allocationView(a));
  announce(t('alloc.done', { n: a.shortlists.length }));
}

/** A 400 lists each field's problem, as the server named it. */
function problemBox(e) {
  const box = errorBox(e);
  const errors = e.problem?.errors || e.problem?.problems;
  if (Array.isArray(errors) && errors.length) {
    box.insertBefore(h('ul', {}, errors.map((x) => h('li', {}, `${x.path || x.field || ''}: ${x.message || x.detail || ''}`))), box.lastChild);
  }
  return box;
}

function allocationView(a) {
  const csv = h('button', { type: 'button', class: 'button secondary', id: 'alloc-csv' }, t('results.csv'));
  csv.addEventListener('click', () => download(`werkmatch-allocation-${a.day}.csv`, toCsv(csvRows(a), lang())));
  const s = a.solver;
  return h('div', { class: 'alloc-report' },
    h('section', { class: 'card', 'aria-labelledby': 'alloc-metrics-title' },
      h('div', { class: 'section-head' }, h('h2', { id: 'alloc-metrics-title' }, t('alloc.metrics')), csv),
      metricsTable(a.metrics, a.plain),
      h('p', { class: 'solver', id: 'alloc-solver' }, s.proven
        ? t('alloc.proven', { objective: num(s.objective, 2, lang()) })
        : t('alloc.bound', { objective: num(s.objective, 2, lang()), bound: num(s.upperBound, 2, lang()) }),
      ' ', t('alloc.solverFacts', { pairs: num(s.pairs, 0, lang()), ms: num(s.queryMillis + s.solverMillis, 0, lang()) }))),
    h('section', { class: 'card', 'aria-labelledby': 'alloc-lists-title' },
      h('h2', { id: 'alloc-lists-title' }, t('alloc.shortlists', { n: a.shortlists.length })),
      a.shortlists.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'alloc-shortlists' },
        h('caption', { class: 'sr-only' }, t('alloc.shortlists', { n: a.shortlists.length })),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('alloc.col.vacancy')), h('th', { scope: 'col', class: 'num' }, t('alloc.col.places')),
          h('th', { scope: 'col' }, t('alloc.col.candidates')))),
        h('tbody', {}, a.shortlists.map((l) => h('tr', { 'data-id': l.vacancy },
          h('th', { scope: 'row' }, h('a', { href: `#/vacancies/${seg(l.vacancy)}` }, l.vacancy)),
          h('td', { class: 'num' }, `${l.places} (${l.positions})`),
          h('td', {}, h('ol', { class: 'invited' }, l.candidates.map((c) => h('li', { 'data-id': c.id },
            h('a', { href: `#/profiles/${seg(c.id)}` }, c.id), ' ',
            h('span', { class: 'muted' }, t('alloc.scoreRank', { score: num(c.score, 2, lang()), rank: c.rank })))))))))))
        : h('p', { class: 'muted' }, t('alloc.none'))),
    h('section', { class: 'card', 'aria-labelledby': 'alloc-unfilled-title' },
      h('h2', { id: 'alloc-unfilled-title' }, t('alloc.unfilled', { n: a.unfilled.length })),
      a.unfilled.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'alloc-unfilled' },
        h('caption', { class: 'sr-only' }, t('alloc.unfilled', { n: a.unfilled.length })),
        h('thead', {}, h('tr', {}, [[t('alloc.col.vacancy')], [t('alloc.col.filled'), 1], [t('alloc.col.eligible'), 1], [t('alloc.col.taken'), 1], [t('alloc.col.reason')]]
          .map(([x, n]) => h('th', { scope: 'col', class: n ? 'num' : null }, x)))),
        h('tbody', {}, a.unfilled.map((u) => h('tr', { 'data-id': u.vacancy },
          h('td', {}, h('a', { href: `#/vacancies/${seg(u.vacancy)}` }, u.vacancy)),
          h('td', { class: 'num' }, `${u.filled} / ${u.places}`),
          h('td', { class: 'num' }, u.eligibleAtLeast ? t('audit.atLeast', { n: u.eligible }) : String(u.eligible)),
          h('td', { class: 'num' }, String(u.takenElsewhere)),
          h('td', {}, t(`alloc.reason.${u.reason}`)))))))
        : h('p', { class: 'muted' }, t('alloc.noUnfilled'))),
    h('section', { class: 'card', 'aria-labelledby': 'alloc-uninvited-title' },
      h('h2', { id: 'alloc-uninvited-title' }, t('alloc.uninvited', { n: a.uninvited.length })),
      h('p', { class: 'hint' }, t('alloc.uninvitedHint')),
      a.uninvited.length ? h('ul', { class: 'id-list', id: 'alloc-uninvited' },
        a.uninvited.map((id) => h('li', { 'data-id': id }, h('a', { href: `#/profiles/${seg(id)}` }, id)))) : h('p', { class: 'muted' }, '–')));
}

function metricsTable(m, plain) {
  const rows = [['totalScore', 2], ['invitations', 0], ['candidatesInvited', 0], ['vacanciesWithCandidates', 0], ['maxListsPerCandidate', 0], ['gini', 3]];
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data metrics', id: 'alloc-metrics' },
    h('caption', { class: 'sr-only' }, t('alloc.metrics')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('alloc.col.metric')), h('th', { scope: 'col', class: 'num' }, t('alloc.col.allocated')),
      h('th', { scope: 'col', class: 'num' }, t('alloc.col.plain')))),
    h('tbody', {}, rows.map(([name, digits]) => h('tr', { 'data-metric': name },
      h('th', { scope: 'row' }, t(`alloc.metric.${name}`)),
      h('td', { class: 'num' }, num(m[name], digits, lang())),
      h('td', { class: 'num' }, num(plain[name], digits, lang())))))));
}

/** One row per invitation: the same columns as the CLI's allocation CSV. */
function csvRows(a) {
  const rows = [['vacancy', 'positions', 'places', 'candidate', 'score', 'plainRank']];
  for (const l of a.shortlists) {
    for (const c of l.candidates) rows.push([l.vacancy, l.positions, l.places, c.id, c.score, c.rank]);
  }
  return rows;
}
