// Small DOM helpers. No innerHTML with data: every text goes through textContent.
import { t, has } from './i18n.js';

export const $ = (id) => document.getElementById(id);

/** el('button', {class: 'btn', text: 'Go', attrs: {type: 'button'}, on: {click: fn}}, ...children) */
export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  if (options.class) node.className = options.class;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.attrs) for (const [k, v] of Object.entries(options.attrs)) if (v !== null && v !== undefined) node.setAttribute(k, v);
  if (options.on) for (const [k, fn] of Object.entries(options.on)) node.addEventListener(k, fn);
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

export function show(node, visible) { node.hidden = !visible; }

/**
 * Keyed list rendering that keeps elements (and so keyboard focus) across updates. `create(item)` makes the
 * element for a new key, `update(node, item, index)` refreshes it. When the focused element is removed, focus moves
 * to the element now at its place (or the container), never to the page's body.
 */
export function syncList(container, items, keyOf, create, update) {
  const active = document.activeElement;
  const existing = new Map();
  for (const child of Array.from(container.children)) existing.set(child.dataset.key, child);
  const wanted = new Set(items.map(keyOf));
  let lostFocusAt = -1;
  let index = 0;
  for (const child of Array.from(container.children)) {
    if (!wanted.has(child.dataset.key)) {
      if (active && child.contains(active)) lostFocusAt = index;
      child.remove();
    } else {
      index += 1;
    }
  }
  items.forEach((item, i) => {
    const key = keyOf(item);
    let node = existing.get(key);
    if (!node || !node.isConnected) {
      node = create(item);
      node.dataset.key = key;
    }
    update(node, item, i);
    const at = container.children[i];
    if (at !== node) container.insertBefore(node, at || null);
  });
  if (active && active !== document.activeElement && active.isConnected) active.focus();
  if (lostFocusAt >= 0) {
    const target = container.children[Math.min(lostFocusAt, container.children.length - 1)];
    const focusable = target && target.querySelector('button:not([disabled]), select, input, [tabindex]');
    if (focusable) focusable.focus();
    else {
      container.setAttribute('tabindex', '-1');
      container.focus();
    }
  }
}

/** Makes a live region speak `text`, even when it is the same text as last time. */
export function announce(region, text) {
  region.textContent = '';
  window.setTimeout(() => { region.textContent = text; }, 60);
}

/** A polite, dismissible message for a refused command, translated by its code. */
export function toast(container, code) {
  const key = `error.${code}`;
  const text = has(key) ? t(key) : t('error.generic');
  for (const existing of container.querySelectorAll('.toast')) {
    if (existing.dataset.code === code) existing.remove();
  }
  const close = el('button', { class: 'toast-close', text: '×', attrs: { type: 'button', 'aria-label': t('common.dismiss') } });
  const node = el('div', { class: 'toast', attrs: { role: 'alert', 'data-code': code } }, el('p', { text }), close);
  const remove = () => node.remove();
  close.addEventListener('click', remove);
  window.setTimeout(remove, 8000);
  container.append(node);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const ICONS = {
  hand: 'M9 11V5.5a1.5 1.5 0 0 1 3 0V10m0-1.5v-4a1.5 1.5 0 0 1 3 0V10m0-3.5a1.5 1.5 0 0 1 3 0V14a7 7 0 0 1-7 7h-.6a7 7 0 0 1-5.3-2.4L3.5 16.5a1.6 1.6 0 0 1 2.3-2.2L9 17V11m0 0V8a1.5 1.5 0 0 0-3 0v6',
  mic: 'M12 3a3 3 0 0 1 3 3v6a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3zm-7 9a7 7 0 0 0 14 0M12 19v3',
  grip: 'M9 5h.01M15 5h.01M9 12h.01M15 12h.01M9 19h.01M15 19h.01',
  up: 'M12 19V5m-6 6 6-6 6 6',
  down: 'M12 5v14m6-6-6 6-6-6',
  check: 'M5 12.5 10 17 19 7',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
};

/** A decorative line icon (hidden from screen readers: the text next to it says the same). */
export function icon(name, extraClass = '') {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', `icon ${extraClass}`.trim());
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}
