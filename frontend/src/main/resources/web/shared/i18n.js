// French and English. French when the browser prefers French, English otherwise; the FR/EN switch wins and is
// remembered (a language choice is not confidential, so it may live in localStorage).
import fr from './i18n/fr.js';
import en from './i18n/en.js';

const DICTIONARIES = { fr, en };
const CHOICE_KEY = 'balint.lang';
const listeners = new Set();

function detect() {
  try {
    const chosen = localStorage.getItem(CHOICE_KEY);
    if (chosen && DICTIONARIES[chosen]) return chosen;
  } catch {
    // no storage: fall through to the browser's preference
  }
  const preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
  for (const tag of preferred) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (primary === 'fr' || primary === 'en') return primary;
  }
  return 'en';
}

let current = detect();

export function lang() { return current; }

/** The string for `key` in the current language, with {name} placeholders filled from `params`. */
export function t(key, params = {}) {
  let value = DICTIONARIES[current][key];
  if (value === undefined) value = DICTIONARIES.en[key];
  if (value === undefined) return key;
  if (typeof value === 'function') return value(params);
  return value.replace(/\{(\w+)\}/g, (_, name) => (params[name] === undefined ? '' : String(params[name])));
}

/** True when `key` exists (used for error codes the page may not know). */
export function has(key) { return DICTIONARIES[current][key] !== undefined || DICTIONARIES.en[key] !== undefined; }

export function onLangChange(fn) { listeners.add(fn); }

export function setLang(next) {
  if (!DICTIONARIES[next]) return;
  current = next;
  try {
    localStorage.setItem(CHOICE_KEY, next);
  } catch {
    // not remembered: fine
  }
  applyLang();
  for (const fn of listeners) fn(next);
}

/** Fills every [data-i18n] element's text and every [data-i18n-attr="attr:key; attr:key"] attribute. */
export function translate(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, k] = pair.split(':').map((s) => s.trim());
      if (attr && k) el.setAttribute(attr, t(k));
    }
  }
}

export function applyLang() {
  document.documentElement.lang = current;
  translate(document);
}

/** The FR/EN switch: two buttons, the current one pressed. */
export function mountLangSwitch(container) {
  container.classList.add('lang-switch');
  container.setAttribute('role', 'group');
  const buttons = [];
  for (const [code, label, name] of [['fr', 'FR', 'Français'], ['en', 'EN', 'English']]) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'lang-btn';
    b.textContent = label;
    b.lang = code;
    // The name starts with what the button shows (WCAG 2.5.3, label in name), then says it in full.
    b.setAttribute('aria-label', `${label} · ${name}`);
    b.dataset.lang = code;
    b.addEventListener('click', () => setLang(code));
    container.append(b);
    buttons.push(b);
  }
  const refresh = () => {
    container.setAttribute('aria-label', t('common.language'));
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === current));
  };
  onLangChange(refresh);
  refresh();
}
