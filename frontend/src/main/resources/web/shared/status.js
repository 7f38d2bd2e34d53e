// The connection pill, the reconnecting banner and the end-of-session message, shared by the panel and the console.
import { t, has } from './i18n.js';
import { $, show } from './dom.js';

const PILL = { connecting: 'conn.connecting', open: 'conn.online', reconnecting: 'conn.reconnecting', stopped: 'conn.stopped', idle: 'conn.connecting' };

export function renderConnectionStatus(status) {
  const pill = $('conn-pill');
  pill.textContent = t(PILL[status]);
  pill.dataset.state = status;
  show($('banner-reconnecting'), status === 'reconnecting');
}

/** Why the socket stopped for good, in the person's language; "opened elsewhere" offers to take the panel back. */
export function renderTerminalReason(reason) {
  $('terminal-message').textContent = has(`terminal.${reason}`) ? t(`terminal.${reason}`) : t('terminal.closed');
  show($('terminal-retry'), reason === 'opened_elsewhere');
}
