// Building blocks of the admin pages: elements whose texts follow the FR/EN switch, labelled fields with their error
// line, problem display next to the field the API names, two-step buttons, the time-zone chooser, and dates.
import { t, lang, onLangChange } from '../shared/i18n.js';
import { explain } from './problems.js';
import { viewerZone, zoneCity } from '../shared/format.js';

export { viewerZone };

// ---- texts that follow the language --------------------------------------------------------------------------------

const bound = new Map(); // node -> [apply]

/** Sets node's text (or `attr`) from fn() now and again whenever the language changes. */
export function bind(node, fn, attr = null) {
  const apply = () => {
    const value = fn();
    if (attr) node.setAttribute(attr, value);
    else node.textContent = value;
  };
  apply();
  const list = bound.get(node) || [];
  list.push(apply);
  bound.set(node, list);
  return node;
}

onLangChange(() => {
  for (const [node, list] of bound) {
    if (!node.isConnected) bound.delete(node);
    else for (const apply of list) apply();
  }
});

/** Text of `key` with `params`, as a function for bind(); a function is passed through. */
const textOf = (key, params) => (typeof key === 'function' ? key : () => t(key, params));

/**
 * h('button', {class, t: 'key' | () => text, params, text: 'literal', attrs, tAttrs: {'aria-label': key}, on}, ...children)
 */
export function h(tag, o = {}, ...children) {
  const node = document.createElement(tag);
  if (o.class) node.className = o.class;
  if (o.id) node.id = o.id;
  if (o.text !== undefined && o.text !== null) node.textContent = o.text;
  if (o.t) bind(node, textOf(o.t, o.params));
  if (o.attrs) for (const [k, v] of Object.entries(o.attrs)) if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? '' : v);
  if (o.tAttrs) for (const [k, key] of Object.entries(o.tAttrs)) bind(node, textOf(key), k);
  if (o.on) for (const [k, fn] of Object.entries(o.on)) node.addEventListener(k, fn);
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

export function clear(node) { node.replaceChildren(); return node; }

// ---- fields --------------------------------------------------------------------------------------------------------

let fieldCounter = 0;

/**
 * A labelled control with its hint and its error line. `name` is the API's field name: a problem naming it is shown
 * here. Returns the wrapper; the control is wrapper.control.
 */
export function field(name, labelKey, control, { hint = null, id = null } = {}) {
  fieldCounter += 1;
  const controlId = id || control.id || `f-${name}-${fieldCounter}`;
  control.id = controlId;
  control.dataset.field = name;
  const hintNode = hint ? h('p', { class: 'field-hint', id: `${controlId}-hint`, t: hint }) : null;
  const error = h('p', { class: 'field-error', id: `${controlId}-error`, attrs: { hidden: true } });
  control.setAttribute('aria-describedby', [hintNode ? hintNode.id : null, error.id].filter(Boolean).join(' '));
  const wrap = h('div', { class: 'field', attrs: { 'data-field-wrap': name } },
    h('label', { class: 'field-label', t: labelKey, attrs: { for: controlId } }), control, hintNode, error);
  wrap.control = control;
  wrap.error = error;
  return wrap;
}

export function input(type = 'text', attrs = {}) {
  return h('input', { class: 'input', attrs: { type, ...attrs } });
}

/** A <select> of values; `labelOf(value)` gives each option's text (re-done when the language changes). */
export function select(values, labelOf, attrs = {}) {
  return h('select', { attrs }, values.map((v) => h('option', { attrs: { value: v }, t: () => labelOf(v) })));
}

/** A checkbox with its label, as a 44 px high row. */
export function checkbox(name, labelKey, { hint = null } = {}) {
  const box = h('input', { attrs: { type: 'checkbox' } });
  box.dataset.field = name;
  fieldCounter += 1;
  box.id = `f-${name}-${fieldCounter}`;
  const error = h('p', { class: 'field-error', id: `${box.id}-error`, attrs: { hidden: true } });
  const wrap = h('div', { class: 'field field-check', attrs: { 'data-field-wrap': name } },
    h('label', { class: 'switch', attrs: { for: box.id } }, box, h('span', { t: labelKey })),
    hint ? h('p', { class: 'field-hint', t: hint }) : null, error);
  wrap.control = box;
  wrap.error = error;
  return wrap;
}

/** Removes every error shown in `form`. */
export function clearErrors(form) {
  for (const e of form.querySelectorAll('.field-error, .form-error')) {
    e.hidden = true;
    e.textContent = '';
  }
  for (const c of form.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
}

/**
 * Shows an API refusal next to the field it names (found by data-field in `form`), else in the form's general error
 * line. The text follows the language switch. Focus goes to the field at fault.
 */
export function showProblem(form, error, { focus = true } = {}) {
  const message = () => explain(error);
  const control = error.field ? form.querySelector(`[data-field="${CSS.escape(error.field)}"]`) : null;
  if (control) {
    const wrap = control.closest('[data-field-wrap]');
    const line = wrap ? wrap.querySelector('.field-error') : null;
    if (line) {
      bind(line, message);
      line.hidden = false;
      control.setAttribute('aria-invalid', 'true');
      if (focus) control.focus();
      return;
    }
  }
  let general = form.querySelector(':scope > .form-error');
  if (!general) {
    general = h('p', { class: 'form-error', attrs: { role: 'alert' } });
    form.prepend(general);
  }
  bind(general, message);
  general.hidden = false;
}

/** A client-side check failed: shown like an API refusal naming `name`. */
export function fieldError(form, name, key, params = {}) {
  const control = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
  const wrap = control && control.closest('[data-field-wrap]');
  const line = wrap && wrap.querySelector('.field-error');
  if (!line) return;
  bind(line, () => t(key, params));
  line.hidden = false;
  control.setAttribute('aria-invalid', 'true');
  control.focus();
}

/** Disables a form's submit button while `work` runs; API refusals land next to their field. */
export async function submitting(form, work) {
  const buttons = form.querySelectorAll('button[type="submit"]');
  for (const b of buttons) b.disabled = true;
  form.setAttribute('aria-busy', 'true');
  clearErrors(form);
  try {
    return await work();
  } catch (error) {
    if (error && error.problem) showProblem(form, error);
    else throw error;
    return undefined;
  } finally {
    for (const b of buttons) b.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

/**
 * A button that asks once more before doing something that cannot be undone: the first press turns it into
 * "Confirm: …" for five seconds.
 */
export function twoStepButton(labelKey, confirmKey, action, { class: cls = 'btn btn-quiet btn-small', params = {}, ariaKey = null } = {}) {
  let armed = null;
  const button = h('button', { class: cls, attrs: { type: 'button' } });
  const label = () => (armed ? t(confirmKey, params) : t(labelKey, params));
  bind(button, label);
  if (ariaKey) bind(button, () => (armed ? t(confirmKey, params) : t(ariaKey, params)), 'aria-label');
  button.addEventListener('click', async () => {
    if (!armed) {
      armed = window.setTimeout(() => { armed = null; button.classList.remove('is-confirming'); button.textContent = label(); }, 5000);
      button.classList.add('is-confirming');
      button.textContent = label();
      return;
    }
    window.clearTimeout(armed);
    armed = null;
    button.classList.remove('is-confirming');
    button.textContent = label();
    button.disabled = true;
    try {
      await action();
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

// ---- time zones ----------------------------------------------------------------------------------------------------

let zones = null;

function allZones() {
  if (!zones) {
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = [];
    }
    for (const z of ['UTC', 'Europe/Paris', 'America/Montreal', 'America/Toronto', 'Europe/Brussels', 'Europe/Zurich', viewerZone()]) {
      if (!zones.includes(z)) zones = [...zones, z];
    }
    zones = [...zones].sort();
  }
  return zones;
}

/**
 * The time-zone chooser: a text field that suggests every IANA zone the browser knows as you type ("Paris",
 * "Montreal"). The server checks the name and says so next to the field when it does not know it.
 */
export function zoneInput(value) {
  let list = document.getElementById('tz-list');
  if (!list) {
    list = h('datalist', { id: 'tz-list' }, allZones().map((z) => h('option', { attrs: { value: z } })));
    document.body.append(list);
  }
  return input('text', {
    list: 'tz-list', value: value || '', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off', placeholder: 'Europe/Paris',
  });
}

// ---- dates ---------------------------------------------------------------------------------------------------------

const locale = () => (lang() === 'fr' ? 'fr-FR' : 'en-GB');

/** Date and time in `zone`, assembled from their parts so both languages read "mar. 12 janv. 2027" / "Tue 12 Jan 2027". */
function parts(iso, zone) {
  const d = new Date(iso);
  const p = {};
  for (const part of new Intl.DateTimeFormat(locale(), {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone,
  }).formatToParts(d)) p[part.type] = part.value;
  const dateNoYear = `${p.weekday} ${p.day} ${p.month}`;
  return { date: `${dateNoYear} ${p.year}`, dateNoYear, time: `${p.hour}:${p.minute}` };
}

/** "mar. 12 janv. 2027, 19:30" in `zone`. */
export function dateTime(iso, zone) {
  const p = parts(iso, zone);
  return `${p.date}, ${p.time}`;
}

/**
 * A meeting's time in its group's zone, with the viewer's own time beside it when their zone differs:
 * "mar. 12 janv. 2027, 19:30 (Europe/Paris) — chez vous 13:30".
 */
export function meetingTime(iso, zone) {
  const there = parts(iso, zone);
  // The city people know ("heure de Paris"), not the zone's id.
  const main = t('time.inZone', { when: `${there.date}, ${there.time}`, city: zoneCity(zone) });
  const mine = viewerZone();
  const here = parts(iso, mine);
  if (here.date === there.date && here.time === there.time) return main;
  const yours = here.date === there.date ? here.time : `${here.dateNoYear}, ${here.time}`;
  return `${main} — ${t('time.atYours', { time: yours })}`;
}

/** The same, as two spans: the group's time, and the viewer's own beside it in a quieter voice. */
export function meetingTimeNodes(iso, zone) {
  const main = h('span', { class: 'when-main' });
  const yours = h('span', { class: 'when-yours' });
  const update = () => {
    const [first, ...rest] = meetingTime(iso, zone).split(' — ');
    main.textContent = first;
    yours.textContent = rest.length ? ` — ${rest.join(' — ')}` : '';
    return main.textContent;
  };
  bind(main, update);
  return [main, yours];
}

/** A local date-time as planned ("2027-01-12T19:30"), written out: "mar. 12 janv. 2027, 19:30". */
export function localDateTime(local) {
  const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(local) ? `${local.slice(0, 16)}:00Z` : null;
  if (!iso) return local;
  const p = parts(iso, 'UTC');
  return `${p.date}, ${p.time}`;
}

/** An instant in the viewer's own zone ("12 janv. 2027, 13:30"), for logs and lists. */
export function localInstant(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
