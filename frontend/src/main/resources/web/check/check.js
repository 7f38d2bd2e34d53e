// The tech check linked from every invitation: this browser (live connections, secure page, camera and microphone
// access), a camera and microphone test shown only here (nothing is recorded or sent), and Zoom's own test meeting.
import { t, applyLang, mountLangSwitch, onLangChange } from '../shared/i18n.js';
import { $, el } from '../shared/dom.js';

const ICONS = { ok: '✓', warn: '!', fail: '×', pending: '…' };

const state = {
  checks: new Map(), // id -> {state: ok|warn|fail|pending, key, params}
  media: { key: null, params: {}, kind: 'idle' },
  heard: false,
  cameraKey: null,
  micKey: null,
  stream: null,
  audio: null,
  frame: 0,
  peak: 0,
};

applyLang();
mountLangSwitch($('lang-switch'));
onLangChange(render);
$('media-start').addEventListener('click', startMedia);
$('media-stop').addEventListener('click', () => stopMedia('check.stopped'));
window.addEventListener('pagehide', () => stopMedia(null));
runBrowserChecks();
render();

// ---- browser -------------------------------------------------------------------------------------------------------

function setCheck(id, checkState, key, params = {}) {
  state.checks.set(id, { state: checkState, key, params });
  render();
}

function runBrowserChecks() {
  setCheck('websocket', 'pending', 'check.wsPending');
  setCheck('secure', window.isSecureContext ? 'ok' : 'warn', window.isSecureContext ? 'check.secureOk' : 'check.secureNo');
  const media = !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
  setCheck('media', media ? 'ok' : 'fail', media ? 'check.mediaOk' : (window.isSecureContext ? 'check.mediaNo' : 'check.mediaInsecure'));
  const audio = !!(window.AudioContext || window.webkitAudioContext);
  setCheck('audio', audio ? 'ok' : 'warn', audio ? 'check.audioOk' : 'check.audioNo');
  if (!('WebSocket' in window)) {
    setCheck('websocket', 'fail', 'check.wsNo');
    return;
  }
  probeSocket();
}

/**
 * Opens a live connection to the companion without any link: the server answers with a refusal frame and closes the
 * socket, which proves that live connections get through this network (some proxies block them).
 */
function probeSocket() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  let settled = false;
  let ws;
  const finish = (ok) => {
    if (settled) return;
    settled = true;
    window.clearTimeout(timer);
    setCheck('websocket', ok ? 'ok' : 'warn', ok ? 'check.wsOk' : 'check.wsBlocked');
    try {
      ws.close();
    } catch {
      // already closed
    }
  };
  const timer = window.setTimeout(() => finish(false), 8000);
  try {
    ws = new WebSocket(`${scheme}://${location.host}/ws/rooms/tech-check`);
  } catch {
    finish(false);
    return;
  }
  ws.onmessage = () => finish(true);
  ws.onclose = (e) => finish(e.code >= 4000);
}

// ---- camera and microphone -----------------------------------------------------------------------------------------

function setMedia(kind, key, params = {}) {
  state.media = { kind, key, params };
  render();
}

async function startMedia() {
  if (state.stream) return;
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    setMedia('error', window.isSecureContext ? 'check.mediaNo' : 'check.mediaInsecure');
    return;
  }
  // The audio context is made during the click, so the browser lets it run.
  const Ctx = window.AudioContext || window.webkitAudioContext;
  const audio = Ctx ? new Ctx() : null;
  state.heard = false;
  state.peak = 0;
  state.cameraKey = null;
  state.micKey = null;
  setMedia('asking', 'check.asking');
  $('media-start').disabled = true;
  let stream = null;
  let lastError = null;
  for (const constraints of [
    { video: { width: { ideal: 640 }, height: { ideal: 360 } }, audio: true },
    { audio: true },
    { video: true },
  ]) {
    try {
      stream = await navigator.mediaDevices.getUserMedia(constraints);
      break;
    } catch (error) {
      lastError = error;
      // Refused or busy: asking again for less changes nothing.
      if (!['NotFoundError', 'OverconstrainedError', 'DevicesNotFoundError'].includes(error && error.name)) break;
    }
  }
  $('media-start').disabled = false;
  if (!stream) {
    if (audio) audio.close();
    const name = lastError && lastError.name;
    const key = name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError' ? 'check.denied'
      : name === 'NotFoundError' || name === 'DevicesNotFoundError' ? 'check.noDevice'
        : name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError' ? 'check.busy' : 'check.failed';
    setMedia('error', key);
    return;
  }
  state.stream = stream;
  const video = stream.getVideoTracks()[0];
  const mic = stream.getAudioTracks()[0];
  $('camera-name').textContent = video ? (video.label || '—') : '';
  $('mic-name').textContent = mic ? (mic.label || '—') : '';
  state.cameraKey = video ? 'check.cameraWaiting' : 'check.noCamera';
  state.micKey = mic ? 'check.micListening' : 'check.noMic';

  const preview = $('preview');
  if (video) {
    preview.srcObject = stream;
    preview.onloadedmetadata = () => {
      state.cameraKey = 'check.cameraOk';
      state.cameraSize = { w: preview.videoWidth, h: preview.videoHeight };
      render();
    };
    preview.play().catch(() => { /* autoplay of a muted preview is allowed; nothing to do if not */ });
  }
  if (mic && audio) startMeter(audio, stream);
  else if (audio) audio.close();
  setMedia('live', video && mic ? 'check.liveBoth' : video ? 'check.liveCamera' : 'check.liveMic');
}

/** A live level from the microphone: the signal's loudness, measured here and drawn, never stored. */
function startMeter(audio, stream) {
  state.audio = audio;
  audio.resume().catch(() => {});
  const source = audio.createMediaStreamSource(stream);
  const analyser = audio.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const fill = $('mic-fill');
  const meter = $('mic-level');
  let shown = -1;
  const tick = () => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) sum += s * s;
    const rms = Math.sqrt(sum / samples.length);
    const db = rms > 0 ? 20 * Math.log10(rms) : -100;
    const level = Math.min(1, Math.max(0, (db + 60) / 50));
    fill.style.transform = `scaleX(${level.toFixed(3)})`;
    if (level > state.peak) state.peak = level;
    const rounded = Math.round(state.peak * 100) / 100;
    if (rounded !== shown) {
      shown = rounded;
      meter.dataset.peak = String(rounded);
    }
    if (!state.heard && level > 0.2) {
      state.heard = true;
      state.micKey = 'check.micHeard';
      render();
    }
    state.frame = window.requestAnimationFrame(tick);
  };
  state.frame = window.requestAnimationFrame(tick);
}

/** Releases the camera and the microphone (their lights go off) and forgets the picture and the level. */
function stopMedia(key) {
  window.cancelAnimationFrame(state.frame);
  if (state.audio) {
    state.audio.close().catch(() => {});
    state.audio = null;
  }
  if (state.stream) {
    for (const track of state.stream.getTracks()) track.stop();
    state.stream = null;
  }
  const preview = $('preview');
  preview.onloadedmetadata = null;
  preview.srcObject = null;
  $('mic-fill').style.transform = 'scaleX(0)';
  $('mic-level').dataset.peak = '0';
  state.cameraKey = null;
  state.micKey = null;
  state.heard = false;
  state.peak = 0;
  if (key) setMedia('stopped', key);
}

// ---- rendering -----------------------------------------------------------------------------------------------------

function render() {
  document.title = t('check.pageTitle');
  const list = $('browser-checks');
  list.replaceChildren(...[...state.checks].map(([id, c]) => el('li', { class: 'check-item', attrs: { 'data-check': id, 'data-state': c.state } },
    el('span', { class: 'check-icon', text: ICONS[c.state], attrs: { 'aria-hidden': 'true' } }),
    el('span', { class: 'check-text' }, el('span', { class: 'visually-hidden', text: `${t(`check.state.${c.state}`)} ` }), t(c.key, c.params)))));

  const live = !!state.stream;
  const frame = $('video-frame');
  frame.dataset.state = live && state.stream.getVideoTracks().length ? 'live' : 'idle';
  $('video-placeholder').hidden = frame.dataset.state === 'live';
  $('media-start').hidden = live;
  $('media-stop').hidden = !live;
  $('device-list').hidden = !live;
  const status = $('media-status');
  const { kind, key, params } = state.media;
  status.textContent = key ? t(key, params) : '';
  status.dataset.kind = kind;
  const camera = $('camera-result');
  camera.textContent = state.cameraKey ? t(state.cameraKey, state.cameraSize || {}) : '';
  camera.hidden = !state.cameraKey;
  camera.dataset.state = state.cameraKey === 'check.cameraOk' ? 'ok' : state.cameraKey === 'check.noCamera' ? 'warn' : 'pending';
  const mic = $('mic-result');
  mic.textContent = state.micKey ? t(state.micKey) : '';
  mic.hidden = !state.micKey;
  mic.dataset.state = state.heard ? 'ok' : state.micKey === 'check.noMic' ? 'warn' : 'pending';
}
