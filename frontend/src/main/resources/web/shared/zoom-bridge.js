// The companion inside the Zoom client (a Zoom App). Zoom's own "Raise hand" joins the companion's fair queue, the
// person's Zoom tile is bound to their place on the roster, and the host's console may spotlight whoever has the
// floor. Names and payloads follow @zoom/appssdk 0.16 (dist/sdk.d.ts). Outside Zoom there is no SDK and nothing runs.

// Every API and event used must be asked for here and ticked in the Zoom Marketplace (docs/zoom-app.md).
export const ZOOM_CAPABILITIES = [
  'getUserContext',
  'onFeedbackReaction',
  'onRemoveFeedbackReaction',
  'setFeedbackReaction',
  'removeFeedbackReaction',
  'addParticipantSpotlight',
  'removeParticipantSpotlights',
];

// getUserContext().role: only these may spotlight, and only their app sees the whole meeting.
const HOST_ROLES = new Set(['host', 'coHost']);
const SPOTLIGHT_KEY = 'balint.zoom.spotlight';

/** The Zoom Apps SDK when this page runs inside the Zoom client, else null. */
export function zoomSdkInPage(scope = globalThis) {
  const sdk = scope.zoomSdk;
  return sdk && typeof sdk.config === 'function' ? sdk : null;
}

export class ZoomBridge {
  /**
   * @param {object} sdk the Zoom Apps SDK
   * @param {object} o
   * @param {(type: string, fields: object) => Promise<unknown>} o.send a room command, as the page's connection sends it
   * @param {() => void} [o.onChange] the bridge became active or its host status changed
   */
  constructor(sdk, { send, onChange }) {
    this.sdk = sdk;
    this.send = send;
    this.onChange = onChange || (() => {});
    this.active = false;
    this.me = null; // getUserContext(): {participantUUID, role, ...}
    this.room = null;
    this.you = null;
    this.zoomHandUp = false;
    this.wasQueued = null;
    this.spotlit = null; // the tile this console spotlighted
  }

  /** Asks Zoom for what the companion uses; stays inert when Zoom refuses or the app is not in a meeting. */
  async start() {
    try {
      const config = await this.sdk.config({ capabilities: ZOOM_CAPABILITIES });
      if (config.runningContext !== 'inMeeting') return false;
      this.me = await this.sdk.getUserContext();
    } catch {
      return false; // an older client or a refused capability: the companion keeps working beside Zoom
    }
    this.sdk.onFeedbackReaction((e) => this.zoomHandChanged(e.participantUUID, e.feedback === 'raiseHand'));
    this.sdk.onRemoveFeedbackReaction((e) => this.zoomHandChanged(e.participantUUID, false));
    this.active = true;
    this.bindMyTile();
    this.onChange();
    return true;
  }

  /** The host (or a co-host): their app reports for everyone and may spotlight. */
  isHost() { return this.active && HOST_ROLES.has(this.me.role); }

  get spotlightChosen() {
    try { return localStorage.getItem(SPOTLIGHT_KEY) === 'on'; } catch { return false; }
  }

  set spotlightChosen(on) {
    try { localStorage.setItem(SPOTLIGHT_KEY, on ? 'on' : 'off'); } catch { /* kept for this page only */ }
    if (!on) this.unspotlight();
    else this.spotlightFloor();
  }

  /** A new snapshot: this connection (maybe a new one) tells the room which Zoom tile is this person. */
  connected(room, you) {
    this.room = room;
    this.you = you;
    this.wasQueued = null;
    this.bindMyTile();
    this.roomChanged(room);
  }

  roomChanged(room) {
    this.room = room;
    if (!this.active || !this.you) return;
    this.followMyHand();
    this.spotlightFloor();
  }

  bindMyTile() {
    if (!this.active || !this.you || this.you.role === 'OBSERVER') return;
    this.report('zoomParticipantBound', { member: this.you.member, participantUUID: this.me.participantUUID });
  }

  zoomHandChanged(tile, up) {
    if (!this.active || !this.you || !this.room || this.you.role === 'OBSERVER') return; // observers never queue
    const mine = tile === this.me.participantUUID;
    if (mine) this.zoomHandUp = up;
    // A member's app speaks for its own person; the host's app for every bound tile.
    const member = mine ? this.you.member : this.isHost() ? this.memberOfTile(tile) : null;
    if (!member) return;
    this.report(up ? 'zoomHandRaised' : 'zoomHandLowered', { member });
  }

  memberOfTile(tile) {
    const p = (this.room.people || []).find((x) => x.zoomParticipant === tile);
    return p ? p.id : null;
  }

  /**
   * The companion's queue leads: a hand raised from the panel goes up in Zoom, and a hand that left the queue (the
   * person got the floor, or a leader lowered it) comes down in Zoom. Each app can only move its own Zoom hand.
   */
  followMyHand() {
    const queued = this.room.queue.includes(this.you.member);
    const before = this.wasQueued;
    this.wasQueued = queued;
    if (before === null || before === queued) return;
    if (queued && !this.zoomHandUp) {
      this.zoomHandUp = true;
      this.sdk.setFeedbackReaction({ feedback: 'raiseHand' }).catch(() => { this.zoomHandUp = false; });
    } else if (!queued && this.zoomHandUp) {
      this.zoomHandUp = false;
      this.sdk.removeFeedbackReaction().catch(() => {});
    }
  }

  spotlightFloor() {
    if (!this.isHost() || !this.spotlightChosen || !this.room) return;
    const holder = this.room.floor ? (this.room.people || []).find((p) => p.id === this.room.floor.member) : null;
    const tile = holder && holder.zoomParticipant ? holder.zoomParticipant : null;
    if (tile === this.spotlit) return;
    this.unspotlight();
    if (!tile) return;
    this.spotlit = tile;
    this.sdk.addParticipantSpotlight({ participantUUID: tile }).catch(() => { this.spotlit = null; });
  }

  unspotlight() {
    if (!this.spotlit) return;
    const tile = this.spotlit;
    this.spotlit = null;
    this.sdk.removeParticipantSpotlights({ participantUUIDs: [tile] }).catch(() => {});
  }

  report(type, fields) {
    // Sent after the current message is handled: a snapshot's handler runs before the connection counts as open.
    // A refusal (a tile someone else holds, a presenter listening) changes nothing here: the room stays the truth.
    Promise.resolve().then(() => this.send(type, fields)).catch(() => {});
  }
}

/** A started bridge when the page runs inside Zoom, else null; `send` sends a room command on the page's socket. */
export function bridgeToZoom(send, onChange) {
  const sdk = zoomSdkInPage();
  if (!sdk) return null;
  const bridge = new ZoomBridge(sdk, { send, onChange });
  bridge.start();
  return bridge;
}

/** The console's "spotlight the speaker in Zoom" choice: shown only to the host's app, remembered in this browser. */
export function renderSpotlightChoice(bridge, label) {
  const shown = Boolean(bridge && bridge.isHost());
  label.hidden = !shown;
  if (!shown) return;
  const input = label.querySelector('input');
  input.checked = bridge.spotlightChosen;
  if (!input.dataset.wired) {
    input.dataset.wired = 'yes';
    input.addEventListener('change', () => { bridge.spotlightChosen = input.checked; });
  }
}
