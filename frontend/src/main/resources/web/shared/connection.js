// The room socket, exactly as docs/protocol.md describes it:
// - a snapshot replaces what we hold, unless it is older than what this connection already holds in the same epoch;
// - a state is applied only for the same epoch and a greater version; a gap or another epoch asks for `sync`;
// - every command carries an id unique to this person (a random per-page prefix and a counter), and is answered by
//   exactly one ack or error; an unanswered command is re-sent with the same id after a reconnect, which the server
//   answers without applying it twice;
// - reconnects use full jitter (250-500 ms, doubling to a 10 s cap, reset after 30 s connected); close codes of
//   4500 and above are final: the page shows why and stops.

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 10_000;
const STABLE_AFTER_MS = 30_000;
const FLOOD_PAUSE_MS = 5_000;
const COMMAND_TIMEOUT_MS = 10_000;
const PING_AFTER_SILENCE_MS = 20_000;
const DEAD_AFTER_SILENCE_MS = 45_000;

/** What each terminal close code means when no error frame said it first. */
const TERMINAL_CODES = {
  4501: 'token_invalid', 4502: 'token_expired', 4503: 'meeting_ended', 4504: 'room_unknown', 4505: 'access_withdrawn',
  4506: 'removed_from_roster', 4509: 'opened_elsewhere',
};

/** A prefix unique to this page load, so ids never repeat across reloads (the server remembers recent ids). */
function randomPrefix() {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

/**
 * Where the room's socket is, and the token as a subprotocol: a header, so it never lands in a proxy's access log
 * the way a query string does. The server answers with `balint.v1` and never echoes the token.
 */
export function socketUrl(room, token) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return {
    href: `${scheme}://${location.host}/ws/rooms/${encodeURIComponent(room)}`,
    protocols: ['balint.v1', `balint.token.${token}`],
  };
}

/** Delay before reconnect attempt number `attempt` (0-based): uniform in [base, 2 base), base doubling, capped. */
export function backoffDelay(attempt, random = Math.random) {
  const base = Math.min(FIRST_DELAY_MS * 2 ** attempt, MAX_DELAY_MS / 2);
  return Math.min(MAX_DELAY_MS, Math.round(base + random() * base));
}

export class RoomConnection {
  /**
   * @param {object} o
   * @param {string|{href: string, protocols: string[]}} o.url socket URL, or URL and subprotocols (see socketUrl)
   * @param {(room: object, you: object) => void} o.onSnapshot
   * @param {(room: object) => void} o.onState
   * @param {(you: object) => void} o.onYou
   * @param {(status: string, info?: object) => void} o.onStatus connecting | open | reconnecting | stopped
   * @param {(error: {code: string, message: string}) => void} [o.onError] errors that answer no pending command
   * @param {(notes: object[]) => void} [o.onBackchannel] leaders only: notes between leaders, never part of the state
   */
  constructor({ url, onSnapshot, onState, onYou, onStatus, onError, onBackchannel }) {
    this.url = url;
    this.handlers = { onSnapshot, onState, onYou, onStatus, onError: onError || (() => {}), onBackchannel: onBackchannel || (() => {}) };
    this.prefix = randomPrefix();
    this.counter = 0;
    this.pending = new Map();
    this.epoch = null;
    this.version = -1;
    this.youVersion = -1;
    this.hasSnapshot = false;
    this.syncAsked = false;
    this.attempt = 0;
    this.ws = null;
    this.status = 'idle';
    this.stopped = false;
    this.lastRefusal = null;
    this.lastMessageAt = 0;
    this.reconnectTimer = null;
    this.stableTimer = null;
    this.heartbeat = null;
    window.addEventListener('online', () => this.#reconnectSoon());
    window.addEventListener('offline', () => this.#dropWhileOffline());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.#reconnectSoon();
    });
  }

  get connected() { return this.status === 'open' && this.hasSnapshot; }

  start() {
    this.stopped = false;
    this.#open();
  }

  /** After a terminal close (e.g. "opened in another window"), the person may choose to connect here again. */
  restart() {
    this.attempt = 0;
    this.lastRefusal = null;
    this.start();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.#stopTimers();
    if (this.ws) this.ws.close(1000, 'page closed');
  }

  /**
   * Sends a command. Resolves with the ack, rejects with {code, message} (a server error, or `offline` / `timeout`).
   * @param {string} type
   * @param {object} [fields]
   * @param {{expectedVersion?: boolean}} [options] expectedVersion: refuse if the room changed since we looked
   */
  send(type, fields = {}, options = {}) {
    if (!this.connected) return Promise.reject({ code: 'offline', message: 'Not connected.' });
    const id = `${this.prefix}-${++this.counter}`;
    const frame = { type, id, ...fields };
    if (options.expectedVersion) frame.expectedVersion = this.version;
    const text = JSON.stringify(frame);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject({ code: 'timeout', message: 'No answer from the server.' });
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(id, { text, resolve, reject, timer });
      this.ws.send(text);
    });
  }

  #open() {
    clearTimeout(this.reconnectTimer);
    this.hasSnapshot = false;
    this.syncAsked = false;
    this.#setStatus(this.attempt === 0 && this.epoch === null ? 'connecting' : 'reconnecting');
    let ws;
    try {
      ws = typeof this.url === 'string' ? new WebSocket(this.url) : new WebSocket(this.url.href, this.url.protocols);
    } catch (e) {
      this.#scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.lastMessageAt = Date.now();
      this.#startHeartbeat();
      clearTimeout(this.stableTimer);
      this.stableTimer = setTimeout(() => { this.attempt = 0; }, STABLE_AFTER_MS);
    };
    ws.onmessage = (ev) => { if (this.ws === ws) this.#onMessage(ev.data); };
    ws.onclose = (ev) => { if (this.ws === ws) this.#onClose(ev.code); };
    // onerror is always followed by onclose, which decides what to do.
  }

  #onMessage(data) {
    this.lastMessageAt = Date.now();
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    if (!msg || typeof msg !== 'object') return;
    switch (msg.type) {
      case 'snapshot': {
        // A snapshot replaces what we hold, unless this connection already holds a newer version of the same epoch:
        // going back would hide changes the room has made. The first snapshot on each connection always applies.
        if (this.hasSnapshot && msg.epoch === this.epoch && msg.version < this.version) {
          this.syncAsked = false;
          break;
        }
        this.epoch = msg.epoch;
        this.version = msg.version;
        this.youVersion = msg.version;
        this.hasSnapshot = true;
        this.syncAsked = false;
        this.lastRefusal = null;
        this.handlers.onSnapshot(msg.room, msg.you);
        this.#setStatus('open');
        this.#resendPending();
        break;
      }
      case 'state': {
        if (!this.hasSnapshot) break; // the snapshot comes first on every connection
        if (msg.epoch !== this.epoch) {
          this.#askSync();
          break;
        }
        if (msg.version <= this.version) break;
        const gap = msg.version > this.version + 1;
        this.version = msg.version;
        this.handlers.onState(msg.room);
        if (gap) this.#askSync();
        break;
      }
      case 'you': {
        if (!this.hasSnapshot) break;
        if (msg.epoch !== this.epoch) {
          this.#askSync();
          break;
        }
        if (msg.version < this.youVersion) break;
        this.youVersion = msg.version;
        this.handlers.onYou(msg.you);
        break;
      }
      case 'ack': {
        const p = this.pending.get(msg.id);
        if (p) {
          this.pending.delete(msg.id);
          clearTimeout(p.timer);
          p.resolve(msg);
        }
        break;
      }
      case 'error': {
        const p = msg.id != null ? this.pending.get(msg.id) : null;
        if (p) {
          this.pending.delete(msg.id);
          clearTimeout(p.timer);
          p.reject({ code: msg.code, message: msg.message });
        } else {
          this.lastRefusal = { code: msg.code, message: msg.message };
          if (!['token_invalid', 'token_expired', 'room_unknown'].includes(msg.code)) {
            this.handlers.onError({ code: msg.code, message: msg.message });
          }
        }
        break;
      }
      case 'backchannel': {
        // One note as it is sent, or every kept note right after a (re)connecting leader's snapshot.
        if (this.hasSnapshot && Array.isArray(msg.notes)) this.handlers.onBackchannel(msg.notes);
        break;
      }
      default:
        break; // pong, or a frame type this page does not know yet
    }
  }

  #onClose(code) {
    this.ws = null;
    this.hasSnapshot = false;
    this.#stopTimers();
    if (this.stopped) return;
    if (code >= 4500) {
      this.stopped = true;
      this.#failPending('offline');
      const reason = [4503, 4505, 4506, 4509].includes(code) ? TERMINAL_CODES[code]
        : (this.lastRefusal && this.lastRefusal.code) || TERMINAL_CODES[code] || 'closed';
      this.#setStatus('stopped', { closeCode: code, reason });
      return;
    }
    this.#scheduleReconnect(code === 4029 ? FLOOD_PAUSE_MS : 0);
  }

  #scheduleReconnect(minimumDelay = 0) {
    clearTimeout(this.reconnectTimer);
    const delay = Math.max(minimumDelay, backoffDelay(this.attempt));
    this.attempt += 1;
    this.#setStatus('reconnecting', { delay });
    // Offline, attempts would only fail: the `online` event starts the next one.
    if (navigator.onLine === false) return;
    this.reconnectTimer = setTimeout(() => this.#open(), delay);
  }

  /**
   * The browser says the network is gone: a socket may look open for tens of seconds before TCP notices, and a press
   * would wait silently. Show the reconnecting state at once; `online` brings the socket back.
   */
  #dropWhileOffline() {
    if (this.stopped || !this.ws) return;
    const ws = this.ws;
    this.ws = null;
    try {
      ws.close(4000, 'offline');
    } catch {
      // already closing
    }
    this.#onClose(4000);
  }

  /** The network came back or the page became visible again: do not wait for the rest of the backoff. */
  #reconnectSoon() {
    if (this.stopped || this.ws || this.status !== 'reconnecting') return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.#open(), backoffDelay(0));
  }

  #askSync() {
    if (this.syncAsked || !this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    this.syncAsked = true;
    this.ws.send(JSON.stringify({ type: 'sync', id: `${this.prefix}-${++this.counter}` }));
  }

  /** Commands sent before a drop: same id again, so the server applies each at most once. */
  #resendPending() {
    for (const p of this.pending.values()) this.ws.send(p.text);
  }

  #failPending(code) {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject({ code, message: code });
    }
    this.pending.clear();
  }

  /** Browsers cannot send WebSocket pings: after a silence, ask for a pong; if even that stays silent, reconnect. */
  #startHeartbeat() {
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      const ws = this.ws;
      if (!ws || ws.readyState !== WebSocket.OPEN) return;
      const silence = Date.now() - this.lastMessageAt;
      if (silence > DEAD_AFTER_SILENCE_MS) {
        ws.close(4000, 'no answer');
        // Some browsers wait long for a dead TCP connection to close: do not wait for them.
        this.ws = null;
        this.#onClose(4000);
      } else if (silence > PING_AFTER_SILENCE_MS) {
        ws.send(JSON.stringify({ type: 'ping', id: `${this.prefix}-p${++this.counter}` }));
      }
    }, 5_000);
  }

  #stopTimers() {
    clearInterval(this.heartbeat);
    clearTimeout(this.stableTimer);
  }

  #setStatus(status, info = {}) {
    this.status = status;
    this.handlers.onStatus(status, info);
  }
}
