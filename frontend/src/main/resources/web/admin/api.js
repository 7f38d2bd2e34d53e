// The admin HTTP API (docs/api.md): the session cookie is HttpOnly and sent by the browser; the CSRF token it comes
// with is kept in this page's memory only and sent as X-CSRF-Token on every write. Every refusal is problem+json.

let csrfToken = null;
const expiredListeners = new Set();

export class ApiError extends Error {
  /** @param {number} status @param {object|null} problem the problem+json body (title, detail, field, warnings…) */
  constructor(status, problem) {
    super((problem && problem.detail) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || { status, title: '', detail: '' };
    this.field = this.problem.field || null;
    this.warnings = Array.isArray(this.problem.warnings) ? this.problem.warnings : [];
  }

  /** 409 "Confirmation needed": the same request may be sent again with "confirm": true. */
  get needsConfirmation() { return this.status === 409 && this.warnings.length > 0; }
}

export function setCsrf(token) { csrfToken = token || null; }

/** Called when the session has expired or was closed elsewhere (any 401 outside sign-in). */
export function onSessionExpired(fn) { expiredListeners.add(fn); }

/**
 * @param {string} method GET, POST, PUT, PATCH, DELETE
 * @param {string} path under /api/, e.g. "groups/g-1/roster"
 * @param {object} [body] sent as JSON
 * @returns {Promise<any>} the JSON answer, or null for 204
 */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(`/api/${path}`, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, { status: 0, title: 'offline', detail: '' });
  }
  if (response.status === 204) return null;
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && path !== 'session' && path !== 'setup') for (const fn of expiredListeners) fn(error);
    throw error;
  }
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body = {}) => api('POST', path, body);
export const put = (path, body = {}) => api('PUT', path, body);
export const patch = (path, body = {}) => api('PATCH', path, body);
export const del = (path) => api('DELETE', path);
