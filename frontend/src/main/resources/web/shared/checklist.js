// Confirming one confidentiality item, shared by the member panel and the leader console: shown at once (optimistic),
// then the server's answer wins; a refusal appears as a translated notice.
import { $, toast } from './dom.js';

export async function confirmChecklistItem(conn, checks, item, confirmed, render) {
  checks.set(item, confirmed);
  render();
  try {
    await conn.send('confirmChecklist', { item, confirmed });
  } catch (error) {
    toast($('toasts'), error.code);
  } finally {
    checks.delete(item);
    render();
  }
}
