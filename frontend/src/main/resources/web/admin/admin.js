// The admin pages: sign-in (or first-admin setup from the one-time link), then groups, people, presets, the outbox
// and the audit log, routed by the address fragment (#/groups/g-…). The session cookie is HttpOnly; the CSRF token
// lives in this page’s memory only. localStorage keeps only the FR/EN choice and a mark that a session may be open.
import { t, applyLang, mountLangSwitch, onLangChange } from '../shared/i18n.js';
import { $, announce } from '../shared/dom.js';
import { get, post, del, setCsrf, onSessionExpired } from './api.js';
import { h, field, input, submitting, fieldError, bind, clear } from './ui.js';
import { explain } from './problems.js';
import { renderGroups, renderGroup, renderNewGroup } from './groups.js';
import { renderMeeting } from './meeting.js';
import { renderPeople } from './people.js';
import { renderPresets, renderOutbox, renderAudit } from './records.js';

const ADMIN_ONLY = new Set(['people', 'presets', 'outbox', 'audit']);
const SIGNED_IN_MARK = 'balint.admin.signedIn';
const state = { account: null, setupToken: null, routeId: 0, hidden: new Set(), notice: null };

applyLang();
mountLangSwitch($('lang-switch'));
onLangChange(() => renderAccount());

// The one-time setup link carries its token in the fragment: take it out of the address bar at once.
const setupMatch = /^#setup=([^&]+)/.exec(location.hash);
if (setupMatch) {
  state.setupToken = decodeURIComponent(setupMatch[1]);
  history.replaceState(null, '', location.pathname);
}

buildSignIn();
buildSetup();
onSessionExpired(() => {
  if (!state.account) return;
  signedOut('signin.expired');
});
window.addEventListener('hashchange', () => { if (state.account) route(true); });
$('sign-out').addEventListener('click', signOut);
start();

async function start() {
  if (state.setupToken) {
    setView('setup');
    return;
  }
  // Asking for a session this browser never opened only earns a 401 (logged by the browser as an error): a mark,
  // not a secret, says whether one may be open (the session itself stays in its HttpOnly cookie).
  if (!mayBeSignedIn()) {
    showSignIn(null);
    return;
  }
  try {
    signedIn(await get('session'));
  } catch (error) {
    if (error.status === 401) markSignedIn(false);
    showSignIn(error.status === 401 ? null : error);
  }
}

function mayBeSignedIn() {
  try {
    return localStorage.getItem(SIGNED_IN_MARK) === 'yes';
  } catch {
    return true; // storage refused: ask the server
  }
}

function markSignedIn(yes) {
  try {
    if (yes) localStorage.setItem(SIGNED_IN_MARK, 'yes');
    else localStorage.removeItem(SIGNED_IN_MARK);
  } catch {
    // not remembered: the next load asks the server
  }
}

// ---- views ---------------------------------------------------------------------------------------------------------

function setView(name) {
  document.body.dataset.view = name;
  for (const v of ['loading', 'signin', 'setup', 'app']) $(`view-${v}`).hidden = v !== name;
  $('admin-nav').hidden = name !== 'app';
  $('sign-out').hidden = name !== 'app';
}

function renderAccount() {
  const line = $('account-line');
  if (!state.account) {
    line.textContent = '';
    return;
  }
  line.textContent = t('admin.accountLine', { email: state.account.email, kind: t(`account.${state.account.kind}`) });
}

function showSignIn(error) {
  setView('signin');
  const note = $('signin-note');
  const form = $('signin-form');
  for (const e of form.querySelectorAll('.form-error')) e.remove();
  if (state.notice) {
    const key = state.notice;
    bind(note, () => t(key));
    note.classList.add('notice', 'notice-calm');
  } else {
    bind(note, () => t('signin.intro'));
    note.classList.remove('notice', 'notice-calm');
  }
  if (error) {
    const line = h('p', { class: 'form-error', attrs: { role: 'alert' } });
    bind(line, () => explain(error));
    form.prepend(line);
  }
}

function signedIn(session) {
  markSignedIn(true);
  state.account = session.account;
  state.notice = null;
  setCsrf(session.csrfToken);
  state.hidden = new Set(state.account.kind === 'ADMIN' ? [] : ADMIN_ONLY);
  for (const a of $('admin-nav').querySelectorAll('a')) a.hidden = state.hidden.has(a.dataset.section);
  renderAccount();
  setView('app');
  if (!location.hash || location.hash === '#' || location.hash === '#/') history.replaceState(null, '', '#/groups');
  route();
}

function signedOut(noticeKey) {
  markSignedIn(false);
  state.account = null;
  state.notice = noticeKey;
  setCsrf(null);
  renderAccount();
  clear($('view-app'));
  showSignIn(null);
}

async function signOut() {
  try {
    await del('session');
  } catch {
    // the session is gone either way
  }
  signedOut('signin.signedOut');
}

// ---- sign-in and setup ---------------------------------------------------------------------------------------------

function buildSignIn() {
  const email = input('email', { autocomplete: 'username', required: true });
  const password = input('password', { autocomplete: 'current-password', required: true });
  $('signin-fields').append(field('email', 'field.email', email), field('password', 'field.password', password));
  const form = $('signin-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitting(form, async () => {
      if (!email.value.trim()) return fieldError(form, 'email', 'problem.required');
      if (!password.value) return fieldError(form, 'password', 'problem.required');
      const session = await post('session', { email: email.value.trim(), password: password.value });
      password.value = '';
      signedIn(session);
      return session;
    });
  });
}

function buildSetup() {
  const email = input('email', { autocomplete: 'username', required: true });
  const password = input('password', { autocomplete: 'new-password', required: true, minlength: '12' });
  $('setup-fields').append(field('email', 'field.email', email),
    field('password', 'field.newPassword', password, { hint: 'setup.passwordHint' }));
  const form = $('setup-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitting(form, async () => {
      if (password.value.length < 12) return fieldError(form, 'password', 'problem.password');
      await post('setup', { token: state.setupToken, email: email.value.trim(), password: password.value });
      state.setupToken = null;
      const session = await post('session', { email: email.value.trim(), password: password.value });
      password.value = '';
      signedIn(session);
      return session;
    });
  });
}

// ---- routing -------------------------------------------------------------------------------------------------------

const ROUTES = {
  groups: (ctx, id) => (id === 'new' ? renderNewGroup(ctx) : id ? renderGroup(ctx, id) : renderGroups(ctx)),
  meetings: (ctx, id) => renderMeeting(ctx, id),
  people: (ctx, id) => renderPeople(ctx, id),
  presets: (ctx) => renderPresets(ctx),
  outbox: (ctx) => renderOutbox(ctx),
  audit: (ctx) => renderAudit(ctx),
};

async function route(moveFocus = false) {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  let section = parts[0] || 'groups';
  if (!ROUTES[section] || state.hidden.has(section)) section = 'groups';
  const routeId = ++state.routeId;
  for (const a of $('admin-nav').querySelectorAll('a')) {
    const current = a.dataset.section === (section === 'meetings' ? 'groups' : section);
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const root = clear($('view-app'));
  root.append(h('p', { class: 'loading', t: 'admin.loading' }));
  const ctx = {
    account: state.account,
    isAdmin: state.account.kind === 'ADMIN',
    root,
    stale: () => routeId !== state.routeId,
    go: (hash) => { if (location.hash === hash) route(); else location.hash = hash; },
    reload: () => route(),
    say: (key, params) => announce($('live-polite'), t(key, params)),
    toast: (error) => toastProblem(error),
    /** A 403 on an admin-only section: hide it from the navigation for this session. */
    forbidden: (name) => {
      state.hidden.add(name);
      const link = $('admin-nav').querySelector(`[data-section="${name}"]`);
      if (link) link.hidden = true;
    },
  };
  try {
    await ROUTES[section](ctx, parts[1] || null);
    if (ctx.stale()) return;
    const heading = root.querySelector('h1');
    if (heading && moveFocus) {
      // A new page for screen readers too: focus its title, as a full page load would.
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
    document.title = `${heading ? heading.textContent : t('admin.name')} — Balint Companion`;
  } catch (error) {
    if (ctx.stale()) return;
    if (!error || !error.problem) throw error;
    if (error.status === 401) return;
    if (error.status === 403 && ADMIN_ONLY.has(section)) ctx.forbidden(section);
    const message = h('p', { class: 'form-error', attrs: { role: 'alert' } });
    bind(message, () => explain(error));
    clear(root).append(h('section', { class: 'card card-message' },
      h('h1', { t: error.status === 403 ? 'admin.forbiddenTitle' : 'admin.errorTitle' }), message,
      h('a', { class: 'btn btn-secondary', attrs: { href: '#/groups' }, t: 'admin.backToGroups' })));
  }
}

/** An API refusal that belongs to no form: a dismissible message in the page's language. */
function toastProblem(error) {
  const box = $('toasts');
  const close = h('button', { class: 'toast-close', text: '×', attrs: { type: 'button' }, tAttrs: { 'aria-label': 'common.dismiss' } });
  const text = h('p');
  bind(text, () => explain(error));
  const node = h('div', { class: 'toast', attrs: { role: 'alert' } }, text, close);
  close.addEventListener('click', () => node.remove());
  window.setTimeout(() => node.remove(), 10000);
  box.append(node);
}

