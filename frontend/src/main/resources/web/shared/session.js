// The join link carries the token in the URL fragment (never sent to a server). We take it out of the address bar
// at once, keep it in this tab's sessionStorage so a reload still works, and never put it in localStorage.

const TOKEN_IN_HASH = /(?:^#|&)token=([^&]+)/;

function key(page) { return `balint.${page}.token`; }

function store(page, token) {
  try {
    sessionStorage.setItem(key(page), token);
  } catch {
    // storage refused (private mode quotas): the page still works until it is reloaded
  }
}

function clearHash() {
  history.replaceState(history.state, '', location.pathname + location.search);
}

/** The token for this page: from the link just opened, else from this tab's session. Null when there is none. */
export function takeToken(page) {
  const m = TOKEN_IN_HASH.exec(location.hash);
  if (m) {
    const token = decodeURIComponent(m[1]);
    store(page, token);
    clearHash();
    return token;
  }
  try {
    return sessionStorage.getItem(key(page));
  } catch {
    return null;
  }
}

/** Hands a token to another page of this tab (e.g. a member link opened on the leader console). */
export function handOver(page, token) { store(page, token); }

/** A new link pasted into the same tab (only the fragment changes, so the page would not reload by itself). */
export function reloadOnNewLink(page) {
  window.addEventListener('hashchange', () => {
    const m = TOKEN_IN_HASH.exec(location.hash);
    if (!m) return;
    store(page, decodeURIComponent(m[1]));
    clearHash();
    location.reload();
  });
}

/**
 * The token's claims, read without verifying (the server verifies): {room, sub, role, exp}. Null if unreadable.
 */
export function readClaims(token) {
  try {
    const part = token.split('.')[1];
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof claims.room !== 'string' || typeof claims.sub !== 'string') return null;
    return claims;
  } catch {
    return null;
  }
}
