// The only place that talks to the server. A key, when the user gave one, lives in sessionStorage (gone when
// the tab closes) and goes with every request as "Authorization: Bearer <key>". A 401 tells the page to ask
// for a key; a 403 means the key may not see this.

const TOKEN_KEY = 'werkmatch.token';

/** A failed request: its status and the RFC 9457 problem document the server sent, when it sent one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(value) {
  sessionStorage.setItem(TOKEN_KEY, value);
}

export function clearToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The URL of path with params as query parameters; arrays repeat, empty values are left out. */
export function url(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== '' && v !== false) query.append(name, String(v));
    }
  }
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

/** GET path as JSON; throws ApiError for an answer that is not 2xx. */
export async function get(path, params, { signal } = {}) {
  return (await send('GET', path, params, { signal })).json();
}

/** POST body as JSON to path, the answer as JSON; throws ApiError for an answer that is not 2xx. */
export async function post(path, body, { signal } = {}) {
  return (await send('POST', path, null, { signal, body })).json();
}

/** GET path as text of the given media type (the HTML audit report); throws ApiError for an answer that is not 2xx. */
export async function getText(path, params, accept, { signal } = {}) {
  return (await send('GET', path, params, { signal, accept })).text();
}

async function send(method, path, params, { signal, body, accept = 'application/json' }) {
  const headers = { Accept: accept };
  const key = token();
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url(path, params), {
    method, headers, signal, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // Not a problem document (a proxy's page): the status says enough.
    }
    if (response.status === 401) {
      window.dispatchEvent(new CustomEvent('werkmatch:unauthorized', { detail: { hadToken: Boolean(key) } }));
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

let sessionFor = null;
let sessionAnswer = null;
/**
 * The signed-in key as the server knows it: {keys, key, roles}, asked once per key. Only the server decides
 * what a key may do; the page uses this to say who is signed in and to leave out what the key may not use.
 */
export function session() {
  const key = token();
  if (sessionFor !== key || !sessionAnswer) {
    sessionFor = key;
    sessionAnswer = get('/session').catch((e) => {
      sessionAnswer = null;
      throw e;
    });
  }
  return sessionAnswer;
}

/** The role a 403 names ('the key "x" does not have the role "write" that ... needs'), or null. */
export function neededRole(error) {
  const m = /the role "([a-z]+)"/.exec(error?.problem?.detail || '');
  return m ? m[1] : null;
}

/** The path segment for an id (ids may hold any character). */
export function seg(id) {
  return encodeURIComponent(id);
}
