// One meeting: its live room (open, end), the personal join links (shown once, with a copy button; listed and
// one row per person afterwards, whose access can be taken away), who answered the invitation, the planned e-mails, and its Zoom meeting (created secure,
// checked against the preset difference by difference, deleted).
import { t } from '../shared/i18n.js';
import { get, post, del } from './api.js';
import { h, bind, clear, twoStepButton, meetingTimeNodes, localInstant } from './ui.js';
import { explain } from './problems.js';

export async function renderMeeting(ctx, id) {
  const path = `meetings/${encodeURIComponent(id)}`;
  const meeting = await get(path);
  const group = await get(`groups/${encodeURIComponent(meeting.groupId)}`);
  if (ctx.stale()) return;

  const when = h('p', { class: 'meeting-title-when', id: 'meeting-when' }, ...meetingTimeNodes(meeting.startsAt, meeting.timeZone));
  const meta = h('p', { class: 'hint', t: () => [t('meeting.duration', { n: meeting.durationMinutes }),
    meeting.status === 'CANCELLED' ? t('meeting.cancelled') : null].filter(Boolean).join(' · ') });

  clear(ctx.root).append(
    h('a', { class: 'back-link', attrs: { href: `#/groups/${encodeURIComponent(group.id)}` }, t: () => t('meeting.backTo', { name: group.name }) }),
    h('div', { class: 'page-head' }, h('div', {},
      h('p', { class: 'eyebrow', t: 'meeting.eyebrow' }), h('h1', { id: 'meeting-group', text: group.name }), when, meta)),
    h('div', { class: 'admin-grid' },
      h('div', { class: 'admin-col' }, roomCard(ctx, path, meeting), linksCard(ctx, path)),
      h('div', { class: 'admin-col' }, rsvpCard(ctx, path), zoomCard(ctx, path, meeting), mailCard(ctx, path))));
}

/** A card whose body loads on its own: a refusal (say, 403 for a leader) stays in that card. */
function loadingCard(idName, titleKey, load) {
  const body = h('div', { class: 'card-body' }, h('p', { class: 'loading-small', t: 'admin.loading' }));
  const card = h('section', { class: 'card', id: idName, attrs: { 'aria-labelledby': `${idName}-title` } },
    h('div', { class: 'card-head' }, h('h2', { id: `${idName}-title`, t: titleKey })), body);
  const run = async () => {
    try {
      await load(body, run);
    } catch (error) {
      if (!error || !error.problem) throw error;
      const line = h('p', { class: 'form-error', attrs: { role: 'alert' } });
      bind(line, () => explain(error));
      clear(body).append(line);
    }
  };
  run();
  return card;
}

/** Runs an action from a button; a refusal is shown under the card's buttons in the page's language. */
async function act(body, work) {
  for (const old of body.querySelectorAll(':scope > .form-error')) old.remove();
  try {
    return await work();
  } catch (error) {
    if (!error || !error.problem) throw error;
    const line = h('p', { class: 'form-error', attrs: { role: 'alert' } });
    bind(line, () => explain(error));
    body.append(line);
    return undefined;
  }
}

// ---- live room -----------------------------------------------------------------------------------------------------

function roomCard(ctx, path, meeting) {
  return loadingCard('room-card', 'room.title', async (body, reload) => {
    const m = await get(path);
    Object.assign(meeting, m);
    const status = h('div', { class: `room-status ${m.roomOpen ? 'is-open' : ''}`, id: 'room-status', attrs: { role: 'status' }, t: m.roomOpen ? 'room.open' : 'room.closed' });
    const hint = h('p', { class: 'hint', t: m.roomOpen ? 'room.openHint' : 'room.closedHint' });
    let action;
    if (m.roomOpen) {
      action = twoStepButton('room.end', 'room.endConfirm', () => act(body, async () => {
        await del(`${path}/room`);
        ctx.say('room.ended');
        await reload();
      }), { class: 'btn btn-quiet' });
      action.id = 'room-end';
    } else {
      action = h('button', { class: 'btn btn-primary', id: 'room-open', attrs: { type: 'button', disabled: m.status === 'CANCELLED' }, t: 'room.openButton' });
      action.addEventListener('click', () => act(body, async () => {
        action.disabled = true;
        try {
          const opened = await post(`${path}/room`);
          ctx.say('room.opened', { n: opened.people });
          await reload();
        } finally {
          action.disabled = false;
        }
      }));
    }
    clear(body).append(status, hint, h('div', { class: 'btn-row' }, action));
  });
}

// ---- join links ----------------------------------------------------------------------------------------------------

function linksCard(ctx, path) {
  const fresh = h('div', { class: 'fresh-links', id: 'fresh-links' });
  return loadingCard('links-card', 'links.title', async (body, reload) => {
    const people = await get(`${path}/links`);
    const issue = h('button', { class: 'btn btn-primary', id: 'links-issue', attrs: { type: 'button' }, t: 'links.issueAll' });
    issue.addEventListener('click', () => act(body, async () => {
      issue.disabled = true;
      try {
        showFresh(fresh, await post(`${path}/links`, {}));
        await reload();
      } finally {
        issue.disabled = false;
      }
    }));
    // One row per person: revoking takes away that person's access to this meeting, whatever link they hold.
    const list = h('ul', { class: 'link-list', id: 'issued-links' });
    for (const l of people) {
      const revoked = !!l.revokedAt;
      const state = () => {
        if (revoked) return t('links.revokedOn', { when: localInstant(l.revokedAt) });
        if (l.issued && l.lastIssuedAt) return t('links.lastIssued', { when: localInstant(l.lastIssuedAt) });
        return l.issued ? t('links.issued') : t('links.notIssued');
      };
      const row = h('li', { class: `link-row ${revoked ? 'is-revoked' : ''}`, attrs: { 'data-key': l.personId, 'data-person': l.personId } },
        h('span', { class: 'link-who' }, h('span', { class: 'link-name', text: l.displayName }),
          h('span', { class: 'link-meta', t: () => [t(`role.${l.role}`), state()].join(' · ') })));
      const actions = h('span', { class: 'link-actions' });
      const again = h('button', { class: 'btn btn-quiet btn-small link-new', attrs: { type: 'button' },
        t: revoked ? 'links.restore' : 'links.newOne',
        tAttrs: { 'aria-label': () => t(revoked ? 'links.restoreFor' : 'links.newOneFor', { name: l.displayName }) } });
      again.addEventListener('click', () => act(body, async () => {
        showFresh(fresh, await post(`${path}/links`, { personId: l.personId }));
        await reload();
      }));
      actions.append(again);
      if (!revoked && l.issued) {
        const revoke = twoStepButton('links.revoke', 'links.revokeConfirm', () => act(body, async () => {
          await del(`${path}/links/${encodeURIComponent(l.personId)}`);
          ctx.say('links.revoked');
          await reload();
        }), { params: { name: l.displayName }, ariaKey: 'links.revokeFor' });
        revoke.classList.add('link-revoke');
        actions.append(revoke);
      }
      row.append(actions);
      list.append(row);
    }
    clear(body).append(h('p', { class: 'hint', t: 'links.hint' }), h('div', { class: 'btn-row' }, issue), fresh,
      h('h3', { t: 'links.issuedTitle' }), people.length ? list : h('p', { class: 'empty', t: 'links.none' }));
  });
}

/** Fresh links, with their tokens: shown this once, each with a copy button. */
function showFresh(box, issued) {
  const links = Array.isArray(issued) ? issued : [issued];
  const list = h('ul', { class: 'fresh-list' });
  for (const l of links) {
    const url = h('input', { class: 'input link-url', attrs: { type: 'text', readonly: true, value: l.url, spellcheck: 'false' } });
    bind(url, () => t('links.urlOf', { name: l.displayName }), 'aria-label');
    const copy = h('button', { class: 'btn btn-secondary btn-small link-copy', attrs: { type: 'button' }, t: 'links.copy' });
    bind(copy, () => t('links.copyFor', { name: l.displayName }), 'aria-label');
    const done = h('span', { class: 'copy-done', attrs: { role: 'status' } });
    copy.addEventListener('click', async () => {
      const ok = await copyText(url);
      bind(done, () => (ok ? t('links.copied') : t('links.copyByHand')));
    });
    list.append(h('li', { class: 'fresh-row', attrs: { 'data-person': l.personId } },
      h('span', { class: 'link-who' }, h('span', { class: 'link-name', text: l.displayName }), h('span', { class: 'link-meta', t: `role.${l.role}` })),
      h('span', { class: 'fresh-copy' }, url, copy), done));
  }
  clear(box).append(h('div', { class: 'notice notice-warn', attrs: { role: 'status' } }, h('strong', { t: 'links.onceTitle' }), ' ', h('span', { t: 'links.onceBody' })), list);
  const first = box.querySelector('.link-url');
  if (first) first.focus();
}

async function copyText(inputNode) {
  try {
    await navigator.clipboard.writeText(inputNode.value);
    return true;
  } catch {
    // No clipboard permission (or an old browser): select the text so Ctrl+C works, and try the old way.
    inputNode.focus();
    inputNode.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

// ---- answers -------------------------------------------------------------------------------------------------------

function rsvpCard(ctx, path) {
  return loadingCard('rsvp-card', 'rsvp.title', async (body) => {
    const answers = await get(`${path}/rsvp`);
    const coming = answers.filter((a) => a.coming === true).length;
    const notComing = answers.filter((a) => a.coming === false).length;
    const none = answers.length - coming - notComing;
    const list = h('ul', { class: 'rsvp-list', id: 'rsvp-list' }, answers.map((a) => {
      const key = a.coming === true ? 'yes' : a.coming === false ? 'no' : 'none';
      return h('li', { class: 'rsvp-row', attrs: { 'data-key': a.personId } },
        h('span', { class: 'rsvp-name', text: a.displayName }),
        h('span', { class: `tag tag-rsvp-${key}`, t: `rsvp.${key}` }),
        a.answeredAt ? h('span', { class: 'rsvp-when', t: () => localInstant(a.answeredAt) }) : null);
    }));
    clear(body).append(h('p', { class: 'rsvp-summary', id: 'rsvp-summary', t: () => t('rsvp.summary', { yes: coming, no: notComing, none }) }),
      h('p', { class: 'hint', t: 'rsvp.hint' }), answers.length ? list : h('p', { class: 'empty', t: 'rsvp.nobody' }));
  });
}

// ---- e-mail --------------------------------------------------------------------------------------------------------

function mailCard(ctx, path) {
  return loadingCard('mail-card', 'mail.title', async (body) => {
    const [jobs, roster] = await Promise.all([get(`${path}/mail`), get(`${path}/rsvp`)]);
    const names = new Map(roster.map((r) => [r.personId, r.displayName]));
    const rows = jobs.map((j) => h('tr', { attrs: { 'data-status': j.status } },
      h('td', { text: names.get(j.personId) || j.personId }),
      h('td', { t: () => t(`mailKind.${j.kind}`) + (j.sequence > 0 ? ` (${t('mail.update', { n: j.sequence })})` : '') }),
      h('td', { t: () => localInstant(j.dueAt) }),
      h('td', {}, h('span', { class: `tag tag-mail-${j.status.toLowerCase()}`, t: `mailStatus.${j.status}` }),
        j.attempts > 1 ? h('span', { class: 'hint', t: () => ` ${t('mail.attempts', { n: j.attempts })}` }) : null,
        j.note ? h('span', { class: 'mail-note', text: ` ${j.note}`, attrs: { lang: 'en' } }) : null)));
    const table = h('div', { class: 'table-wrap' }, h('table', { class: 'data-table', id: 'mail-table' },
      h('thead', {}, h('tr', {}, ['mail.to', 'mail.kind', 'mail.due', 'mail.status'].map((k) => h('th', { attrs: { scope: 'col' }, t: k })))),
      h('tbody', {}, rows)));
    clear(body).append(h('p', { class: 'hint', t: 'mail.hint' }), jobs.length ? table : h('p', { class: 'empty', t: 'mail.none' }));
  });
}

// ---- Zoom ----------------------------------------------------------------------------------------------------------

function zoomCard(ctx, path, meeting) {
  return loadingCard('zoom-card', 'zoom.title', async (body, reload) => {
    const z = await get(`${path}/zoom`);
    const status = z.zoomStatus;
    const items = [h('p', { class: `zoom-status zoom-${status.toLowerCase()}`, id: 'zoom-status' },
      h('span', { class: 'zoom-dot', attrs: { 'aria-hidden': 'true' } }), h('span', { t: `zoomStatus.${status}` })),
    h('p', { class: 'hint', t: `zoomHint.${status}` })];
    if (meeting.zoomStatus === 'OUT_OF_SYNC') items.push(h('p', { class: 'notice notice-warn', t: 'zoom.outOfSync' }));
    if (z.zoomMeetingId) items.push(h('p', { class: 'hint', t: () => t('zoom.meetingId', { id: z.zoomMeetingId }) }));
    if (status === 'DRIFTED' && z.drift && z.drift.length) {
      items.push(h('div', { class: 'table-wrap' }, h('table', { class: 'data-table', id: 'zoom-drift' },
        h('thead', {}, h('tr', {}, ['zoom.setting', 'zoom.expected', 'zoom.actual'].map((k) => h('th', { attrs: { scope: 'col' }, t: k })))),
        h('tbody', {}, z.drift.map((d) => h('tr', {}, h('td', { class: 'mono', text: d.setting }),
          h('td', { class: 'mono', text: String(d.expected) }), h('td', { class: 'mono', text: String(d.actual) })))))));
    }
    const buttons = h('div', { class: 'btn-row' });
    if (status === 'NOT_CREATED') {
      const create = h('button', { class: 'btn btn-secondary', id: 'zoom-create', attrs: { type: 'button' }, t: 'zoom.create' });
      create.addEventListener('click', () => act(body, async () => {
        create.disabled = true;
        try {
          await post(`${path}/zoom`);
          ctx.say('zoom.created');
          await reload();
        } finally {
          create.disabled = false;
        }
      }));
      buttons.append(create);
    }
    if (status === 'SECURED' || status === 'DRIFTED') {
      const check = h('button', { class: 'btn btn-secondary', id: 'zoom-check', attrs: { type: 'button' }, t: 'zoom.check' });
      check.addEventListener('click', () => reload());
      const remove = twoStepButton('zoom.delete', 'zoom.deleteConfirm', () => act(body, async () => {
        await del(`${path}/zoom`);
        await reload();
      }));
      buttons.append(check, remove);
    }
    clear(body).append(...items, buttons);
  });
}
