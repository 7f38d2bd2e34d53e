// Zoom presets (a name and Zoom meeting settings as JSON), the outbox (messages kept when no SMTP server is set up)
// and the audit log (who did what to which record, never any content). Administrators only.
import { t } from '../shared/i18n.js';
import { get, post, del } from './api.js';
import { h, bind, clear, field, input, submitting, fieldError, twoStepButton, localInstant } from './ui.js';
import { explain } from './problems.js';

/** A preset starts from the Balint secure defaults and names only what it changes (docs/api.md). */
const EXAMPLE = { focusMode: true };

export async function renderPresets(ctx) {
  const presets = await get('presets');
  if (ctx.stale()) return;
  const list = h('ul', { class: 'preset-list', id: 'preset-list' }, presets.map((p) => h('li', { class: 'preset-row', attrs: { 'data-key': p.id } },
    h('div', { class: 'preset-head' }, h('h3', { class: 'preset-name', text: p.name }),
      twoStepButton('presets.delete', 'presets.deleteConfirm', async () => {
        try {
          await del(`presets/${encodeURIComponent(p.id)}`);
          ctx.reload();
        } catch (error) {
          if (!error.problem) throw error;
          ctx.toast(error);
        }
      }, { params: { name: p.name }, ariaKey: 'presets.deleteFor' })),
    h('pre', { class: 'json', text: JSON.stringify(p.settings, null, 2) }))));

  const name = input('text', { maxlength: '120', autocomplete: 'off' });
  const settings = h('textarea', { class: 'input textarea mono', attrs: { rows: '8', spellcheck: 'false' } });
  settings.value = JSON.stringify(EXAMPLE, null, 2);
  const form = h('form', { class: 'stack-form', id: 'preset-form', attrs: { novalidate: true } },
    field('name', 'field.presetName', name), field('settings', 'field.presetSettings', settings, { hint: 'field.presetSettingsHint' }),
    h('div', { class: 'btn-row form-actions' }, h('button', { class: 'btn btn-primary', id: 'preset-submit', attrs: { type: 'submit' }, t: 'presets.create' })));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitting(form, async () => {
      if (!name.value.trim()) return fieldError(form, 'name', 'problem.required');
      let parsed;
      try {
        parsed = JSON.parse(settings.value);
      } catch {
        return fieldError(form, 'settings', 'problem.json');
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return fieldError(form, 'settings', 'problem.settings');
      await post('presets', { name: name.value.trim(), settings: parsed });
      ctx.say('presets.created');
      ctx.reload();
    });
  });

  clear(ctx.root).append(
    h('div', { class: 'page-head' }, h('div', {}, h('h1', { t: 'presets.title' }), h('p', { class: 'hint', t: 'presets.intro' }))),
    h('div', { class: 'admin-grid' },
      h('div', { class: 'admin-col' }, h('section', { class: 'card', attrs: { 'aria-labelledby': 'preset-new-title' } },
        h('h2', { id: 'preset-new-title', t: 'presets.newTitle' }), form)),
      h('div', { class: 'admin-col' }, h('section', { class: 'card', attrs: { 'aria-labelledby': 'preset-list-title' } },
        h('h2', { id: 'preset-list-title', t: 'presets.listTitle' }), presets.length ? list : h('p', { class: 'empty', t: 'presets.none' })))));
}

function table(id, headKeys, rows) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table', id },
    h('thead', {}, h('tr', {}, headKeys.map((k) => h('th', { attrs: { scope: 'col' }, t: k })))),
    h('tbody', {}, rows)));
}

export async function renderOutbox(ctx) {
  const messages = await get('outbox');
  if (ctx.stale()) return;
  // One message a row that reads at any width; its text unfolds on demand (loaded then, once).
  const list = h('ul', { class: 'outbox-list', id: 'outbox-list' }, messages.map((m) => {
    const text = h('pre', { class: 'outbox-text' });
    const read = h('details', { class: 'outbox-read' }, h('summary', { class: 'btn btn-quiet btn-small', t: 'outbox.read' }), text);
    read.addEventListener('toggle', async () => {
      if (!read.open || text.dataset.loaded) return;
      text.dataset.loaded = 'yes';
      try {
        text.textContent = (await get(`outbox/${encodeURIComponent(m.id)}`)).text;
      } catch (error) {
        if (!error || !error.problem) throw error;
        bind(text, () => explain(error));
      }
    });
    return h('li', { class: 'outbox-item', attrs: { 'data-key': m.id } },
      h('p', { class: 'outbox-subject', text: m.subject }),
      h('p', { class: 'hint outbox-meta' }, h('span', { t: () => localInstant(m.createdAt) }), ' · ', h('span', { class: 'outbox-to', text: m.recipient })),
      read);
  }));
  clear(ctx.root).append(
    h('div', { class: 'page-head' }, h('div', {}, h('h1', { t: 'outbox.title' }), h('p', { class: 'hint', t: 'outbox.intro' }))),
    h('section', { class: 'card' }, messages.length ? list : h('p', { class: 'empty', t: 'outbox.none' })));
}

export async function renderAudit(ctx) {
  const entries = await get('audit?limit=200');
  if (ctx.stale()) return;
  const rows = entries.map((e) => h('tr', { attrs: { 'data-key': String(e.id) } },
    h('td', { class: 'nowrap', t: () => localInstant(e.at) }), h('td', { text: e.actor }),
    h('td', {}, h('span', { class: 'mono', text: e.action }), h('span', { class: 'hint', t: () => actionLabel(e.action) })),
    h('td', { class: 'mono', text: e.target })));
  clear(ctx.root).append(
    h('div', { class: 'page-head' }, h('div', {}, h('h1', { t: 'audit.title' }), h('p', { class: 'hint', t: 'audit.intro' }))),
    h('section', { class: 'card' }, entries.length
      ? table('audit-table', ['audit.at', 'audit.actor', 'audit.action', 'audit.target'], rows)
      : h('p', { class: 'empty', t: 'audit.none' })));
}

function actionLabel(action) {
  const key = `auditAction.${action}`;
  const text = t(key);
  return text === key ? '' : ` — ${text}`;
}
