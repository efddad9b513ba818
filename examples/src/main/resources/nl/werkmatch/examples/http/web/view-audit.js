// #/audit: the inclusion audit. The settings live in the URL; "run=1" in it runs the audit (GET /audit is
// synchronous and can take minutes, so it never runs just by opening the page without asking).

import { h, num, replace, uid } from './dom.js';
import { ApiError, get, getText, session, seg, token } from './api.js';
import { t, lang } from './i18n.js';
import './i18n-panels.js';
import { errorBox, regions, announce } from './ui.js';
import { bars, lorenz } from './svg.js';
import { download } from './csv.js';
import { firstSuggestion, firstSuggestionCell } from './advice.js';

/** The never-recommended ids shown in the page; the JSON and the HTML report hold them all. */
const NEVER_SHOWN = 200;
/** The last report and the settings it was run with: switching language or returning redraws it without a new run. */
let last = { key: null, report: null };

export async function render(main, { query, navigate, signal }) {
  document.title = `${t('audit.title')} – Werkmatch`;
  const head = h('header', { class: 'page-head' },
    h('h1', { id: 'page-title', tabindex: '-1' }, t('audit.title')),
    h('p', { class: 'lead' }, t('audit.lead')));
  const s = await session();
  if (s.keys && !s.roles.includes('audit') && !s.roles.includes('admin')) {
    main.replaceChildren(head, h('div', { class: 'alert alert-error', role: 'alert', id: 'audit-no-role' },
      h('p', { class: 'alert-title' }, t('common.forbidden')), h('p', { class: 'needed-role' }, t('audit.noRole', { role: t('role.audit') }))));
    return;
  }
  const params = paramsFrom(query);
  const form = await settingsForm(params, navigate);
  const result = h('div', { id: 'audit-result' });
  main.replaceChildren(head, h('section', { class: 'card', 'aria-labelledby': 'audit-params-title' },
    h('h2', { id: 'audit-params-title', class: 'minor' }, t('audit.params')), form), result);
  if (!query.has('run')) {
    replace(result, h('p', { class: 'muted' }, t('audit.notRun')));
    return;
  }
  const key = JSON.stringify([token(), query.toString()]);
  if (last.key === key) {
    replace(result, reportView(last.report, params));
    return;
  }
  await run(result, params, signal, key);
}

function paramsFrom(query) {
  return {
    k: query.get('k') || '20', minScore: query.get('minScore') || '', day: query.get('day') || '',
    region: query.get('region') || '', eligibleCounts: query.get('eligibleCounts') === '1',
  };
}

function apiParams(p) {
  return { k: p.k, minScore: p.minScore, day: p.day, region: p.region, eligibleCounts: p.eligibleCounts ? 'true' : 'false', lang: lang() };
}

async function settingsForm(p, navigate) {
  let names = [];
  try {
    names = await regions();
  } catch {
    // Without the list the audit runs for the whole country; the rest works.
  }
  const ids = { k: uid('k'), min: uid('min'), day: uid('day'), region: uid('region'), eligible: uid('eligible') };
  const form = h('form', { class: 'panel-form', id: 'audit-form' },
    h('div', { class: 'field' }, h('label', { for: ids.k }, t('audit.k')),
      h('input', { id: ids.k, name: 'k', type: 'number', min: '1', max: '1000', required: true, value: p.k })),
    h('div', { class: 'field' }, h('label', { for: ids.min }, t('audit.minScore')),
      h('input', { id: ids.min, name: 'minScore', type: 'number', min: '0', max: '1', step: '0.01', value: p.minScore })),
    h('div', { class: 'field' }, h('label', { for: ids.day }, t('audit.day')),
      h('input', { id: ids.day, name: 'day', type: 'date', value: p.day })),
    h('div', { class: 'field' }, h('label', { for: ids.region }, t('audit.region')),
      h('select', { id: ids.region, name: 'region' }, h('option', { value: '' }, t('audit.allRegions')),
        names.map((r) => h('option', { value: r, selected: r === p.region }, r)))),
    h('div', { class: 'check' }, h('input', { id: ids.eligible, name: 'eligibleCounts', type: 'checkbox', checked: p.eligibleCounts }),
      h('label', { for: ids.eligible }, t('audit.eligible'))),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button primary', id: 'audit-run' }, t('audit.run'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const q = new URLSearchParams();
    for (const name of ['k', 'minScore', 'day', 'region']) if (data.get(name)) q.set(name, data.get(name));
    if (data.has('eligibleCounts')) q.set('eligibleCounts', '1');
    q.set('run', String(Date.now())); // a new value, so that running again with the same settings reloads
    navigate(q);
  });
  return form;
}

async function run(result, p, signal, key) {
  const started = Date.now();
  const elapsed = h('span', { class: 'elapsed' }, t('audit.elapsed', { s: 0 }));
  replace(result, h('div', { class: 'card busy', role: 'status', 'aria-busy': 'true', id: 'audit-busy' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', {}, t('audit.running')), ' ', elapsed));
  const timer = setInterval(() => { elapsed.textContent = t('audit.elapsed', { s: Math.round((Date.now() - started) / 1000) }); }, 1000);
  let report;
  try {
    report = await get('/audit', apiParams(p), { signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    if (e instanceof ApiError && e.status === 409) {
      replace(result, h('div', { class: 'alert alert-warn', role: 'alert', id: 'audit-conflict' }, h('p', {}, t('audit.busy')),
        h('button', { type: 'button', class: 'button secondary', onclick: () => run(result, p, signal, key) }, t('audit.retry'))));
      return;
    }
    replace(result, errorBox(e));
    return;
  } finally {
    clearInterval(timer);
  }
  last = { key, report };
  replace(result, reportView(report, p));
  announce(`${t('audit.never')}: ${neverCount(report)}`);
}

function pct(x) {
  return `${num(x * 100, 1, lang())}%`;
}

function reportView(r, p) {
  const htmlButton = h('button', { type: 'button', class: 'button secondary', id: 'audit-html' }, t('audit.html'));
  htmlButton.addEventListener('click', async () => {
    htmlButton.disabled = true;
    try {
      const text = await getText('/audit', apiParams(p), 'text/html');
      download(`werkmatch-audit-${r.day}.html`, text, 'text/html;charset=utf-8');
    } catch (e) {
      htmlButton.after(errorBox(e));
    } finally {
      htmlButton.disabled = false;
    }
  });
  return h('div', { class: 'audit-report' },
    h('section', { class: 'card', 'aria-labelledby': 'audit-summary-title' },
      h('div', { class: 'section-head' }, h('h2', { id: 'audit-summary-title' }, t('audit.summary')), htmlButton),
      h('ul', { class: 'stat-row', id: 'audit-stats' },
        stat('vacancies', t('audit.vacancies'), r.vacancies),
        stat('profiles', t('audit.profiles'), r.profiles),
        stat('recommended', t('audit.recommended'), r.recommended),
        stat('never', t('audit.never'), neverCount(r)),
        stat('slots', t('audit.slots'), r.slots))),
    groupsSection(r),
    congestionSection(r),
    neverSection(r),
    unfilledSection(r));
}

function stat(key, name, value) {
  return h('li', { class: 'stat', 'data-stat': key }, h('span', { class: 'stat-value' }, num(value, 0, lang())), h('span', { class: 'stat-name' }, name));
}

function table(id, caption, head, rows) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data', id },
    h('caption', { class: 'sr-only' }, caption),
    h('thead', {}, h('tr', {}, head.map(([text, numeric]) => h('th', { scope: 'col', class: numeric ? 'num' : null }, text)))),
    h('tbody', {}, rows)));
}

function groupsSection(r) {
  const entries = Object.entries(r.groups || {});
  return h('section', { class: 'card', 'aria-labelledby': 'audit-groups-title' },
    h('h2', { id: 'audit-groups-title' }, t('audit.rateChart')),
    entries.length ? null : h('p', { class: 'muted' }, t('audit.noGroups')),
    entries.map(([attribute, rows]) => {
      const name = t(`audit.group.${attribute}`);
      const rate = (row) => (row.profiles ? row.recommended / row.profiles : 0);
      const best = Math.max(0, ...rows.map(rate));
      return h('div', { class: 'group', 'data-attribute': attribute },
        h('h3', { class: 'minor' }, name),
        rows.length ? [
          bars(rows.map((row) => ({ label: row.value, value: rate(row), text: pct(rate(row)), flagged: row.belowFourFifths })),
            { id: `chart-rate-${attribute}`, title: `${t('audit.rateChart')}: ${name}`, description: t('audit.rateDesc'), max: 1,
              line: best > 0 ? 0.8 * best : null, lineLabel: t('audit.fourFifths') }),
          table(`groups-${attribute}`, name,
            [[t('audit.col.value')], [t('audit.col.profiles'), 1], [t('audit.col.recommended'), 1], [t('audit.col.rate'), 1],
              [t('audit.col.profileShare'), 1], [t('audit.col.slotShare'), 1], [t('audit.col.ratio'), 1], [t('audit.col.flag')]],
            rows.map((row) => h('tr', { class: row.belowFourFifths ? 'flagged' : null, 'data-value': row.value },
              h('td', {}, row.value), h('td', { class: 'num' }, num(row.profiles, 0, lang())),
              h('td', { class: 'num' }, num(row.recommended, 0, lang())), h('td', { class: 'num' }, pct(rate(row))),
              h('td', { class: 'num' }, pct(row.profileShare)), h('td', { class: 'num' }, pct(row.slotShare)),
              h('td', { class: 'num' }, row.ratio == null ? '–' : num(row.ratio, 2, lang())),
              h('td', {}, row.belowFourFifths ? h('span', { class: 'tag tag-bad' }, t('audit.flagged')) : t('audit.ok')))))]
          : h('p', { class: 'muted' }, t('audit.noGroups')));
    }));
}

function congestionSection(r) {
  const c = r.congestion;
  return h('section', { class: 'card', 'aria-labelledby': 'audit-congestion-title' },
    h('h2', { id: 'audit-congestion-title' }, t('audit.congestion')),
    h('div', { class: 'two-col' },
      h('ul', { class: 'stat-row vertical', id: 'audit-congestion' },
        h('li', { class: 'stat', 'data-stat': 'gini' }, h('span', { class: 'stat-value' }, num(c.gini, 3, lang())), h('span', { class: 'stat-name' }, t('audit.gini'))),
        h('li', { class: 'stat' }, h('span', { class: 'stat-value' }, pct(c.top1PercentShare)), h('span', { class: 'stat-name' }, t('audit.top1'))),
        h('li', { class: 'stat' }, h('span', { class: 'stat-value' }, pct(c.top10PercentShare)), h('span', { class: 'stat-name' }, t('audit.top10'))),
        c.mostExposed?.length ? h('li', { class: 'stat' }, h('span', { class: 'stat-value' }, num(c.mostExposed[0], 0, lang())), h('span', { class: 'stat-name' }, t('audit.mostExposed'))) : null),
      c.lorenz?.length > 1 ? lorenz(c.lorenz, { id: 'chart-lorenz', title: t('audit.lorenz'),
        description: t('audit.lorenzDesc', { gini: num(c.gini, 3, lang()) }), xLabel: t('audit.lorenzX'), yLabel: t('audit.lorenzY') }) : null));
}

/** Everyone on no list: the JSON lists at most its limit of them, the count covers all. */
function neverCount(r) {
  return r.neverRecommendedCount ?? r.neverRecommended.length;
}

function neverSection(r) {
  const reasons = Object.entries(r.neverRecommendedByReason || {});
  const maxReason = Math.max(0, ...reasons.map(([, n]) => n));
  const regionRows = r.neverRecommendedByRegion || [];
  const maxRegion = Math.max(0, ...regionRows.map((x) => x.count));
  const shown = r.neverRecommended.slice(0, NEVER_SHOWN);
  // The audit may carry advice for some entries; a column only when one has it.
  const neverAdvice = shown.some((n) => firstSuggestion(n.advice));
  return h('section', { class: 'card', 'aria-labelledby': 'audit-never-title' },
    h('h2', { id: 'audit-never-title' }, t('audit.never')),
    h('div', { class: 'two-col' },
      h('div', {}, h('h3', { class: 'minor' }, t('audit.byReason')),
        bars(reasons.map(([reason, n]) => ({ label: t(`reason.${reason}`), value: n, text: num(n, 0, lang()) })),
          { id: 'chart-reason', title: t('audit.byReason'), description: reasons.map(([reason, n]) => `${t(`reason.${reason}`)}: ${n}`).join('; '), max: maxReason })),
      h('div', {}, h('h3', { class: 'minor' }, t('audit.byRegion')),
        regionRows.length ? bars(regionRows.map((x) => ({ label: x.value, value: x.count, text: num(x.count, 0, lang()) })),
          { id: 'chart-region', title: t('audit.byRegion'), description: regionRows.map((x) => `${x.value}: ${x.count}`).join('; '), max: maxRegion })
          : h('p', { class: 'muted' }, '–'))),
    h('h3', { class: 'minor' }, t('audit.neverList')),
    neverCount(r) > shown.length ? h('p', { class: 'muted' }, t('audit.neverShown', { n: shown.length, total: neverCount(r) })) : null,
    table('audit-never', t('audit.neverList'), [[t('audit.col.id')], [t('audit.col.reason')], [t('audit.col.eligible'), 1],
      neverAdvice ? [t('advice.audit.first')] : null].filter(Boolean),
      shown.map((n) => h('tr', { 'data-id': n.id },
        h('td', {}, h('a', { href: `#/profiles/${seg(n.id)}` }, n.id)),
        h('td', {}, t(`reason.${n.reason}`)),
        h('td', { class: 'num' }, n.eligible == null ? '–' : num(n.eligible, 0, lang())),
        neverAdvice ? firstSuggestionCell(n, 'vacancies') : null)))
  );
}

function unfilledSection(r) {
  const rows = r.unfilledVacancies || [];
  const unfilledAdvice = rows.some((v) => firstSuggestion(v.advice));
  return h('section', { class: 'card', 'aria-labelledby': 'audit-unfilled-title' },
    h('h2', { id: 'audit-unfilled-title' }, t('audit.unfilled')),
    rows.length ? table('audit-unfilled', t('audit.unfilled'), [[t('audit.col.id')], [t('audit.col.title')], [t('audit.col.region')],
      unfilledAdvice ? [t('advice.audit.first')] : null].filter(Boolean),
      rows.map((v) => h('tr', { 'data-id': v.id },
        h('td', {}, h('a', { href: `#/vacancies/${seg(v.id)}` }, v.id)), h('td', {}, v.title || '–'), h('td', {}, v.region || '–'),
        unfilledAdvice ? firstSuggestionCell(v, 'candidates') : null)))
      : h('p', { class: 'muted' }, t('audit.noUnfilled')));
}
