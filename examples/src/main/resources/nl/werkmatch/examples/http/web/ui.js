// Small pieces the views share: loading and error states, fact lists, the list of regions.

import { h } from './dom.js';
import { get, neededRole } from './api.js';
import { t } from './i18n.js';

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('common.loading'));
}

/** A failed request, in words; a 404 says what was not found. */
export function errorBox(error) {
  const title = error?.status === 404 ? t('common.notFound')
    : error?.status === 403 ? t('common.forbidden') : t('common.error');
  const role = error?.status === 403 ? neededRole(error) : null;
  return h('div', { class: 'alert alert-error', role: 'alert' },
    h('p', { class: 'alert-title' }, title),
    role ? h('p', { class: 'needed-role' }, t('common.forbiddenRole', { role: t(`role.${role}`) })) : null,
    error?.message ? h('p', {}, error.message) : null,
    h('p', {}, h('a', { href: '#/' }, t('common.back'))));
}

/** A definition list of [label, value] pairs; pairs without a value are left out. */
export function facts(pairs, className = 'facts') {
  return h('dl', { class: className }, pairs
    .filter(([, value]) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && !value.length))
    .map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]));
}

let regionList = null;
/** The 35 labour market regions, asked once. */
export async function regions() {
  if (!regionList) {
    regionList = get('/regions').then((r) => r.regions).catch((e) => {
      regionList = null;
      throw e;
    });
  }
  return regionList;
}

/** Tells screen reader users what changed (results loaded, page turned). */
export function announce(text) {
  const el = document.getElementById('announcer');
  if (el) {
    el.textContent = '';
    setTimeout(() => { el.textContent = text; }, 50);
  }
}
