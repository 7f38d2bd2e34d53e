// People: everyone who can be put on a group's roster, with their e-mail, language and time zone (invitations are
// sent in their language and at their local time), the supervisory ties declared between them, and leader accounts.
import { t } from '../shared/i18n.js';
import { get, post, patch, del } from './api.js';
import { h, clear, field, input, select, zoneInput, submitting, fieldError, twoStepButton, viewerZone } from './ui.js';

export async function renderPeople(ctx, id) {
  const people = await get('people');
  let detail = null;
  if (id) detail = await get(`people/${encodeURIComponent(id)}`);
  if (ctx.stale()) return;

  const list = h('ul', { class: 'people-list', id: 'people-list' }, people.map((p) => h('li', { attrs: { 'data-key': p.id } },
    h('a', { class: `person-link ${id === p.id ? 'is-current' : ''}`, attrs: { href: `#/people/${encodeURIComponent(p.id)}`, 'data-name': p.displayName, 'aria-current': id === p.id ? 'true' : null } },
      h('span', { class: 'person-name', text: p.displayName }),
      h('span', { class: 'person-meta', t: () => [p.email || t('people.noEmail'), t(`language.${p.language}`), p.timeZone].join(' · ') })))));

  const side = detail ? editCard(ctx, detail, people) : createCard(ctx);
  clear(ctx.root).append(
    h('div', { class: 'page-head' }, h('div', {}, h('h1', { t: 'people.title' }), h('p', { class: 'hint', t: 'people.intro' })),
      detail ? h('a', { class: 'btn btn-secondary', id: 'person-new', attrs: { href: '#/people' }, t: 'people.new' }) : null),
    h('div', { class: 'admin-grid' },
      h('div', { class: 'admin-col' }, side),
      h('div', { class: 'admin-col' }, h('section', { class: 'card', attrs: { 'aria-labelledby': 'people-list-title' } },
        h('div', { class: 'card-head' }, h('h2', { id: 'people-list-title', t: 'people.listTitle' }),
          h('span', { class: 'count', t: () => t('people.count', { n: people.length }) })),
        people.length ? list : h('p', { class: 'empty', t: 'people.none' })))));
}

function personFields(p) {
  const name = input('text', { maxlength: '120', autocomplete: 'off', value: p ? p.displayName : '' });
  const email = input('email', { maxlength: '320', autocomplete: 'off', spellcheck: 'false', value: p && p.email ? p.email : '' });
  const language = select(['fr', 'en'], (v) => t(`language.${v}`));
  language.value = p ? p.language : 'fr';
  const zone = zoneInput(p ? p.timeZone : (viewerZone() || 'Europe/Paris'));
  const read = () => {
    const body = { displayName: name.value.trim(), language: language.value, timeZone: zone.value.trim() };
    if (email.value.trim()) body.email = email.value.trim();
    return body;
  };
  return {
    read,
    nodes: [field('displayName', 'field.displayName', name, { hint: 'field.displayNameHint' }),
      field('email', 'field.email', email, { hint: 'field.personEmailHint' }),
      h('div', { class: 'field-row' }, field('language', 'field.personLanguage', language), field('timeZone', 'field.timeZone', zone, { hint: 'field.timeZoneHint' }))],
    name,
  };
}

function createCard(ctx) {
  const f = personFields(null);
  const form = h('form', { class: 'stack-form', id: 'person-form', attrs: { novalidate: true } }, ...f.nodes,
    h('div', { class: 'btn-row form-actions' }, h('button', { class: 'btn btn-primary', id: 'person-submit', attrs: { type: 'submit' }, t: 'people.add' })));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitting(form, async () => {
      const body = f.read();
      if (!body.displayName) return fieldError(form, 'displayName', 'problem.required');
      const p = await post('people', body);
      ctx.say('people.added', { name: p.displayName });
      ctx.reload();
      return p;
    });
  });
  return h('section', { class: 'card', id: 'person-create', attrs: { 'aria-labelledby': 'person-create-title' } },
    h('h2', { id: 'person-create-title', t: 'people.addTitle' }), form);
}

function editCard(ctx, detail, people) {
  const p = detail.person;
  const f = personFields(p);
  const form = h('form', { class: 'stack-form', id: 'person-form', attrs: { novalidate: true } }, ...f.nodes,
    h('div', { class: 'btn-row form-actions' },
      h('button', { class: 'btn btn-primary', id: 'person-submit', attrs: { type: 'submit' }, t: 'people.save' }),
      twoStepButton('people.delete', 'people.deleteConfirm', async () => {
        try {
          await del(`people/${encodeURIComponent(p.id)}`);
          ctx.go('#/people');
        } catch (error) {
          if (!error.problem) throw error;
          ctx.toast(error);
        }
      }, { class: 'btn btn-quiet' })));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitting(form, async () => {
      const body = f.read();
      if (!body.displayName) return fieldError(form, 'displayName', 'problem.required');
      const saved = await patch(`people/${encodeURIComponent(p.id)}`, body);
      ctx.say('people.saved', { name: saved.displayName });
      ctx.reload();
      return saved;
    });
  });

  return h('div', { class: 'stack' },
    h('section', { class: 'card', id: 'person-edit', attrs: { 'aria-labelledby': 'person-edit-title' } },
      h('p', { class: 'eyebrow', t: 'people.editEyebrow' }), h('h2', { id: 'person-edit-title', text: p.displayName }), form),
    tiesCard(ctx, p, detail.supervises, people),
    accountCard(p));
}

/** Who this person supervises (or is hierarchically above): declared here, checked when rosters are made. */
function tiesCard(ctx, p, supervises, people) {
  const others = people.filter((x) => x.id !== p.id);
  const nameOf = (pid) => (people.find((x) => x.id === pid) || { displayName: pid }).displayName;
  const list = h('ul', { class: 'tie-list', id: 'tie-list' }, supervises.map((pid) => h('li', { class: 'tie-row', attrs: { 'data-key': pid } },
    h('span', { text: nameOf(pid) }),
    twoStepButton('ties.remove', 'ties.removeConfirm', async () => {
      try {
        await del(`people/${encodeURIComponent(p.id)}/supervisees/${encodeURIComponent(pid)}`);
        ctx.reload();
      } catch (error) {
        if (!error.problem) throw error;
        ctx.toast(error);
      }
    }, { params: { name: nameOf(pid) }, ariaKey: 'ties.removeFor' }))));
  const free = others.filter((x) => !supervises.includes(x.id));
  const form = h('form', { class: 'stack-form', id: 'tie-form', attrs: { novalidate: true } });
  if (free.length) {
    const who = h('select', { attrs: { id: 'tie-person' } }, free.map((x) => h('option', { attrs: { value: x.id }, text: x.displayName })));
    form.append(h('div', { class: 'field-row field-row-add' }, field('personId', 'ties.supervisesWho', who),
      h('button', { class: 'btn btn-secondary', id: 'tie-add', attrs: { type: 'submit' }, t: 'ties.add' })));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitting(form, async () => {
        await post(`people/${encodeURIComponent(p.id)}/supervisees`, { personId: who.value });
        ctx.say('ties.added');
        ctx.reload();
      });
    });
  }
  return h('section', { class: 'card', id: 'ties-card', attrs: { 'aria-labelledby': 'ties-title' } },
    h('h2', { id: 'ties-title', t: () => t('ties.title', { name: p.displayName }) }),
    h('p', { class: 'hint', t: 'ties.hint' }),
    supervises.length ? list : h('p', { class: 'empty', t: 'ties.none' }), form);
}

/** A leader account for this person: they then sign in here and see only the groups they lead. */
function accountCard(p) {
  const email = input('email', { autocomplete: 'off', value: p.email || '' });
  const password = input('password', { autocomplete: 'new-password', minlength: '12' });
  const kind = select(['LEADER', 'ADMIN'], (v) => t(`account.${v}`));
  const done = h('p', { class: 'notice notice-calm', attrs: { hidden: true, role: 'status' } });
  const form = h('form', { class: 'stack-form', id: 'account-form', attrs: { novalidate: true } },
    h('div', { class: 'field-row' }, field('email', 'field.email', email), field('kind', 'field.accountKind', kind)),
    field('password', 'field.newPassword', password, { hint: 'setup.passwordHint' }),
    h('div', { class: 'btn-row form-actions' }, h('button', { class: 'btn btn-secondary', attrs: { type: 'submit' }, t: 'account.create' })), done);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    done.hidden = true;
    submitting(form, async () => {
      if (password.value.length < 12) return fieldError(form, 'password', 'problem.password');
      await post('accounts', { email: email.value.trim(), password: password.value, kind: kind.value, personId: p.id });
      password.value = '';
      done.textContent = t('account.created', { email: email.value.trim() });
      done.hidden = false;
    });
  });
  return h('details', { class: 'card', id: 'account-card' },
    h('summary', { class: 'settings-summary' }, h('span', { class: 'h2-like', t: 'account.title' }), h('span', { class: 'hint', t: 'account.hint' })), form);
}
