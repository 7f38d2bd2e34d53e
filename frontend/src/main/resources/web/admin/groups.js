// Groups: the list, one group's settings, its roster (with the confirmation the API asks for when two people with a
// declared supervisory tie would share the group), and its schedule — series planned in local time in a zone, and
// the meetings they made, each shown in the group's zone with the viewer's own time beside it.
import { t } from '../shared/i18n.js';
import { get, post, put, patch, del } from './api.js';
import {
  h, bind, clear, field, input, select, checkbox, zoneInput, submitting, fieldError, clearErrors, showProblem,
  twoStepButton, meetingTimeNodes, localDateTime, viewerZone,
} from './ui.js';
import { explainWarning, explain } from './problems.js';

const ROLES = ['LEADER', 'CO_LEADER', 'MEMBER', 'OBSERVER'];
const CADENCES = ['SINGLE', 'WEEKLY', 'FORTNIGHTLY', 'TWICE_A_MONTH', 'MONTHLY'];

/** GET that answers null instead of failing when the section is an administrator's only (403). */
async function optional(path) {
  try {
    return await get(path);
  } catch (error) {
    if (error.status === 403) return null;
    throw error;
  }
}

// ---- the list ------------------------------------------------------------------------------------------------------

export async function renderGroups(ctx) {
  const groups = await get('groups');
  if (ctx.stale()) return;
  const head = h('div', { class: 'page-head' },
    h('div', {}, h('h1', { t: 'groups.title' }), h('p', { class: 'hint', t: ctx.isAdmin ? 'groups.introAdmin' : 'groups.introLeader' })),
    ctx.isAdmin ? h('a', { class: 'btn btn-primary', id: 'new-group', attrs: { href: '#/groups/new' }, t: 'groups.new' }) : null);
  const list = h('ul', { class: 'group-list', id: 'group-list' });
  for (const g of groups) {
    list.append(h('li', { attrs: { 'data-key': g.id } },
      h('a', { class: 'card group-card', attrs: { href: `#/groups/${encodeURIComponent(g.id)}` } },
        h('span', { class: 'group-name', text: g.name }),
        h('span', { class: 'group-meta', t: () => [t(`language.${g.language}`), g.timeZone, t(`template.${g.template}`)].join(' · ') }))));
  }
  clear(ctx.root).append(head, groups.length ? list : h('p', { class: 'card empty-card', t: ctx.isAdmin ? 'groups.emptyAdmin' : 'groups.emptyLeader' }));
}

// ---- a new group ---------------------------------------------------------------------------------------------------

export async function renderNewGroup(ctx) {
  const presets = ctx.isAdmin ? await optional('presets') : null;
  if (ctx.stale()) return;
  const form = groupForm(ctx, null, presets, async (body) => {
    const g = await post('groups', body);
    ctx.go(`#/groups/${encodeURIComponent(g.id)}`);
  });
  clear(ctx.root).append(
    h('a', { class: 'back-link', attrs: { href: '#/groups' }, t: 'admin.backToGroups' }),
    h('h1', { t: 'group.newTitle' }),
    h('section', { class: 'card' }, form));
}

// ---- one group -----------------------------------------------------------------------------------------------------

export async function renderGroup(ctx, id) {
  const path = `groups/${encodeURIComponent(id)}`;
  const [group, roster, meetings, series, people, presets] = await Promise.all([
    get(path), get(`${path}/roster`), get(`${path}/meetings`), get(`${path}/series`),
    ctx.isAdmin ? optional('people') : null, ctx.isAdmin ? optional('presets') : null,
  ]);
  if (ctx.stale()) return;
  const canEdit = ctx.isAdmin;

  const settings = h('details', { class: 'card settings-details', id: 'group-settings' },
    h('summary', { class: 'settings-summary' }, h('span', { class: 'h2-like', t: 'group.settings' }),
      h('span', { class: 'hint', t: () => groupSummary(group) })),
    canEdit ? groupForm(ctx, group, presets, async (body) => {
      const saved = await patch(path, body);
      Object.assign(group, saved);
      ctx.say('group.saved');
      ctx.reload();
    }) : h('p', { class: 'hint', t: 'group.readOnly' }));
  if (canEdit) settings.append(deleteGroup(ctx, path, group));

  clear(ctx.root).append(
    h('a', { class: 'back-link', attrs: { href: '#/groups' }, t: 'admin.backToGroups' }),
    h('div', { class: 'page-head' },
      h('div', {}, h('p', { class: 'eyebrow', t: 'group.eyebrow' }), h('h1', { id: 'group-title', text: group.name }),
        h('p', { class: 'hint', t: () => groupSummary(group) }))),
    h('div', { class: 'admin-grid' },
      h('div', { class: 'admin-col' }, rosterCard(ctx, group, roster, people, canEdit)),
      h('div', { class: 'admin-col' }, scheduleCard(ctx, group, meetings, series))),
    settings);
}

/** Deleting a group, asked twice; a refusal (say, meetings still planned) is explained under the button. */
function deleteGroup(ctx, path, group) {
  const error = h('p', { class: 'form-error', attrs: { role: 'alert', hidden: true } });
  const button = twoStepButton('group.delete', 'group.deleteConfirm', async () => {
    error.hidden = true;
    try {
      await del(path);
      ctx.say('group.deleted', { name: group.name });
      ctx.go('#/groups');
    } catch (e) {
      if (!e || !e.problem) throw e;
      bind(error, () => explain(e));
      error.hidden = false;
    }
  }, { class: 'btn btn-quiet', params: { name: group.name } });
  button.id = 'group-delete';
  return h('div', { class: 'danger-zone' }, h('h3', { t: 'group.deleteTitle' }), h('p', { class: 'hint', t: 'group.deleteHint' }),
    h('div', { class: 'btn-row' }, button), error);
}

function groupSummary(g) {
  return [t(`language.${g.language}`), g.timeZone, t(`template.${g.template}`), t(`rule.${g.speakingRule}`)].join(' · ');
}

/** The settings form, for a new group (group null) or an existing one. */
function groupForm(ctx, group, presets, save) {
  const g = group || {};
  const name = input('text', { value: g.name || '', maxlength: '120', required: true, autocomplete: 'off' });
  const language = select(['fr', 'en'], (v) => t(`language.${v}`));
  language.value = g.language || 'fr';
  const zone = zoneInput(g.timeZone || 'Europe/Paris');
  const template = h('fieldset', { class: 'radio-group', attrs: { 'data-field-wrap': 'template' } },
    h('legend', { t: 'field.template' }),
    ['OPEN', 'PUSH_BACK_TEMPLATE'].map((v) => h('label', { class: 'radio' },
      h('input', { attrs: { type: 'radio', name: 'template', value: v, 'data-field': 'template', checked: (g.template || 'OPEN') === v } }),
      h('span', {}, h('span', { t: `template.${v}` }), h('span', { class: 'radio-hint', t: `templateHint.${v}` })))),
    h('p', { class: 'field-error', attrs: { hidden: true } }));
  const rule = select(['RAISE_HAND', 'SPEAK_FREELY'], (v) => t(`rule.${v}`));
  rule.value = g.speakingRule || 'RAISE_HAND';
  const policy = select(['SPOKEN_LEAST_FIRST', 'FIRST_COME'], (v) => t(`policy.${v}`));
  policy.value = g.queuePolicy || 'SPOKEN_LEAST_FIRST';
  const timers = checkbox('timersShown', 'field.timersShown');
  timers.control.checked = group ? g.timersShown : true;
  const phone = checkbox('phoneOnlyAllowed', 'field.phoneOnlyAllowed');
  phone.control.checked = group ? g.phoneOnlyAllowed : true;
  const observer = checkbox('observerAllowed', 'field.observerAllowed');
  observer.control.checked = group ? g.observerAllowed : true;
  const keep = checkbox('keepPresentedOn', 'field.keepPresentedOn', { hint: 'field.keepPresentedOnHint' });
  keep.control.checked = group ? g.keepPresentedOn : false;
  const invite = input('number', { min: '1', max: '60', step: '1', value: String(g.inviteDaysAhead ?? 7) });
  const reminder = input('number', { min: '1', max: '336', step: '1', value: String(g.reminderHoursBefore ?? 48) });
  const lastCall = input('number', { min: '5', max: '1440', step: '1', value: String(g.lastCallMinutesBefore ?? 60) });
  let preset = null;
  if (presets) {
    preset = h('select', {}, h('option', { attrs: { value: '' }, t: 'field.noPreset' }),
      presets.map((p) => h('option', { attrs: { value: p.id }, text: p.name })));
    preset.value = g.zoomPresetId || '';
  }
  const checklist = checklistEditor(group ? g.checklist : []);

  const form = h('form', { class: 'stack-form', attrs: { novalidate: true, 'data-form': 'group' } },
    h('fieldset', { class: 'form-section' }, h('legend', { class: 'section-legend', t: 'group.general' }),
      field('name', 'field.groupName', name),
      h('div', { class: 'field-row' },
        field('language', 'field.language', language, { hint: 'field.groupLanguageHint' }),
        field('timeZone', 'field.timeZone', zone, { hint: 'field.timeZoneHint' }))),
    h('fieldset', { class: 'form-section' }, h('legend', { class: 'section-legend', t: 'group.running' }),
      template,
      h('div', { class: 'field-row' }, field('speakingRule', 'field.speakingRule', rule), field('queuePolicy', 'field.queuePolicy', policy)),
      timers),
    h('fieldset', { class: 'form-section' }, h('legend', { class: 'section-legend', t: 'group.checklist' }),
      h('p', { class: 'hint', t: group ? 'group.checklistHint' : 'group.checklistHintNew' }), checklist),
    h('fieldset', { class: 'form-section' }, h('legend', { class: 'section-legend', t: 'group.participation' }),
      phone, observer, keep),
    h('fieldset', { class: 'form-section' }, h('legend', { class: 'section-legend', t: 'group.invitations' }),
      h('div', { class: 'field-row field-row-3' },
        field('inviteDaysAhead', 'field.inviteDaysAhead', invite, { hint: 'field.inviteDaysAheadHint' }),
        field('reminderHoursBefore', 'field.reminderHoursBefore', reminder, { hint: 'field.reminderHoursBeforeHint' }),
        field('lastCallMinutesBefore', 'field.lastCallMinutesBefore', lastCall, { hint: 'field.lastCallMinutesBeforeHint' })),
      preset ? field('zoomPresetId', 'field.zoomPreset', preset) : null),
    h('div', { class: 'btn-row form-actions' },
      h('button', { class: 'btn btn-primary', id: 'group-save', attrs: { type: 'submit' }, t: group ? 'group.save' : 'group.create' })));

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitting(form, async () => {
      if (!name.value.trim()) return fieldError(form, 'name', 'problem.required');
      const items = checklist.items();
      if (items === false) return undefined;
      const body = {
        name: name.value.trim(), language: language.value, timeZone: zone.value.trim(),
        template: form.querySelector('input[name="template"]:checked').value,
        speakingRule: rule.value, queuePolicy: policy.value, timersShown: timers.control.checked,
        phoneOnlyAllowed: phone.control.checked, observerAllowed: observer.control.checked, keepPresentedOn: keep.control.checked,
        inviteDaysAhead: wholeNumber(invite.value), reminderHoursBefore: wholeNumber(reminder.value),
        lastCallMinutesBefore: wholeNumber(lastCall.value),
      };
      if (items.length || group) body.checklist = items;
      if (preset && preset.value) body.zoomPresetId = preset.value;
      return save(body);
    });
  });
  return form;
}

/** A number field's value as a number when it is one, else as typed (the API then names the field). */
function wholeNumber(text) {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/** The confidentiality checklist: items in French and English, added, changed or removed. */
function checklistEditor(initial) {
  const list = h('ol', { class: 'checklist-editor' });
  let counter = 0;
  const addRow = (item) => {
    counter += 1;
    const fr = input('text', { value: item ? item.labelFr : '', maxlength: '200', 'data-lang': 'fr' });
    const en = input('text', { value: item ? item.labelEn : '', maxlength: '200', 'data-lang': 'en' });
    const remove = h('button', { class: 'btn btn-quiet btn-small checklist-remove', attrs: { type: 'button' }, t: 'group.removeItem' });
    const row = h('li', { class: 'checklist-row', attrs: { 'data-item': item ? item.id : '' } },
      h('span', { class: 'checklist-no', text: String(list.children.length + 1), attrs: { 'aria-hidden': 'true' } }),
      h('div', { class: 'checklist-fields' },
        field(`checklistFr${counter}`, 'field.labelFr', fr), field(`checklistEn${counter}`, 'field.labelEn', en)),
      remove);
    remove.addEventListener('click', () => {
      row.remove();
      list.querySelectorAll('.checklist-no').forEach((no, i) => { no.textContent = String(i + 1); });
    });
    list.append(row);
    return row;
  };
  for (const item of initial || []) addRow(item);
  const add = h('button', { class: 'btn btn-secondary btn-small', attrs: { type: 'button', 'data-field': 'checklist' }, t: 'group.addItem' });
  add.addEventListener('click', () => addRow(null).querySelector('input').focus());
  const error = h('p', { class: 'field-error', attrs: { hidden: true } });
  const wrap = h('div', { class: 'checklist-wrap', attrs: { 'data-field-wrap': 'checklist' } }, list, add, error);
  /** The items to send, or false (with the error shown) when one is half filled. */
  wrap.items = () => {
    const used = new Set();
    const items = [];
    for (const row of list.children) {
      const [fr, en] = row.querySelectorAll('input');
      const labelFr = fr.value.trim();
      const labelEn = en.value.trim();
      if (!labelFr && !labelEn) continue;
      if (!labelFr || !labelEn) {
        const form = wrap.closest('form');
        fieldError(form, (labelFr ? en : fr).dataset.field, 'problem.bothLanguages');
        return false;
      }
      let id = row.dataset.item || slug(labelEn) || `item-${items.length + 1}`;
      while (used.has(id)) id = `${id}-2`;
      used.add(id);
      items.push({ id, labelFr, labelEn });
    }
    return items;
  };
  return wrap;
}

function slug(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
}

// ---- roster --------------------------------------------------------------------------------------------------------

function rosterCard(ctx, group, roster, people, canEdit) {
  const path = `groups/${encodeURIComponent(group.id)}/roster`;
  const card = h('section', { class: 'card', id: 'roster-card', attrs: { 'aria-labelledby': 'roster-title' } });
  const list = h('ol', { class: 'roster-list', id: 'roster-list' });
  const confirmBox = h('div', { class: 'confirm-box', id: 'roster-confirm', attrs: { hidden: true, role: 'alert' } });
  const form = h('form', { class: 'roster-add', id: 'roster-add', attrs: { novalidate: true } });
  let pending = null; // {personId, body, form}
  let adding = []; // people chosen together, added one after the other (each may need its own confirmation)

  const refresh = async () => {
    roster = await get(path);
    draw();
  };

  /** Sends a roster change; a 409 with warnings asks for confirmation first. */
  const send = async (personId, body, where) => {
    clearErrors(where);
    try {
      await put(`${path}/${encodeURIComponent(personId)}`, body);
      hideConfirm();
      await refresh();
      ctx.say('roster.saved');
      return true;
    } catch (error) {
      if (!error.problem) throw error;
      if (error.needsConfirmation && !body.confirm) {
        askConfirmation(personId, body, error);
      } else {
        hideConfirm();
        showProblem(where, error);
      }
      return false;
    }
  };

  const askConfirmation = (personId, body, error) => {
    pending = { personId, body };
    const name = nameOf(personId);
    const confirm = h('button', { class: 'btn btn-primary', id: 'roster-confirm-btn', attrs: { type: 'button' }, t: 'roster.confirm' });
    const cancel = h('button', { class: 'btn btn-quiet', id: 'roster-cancel-btn', attrs: { type: 'button' }, t: 'roster.cancel' });
    confirm.addEventListener('click', async () => {
      if (!pending) return;
      confirm.disabled = true;
      const { personId: p, body: b } = pending;
      if (await send(p, { ...b, confirm: true }, form) && adding[0] === p) {
        adding.shift();
        addChosen(b.role);
      }
    });
    cancel.addEventListener('click', () => {
      hideConfirm();
      if (adding[0] === personId) adding.shift();
      if (adding.length) addChosen(body.role);
      else draw();
    });
    clear(confirmBox).append(
      h('h3', { t: 'roster.confirmTitle' }),
      h('p', { t: () => t('roster.confirmLead', { name, role: t(`role.${body.role}`) }) }),
      h('ul', { class: 'warning-list', id: 'roster-warnings' }, error.warnings.map((w) => h('li', { t: () => explainWarning(w) }))),
      h('div', { class: 'btn-row' }, confirm, cancel));
    confirmBox.hidden = false;
    confirm.focus();
  };

  const hideConfirm = () => {
    pending = null;
    confirmBox.hidden = true;
    clear(confirmBox);
  };

  const nameOf = (personId) => {
    const entry = roster.find((e) => e.personId === personId);
    if (entry) return entry.displayName;
    const p = (people || []).find((x) => x.id === personId);
    return p ? p.displayName : personId;
  };

  const draw = () => {
    clear(list);
    count.textContent = t('roster.count', { n: roster.length });
    roster.forEach((e, i) => {
      const row = h('li', { class: 'roster-row', attrs: { 'data-key': e.personId } },
        h('span', { class: 'roster-seat', text: String(i + 1), attrs: { 'aria-hidden': 'true' } }),
        h('span', { class: 'roster-name', text: e.displayName }));
      if (canEdit) {
        const role = select(ROLES, (v) => t(`role.${v}`), { class: 'roster-role' });
        role.value = e.role;
        bind(role, () => t('roster.roleOf', { name: e.displayName }), 'aria-label');
        role.addEventListener('change', async () => {
          const ok = await send(e.personId, { role: role.value }, row);
          if (!ok && !pending) role.value = e.role;
        });
        const remove = twoStepButton('roster.remove', 'roster.removeConfirm', async () => {
          try {
            await del(`${path}/${encodeURIComponent(e.personId)}`);
            await refresh();
          } catch (error) {
            if (!error.problem) throw error;
            ctx.toast(error);
          }
        }, { params: { name: e.displayName }, ariaKey: 'roster.removeName' });
        remove.classList.add('roster-remove');
        row.append(h('span', { class: 'roster-actions' }, role, remove), h('p', { class: 'form-error', attrs: { hidden: true } }));
      } else {
        row.append(h('span', { class: 'tag tag-role', t: `role.${e.role}` }));
      }
      list.append(row);
    });
    if (!roster.length) list.append(h('li', { class: 'empty', t: 'roster.empty' }));
    drawAdd();
  };

  const drawAdd = () => {
    clear(form);
    if (!canEdit || !people) {
      form.hidden = true;
      return;
    }
    form.hidden = false;
    const on = new Set(roster.map((e) => e.personId));
    const free = people.filter((p) => !on.has(p.id));
    if (!free.length) {
      form.append(h('p', { class: 'hint roster-full' }, h('span', { t: people.length ? 'roster.everyone' : 'roster.noPeople' }), ' ',
        h('a', { class: 'inline-link', attrs: { href: '#/people' }, t: 'roster.addPeople' })));
      return;
    }
    // Several people at once: tick them, choose their role, add.
    const choices = h('div', { class: 'roster-choices', id: 'roster-people' }, free.map((p) => h('label', { class: 'switch roster-choice' },
      h('input', { attrs: { type: 'checkbox', value: p.id, 'data-name': p.displayName } }), h('span', { text: p.displayName }))));
    const legend = h('legend', { class: 'field-label', t: 'roster.choose' });
    const role = select(ROLES, (v) => t(`role.${v}`), { id: 'roster-role' });
    role.value = 'MEMBER';
    form.append(h('h3', { t: 'roster.addTitle' }),
      h('fieldset', { class: 'field roster-choose', attrs: { 'data-field-wrap': 'personId' } }, legend, choices,
        h('p', { class: 'field-error', attrs: { hidden: true } })),
      h('div', { class: 'field-row field-row-add' }, field('role', 'field.role', role),
        h('button', { class: 'btn btn-secondary', id: 'roster-add-btn', attrs: { type: 'submit' }, t: 'roster.add' })));
  };

  /** Adds the chosen people one by one; stops at one that needs a confirmation, and goes on once it is given. */
  const addChosen = async (role) => {
    const button = form.querySelector('#roster-add-btn');
    if (button) button.disabled = true;
    try {
      while (adding.length) {
        if (!(await send(adding[0], { role }, form))) return;
        adding.shift();
      }
    } finally {
      const again = form.querySelector('#roster-add-btn');
      if (again) again.disabled = false;
    }
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = [...form.querySelectorAll('#roster-people input:checked')].map((box) => box.value);
    const role = form.querySelector('#roster-role');
    if (!chosen.length || adding.length) return;
    adding = chosen;
    addChosen(role.value);
  });

  const count = h('span', { class: 'count', id: 'roster-count' });
  bind(count, () => t('roster.count', { n: roster.length }));
  card.append(h('div', { class: 'card-head' }, h('h2', { id: 'roster-title', t: 'roster.title' }), count),
  h('p', { class: 'hint', t: canEdit ? 'roster.hint' : 'roster.hintLeader' }), list, confirmBox, form);
  draw();
  return card;
}

// ---- schedule ------------------------------------------------------------------------------------------------------

function scheduleCard(ctx, group, meetings, series) {
  const base = `groups/${encodeURIComponent(group.id)}`;
  const card = h('section', { class: 'card', id: 'schedule-card', attrs: { 'aria-labelledby': 'schedule-title' } });
  const list = h('ol', { class: 'meeting-list', id: 'meeting-list' });
  const seriesList = h('ul', { class: 'series-list', id: 'series-list' });

  const refresh = async () => {
    [meetings, series] = await Promise.all([get(`${base}/meetings`), get(`${base}/series`)]);
    draw();
  };

  const draw = () => {
    clear(list);
    for (const m of meetings) {
      const badges = [];
      if (m.status === 'CANCELLED') badges.push(h('span', { class: 'tag tag-cancelled', t: 'meeting.cancelled' }));
      if (m.roomOpen) badges.push(h('span', { class: 'tag tag-open', t: 'meeting.roomOpen' }));
      list.append(h('li', { attrs: { 'data-key': m.id } },
        h('a', { class: 'meeting-link', attrs: { href: `#/meetings/${encodeURIComponent(m.id)}` } },
          h('span', { class: 'meeting-when' }, ...meetingTimeNodes(m.startsAt, m.timeZone)),
          h('span', { class: 'meeting-meta' }, h('span', { t: () => t('meeting.duration', { n: m.durationMinutes }) }), ...badges))));
    }
    if (!meetings.length) list.append(h('li', { class: 'empty', t: 'schedule.none' }));
    clear(seriesList);
    for (const s of series) {
      const remove = twoStepButton('series.delete', 'series.deleteConfirm', async () => {
        try {
          await del(`series/${encodeURIComponent(s.id)}`);
          await refresh();
        } catch (error) {
          if (!error.problem) throw error;
          ctx.toast(error);
        }
      });
      seriesList.append(h('li', { class: 'series-row', attrs: { 'data-key': s.id } },
        h('span', { t: () => t('series.line', {
          cadence: t(`cadence.${s.cadence}`), first: localDateTime(s.firstLocalStart), zone: s.timeZone, n: s.occurrences,
        }) }), remove));
    }
  };

  const zoneNote = h('p', { class: 'hint', id: 'viewer-zone', t: () => t('schedule.viewerZone', { zone: viewerZone() }) });
  const plan = seriesForm(group, async (body) => {
    await post(`${base}/series`, body);
    await refresh();
    ctx.say('series.planned');
  });
  card.append(h('div', { class: 'card-head' }, h('h2', { id: 'schedule-title', t: 'schedule.title' })), zoneNote, list,
    h('details', { class: 'plan-details', id: 'plan-details', attrs: { open: meetings.length === 0 } },
      h('summary', { class: 'plan-summary', t: 'series.planTitle' }), plan),
    h('h3', { t: 'series.title' }), seriesList);
  draw();
  return card;
}

function seriesForm(group, save) {
  const cadence = select(CADENCES, (v) => t(`cadence.${v}`), { id: 'series-cadence' });
  cadence.value = 'MONTHLY';
  const first = input('datetime-local', { id: 'series-first', step: '60' });
  const zone = zoneInput(group.timeZone);
  zone.id = 'series-zone';
  const duration = input('number', { id: 'series-duration', min: '15', max: '480', step: '5', value: '120' });
  const endKind = h('fieldset', { class: 'radio-group end-kind' }, h('legend', { t: 'field.seriesEnd' }),
    h('label', { class: 'radio' }, h('input', { attrs: { type: 'radio', name: 'endKind', value: 'count', checked: true } }), h('span', { t: 'field.endCount' })),
    h('label', { class: 'radio' }, h('input', { attrs: { type: 'radio', name: 'endKind', value: 'until' } }), h('span', { t: 'field.endUntil' })));
  const occurrences = input('number', { id: 'series-occurrences', min: '1', max: '200', step: '1', value: '10' });
  const until = input('date', { id: 'series-until' });
  const occurrencesField = field('occurrences', 'field.occurrences', occurrences);
  const untilField = field('until', 'field.until', until);
  const form = h('form', { class: 'stack-form', id: 'series-form', attrs: { novalidate: true } },
    // The cadence's names are long ("every month, same weekday"): it takes the whole width, never cut off.
    field('cadence', 'field.cadence', cadence, { hint: 'field.cadenceHint' }),
    h('div', { class: 'field-row' }, field('firstStart', 'field.firstStart', first, { hint: 'field.firstStartHint' }),
      field('durationMinutes', 'field.durationMinutes', duration)),
    field('timeZone', 'field.timeZone', zone, { hint: 'field.seriesZoneHint' }),
    endKind, h('div', { class: 'field-row' }, occurrencesField, untilField),
    h('div', { class: 'btn-row form-actions' }, h('button', { class: 'btn btn-primary', id: 'series-submit', attrs: { type: 'submit' }, t: 'series.plan' })));

  const syncEnd = () => {
    const single = cadence.value === 'SINGLE';
    const byDate = form.querySelector('input[name="endKind"]:checked').value === 'until';
    endKind.hidden = single;
    occurrencesField.hidden = single || byDate;
    untilField.hidden = single || !byDate;
  };
  cadence.addEventListener('change', syncEnd);
  for (const r of endKind.querySelectorAll('input')) r.addEventListener('change', syncEnd);
  syncEnd();

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitting(form, async () => {
      if (!first.value) return fieldError(form, 'firstStart', 'problem.dateTime');
      const body = { cadence: cadence.value, firstStart: first.value.slice(0, 16), timeZone: zone.value.trim(), durationMinutes: wholeNumber(duration.value) };
      if (cadence.value !== 'SINGLE') {
        if (form.querySelector('input[name="endKind"]:checked').value === 'until') {
          if (!until.value) return fieldError(form, 'until', 'problem.date');
          body.until = until.value;
        } else {
          body.occurrences = wholeNumber(occurrences.value);
        }
      }
      return save(body);
    });
  });
  return form;
}

