// Reading the room view: names, people, time.
import { t } from './i18n.js';

export function person(room, id) { return room.people.find((p) => p.id === id) || null; }

export function nameOf(room, id) {
  const p = person(room, id);
  return p ? p.name : id;
}

/** Seconds since an ISO instant (never negative: a phone clock may run a little behind the server's). */
export function secondsSince(iso) {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 0;
  return Math.max(0, Math.floor((Date.now() - at) / 1000));
}

/** 75 -> "1:15"; 3725 -> "1:02:05". */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function wholeMinutes(seconds) { return Math.floor(Math.max(0, seconds) / 60); }

export function phaseName(name) { return t(`phase.${name}`); }

/** Who holds the next turn: the next person in a go-round, else the head of the queue. Null if nobody. */
export function nextSpeaker(room) {
  const g = room.goRound;
  if (g) return g.position + 1 < g.order.length ? g.order[g.position + 1] : null;
  return room.queue.length ? room.queue[0] : null;
}

/** The person whose turn it is in a running go-round, or null. */
export function goRoundCurrent(room) {
  const g = room.goRound;
  return g ? g.order[g.position] : null;
}
