// The leader console: the circle, the floor and the queue, the phases, the rules and the private signals.
import { t, lang, applyLang, mountLangSwitch, onLangChange } from '../shared/i18n.js';
import { RoomConnection, socketUrl } from '../shared/connection.js';
import { takeToken, readClaims, reloadOnNewLink, handOver } from '../shared/session.js';
import { $, el, show, syncList, announce, toast, icon } from '../shared/dom.js';
import { nameOf, person, secondsSince, clock, phaseName, goRoundCurrent, renderTitle } from '../shared/format.js';
import { renderConnectionStatus, renderTerminalReason } from '../shared/status.js';
import { confirmChecklistItem } from '../shared/checklist.js';
import { bridgeToZoom, renderSpotlightChoice } from '../shared/zoom-bridge.js';

const PAGE = 'lead';
const LEADS = new Set(['LEADER', 'CO_LEADER']);
const NEEDS_PRESENTER = new Set(['TELLING', 'GROUP_WORK', 'FACTUAL_QUESTIONS', 'PUSH_BACK', 'PRESENTER_RETURNS']);
const PRESENTER_PHASES = new Set(['OPENING', 'WHO_HAS_A_CASE']);
const ui = {
  room: null,
  you: null,
  status: 'connecting',
  view: 'loading',
  terminal: null,
  busy: new Set(),
  checks: new Map(),
  seatOrder: null, // the order just sent, shown until the server answers
  previousPhase: null, // the phase we saw before the current one, the most likely "one step back"
  tooMuchSeen: new Set(),
  confirmLowerAll: null,
  confirmJump: null, // a jump past every case (the opening straight to the closing) waits for a second click
  notes: [], // the co-leaders' backchannel: in this page's memory only, gone when the meeting ends
  sendingNote: false,
};

let conn = null;
let zoom = null; // the Zoom App bridge, inside the Zoom client only
let drag = null;
const token = takeToken(PAGE);
const claims = token ? readClaims(token) : null;

applyLang();
mountLangSwitch($('lang-switch'));
onLangChange(() => render());
reloadOnNewLink(PAGE);
wireControls();

if (!token) {
  stopWith('no_link');
} else if (!claims) {
  // A token is there but cannot be read: a mail client cut the link short.
  stopWith('link_incomplete');
} else if (!LEADS.has(claims.role)) {
  stopWith('member_link');
} else {
  conn = new RoomConnection({
    url: socketUrl(claims.room, token),
    onSnapshot(room, you) {
      ui.room = room;
      ui.you = you;
      ui.seatOrder = null;
      // The server sends every kept note again right after this snapshot.
      ui.notes = [];
      if (!LEADS.has(you.role)) {
        stopWith('member_link');
        conn.stop();
        return;
      }
      if (ui.view === 'loading') setView('console');
      noticeSignals(room, true);
      if (zoom) zoom.connected(room, you);
      render();
    },
    onState(room) {
      if (ui.room && ui.room.phase.name !== room.phase.name) ui.previousPhase = ui.room.phase.name;
      noticeSignals(room, false);
      if (ui.room) noticeFloorAndQueue(ui.room, room);
      ui.room = room;
      if (zoom) zoom.roomChanged(room);
      render();
    },
    onYou(you) {
      ui.you = you;
      render();
    },
    onStatus(status, info) {
      ui.status = status;
      if (status === 'stopped') {
        if (info.reason === 'meeting_ended') {
          // The notes end with the meeting: nothing of them stays in this page either.
          ui.notes = [];
          $('backchannel-list').replaceChildren();
          $('backchannel-text').value = '';
        }
        stopWith(info.reason);
      }
      render();
    },
    onError(error) { toast($('toasts'), error.code); },
    onBackchannel(notes) {
      const fresh = notes.filter((n) => !ui.notes.some((m) => m.at === n.at && m.from === n.from && m.text === n.text));
      ui.notes.push(...fresh);
      if (ui.notes.length > 200) ui.notes.splice(0, ui.notes.length - 200);
      const fromOthers = fresh.filter((n) => n.from !== (ui.you && ui.you.member));
      // The notes stay folded until a leader opens them or another leader writes one.
      if (fromOthers.length > 0) $('backchannel-panel').open = true;
      if (fromOthers.length === 1 && notes.length === 1) {
        announce($('live-polite'), t('lead.backchannelAnnounce', { name: fromOthers[0].name, text: fromOthers[0].text }));
      }
      renderBackchannel();
    },
  });
  zoom = bridgeToZoom((type, fields) => conn.send(type, fields), () => {
    if (ui.room && ui.you) zoom.connected(ui.room, ui.you);
    renderSpotlightChoice(zoom, $('zoom-spotlight'));
  });
  conn.start();
}
window.setInterval(renderClocks, 1000);

// ---- views -------------------------------------------------------------------------------------------------------

function setView(view) {
  ui.view = view;
  show($('view-loading'), view === 'loading');
  show($('view-terminal'), view === 'terminal');
  show($('view-console'), view === 'console');
}

function stopWith(reason) {
  ui.terminal = reason;
  setView('terminal');
  render();
}

/** A new "too much" signal is announced once to the leaders (politely: they are listening to someone). */
function noticeSignals(room, initial) {
  const now = new Set(room.signals.tooMuch);
  if (!initial) {
    for (const id of room.signals.tooMuch) {
      if (!ui.tooMuchSeen.has(id)) announce($('live-assertive'), t('lead.tooMuchAnnounce', { name: nameOf(room, id) }));
    }
  }
  ui.tooMuchSeen = now;
}

/** Screen-reader users hear new hands and the floor changing, politely, as sighted leaders see them. */
function noticeFloorAndQueue(before, after) {
  const said = [];
  const floorBefore = before.floor ? before.floor.member : null;
  const floorAfter = after.floor ? after.floor.member : null;
  if (floorAfter !== floorBefore) {
    said.push(floorAfter ? t('lead.floorAnnounce', { name: nameOf(after, floorAfter) }) : t('lead.floorFreeAnnounce'));
  }
  after.queue.forEach((id, i) => {
    if (!before.queue.includes(id)) {
      said.push(t('lead.handAnnounce', { name: nameOf(after, id), ordinal: t('ordinal', { n: i + 1 }) }));
    }
  });
  if (said.length) announce($('live-polite'), said.join(' '));
}

// ---- rendering ---------------------------------------------------------------------------------------------------

function render() {
  document.body.dataset.conn = ui.status;
  renderConnection();
  if (ui.view === 'terminal') renderTerminal();
  document.title = ui.room ? `${t('lead.pageTitle')} — ${ui.room.title}` : t('lead.pageTitle');
  if (!ui.room || !ui.you || ui.view !== 'console') return;
  renderTitle($('room-title'), $('room-when'), ui.room);
  renderPhase();
  renderSeats();
  renderFloor();
  renderQueue();
  renderGoRound();
  renderSignals();
  renderPresenter();
  renderEarlierCases();
  renderRules();
  renderMyChecklist();
  renderBackchannel();
}

function renderConnection() {
  renderConnectionStatus(ui.status);
}

function renderTerminal() {
  const reason = ui.terminal || 'closed';
  $('terminal-title').textContent = t('terminal.titleConsole');
  renderTerminalReason(reason);
  show($('terminal-member'), reason === 'member_link');
}

const connected = () => !!conn && conn.connected;

function renderPhase() {
  const room = ui.room;
  const phase = room.phase;
  $('phase-eyebrow').textContent = phase.caseNumber > 0 ? t('lead.phaseCase', { n: phase.caseNumber }) : t('lead.phase');
  $('phase-title').textContent = phaseName(phase.name);
  renderClocks();

  const moves = phase.next || [];
  const missingPresenter = moves.some((p) => NEEDS_PRESENTER.has(p)) && !room.presenter;
  syncList($('phase-next'), moves, (p) => `next-${p}`, (p) => el('button', {
    class: 'btn', attrs: { type: 'button', 'data-phase': p }, on: { click: () => movePhase(p) },
  }), (node, p) => {
    const jump = isJump(p);
    const confirming = jump && ui.confirmJump === p;
    node.className = `btn ${jump ? 'btn-quiet btn-jump' : 'btn-primary'}${confirming ? ' is-confirming' : ''}`;
    node.textContent = confirming ? t('lead.jumpConfirm', { phase: phaseName(p) })
      : t(jump ? 'lead.jumpTo' : 'lead.moveTo', { phase: phaseName(p) });
    node.disabled = !connected() || ui.busy.has('phase') || (NEEDS_PRESENTER.has(p) && !room.presenter);
  });
  syncList($('phase-back'), backSteps(room), (p) => `back-${p}`, (p) => el('button', {
    class: 'btn btn-quiet', attrs: { type: 'button', 'data-phase': p }, on: { click: () => setPhase(p) },
  }), (node, p) => {
    node.textContent = t('lead.backTo', { phase: phaseName(p) });
    node.disabled = !connected() || ui.busy.has('phase');
  });
  const note = $('phase-note');
  note.textContent = missingPresenter ? t('lead.choosePresenterFirst') : (moves.length === 0 ? t('lead.lastPhase') : '');
  show(note, missingPresenter || moves.length === 0);
}

/** Going to the closing before any case was told skips the heart of the meeting: it is set apart and asked twice. */
function isJump(p) { return p === 'CLOSING' && ui.room.phase.caseNumber === 0 && ui.room.phase.name !== 'CASE_CLOSED'; }

function movePhase(p) {
  if (!isJump(p) || ui.confirmJump === p) {
    window.clearTimeout(ui.confirmJumpTimer);
    ui.confirmJump = null;
    setPhase(p);
    return;
  }
  ui.confirmJump = p;
  ui.confirmJumpTimer = window.setTimeout(() => { ui.confirmJump = null; render(); }, 5000);
  render();
}

/** The server says where one step back may lead; of those, the phase we just left is the likely slip to undo. */
function backSteps(room) {
  const back = room.phase.back || [];
  return ui.previousPhase && back.includes(ui.previousPhase) ? [ui.previousPhase] : back;
}

function renderClocks() {
  const room = ui.room;
  if (!room || ui.view !== 'console') return;
  const phase = room.phase;
  const box = $('phase-timer');
  const elapsed = secondsSince(phase.since);
  if (phase.targetSeconds) {
    $('phase-timer-text').textContent = t('lead.timer', { elapsed: clock(elapsed), target: clock(phase.targetSeconds) });
    const bar = $('phase-progress');
    bar.max = phase.targetSeconds;
    bar.value = Math.min(elapsed, phase.targetSeconds);
    box.classList.toggle('is-past', elapsed > phase.targetSeconds);
  } else {
    $('phase-timer-text').textContent = t('lead.timerNoTarget', { elapsed: clock(elapsed) });
    const bar = $('phase-progress');
    bar.max = 1;
    bar.value = 0;
  }
  show(box, true);
  $('floor-since').textContent = room.floor ? t('lead.since', { time: clock(secondsSince(room.floor.since)) }) : '';
}

function seatIds() { return ui.seatOrder || ui.room.people.map((p) => p.id); }

function renderSeats() {
  const room = ui.room;
  const order = seatIds();
  const people = order.map((id) => person(room, id)).filter(Boolean);
  $('circle-count').textContent = t('lead.people', { n: people.length });
  syncList($('seat-list'), people, (p) => p.id, createSeat, (node, p, index) => updateSeat(node, p, index, people.length));
}

/** A per-person menu: a "⋯" button that folds out the actions, so each person takes one line. */
function actionMenu(className, ...items) {
  const panel = el('div', { class: 'menu-panel' }, ...items);
  const summary = el('summary', { class: 'btn btn-icon menu-btn' }, icon('more'));
  const menu = el('details', { class: `menu ${className}` }, summary, panel);
  menu.addEventListener('toggle', () => {
    if (!menu.open) return;
    for (const other of document.querySelectorAll('details.menu[open]')) if (other !== menu) other.open = false;
  });
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && menu.open) {
      menu.open = false;
      summary.focus();
    }
  });
  return menu;
}

/** Closes the menu an action was chosen from, keeping the keyboard on its button. */
function fromMenu(button, action) {
  button.addEventListener('click', () => {
    const menu = button.closest('details.menu');
    if (menu) {
      menu.open = false;
      menu.querySelector('summary').focus();
    }
    action();
  });
}

/** A person can be handed the floor when they can hear it is theirs: their panel is open, or a leader speaks for them. */
function reachable(p) { return !!p && (p.attendance !== 'PANEL' || p.presence === 'CONNECTED'); }

/** The visible words of a button, then whom it is for: the accessible name starts with what one sees. */
function named(text, name) { return t('lead.forName', { action: text, name }); }

function createSeat(p) {
  const handle = el('button', { class: 'drag-handle', attrs: { type: 'button', 'aria-describedby': 'seat-help' } }, icon('grip'));
  handle.addEventListener('keydown', (e) => seatKey(e, p.id));
  handle.addEventListener('pointerdown', (e) => dragStart(e, p.id, handle));
  handle.addEventListener('pointermove', dragMove);
  handle.addEventListener('pointerup', dragEnd);
  handle.addEventListener('pointercancel', dragCancel);
  const attendance = el('select', { class: 'seat-attendance' },
    ...['PANEL', 'IN_ROOM', 'PHONE'].map((a) => el('option', { attrs: { value: a } })));
  attendance.addEventListener('change', () => run(`att-${p.id}`, 'setAttendance', { member: p.id, attendance: attendance.value }));
  const hand = el('button', { class: 'btn btn-secondary seat-hand', attrs: { type: 'button' } });
  fromMenu(hand, () => {
    const raised = ui.room.queue.includes(p.id);
    run(`hand-${p.id}`, raised ? 'lowerHandFor' : 'raiseHandFor', { member: p.id });
  });
  const give = el('button', { class: 'btn btn-secondary seat-floor', attrs: { type: 'button' } });
  fromMenu(give, () => run(`floor-${p.id}`, 'giveFloor', { member: p.id }));
  const menu = actionMenu('seat-menu', hand, give,
    el('label', { class: 'menu-field' }, el('span', { class: 'menu-field-label' }), attendance));
  return el('li', { class: 'seat' },
    handle,
    el('span', { class: 'presence-dot', attrs: { 'aria-hidden': 'true' } }),
    el('span', { class: 'seat-who' },
      el('span', { class: 'seat-name' }),
      el('span', { class: 'seat-tags' }),
      el('span', { class: 'seat-meta' })),
    menu);
}

/**
 * Zoom presence is shown once Zoom has reported anyone in this meeting: before that (no Zoom account, or nobody has
 * joined yet) "not seen" beside every name would say nothing.
 */
function zoomSeen(room) { return room.people.some((p) => p.zoom && p.zoom !== 'NOT_SEEN'); }

function updateSeat(node, p, index, count) {
  const room = ui.room;
  const speaks = p.role !== 'OBSERVER';
  const place = room.queue.indexOf(p.id);
  const floor = !!room.floor && room.floor.member === p.id;
  node.classList.toggle('is-speaking', floor);
  node.classList.toggle('is-dragging', !!drag && drag.id === p.id && drag.moved);
  node.classList.toggle('is-unreachable', !reachable(p));
  node.dataset.presence = p.presence;
  const handle = node.querySelector('.drag-handle');
  handle.setAttribute('aria-label', t('lead.moveSeat', { name: p.name, n: index + 1, total: count }));
  handle.title = t('lead.seatHelp');
  node.querySelector('.presence-dot').dataset.presence = p.presence;
  node.querySelector('.seat-name').textContent = p.id === ui.you.member ? `${p.name} (${t('lead.you')})` : p.name;

  const tags = [];
  if (p.role !== 'MEMBER') tags.push(['role', t(`role.${p.role}`)]);
  if (room.presenter === p.id) tags.push(['presenter', t('tag.presenter')]);
  if (p.listening) tags.push(['listening', t('tag.listening')]);
  const badges = tags.map(([kind, text]) => el('span', { class: `tag tag-${kind}`, text }));
  if (place >= 0) {
    badges.push(el('span', { class: 'tag tag-hand', attrs: { title: t('tag.hand', { n: place + 1 }) } }, icon('hand'),
      el('span', { attrs: { 'aria-hidden': 'true' }, text: String(place + 1) }),
      el('span', { class: 'visually-hidden', text: t('tag.hand', { n: place + 1 }) })));
  }
  // The row itself is green for the speaker and the mic is an icon: the line stays one line, the words stay for
  // screen readers.
  if (floor) badges.push(el('span', { class: 'visually-hidden', text: t('tag.speaking') }));
  if (room.unmuteInvited.includes(p.id)) {
    badges.push(el('span', { class: 'tag tag-mic', attrs: { title: t('tag.mic') } }, icon('mic'),
      el('span', { class: 'visually-hidden', text: t('tag.mic') })));
  }
  node.querySelector('.seat-tags').replaceChildren(...badges);

  const total = room.checklist.length;
  const done = (p.confirmed || []).length;
  const checklist = p.checklistDone ? t('lead.checklistDone') : t('lead.checklistPartial', { done, total });
  const presence = p.attendance !== 'PANEL'
    ? el('span', { class: 'presence-text', text: t(`attendance.${p.attendance}`) })
    : el('span', { class: `presence-text presence-${p.presence}${p.presence === 'CONNECTED' ? ' visually-hidden' : ''}`, text: t(`presence.${p.presence}`) });
  node.querySelector('.seat-meta').replaceChildren(...[
    presence,
    zoomSeen(room) && p.zoom ? el('span', { class: `zoom-presence zoom-${p.zoom}`, text: t('lead.zoomPresence', { state: t(`zoom.${p.zoom}`) }) }) : null,
    el('span', { class: `checklist-status ${p.checklistDone ? 'is-done' : 'is-open'}`, text: checklist }),
    speaks ? el('span', { class: 'turns', text: t('lead.turns', { n: p.turns }) }) : null].filter(Boolean));

  node.querySelector('.menu-btn').setAttribute('aria-label', t('lead.seatActions', { name: p.name }));
  node.querySelector('.menu-field-label').textContent = t('lead.attendance');
  const attendance = node.querySelector('.seat-attendance');
  for (const option of attendance.options) option.textContent = t(`attendance.${option.value}`);
  attendance.value = p.attendance;
  attendance.disabled = !connected() || ui.busy.has(`att-${p.id}`);

  const hand = node.querySelector('.seat-hand');
  hand.textContent = place >= 0 ? t('lead.lowerHandFor') : t('lead.raiseHandFor');
  hand.setAttribute('aria-label', named(hand.textContent, p.name));
  show(hand, speaks && !floor);
  hand.disabled = !connected() || ui.busy.has(`hand-${p.id}`) || p.listening;

  const give = node.querySelector('.seat-floor');
  give.textContent = reachable(p) ? t('lead.giveFloor') : t('lead.giveFloorAnyway', { presence: t(`presence.${p.presence}`) });
  give.setAttribute('aria-label', named(give.textContent, p.name));
  show(give, speaks && !floor);
  give.disabled = !connected() || ui.busy.has(`floor-${p.id}`) || p.listening || !!room.goRound;
}

/** Who the main button offers the floor to: the first raised hand of someone who can hear it is theirs. */
function nextOffered(room) {
  return room.queue.find((id) => reachable(person(room, id))) || null;
}

/**
 * One main button, chosen by the moment: while someone speaks it ends their turn (it never hands the floor on over
 * them); while the presenter tells the case it gives the floor back to them; otherwise it gives the floor to the
 * next raised hand of someone connected.
 */
function renderFloor() {
  const room = ui.room;
  const floor = room.floor;
  $('floor-name').textContent = floor ? nameOf(room, floor.member) : t('lead.nobodySpeaking');
  $('floor-now').classList.toggle('has-speaker', !!floor);

  const end = $('end-turn-btn');
  end.textContent = t('lead.endTurn');
  show(end, !!floor);
  end.disabled = !connected() || ui.busy.has('endTurn');
  show($('put-back-btn'), !!floor && !room.goRound);
  $('put-back-btn').disabled = !connected() || ui.busy.has('putBack');

  const next = $('give-next-btn');
  const telling = room.phase.name === 'TELLING' && room.presenter;
  const offered = telling ? room.presenter : nextOffered(room);
  show(next, !floor && !room.goRound);
  next.dataset.member = offered || '';
  if (telling) next.textContent = t('lead.giveBack', { name: nameOf(room, offered) });
  else if (offered) next.textContent = t('lead.giveNext', { name: nameOf(room, offered) });
  else next.textContent = room.queue.length ? t('lead.nobodyReachable') : t('lead.giveNextNobody');
  next.disabled = !connected() || !offered || ui.busy.has('giveNext');

  const passedOver = floor || telling ? [] : room.queue.slice(0, offered ? room.queue.indexOf(offered) : room.queue.length);
  const hint = $('floor-hint');
  hint.textContent = passedOver.length ? t('lead.notOffered', { names: passedOver.map((id) => nameOf(room, id)).join(', ') }) : '';
  show(hint, hint.textContent !== '');
}

function renderQueue() {
  const room = ui.room;
  const queue = room.queue;
  $('queue-count').textContent = queue.length ? String(queue.length) : '';
  $('queue-policy-line').textContent = t(`policyLine.${room.rules.queuePolicy}`);
  show($('queue-empty'), queue.length === 0);
  syncList($('queue-list'), queue, (id) => id, createQueueItem, (node, id, i) => {
    const p = person(room, id);
    const name = p ? p.name : id;
    node.classList.toggle('is-unreachable', !reachable(p));
    node.querySelector('.queue-pos').textContent = String(i + 1);
    node.querySelector('.queue-name').textContent = name;
    const meta = [];
    if (p && p.attendance !== 'PANEL') meta.push(t(`attendance.${p.attendance}`));
    else if (p && p.presence !== 'CONNECTED') meta.push(t(`presence.${p.presence}`));
    meta.push(t('lead.turns', { n: p ? p.turns : 0 }));
    node.querySelector('.queue-meta').textContent = meta.join(' · ');
    const give = node.querySelector('.q-give');
    give.textContent = t('lead.giveFloor');
    give.className = `btn btn-small q-give queue-give ${reachable(p) ? 'btn-primary' : 'btn-secondary'}`;
    give.setAttribute('aria-label', named(give.textContent, name));
    give.disabled = !connected() || !!room.goRound || ui.busy.has(`q-${id}`);
    node.querySelector('.menu-btn').setAttribute('aria-label', t('lead.queueActions', { name }));
    const up = node.querySelector('.q-up');
    up.textContent = t('lead.moveUp');
    up.disabled = !connected() || i === 0 || ui.busy.has(`q-${id}`);
    const down = node.querySelector('.q-down');
    down.textContent = t('lead.moveDown');
    down.disabled = !connected() || i === queue.length - 1 || ui.busy.has(`q-${id}`);
    const remove = node.querySelector('.q-remove');
    remove.textContent = t('lead.remove');
    remove.disabled = !connected() || ui.busy.has(`q-${id}`);
  });
  const lowerAll = $('lower-all-btn');
  show(lowerAll, queue.length > 1);
  lowerAll.textContent = ui.confirmLowerAll ? t('lead.lowerAllConfirm') : t('lead.lowerAll');
  lowerAll.classList.toggle('is-confirming', !!ui.confirmLowerAll);
  lowerAll.disabled = !connected() || ui.busy.has('lowerAll');
}

function createQueueItem(id) {
  const give = el('button', { class: 'btn btn-small btn-primary q-give queue-give', attrs: { type: 'button' } });
  give.addEventListener('click', () => run(`q-${id}`, 'giveFloor', { member: id }));
  const up = el('button', { class: 'btn btn-secondary q-up', attrs: { type: 'button' } });
  fromMenu(up, () => moveHand(id, -1));
  const down = el('button', { class: 'btn btn-secondary q-down', attrs: { type: 'button' } });
  fromMenu(down, () => moveHand(id, +1));
  const remove = el('button', { class: 'btn btn-quiet q-remove', attrs: { type: 'button' } });
  fromMenu(remove, () => run(`q-${id}`, 'lowerHandFor', { member: id }));
  return el('li', { class: 'queue-item' },
    el('span', { class: 'queue-pos', attrs: { 'aria-hidden': 'true' } }),
    el('span', { class: 'queue-who' }, el('span', { class: 'queue-name' }), el('span', { class: 'queue-meta' })),
    give,
    actionMenu('queue-menu', up, down, remove));
}

function renderGoRound() {
  const room = ui.room;
  const g = room.goRound;
  const list = $('go-round-list');
  show(list, !!g);
  show($('go-round-start'), !g);
  show($('go-round-next'), !!g);
  show($('go-round-end'), !!g);
  $('go-round-start').disabled = !connected() || ui.busy.has('goRound');
  $('go-round-next').disabled = !connected() || ui.busy.has('goRound');
  $('go-round-end').disabled = !connected() || ui.busy.has('goRound');
  if (!g) {
    $('go-round-status').textContent = t('lead.goRoundIdle');
    list.replaceChildren();
    return;
  }
  $('go-round-status').textContent = t('lead.goRoundRunning', { n: g.position + 1, total: g.order.length, name: nameOf(room, goRoundCurrent(room)) });
  syncList(list, g.order, (id) => id, () => el('li', { class: 'go-round-item' }), (node, id, i) => {
    node.textContent = nameOf(room, id);
    node.classList.toggle('is-current', i === g.position);
    node.classList.toggle('is-done', i < g.position);
    if (i === g.position) node.setAttribute('aria-current', 'step');
    else node.removeAttribute('aria-current');
  });
}

function renderSignals() {
  const room = ui.room;
  const tooMuch = room.signals.tooMuch;
  $('signals-panel').classList.toggle('has-too-much', tooMuch.length > 0);
  show($('too-much-empty'), tooMuch.length === 0);
  syncList($('too-much-list'), tooMuch, (id) => id, (id) => {
    const seen = el('button', { class: 'btn btn-small btn-secondary', attrs: { type: 'button' } });
    seen.addEventListener('click', () => run(`seen-${id}`, 'clearTooMuch', { member: id }));
    return el('li', { class: 'signal-item signal-too-much' }, el('span', { class: 'signal-name' }), seen);
  }, (node, id) => {
    node.querySelector('.signal-name').textContent = nameOf(room, id);
    const seen = node.querySelector('button');
    seen.textContent = t('lead.tooMuchSeen');
    seen.setAttribute('aria-label', named(seen.textContent, nameOf(room, id)));
    seen.disabled = !connected() || ui.busy.has(`seen-${id}`);
  });

  const cases = room.signals.hasCase;
  const canChoose = PRESENTER_PHASES.has(room.phase.name);
  show($('case-empty'), cases.length === 0);
  syncList($('case-list'), cases, (id) => id, (id) => {
    const choose = el('button', { class: 'btn btn-small btn-secondary', attrs: { type: 'button' } });
    choose.addEventListener('click', () => run(`presenter-${id}`, 'setPresenter', { member: id }));
    return el('li', { class: 'signal-item' }, el('span', { class: 'signal-name' }), choose);
  }, (node, id) => {
    node.querySelector('.signal-name').textContent = nameOf(room, id);
    const choose = node.querySelector('button');
    choose.textContent = t('lead.choosePresenter');
    choose.setAttribute('aria-label', named(choose.textContent, nameOf(room, id)));
    show(choose, canChoose);
    choose.disabled = !connected() || ui.busy.has(`presenter-${id}`);
  });
}

function renderPresenter() {
  const room = ui.room;
  const canChoose = PRESENTER_PHASES.has(room.phase.name);
  $('presenter-current').textContent = room.presenter ? nameOf(room, room.presenter) : t('lead.noPresenter');
  $('presenter-current').classList.toggle('is-empty', !room.presenter);
  show($('presenter-chooser'), canChoose);
  show($('presenter-locked'), !canChoose);
  const today = room.presentedToday || [];
  const earlierToday = today.filter((id) => id !== room.presenter);
  $('presented-today').textContent = t('lead.presentedToday', { names: earlierToday.map((id) => nameOf(room, id)).join(', ') });
  show($('presented-today'), earlierToday.length > 0);
  const select = $('presenter-select');
  const members = room.people.filter((p) => p.role === 'MEMBER');
  const previous = select.value;
  syncList(select, members, (p) => p.id, (p) => el('option', { attrs: { value: p.id } }), (node, p) => {
    const notes = [];
    if (room.signals.hasCase.includes(p.id)) notes.push(t('lead.hasCaseTag'));
    if (today.includes(p.id)) notes.push(t('lead.presentedTodayTag'));
    node.textContent = notes.length ? `${p.name} — ${notes.join(', ')}` : p.name;
  });
  if (previous && members.some((p) => p.id === previous)) select.value = previous;
  $('presenter-set').disabled = !connected() || ui.busy.has('presenter') || members.length === 0;
  $('presenter-clear').disabled = !connected() || ui.busy.has('presenter') || !room.presenter;
  show($('presenter-clear'), !!room.presenter);
}

/** At the opening, who presented at the previous meeting (name and date only), to invite brief news. */
function renderEarlierCases() {
  const room = ui.room;
  const earlier = room.earlierCases || [];
  show($('earlier-panel'), earlier.length > 0 && room.phase.name === 'OPENING');
  const format = new Intl.DateTimeFormat(lang() === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
  const items = earlier.map((e, i) => ({ key: `${i}-${e.name}`, ...e }));
  syncList($('earlier-list'), items, (e) => e.key, () => el('li', { class: 'signal-item' }), (node, e) => {
    const date = Number.isNaN(Date.parse(e.presentedOn)) ? e.presentedOn : format.format(new Date(`${e.presentedOn}T00:00:00Z`));
    node.textContent = t('lead.earlierItem', { name: e.name, date });
  });
}

function renderRules() {
  const rules = ui.room.rules;
  for (const [name, value] of [['speakingRule', rules.speakingRule], ['queuePolicy', rules.queuePolicy], ['mutePolicy', rules.mutePolicy]]) {
    for (const input of document.querySelectorAll(`input[name="${name}"]`)) {
      input.checked = input.value === value;
      input.disabled = !connected() || ui.busy.has(name);
    }
  }
  const pause = $('pause-questions-btn');
  pause.setAttribute('aria-pressed', String(rules.questionsPaused));
  pause.disabled = !connected() || ui.busy.has('pause');
  renderSpotlightChoice(zoom, $('zoom-spotlight'));
}

function renderMyChecklist() {
  const room = ui.room;
  const confirmed = new Set(ui.you.confirmed);
  const value = (id) => (ui.checks.has(id) ? ui.checks.get(id) : confirmed.has(id));
  syncList($('my-checklist-items'), room.checklist, (i) => i.id, (item) => {
    const input = el('input', { attrs: { type: 'checkbox', 'data-item': item.id } });
    input.addEventListener('change', () => confirmItem(item.id, input.checked));
    return el('label', { class: 'check check-compact' }, input, el('span', { class: 'check-box', attrs: { 'aria-hidden': 'true' } }), el('span', { class: 'check-text' }));
  }, (node, item) => {
    node.querySelector('.check-text').textContent = item[lang()] || item.en;
    const input = node.querySelector('input');
    input.checked = value(item.id);
    input.disabled = !connected();
  });
  const done = room.checklist.filter((i) => value(i.id)).length;
  $('my-checklist-summary').textContent = t('lead.myChecklist', { done, total: room.checklist.length });
  show($('my-checklist'), room.checklist.length > 0);
}

/** Notes between leaders, oldest first, with who wrote them and when (in the viewer's own time). */
function renderBackchannel() {
  if (!ui.room || !ui.you || ui.view !== 'console') return;
  const format = new Intl.DateTimeFormat(lang() === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const items = ui.notes.map((n, i) => ({ key: `${i}-${n.at}-${n.from}`, ...n }));
  show($('backchannel-empty'), items.length === 0);
  $('backchannel-summary-count').textContent = items.length ? t('lead.notes', { n: items.length }) : '';
  syncList($('backchannel-list'), items, (n) => n.key, () => el('li', { class: 'note' },
    el('p', { class: 'note-head' }, el('span', { class: 'note-name' }), el('time', { class: 'note-time' })),
    el('p', { class: 'note-text' })), (node, n) => {
    const mine = n.from === ui.you.member;
    node.classList.toggle('is-mine', mine);
    node.dataset.from = n.from;
    node.querySelector('.note-name').textContent = mine ? t('lead.backchannelYou', { name: n.name }) : n.name;
    const time = node.querySelector('.note-time');
    const at = new Date(n.at);
    time.textContent = Number.isNaN(at.getTime()) ? '' : format.format(at);
    time.dateTime = n.at;
    node.querySelector('.note-text').textContent = n.text;
  });
  const text = $('backchannel-text');
  $('backchannel-count').textContent = text.value.length > 800 ? t('lead.backchannelLeft', { n: 1000 - text.value.length }) : '';
  $('backchannel-send').disabled = !connected() || ui.sendingNote || text.value.trim() === '';
  text.setAttribute('aria-label', t('lead.backchannelLabel'));
}

async function sendNote() {
  const box = $('backchannel-text');
  const text = box.value.trim();
  if (!conn || !text || ui.sendingNote) return;
  ui.sendingNote = true;
  renderBackchannel();
  try {
    await conn.send('backchannel', { text });
    if (box.value.trim() === text) box.value = '';
  } catch (error) {
    toast($('toasts'), error.code);
  } finally {
    ui.sendingNote = false;
    renderBackchannel();
  }
}

// ---- actions -----------------------------------------------------------------------------------------------------

async function run(busyKey, type, fields = {}, options = {}) {
  if (!conn || ui.busy.has(busyKey)) return null;
  ui.busy.add(busyKey);
  render();
  try {
    return await conn.send(type, fields, options);
  } catch (error) {
    toast($('toasts'), error.code);
    return null;
  } finally {
    ui.busy.delete(busyKey);
    render();
  }
}

/**
 * Phase moves carry the version the leader saw, so a double click, or two leaders at once, cannot skip a phase. If
 * only something else changed meanwhile (a hand, a presence) and the phase is still the one the leader saw, the move
 * is sent again with the new version.
 */
async function setPhase(phase) {
  if (!conn || ui.busy.has('phase')) return;
  const from = ui.room.phase.name;
  ui.busy.add('phase');
  render();
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await conn.send('setPhase', { phase }, { expectedVersion: true });
        break;
      } catch (error) {
        if (error.code !== 'stale_version' || attempt >= 2 || ui.room.phase.name !== from) throw error;
      }
    }
  } catch (error) {
    toast($('toasts'), error.code);
  } finally {
    ui.busy.delete('phase');
    render();
  }
}

function moveHand(id, delta) {
  const at = ui.room.queue.indexOf(id);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= ui.room.queue.length) return;
  run(`q-${id}`, 'moveHand', { member: id, to }).then((ack) => {
    if (ack) announce($('live-polite'), t('lead.queueMoved', { name: nameOf(ui.room, id), n: to + 1 }));
  });
}

async function sendSeatOrder(order, movedId) {
  ui.seatOrder = order;
  render();
  try {
    await conn.send('setSeatOrder', { order });
    const n = order.indexOf(movedId) + 1;
    announce($('live-polite'), t('lead.seatMoved', { name: nameOf(ui.room, movedId), n, total: order.length }));
  } catch (error) {
    toast($('toasts'), error.code);
  } finally {
    ui.seatOrder = null;
    render();
  }
}

function seatKey(e, id) {
  const order = seatIds().slice();
  const at = order.indexOf(id);
  let to;
  if (e.key === 'ArrowUp') to = at - 1;
  else if (e.key === 'ArrowDown') to = at + 1;
  else if (e.key === 'Home') to = 0;
  else if (e.key === 'End') to = order.length - 1;
  else return;
  e.preventDefault();
  if (to < 0 || to >= order.length || to === at || !connected()) return;
  order.splice(at, 1);
  order.splice(to, 0, id);
  sendSeatOrder(order, id);
}

// Drag and drop with pointer events (mouse, pen and touch alike): the dragged row is highlighted and a line shows
// where it will land; nothing moves on the server until it is dropped.
function dragStart(e, id, handle) {
  if (e.button !== 0 || !connected()) return;
  handle.setPointerCapture(e.pointerId);
  drag = { id, startY: e.clientY, moved: false, to: null };
}

function dragMove(e) {
  if (!drag) return;
  if (!drag.moved && Math.abs(e.clientY - drag.startY) < 6) return;
  drag.moved = true;
  const rows = Array.from($('seat-list').children);
  const others = rows.filter((r) => r.dataset.key !== drag.id);
  let to = others.length;
  for (let i = 0; i < others.length; i += 1) {
    const box = others[i].getBoundingClientRect();
    if (e.clientY < box.top + box.height / 2) {
      to = i;
      break;
    }
  }
  drag.to = to;
  for (const r of rows) {
    r.classList.toggle('is-dragging', r.dataset.key === drag.id);
    r.classList.remove('drop-before', 'drop-after');
  }
  if (to < others.length) others[to].classList.add('drop-before');
  else if (others.length) others[others.length - 1].classList.add('drop-after');
}

function clearDragMarks() {
  for (const r of $('seat-list').children) r.classList.remove('is-dragging', 'drop-before', 'drop-after');
}

function dragEnd() {
  if (!drag) return;
  const { id, moved, to } = drag;
  drag = null;
  clearDragMarks();
  if (!moved || to === null) return;
  const order = seatIds().filter((x) => x !== id);
  order.splice(to, 0, id);
  if (order.join() !== seatIds().join()) sendSeatOrder(order, id);
}

function dragCancel() {
  drag = null;
  clearDragMarks();
}

function confirmItem(item, confirmed) {
  return confirmChecklistItem(conn, ui.checks, item, confirmed, render);
}

function wireControls() {
  $('backchannel-form').addEventListener('submit', (e) => {
    e.preventDefault();
    sendNote();
  });
  $('backchannel-text').addEventListener('input', renderBackchannel);
  $('backchannel-text').addEventListener('keydown', (e) => {
    // Enter sends, Shift+Enter starts a new line.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      sendNote();
    }
  });
  $('end-turn-btn').addEventListener('click', () => run('endTurn', 'endTurn'));
  $('put-back-btn').addEventListener('click', () => run('putBack', 'putBack'));
  $('give-next-btn').addEventListener('click', () => {
    const member = $('give-next-btn').dataset.member;
    if (member) run('giveNext', 'giveFloor', { member });
  });
  document.addEventListener('click', (e) => {
    for (const menu of document.querySelectorAll('details.menu[open]')) if (!menu.contains(e.target)) menu.open = false;
  });
  $('go-round-start').addEventListener('click', () => run('goRound', 'startGoRound'));
  $('go-round-next').addEventListener('click', () => run('goRound', 'endTurn'));
  $('go-round-end').addEventListener('click', () => run('goRound', 'endGoRound'));
  $('lower-all-btn').addEventListener('click', () => {
    if (!ui.confirmLowerAll) {
      // Two steps: lowering every hand cannot be undone by the members' leaders for them.
      ui.confirmLowerAll = window.setTimeout(() => { ui.confirmLowerAll = null; render(); }, 5000);
      render();
      return;
    }
    window.clearTimeout(ui.confirmLowerAll);
    ui.confirmLowerAll = null;
    run('lowerAll', 'lowerAllHands');
  });
  $('presenter-set').addEventListener('click', () => {
    const member = $('presenter-select').value;
    if (member) run('presenter', 'setPresenter', { member });
  });
  $('presenter-clear').addEventListener('click', () => run('presenter', 'setPresenter', { member: null }));
  const ruleCommands = { speakingRule: ['setSpeakingRule', 'rule'], queuePolicy: ['setQueuePolicy', 'policy'], mutePolicy: ['setMutePolicy', 'policy'] };
  for (const [name, [type, field]] of Object.entries(ruleCommands)) {
    for (const input of document.querySelectorAll(`input[name="${name}"]`)) {
      input.addEventListener('change', () => { if (input.checked) run(name, type, { [field]: input.value }); });
    }
  }
  $('pause-questions-btn').addEventListener('click', () => run('pause', 'pauseQuestions', { paused: !ui.room.rules.questionsPaused }));
  $('terminal-retry').addEventListener('click', () => {
    ui.terminal = null;
    setView(ui.room ? 'console' : 'loading');
    conn.restart();
  });
  $('terminal-member').addEventListener('click', () => {
    handOver('join', token);
    location.assign('/join/');
  });
}
