// The API's refusals in the reader's language. The server writes one precise English sentence per refusal; the
// known ones are recognised here and said again in French or English, with their names and numbers kept.
import { t, lang } from '../shared/i18n.js';

/** [pattern on the server's detail, key, (match) => params] — most specific first. */
const DETAILS = [
  [/^'(\w+)' must be a text of 1 to (\d+) characters\.$/, 'problem.text', (m) => ({ max: m[2] })],
  [/^'(\w+)' must be a whole number from (\d+) to (\d+)\.$/, 'problem.integer', (m) => ({ min: m[2], max: m[3] })],
  [/^'(\w+)' must be true or false\.$/, 'problem.bool', () => ({})],
  [/^'(\w+)' must be one of /, 'problem.choice', () => ({})],
  [/^'(\w+)' must be LEADER, CO_LEADER, MEMBER or OBSERVER\.$/, 'problem.choice', () => ({})],
  [/^'(\w+)' must be fr or en\.$/, 'problem.choice', () => ({})],
  [/^Unknown time zone '(.*)':/, 'problem.zone', (m) => ({ value: m[1] })],
  [/^'(\w+)' must be a local date and time/, 'problem.dateTime', () => ({})],
  [/^'(\w+)' must be a date such as/, 'problem.date', () => ({})],
  [/^'(.*)' is not an e-mail address\.$/, 'problem.email', (m) => ({ value: m[1] })],
  [/^Someone already has this e-mail address\.$/, 'problem.emailTaken', () => ({})],
  [/^An account with this e-mail already exists\.$/, 'problem.accountTaken', () => ({})],
  [/^A preset already has this name\.$/, 'problem.presetTaken', () => ({})],
  [/^A password needs at least 12 characters\.$/, 'problem.password', () => ({})],
  [/^'until' is before the first meeting\.$/, 'problem.untilBefore', () => ({})],
  [/^Give 'occurrences'/, 'problem.occurrences', () => ({})],
  [/^No meeting falls between/, 'problem.noMeeting', () => ({})],
  [/^This group does not allow an observer\.$/, 'problem.noObserver', () => ({})],
  [/^(.+) supervises (.+): an observer must have no hierarchical tie to any member\.$/, 'problem.observerTie', (m) => ({ a: m[1], b: m[2] })],
  [/^Each checklist item needs an id, labelFr and labelEn\.$/, 'problem.checklistItem', () => ({})],
  [/^'checklist' must be a list of 1 to 20 items/, 'problem.checklist', () => ({})],
  [/^'settings' must be an object/, 'problem.settings', () => ({})],
  [/^Unknown preset setting '(.*)';/, 'problem.presetUnknown', (m) => ({ value: m[1] })],
  [/^These preset settings cannot go together: (.*)\.$/, 'problem.presetConflict', (m) => ({ detail: m[1] })],
  [/^'(\w+)' must be a list of two-letter codes\.$/, 'problem.countryCodes', (m) => ({ value: m[1] })],
  [/^There is no Zoom preset with this id\.$/, 'problem.preset', () => ({})],
  [/^This meeting was cancelled\.$/, 'problem.cancelled', () => ({})],
  [/^The group needs at least one leader/, 'problem.needsLeader', () => ({})],
  [/^Nobody supervises themself\.$/, 'problem.selfTie', () => ({})],
  [/^The e-mail or the password is not right\.$/, 'problem.signIn', () => ({})],
  [/^Too many failed sign-ins/, 'problem.locked', () => ({})],
  [/^This setup link is not valid any more\.$/, 'problem.setupLink', () => ({})],
  [/^No Zoom account is configured/, 'problem.zoomNotConnected', () => ({})],
  [/^Set ZOOM_HOST_USER/, 'problem.zoomHost', () => ({})],
  [/^This meeting already has a Zoom meeting\.$/, 'problem.zoomExists', () => ({})],
  [/^There is no open room for this meeting with this id\.$/, 'problem.roomNotOpen', () => ({})],
  [/^There is no (.+) with this id\.$/, 'problem.notFound', () => ({})],
  [/^A leader account names the person/, 'problem.leaderPerson', () => ({})],
];

/** A roster warning (409 "Confirmation needed"), in the reader's language. */
const WARNINGS = [
  [/^(.+) supervises (.+) \(declared tie\): members should have no hierarchy between them\.$/, 'warning.tie', (m) => ({ a: m[1], b: m[2] })],
  [/^The group would have (\d+) members: more than 10 is usually too many\.$/, 'warning.size', (m) => ({ n: Number(m[1]) })],
];

function match(table, text) {
  for (const [pattern, key, params] of table) {
    const m = pattern.exec(text || '');
    if (m) return t(key, params(m));
  }
  return null;
}

/** One sentence for a refusal: recognised, or by status, with the server's own words when nothing else fits. */
export function explain(error) {
  const p = error.problem || {};
  if (error.status === 0) return t('problem.offline');
  const known = match(DETAILS, p.detail);
  if (known) return known;
  if (error.status === 403) return t('problem.forbidden');
  if (error.status === 401) return t('problem.signedOut');
  if (error.status === 413) return t('problem.tooLarge');
  if (error.status === 429) return t('problem.rateLimited');
  if (error.status >= 500) return t('problem.server');
  // Not recognised: in English the server's sentence is the best there is; in French, a general sentence with it.
  if (lang() === 'en' && p.detail) return p.detail;
  return p.detail ? t('problem.generalWith', { detail: p.detail }) : t('problem.general');
}

export function explainWarning(text) { return match(WARNINGS, text) || text; }
