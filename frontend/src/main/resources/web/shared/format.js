// Reading the room view: names, people, time, and when the meeting starts.
import { t, lang } from './i18n.js';

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

// ---- when the meeting starts -----------------------------------------------------------------------------------------

/** The zone this browser runs in ("America/Montreal"). */
export function viewerZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The city people know rather than the zone's id: "Europe/Paris" -> "Paris", "America/New_York" -> "New York". */
export function zoneCity(zone) { return zone.split('/').pop().replace(/_/g, ' '); }

/**
 * When the room's meeting starts, for the person reading: the day and time in their own zone, and the group's time
 * beside it when their clock reads otherwise ("mercredi 2 décembre · 13:30 chez vous · 19:30 heure de Paris").
 * Empty for a room tied to no meeting.
 */
export function meetingStart(room) {
  const at = new Date(room.startsAt || NaN);
  if (!room.timeZone || Number.isNaN(at.getTime())) return '';
  const fr = lang() === 'fr';
  const locale = fr ? 'fr-FR' : 'en-GB';
  const hours = fr ? { hour: '2-digit', minute: '2-digit' } : { hour: 'numeric', minute: '2-digit', hour12: true };
  const day = (zone) => new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: zone }).format(at);
  const time = (zone) => new Intl.DateTimeFormat(locale, { ...hours, timeZone: zone }).format(at);
  const mine = viewerZone();
  const group = room.timeZone;
  if (day(mine) === day(group) && time(mine) === time(group)) return whole([day(mine), time(mine)]);
  const groupTime = day(mine) === day(group) ? time(group) : `${day(group)}, ${time(group)}`;
  return whole([day(mine), t('time.yourTime', { time: time(mine) }), t('time.groupTime', { time: groupTime, city: zoneCity(group) })]);
}

// On a narrow screen the line breaks between the parts, never inside "19:30 heure de Paris".
const whole = (parts) => parts.map((p) => p.replace(/ /g, '\u00a0')).join(' · ');

/** The room's name, and on the line below when its meeting starts (hidden for a room tied to no meeting). */
export function renderTitle(titleNode, whenNode, room) {
  titleNode.textContent = room.title;
  whenNode.textContent = meetingStart(room);
  whenNode.hidden = !whenNode.textContent;
}
