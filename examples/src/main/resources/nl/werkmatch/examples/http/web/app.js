// The page's frame: header, language switch, sign-in, and the hash router that loads one view module per
// route. A view module exports render(main, {params, query, navigate, signal}); adding a view is one line
// in ROUTES.

import { h, replace } from './dom.js';
import { ApiError, token, setToken, clearToken, session } from './api.js';
import { t, lang, setLang, LANGUAGES } from './i18n.js';
import { errorBox, loading } from './ui.js';
import './i18n-panels.js';

const ROUTES = [
  { pattern: /^\/$/, load: () => import('./view-search.js') },
  { pattern: /^\/vacancies\/([^/]+)$/, load: () => import('./view-vacancy.js') },
  { pattern: /^\/profiles\/([^/]+)$/, load: () => import('./view-profile.js') },
  { pattern: /^\/audit$/, load: () => import('./view-audit.js') },
  { pattern: /^\/allocations$/, load: () => import('./view-allocations.js') },
];

const main = document.getElementById('main');
let current = null;
let shownPath = null;
let needsKey = false;
let keyRejected = false;

/** The route in the hash: "#/vacancies/v-1?page=2" is path /vacancies/v-1 with query page=2. */
function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  return { path: path || '/', query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

function navigateTo(path) {
  return (query) => {
    const q = query.toString();
    location.hash = `#${path}${q ? `?${q}` : ''}`;
  };
}

async function route({ focus = true } = {}) {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const { path, query } = parseHash();
  renderHeader();
  renderSignIn();
  const match = ROUTES.map((r) => ({ r, m: path.match(r.pattern) })).find((x) => x.m);
  main.setAttribute('aria-busy', 'true');
  replace(main, loading());
  try {
    if (!match) {
      document.title = 'Werkmatch';
      replace(main, h('div', { class: 'page-head' }, h('h1', { id: 'page-title', tabindex: '-1' }, t('notFound.title')),
        h('p', {}, t('notFound.text')), h('p', {}, h('a', { href: '#/' }, t('common.back')))));
    } else {
      const view = await match.r.load();
      const params = match.m.slice(1).map((p) => decodeURIComponent(p));
      await view.render(main, { params, query, navigate: navigateTo(path), signal: controller.signal });
    }
  } catch (e) {
    if (e.name === 'AbortError' || controller !== current) return;
    if (!(e instanceof ApiError)) console.error(e);
    // A 401 opened the sign-in form above; the page says only what to do.
    replace(main, e.status === 401 ? h('p', { class: 'muted', id: 'signin-wait' }, t('auth.waiting')) : errorBox(e));
  } finally {
    if (controller === current) main.removeAttribute('aria-busy');
  }
  if (focus && controller === current) {
    // A new page: focus its heading, so that keyboard and screen reader users start there. The same page with
    // other filters or another page of results: focus the results, where the change is.
    const samePage = path === shownPath && document.getElementById('results-status');
    (samePage || document.getElementById('page-title') || main).focus({ preventScroll: !samePage });
  }
  if (controller === current) shownPath = path;
}

function renderHeader() {
  const header = document.getElementById('topbar');
  const select = h('select', { id: 'lang-select', name: 'lang' },
    LANGUAGES.map(([code, name]) => h('option', { value: code, selected: code === lang(), lang: code }, name)));
  select.addEventListener('change', () => {
    setLang(select.value);
    route({ focus: false }).then(() => document.getElementById('lang-select')?.focus());
  });
  const state = h('span', { class: 'auth-state', id: 'auth-state' }, t('auth.signedIn'));
  if (token()) {
    // The key's name and roles, once the server has said them (a 401 opens the sign-in form instead).
    session().then((s) => {
      if (s.keys) state.textContent = t('auth.signedInAs', { key: s.key, roles: s.roles.map((r) => t(`role.${r}`)).join(', ') });
    }).catch(() => { });
  }
  const auth = token()
    ? h('div', { class: 'auth' }, state,
      h('button', { type: 'button', class: 'button ghost', id: 'sign-out', onclick: () => { clearToken(); route(); } }, t('auth.signOut')))
    : null;
  replace(header,
    h('div', { class: 'topbar-inner' },
      h('a', { class: 'brand', href: '#/' },
        h('img', { src: new URL('./logo.svg', import.meta.url).pathname, alt: '', width: '28', height: '28' }),
        h('span', { class: 'brand-name' }, 'Werkmatch'),
        h('span', { class: 'brand-tagline' }, t('app.tagline'))),
      h('nav', { class: 'mainnav', 'aria-label': t('nav.main') },
        [['/', 'nav.search'], ['/audit', 'nav.audit'], ['/allocations', 'nav.allocations']].map(([path, key]) =>
          h('a', { href: `#${path}`, 'aria-current': parseHash().path === path ? 'page' : null }, t(key)))),
      h('div', { class: 'tools' },
        h('label', { for: 'lang-select' }, t('app.language')), select, auth)));
  const skip = document.getElementById('skip-link');
  skip.textContent = t('app.skip');
  replace(document.getElementById('footer'), h('p', {}, t('app.footer')));
}

function renderSignIn() {
  const slot = document.getElementById('signin');
  if (!needsKey) {
    replace(slot);
    return;
  }
  const input = h('input', { id: 'token-input', name: 'token', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const form = h('form', { class: 'signin card', id: 'signin-form', 'aria-labelledby': 'signin-title' },
    h('h2', { id: 'signin-title' }, t('auth.title')),
    h('p', {}, keyRejected ? t('auth.rejected') : t('auth.needed')),
    h('div', { class: 'field' }, h('label', { for: 'token-input' }, t('auth.token')), input),
    h('button', { type: 'submit', class: 'button primary' }, t('auth.submit')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) return;
    setToken(value);
    needsKey = false;
    keyRejected = false;
    route();
  });
  replace(slot, form);
}

window.addEventListener('werkmatch:unauthorized', (event) => {
  if (event.detail.hadToken) clearToken();
  needsKey = true;
  // A request sent before the key was given may answer 401 after it was refused; keep saying it was refused.
  keyRejected = keyRejected || event.detail.hadToken;
  renderHeader();
  renderSignIn();
  document.getElementById('token-input')?.focus();
});

document.getElementById('skip-link').addEventListener('click', (event) => {
  // The hash is the router's; move focus without changing it.
  event.preventDefault();
  main.focus();
});

window.addEventListener('hashchange', () => route());
setLang(lang());
route({ focus: false });
