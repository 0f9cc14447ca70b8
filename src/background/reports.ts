import { buildReport, type ReportData } from '../core/report/report-data';
import { readCrmQueue } from '../protocol/storage';
import type { SessionStore } from './session-store';

/**
 * The demo report's data for a chat: its journey, its transcript and its CRM calls as the sync
 * log has them. Null when the chat is not (any longer) kept.
 */
export async function chatReport(store: SessionStore, chatId: string, now: number): Promise<ReportData | null> {
  const session = store.get(chatId);
  if (!session) return null;
  return buildReport(session, session.journey ?? [], await readCrmQueue(), now);
}
