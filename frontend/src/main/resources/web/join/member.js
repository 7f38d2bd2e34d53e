// The member panel: the checklist first, then one large hand button, the floor, the queue and the phase.
import { t, lang, applyLang, mountLangSwitch, onLangChange } from '../shared/i18n.js';
import { RoomConnection, socketUrl } from '../shared/connection.js';
import { takeToken, readClaims, reloadOnNewLink } from '../shared/session.js';
import { $, el, show, syncList, announce, toast } from '../shared/dom.js';
import { nameOf, person, secondsSince, wholeMinutes, phaseName, nextSpeaker, goRoundCurrent, renderTitle } from '../shared/format.js';
import { Chime } from '../shared/chime.js';
import { renderConnectionStatus, renderTerminalReason } from '../shared/status.js';
import { confirmChecklistItem } from '../shared/checklist.js';
import { bridgeToZoom } from '../shared/zoom-bridge.js';

const PAGE = 'join';
const SOUND_KEY = 'balint.sound';

const ui = {
  room: null,
  you: null,
  status: 'connecting',
  view: 'loading', // loading | terminal | checklist | panel
  reviewing: false, // the checklist was reopened from the panel
  terminal: null,
  busy: new Set(), // commands waiting for their answer: 'hand', 'case', 'tooMuch', 'turn', 'take'
  checks: new Map(), // checklist items ticked here and not yet confirmed by the server
  floorWasMine: false,
  lastPlace: null,
  tooMuchSeen: false, // a leader cleared this person's "too much": they are told the leaders saw it
};

const chime = new Chime();
let conn = null;
let zoom = null; // the Zoom App bridge, inside the Zoom client only

applyLang();
mountLangSwitch($('lang-switch'));
onLangChange(() => render());
reloadOnNewLink(PAGE);
wireControls();

const token = takeToken(PAGE);
const claims = token ? readClaims(token) : null;
if (!token) {
  stopWith('no_link');
} else if (!claims) {
  // A token is there but cannot be read: a mail client cut the link short.
  stopWith('link_incomplete');
} else {
  conn = new RoomConnection({
    url: socketUrl(claims.room, token),
    onSnapshot(room, you) {
      ui.room = room;
      ui.you = you;
      if (ui.view === 'loading') chooseFirstView();
      if (zoom) zoom.connected(room, you);
      render();
    },
    onState(room) {
      ui.room = room;
      if (zoom) zoom.roomChanged(room);
      render();
    },
    onYou(you) {
      // Unticked by someone else: a leader cleared the signal.
      if (ui.you && ui.you.tooMuch && !you.tooMuch && !ui.busy.has('tooMuch')) {
        ui.tooMuchSeen = true;
        announce($('live-polite'), t('member.tooMuchSeen'));
      }
      if (you.tooMuch) ui.tooMuchSeen = false;
      ui.you = you;
      render();
    },
    onStatus(status, info) {
      ui.status = status;
      if (status === 'stopped') stopWith(info.reason);
      render();
    },
    onError(error) { toast($('toasts'), error.code); },
  });
  zoom = bridgeToZoom((type, fields) => conn.send(type, fields), () => { if (ui.room && ui.you) zoom.connected(ui.room, ui.you); });
  conn.start();
}
window.setInterval(renderTimer, 1000);

// ---- views -------------------------------------------------------------------------------------------------------

function isObserver() { return ui.you && ui.you.role === 'OBSERVER'; }

function allConfirmed() {
  const done = new Set(ui.you.confirmed);
  return ui.room.checklist.every((item) => done.has(item.id));
}

/** The checklist comes first (observers hear everything: they confirm it too), unless it is empty or already done. */
function chooseFirstView() {
  if (ui.room.checklist.length === 0 || allConfirmed()) setView('panel');
  else setView('checklist');
}

/** A new view opens at its top; focus goes where asked without scrolling the page away from that top. */
function setView(view, focusTarget) {
  ui.view = view;
  for (const name of ['loading', 'terminal', 'checklist', 'panel']) show($(`view-${name}`), name === view);
  window.scrollTo(0, 0);
  if (focusTarget) focusTarget.focus({ preventScroll: true });
}

function stopWith(reason) {
  ui.terminal = reason;
  setView('terminal');
  render();
}

// ---- rendering ---------------------------------------------------------------------------------------------------

function render() {
  document.body.dataset.conn = ui.status;
  renderConnection();
  if (ui.view === 'terminal') renderTerminal();
  if (!ui.room || !ui.you) {
    document.title = t('member.pageTitle');
    return;
  }
  renderTitle($('room-title'), $('room-when'), ui.room);
  renderChecklist();
  renderPanel();
}

function renderConnection() {
  renderConnectionStatus(ui.status);
}

function renderTerminal() {
  renderTerminalReason(ui.terminal || 'closed');
}

function renderChecklist() {
  const room = ui.room;
  const confirmed = new Set(ui.you.confirmed);
  const connected = conn && conn.connected;
  syncList($('checklist-items'), room.checklist, (item) => item.id, createCheckItem, (node, item) => {
    const input = node.querySelector('input');
    node.querySelector('.check-text').textContent = item[lang()] || item.en;
    input.checked = ui.checks.has(item.id) ? ui.checks.get(item.id) : confirmed.has(item.id);
    input.disabled = !connected;
  });
  const done = room.checklist.filter((i) => (ui.checks.has(i.id) ? ui.checks.get(i.id) : confirmed.has(i.id))).length;
  const total = room.checklist.length;
  $('checklist-progress').textContent = t('checklist.progress', { done, total });
  const button = $('checklist-continue');
  if (ui.reviewing) {
    button.textContent = t('checklist.back');
    button.disabled = false;
  } else {
    button.textContent = done === total ? t('checklist.continue') : t('checklist.continueWhenDone');
    button.disabled = done !== total;
  }
  $('reopen-checklist').textContent = done === total
    ? t('checklist.reopenDone', { done, total })
    : t('checklist.reopenPartial', { done, total });
  show($('reopen-checklist'), total > 0);
}

function createCheckItem(item) {
  const input = el('input', { attrs: { type: 'checkbox', 'data-item': item.id } });
  input.addEventListener('change', () => confirmItem(item.id, input.checked));
  return el('label', { class: 'check' }, input, el('span', { class: 'check-box', attrs: { 'aria-hidden': 'true' } }),
    el('span', { class: 'check-text' }));
}

function renderPanel() {
  const room = ui.room;
  const me = ui.you.member;
  const mine = person(room, me);
  const observer = isObserver();
  const connected = conn && conn.connected;
  const floorMine = !!room.floor && room.floor.member === me;
  const place = room.queue.indexOf(me);
  const listening = !!(mine && mine.listening);
  const roundCurrent = goRoundCurrent(room);

  // Phase, its hint and its advisory timer.
  $('phase-name').textContent = phaseName(room.phase.name);
  $('phase-hint').textContent = t(`phaseHint.${room.phase.name}`);
  const presenterLine = $('presenter-line');
  if (room.presenter) {
    presenterLine.textContent = room.presenter === me ? t('member.youPresent') : t('member.presenter', { name: nameOf(room, room.presenter) });
  }
  show(presenterLine, !!room.presenter);
  show($('questions-paused'), room.rules.questionsPaused);
  renderTimer();

  // Who speaks now, who is next.
  $('now-speaking').textContent = room.floor ? whoLabel(room.floor.member) : t('member.nobodySpeaking');
  $('now-speaking').classList.toggle('is-me', floorMine);
  const next = nextSpeaker(room);
  $('next-speaking').textContent = next ? whoLabel(next) : t('member.nobodyNext');
  const roundLine = $('go-round-line');
  if (room.goRound) {
    roundLine.textContent = t('member.goRound', { n: room.goRound.position + 1, total: room.goRound.order.length });
  }
  show(roundLine, !!room.goRound);

  // The floor cue: visual, announced, optionally a soft sound; the title says it too when the window is behind Zoom.
  show($('floor-cue'), floorMine);
  if (floorMine && !ui.floorWasMine) {
    // Pinned at the top while it lasts (styles.css); brought into view if the panel was scrolled above it.
    if ($('floor-cue').getBoundingClientRect().top < 0) window.scrollTo(0, 0);
    announce($('live-floor'), `${t('member.youHaveTheFloor')}. ${t('member.unmuteInZoom')}`);
    if (chime.enabled) chime.play();
  } else if (!floorMine && ui.floorWasMine) {
    announce($('live-polite'), t('member.turnOver'));
  }
  ui.floorWasMine = floorMine;
  document.title = floorMine ? t('member.titleFloor') : t('member.pageTitle');

  // My actions.
  show($('observer-note'), observer);
  show($('my-actions'), !observer);
  show($('signals'), ui.you.role === 'MEMBER');
  show($('listening-note'), listening);
  show($('turn-actions'), floorMine);
  show($('pass-btn'), floorMine && roundCurrent === me);
  $('end-turn-btn').disabled = !connected || ui.busy.has('turn');
  $('pass-btn').disabled = !connected || ui.busy.has('turn');

  const hand = $('hand-btn');
  const raised = place >= 0;
  hand.dataset.state = raised ? 'raised' : 'lowered';
  hand.classList.toggle('is-raised', raised);
  let handLabel;
  if (listening) handLabel = t('member.handListening');
  else if (floorMine) handLabel = t('member.handHasFloor');
  else if (raised) handLabel = t('member.lowerHand');
  else handLabel = t('member.raiseHand');
  $('hand-label').textContent = handLabel;
  // Not disabled while the press waits for its answer: a disabled button would drop the keyboard focus to the page.
  hand.disabled = observer || !connected || listening || floorMine;
  hand.setAttribute('aria-busy', String(ui.busy.has('hand')));
  show(hand, !observer && !floorMine);

  let placeText = '';
  if (raised) placeText = place === 0 ? t('member.placeFirst') : t('member.place', { ordinal: t('ordinal', { n: place + 1 }) });
  $('my-place').textContent = placeText;
  if (raised && place !== ui.lastPlace) announce($('live-polite'), placeText);
  ui.lastPlace = raised ? place : null;
  $('hand-help').textContent = listening ? t('member.listeningHelp') : t('member.shortcut');
  $('hand-help').classList.toggle('keyboard-only', !listening);
  show($('hand-help'), !floorMine);

  const take = $('take-floor-btn');
  show(take, !observer && room.rules.speakingRule === 'SPEAK_FREELY' && !floorMine && !listening && !room.goRound);
  take.disabled = !connected || ui.busy.has('take');

  const invited = room.unmuteInvited.includes(me);
  $('mute-advice').textContent = invited ? t('member.mayUnmute') : t('member.stayMuted');
  $('mute-advice').classList.toggle('is-invited', invited);

  // Private signals.
  setToggle($('case-btn'), ui.you.hasCase, !connected || ui.busy.has('case'));
  setToggle($('too-much-btn'), ui.you.tooMuch, !connected || ui.busy.has('tooMuch'));
  show($('too-much-seen'), ui.tooMuchSeen && !ui.you.tooMuch);

  renderCircle(room, me);
}

function setToggle(button, on, disabled) {
  button.setAttribute('aria-pressed', String(!!on));
  button.disabled = disabled;
}

function whoLabel(id) { return id === ui.you.member ? t('member.you') : nameOf(ui.room, id); }

function renderCircle(room, me) {
  syncList($('circle-list'), room.people, (p) => p.id, () => el('li', { class: 'circle-item' },
    el('span', { class: 'presence-dot', attrs: { 'aria-hidden': 'true' } }),
    el('span', { class: 'circle-name' }),
    el('span', { class: 'circle-tags' })), (node, p) => {
    const speaking = room.floor && room.floor.member === p.id;
    const inQueue = room.queue.indexOf(p.id);
    node.classList.toggle('is-me', p.id === me);
    node.classList.toggle('is-speaking', !!speaking);
    node.querySelector('.presence-dot').dataset.presence = p.presence;
    node.querySelector('.circle-name').textContent = p.id === me ? `${p.name} (${t('member.you').toLowerCase()})` : p.name;
    const tags = [];
    tags.push(['presence', t(`presence.${p.presence}`)]);
    if (p.role !== 'MEMBER') tags.push(['role', t(`role.${p.role}`)]);
    if (p.attendance !== 'PANEL') tags.push(['attendance', t(`attendance.${p.attendance}`)]);
    if (room.presenter === p.id) tags.push(['presenter', t('tag.presenter')]);
    if (p.listening) tags.push(['listening', t('tag.listening')]);
    if (speaking) tags.push(['speaking', t('tag.speaking')]);
    if (inQueue >= 0) tags.push(['hand', t('tag.hand', { n: inQueue + 1 })]);
    const box = node.querySelector('.circle-tags');
    box.replaceChildren(...tags.map(([kind, text]) => el('span', { class: `tag tag-${kind}`, text })));
  });
}

function renderTimer() {
  const room = ui.room;
  const timer = $('phase-timer');
  if (!room || room.phase.targetSeconds === undefined || room.phase.targetSeconds === null) {
    show(timer, false);
    return;
  }
  timer.textContent = t('member.timer', {
    elapsed: wholeMinutes(secondsSince(room.phase.since)),
    target: Math.round(room.phase.targetSeconds / 60),
  });
  show(timer, true);
}

// ---- actions -----------------------------------------------------------------------------------------------------

async function run(busyKey, type, fields) {
  if (!conn || ui.busy.has(busyKey)) return;
  ui.busy.add(busyKey);
  render();
  try {
    await conn.send(type, fields);
  } catch (error) {
    toast($('toasts'), error.code);
  } finally {
    ui.busy.delete(busyKey);
    render();
  }
}

function toggleHand() {
  const hand = $('hand-btn');
  if (!ui.room || hand.disabled || hand.hidden || ui.view !== 'panel' || ui.busy.has('hand')) return;
  const raised = ui.room.queue.includes(ui.you.member);
  run('hand', raised ? 'lowerHand' : 'raiseHand');
}

function confirmItem(item, confirmed) {
  return confirmChecklistItem(conn, ui.checks, item, confirmed, render);
}

function wireControls() {
  $('hand-btn').addEventListener('click', toggleHand);
  $('end-turn-btn').addEventListener('click', () => run('turn', 'endTurn'));
  $('pass-btn').addEventListener('click', () => run('turn', 'pass'));
  $('take-floor-btn').addEventListener('click', () => run('take', 'takeFloor'));
  $('case-btn').addEventListener('click', () => run('case', 'signalCase', { on: !ui.you.hasCase }));
  $('too-much-btn').addEventListener('click', () => {
    ui.tooMuchSeen = false;
    run('tooMuch', 'signalTooMuch', { on: !ui.you.tooMuch });
  });
  $('checklist-continue').addEventListener('click', () => {
    ui.reviewing = false;
    setView('panel', $('hand-btn').hidden || $('hand-btn').disabled ? $('main') : $('hand-btn'));
    render();
  });
  $('reopen-checklist').addEventListener('click', () => {
    ui.reviewing = true;
    const title = $('checklist-title');
    title.setAttribute('tabindex', '-1');
    setView('checklist', title);
    render();
  });
  $('terminal-retry').addEventListener('click', () => {
    ui.terminal = null;
    setView(ui.room ? 'panel' : 'loading');
    conn.restart();
  });

  const sound = $('sound-toggle');
  try {
    sound.checked = localStorage.getItem(SOUND_KEY) === 'on';
  } catch {
    sound.checked = false;
  }
  if (sound.checked) chime.enableOnFirstGesture();
  sound.addEventListener('change', () => {
    if (sound.checked) {
      chime.enable();
      chime.play(); // a preview, so the person knows what it sounds like
    } else {
      chime.disable();
    }
    try {
      localStorage.setItem(SOUND_KEY, sound.checked ? 'on' : 'off');
    } catch {
      // not remembered
    }
  });

  // "H" raises or lowers the hand from anywhere on the panel (not while typing, not with a modifier).
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'h' && e.key !== 'H') return;
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    const target = e.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return;
    e.preventDefault();
    toggleHand();
  });
}
