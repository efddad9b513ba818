// The ranked list of one vacancy's candidates or one profile's vacancies: filters, score bars, explanations,
// paging and a CSV download. Its state (filters, page) lives in the URL, so a colleague can be sent the link.

import { fairnessFrom, fairnessToQuery, fairnessParams, fairnessFields, fairnessFromForm } from './fairness.js';
import { h, num, replace, uid } from './dom.js';
import { get, seg } from './api.js';
import { t, label, lang, JOB_TYPES } from './i18n.js';
import { scoreBar, legend, contributionList, explanation, skillsCovered, COMPONENTS } from './explain.js';
import { loading, errorBox, regions, announce } from './ui.js';
import { toCsv, download } from './csv.js';
import { keepAdviceSettings } from './advice.js';

const PAGE_SIZES = [10, 25, 50];
const CSV_ROWS = 500;
/** "No limit on the language gap": the largest gap the API allows. */
const ANY_LANGUAGE_GAP = 6;

/** The filters as the URL holds them, with defaults. */
export function filtersFrom(query) {
  const size = Number(query.get('size'));
  const page = Number(query.get('page'));
  return {
    withinKm: query.get('withinKm') || '',
    region: query.get('region') || '',
    jobType: query.get('jobType') || '',
    essential: query.get('essential') === '1',
    ignoreTravel: query.get('ignoreTravel') === '1',
    relaxLanguage: query.get('relaxLanguage') === '1',
    ...fairnessFrom(query),
    size: PAGE_SIZES.includes(size) ? size : PAGE_SIZES[0],
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

function toQuery(f) {
  const q = new URLSearchParams();
  if (f.withinKm) q.set('withinKm', f.withinKm);
  if (f.region) q.set('region', f.region);
  if (f.jobType) q.set('jobType', f.jobType);
  if (f.essential) q.set('essential', '1');
  if (f.ignoreTravel) q.set('ignoreTravel', '1');
  if (f.relaxLanguage) q.set('relaxLanguage', '1');
  fairnessToQuery(f, q);
  if (f.size !== PAGE_SIZES[0]) q.set('size', String(f.size));
  if (f.page > 1) q.set('page', String(f.page));
  return keepAdviceSettings(q);
}

/** The API parameters for these filters: k and offset for a page, and the filters themselves. */
export function apiParams(f, k, offset) {
  return {
    k, offset, explain: true, lang: lang(),
    withinKm: f.withinKm, region: f.region, jobType: f.jobType,
    requireEssentialSkills: f.essential, ignoreTravelLimit: f.ignoreTravel,
    maxLanguageGap: f.relaxLanguage ? ANY_LANGUAGE_GAP : '',
    ...fairnessParams(f),
  };
}

/**
 * Renders the list into container.
 * @param side 'candidates' (profiles for vacancy id) or 'vacancies' (vacancies for profile id)
 * @param navigate called with a new URLSearchParams to change the filters or page
 */
export async function renderMatches(container, { side, id, query, navigate, signal }) {
  const f = filtersFrom(query);
  const path = side === 'candidates' ? `/vacancies/${seg(id)}/candidates` : `/profiles/${seg(id)}/vacancies`;
  // Asked first, so that the ranking runs on the server while the filters are built.
  // One more than shown: whether there is a next page, without counting every match.
  const asked = get(path, apiParams(f, f.size + 1, (f.page - 1) * f.size), { signal });
  asked.catch(() => { }); // handled below; not an unhandled rejection meanwhile
  const listSlot = h('div', { class: 'match-results', 'aria-busy': 'true' }, loading());
  const form = await filterForm(f, side, navigate);
  const csvButton = h('button', { type: 'button', class: 'button secondary', id: 'csv-download' }, t('results.csv'));
  csvButton.addEventListener('click', () => downloadCsv(csvButton, path, f, side, id));
  replace(container,
    h('div', { class: 'results-layout' },
      h('aside', { class: 'filters card', 'aria-label': t('filters.title') }, h('h3', {}, t('filters.title')), form),
      h('div', { class: 'results-main' },
        h('div', { class: 'results-toolbar' }, legend(), csvButton),
        listSlot)));

  let page;
  try {
    page = await asked;
  } catch (e) {
    if (e.name === 'AbortError') return;
    replace(listSlot, errorBox(e));
    listSlot.removeAttribute('aria-busy');
    return;
  }
  const shown = page.matches.slice(0, f.size);
  const hasNext = page.matches.length > f.size;
  const from = (f.page - 1) * f.size + 1;
  const to = from + shown.length - 1;
  listSlot.removeAttribute('aria-busy');
  if (!shown.length) {
    replace(listSlot, h('p', { class: 'empty', role: 'status', id: 'results-status', tabindex: '-1' }, t('results.none')),
      pager(f, false, navigate));
    announce(t('results.none'));
    return;
  }
  replace(listSlot,
    h('p', { class: 'range', role: 'status', id: 'results-status', tabindex: '-1' }, t('results.range', { from, to })),
    h('ol', { class: 'match-list', start: String(from) }, shown.map((m, i) => matchItem(m, from + i, side))),
    pager(f, hasNext, navigate));
  announce(t('results.range', { from, to }));
}

async function filterForm(f, side, navigate) {
  let regionNames = [];
  try {
    regionNames = await regions();
  } catch {
    // Without the list the region filter offers only "all"; the rest of the page still works.
  }
  const ids = { km: uid('f-km'), region: uid('f-region'), type: uid('f-type'), size: uid('f-size') };
  const km = h('input', { id: ids.km, name: 'withinKm', type: 'number', min: '0', max: '1000', step: '1', inputmode: 'numeric', value: f.withinKm });
  const region = h('select', { id: ids.region, name: 'region' },
    h('option', { value: '' }, t('common.any')),
    regionNames.map((r) => h('option', { value: r, selected: r === f.region }, r)));
  const jobType = h('select', { id: ids.type, name: 'jobType' },
    h('option', { value: '' }, t('common.any')),
    JOB_TYPES.map((j) => h('option', { value: j, selected: j === f.jobType }, label('jobType', j))));
  const check = (name, text, on) => {
    const cid = uid(`f-${name}`);
    return h('div', { class: 'check' },
      h('input', { type: 'checkbox', id: cid, name, checked: on }),
      h('label', { for: cid }, text));
  };
  const size = h('select', { id: ids.size, name: 'size' },
    PAGE_SIZES.map((n) => h('option', { value: String(n), selected: n === f.size }, String(n))));
  const form = h('form', { class: 'filter-form', id: 'filters' },
    h('div', { class: 'field' }, h('label', { for: ids.km }, t('filters.withinKm')), km),
    h('div', { class: 'field' }, h('label', { for: ids.region }, t('filters.region')), region),
    // A vacancy has one job type and its candidates all accept it (a hard filter): only a profile's list filters on it.
    side === 'vacancies' ? h('div', { class: 'field' }, h('label', { for: ids.type }, t('filters.jobType')), jobType) : null,
    check('essential', t('filters.essential'), f.essential),
    check('ignoreTravel', t('filters.ignoreTravel'), f.ignoreTravel),
    check('relaxLanguage', t('filters.relaxLanguage'), f.relaxLanguage),
    side === 'candidates' ? fairnessFields(f) : null,
    h('div', { class: 'field' }, h('label', { for: ids.size }, t('filters.pageSize')), size),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button primary' }, t('common.apply')),
      h('button', { type: 'reset', class: 'button secondary' }, t('common.reset'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    navigate(toQuery({
      withinKm: String(data.get('withinKm') || '').trim(),
      region: data.get('region') || '', jobType: side === 'vacancies' ? data.get('jobType') || '' : '',
      essential: data.has('essential'), ignoreTravel: data.has('ignoreTravel'), relaxLanguage: data.has('relaxLanguage'),
      ...(side === 'candidates' ? fairnessFromForm(data) : {}),
      size: Number(data.get('size')), page: 1,
    }));
  });
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    navigate(keepAdviceSettings(new URLSearchParams()));
  });
  return form;
}

function pager(f, hasNext, navigate) {
  const go = (page) => () => navigate(toQuery({ ...f, page }));
  return h('nav', { class: 'pager', 'aria-label': t('results.paging') },
    h('button', { type: 'button', class: 'button secondary', id: 'page-previous', disabled: f.page <= 1, onclick: go(f.page - 1) },
      `‹ ${t('results.previous')}`),
    h('span', { class: 'pager-page' }, String(f.page)),
    h('button', { type: 'button', class: 'button secondary', id: 'page-next', disabled: !hasNext, onclick: go(f.page + 1) },
      `${t('results.next')} ›`));
}

function dutchSummary(language) {
  const gaps = (language?.skills ?? []).filter((s) => s.gap > 0);
  if (!language) return null;
  if (!gaps.length) return t('match.dutchOk');
  return gaps.map((s) => `${label('skill', String(s.skill).toLowerCase())} ${s.candidate}/${s.effectiveRequired}`).join(', ');
}

function matchItem(m, rank, side) {
  const e = m.explanation;
  const detailId = uid('detail');
  const button = h('button', { type: 'button', class: 'disclosure', 'aria-expanded': 'false', 'aria-controls': detailId },
    h('span', { class: 'chevron', 'aria-hidden': 'true' }), t('match.explain'));
  const detail = h('div', { class: 'match-detail', id: detailId, hidden: true });
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') === 'true';
    if (!open && !detail.firstChild && e) detail.append(explanation(e));
    button.setAttribute('aria-expanded', String(!open));
    detail.hidden = open;
    button.lastChild.textContent = open ? t('match.explain') : t('match.hide');
  });
  const title = side === 'candidates'
    ? h('a', { class: 'match-title', href: `#/profiles/${seg(m.id)}` }, t('match.openProfile', { id: m.id }))
    : h('a', { class: 'match-title', href: `#/vacancies/${seg(m.id)}` }, m.vacancy?.title || m.id);
  const sub = side === 'vacancies' && m.vacancy
    ? h('p', { class: 'match-sub' }, [m.vacancy.employer, m.vacancy.occupationLabel].filter(Boolean).join(' · '))
    : null;
  const d = e?.distance;
  const where = d ? (d.remote ? t('explain.remote')
    : `${num(d.km, 1, lang())} km · ${side === 'candidates' ? d.candidateMunicipality : d.vacancyMunicipality} (${side === 'candidates' ? d.candidateRegion : d.vacancyRegion})`) : null;
  const moved = m.movedUpByFairness === true;
  return h('li', { class: moved ? 'match card fair-moved' : 'match card', 'data-id': m.id, 'data-moved-up': moved ? 'true' : null },
    h('div', { class: 'match-head' },
      h('span', { class: 'rank', 'aria-hidden': 'true' }, String(rank)),
      h('div', { class: 'match-who' }, title, moved ? [' ', h('span', { class: 'tag tag-fair' }, t('fair.movedUp'))] : null, sub,
        h('p', { class: 'match-facts' }, [e ? skillsCovered(e) : null, where, e ? dutchSummary(e.language) : null]
          .filter(Boolean).join(' · '))),
      h('div', { class: 'match-score' },
        h('span', { class: 'score-value' }, num(m.score, 2, lang())),
        scoreBar(m.score, m.contributions)),
      button),
    h('div', { class: 'match-contributions' }, contributionList(m.contributions)),
    detail);
}

async function downloadCsv(button, path, f, side, id) {
  const text = button.textContent;
  button.disabled = true;
  button.textContent = t('results.csvBusy');
  try {
    const page = await get(path, apiParams(f, CSV_ROWS, 0));
    const header = [t('match.rank'), 'id', t('match.score'), ...COMPONENTS.map((c) => t(`component.${c}`)),
      'km', t('explain.from'), t('explain.to'), t('csv.covered'), t('csv.missing')];
    if (side === 'vacancies') header.splice(2, 0, t('col.title'), t('col.employer'));
    const rows = page.matches.map((m, i) => {
      const e = m.explanation;
      const d = e?.distance;
      const covered = (e?.skills ?? []).filter((s) => s.coveredBy).length;
      const missing = (e?.skills ?? []).filter((s) => !s.coveredBy).map((s) => s.requiredLabel || s.requiredId).join(', ');
      const row = [i + 1, m.id, round(m.score), ...COMPONENTS.map((c) => round(m.contributions[c] ?? 0)),
        d && !d.remote ? round(d.km, 1) : '', d ? `${d.candidateMunicipality ?? ''} (${d.candidateRegion ?? ''})` : '',
        d ? `${d.vacancyMunicipality ?? ''} (${d.vacancyRegion ?? ''})` : '', `${covered}/${(e?.skills ?? []).length}`, missing];
      if (side === 'vacancies') row.splice(2, 0, m.vacancy?.title ?? '', m.vacancy?.employer ?? '');
      return row;
    });
    download(`werkmatch-${side}-${id}.csv`, toCsv([header, ...rows], lang()));
    announce(t('results.csvNote', { n: rows.length }));
  } catch (e) {
    button.after(errorBox(e));
  } finally {
    button.disabled = false;
    button.textContent = text;
  }
}

function round(x, digits = 4) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

