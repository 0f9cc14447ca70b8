import type { ChatSession } from '../core/chat-session';
import { buildReport, type ReportData } from '../core/report/report-data';
import type { PageReply } from '../protocol/messages';
import { readCrmQueue } from '../protocol/storage';
import type { SessionStore } from './session-store';

/** The demo report's data for a chat: its journey, its transcript and its CRM calls as the sync log has them. */
export async function chatReport(session: ChatSession, now: number): Promise<ReportData> {
  return buildReport(session, session.journey ?? [], await readCrmQueue(), now);
}

/** The options page's request for a chat's report (its outcome log): the report, or why there is none. */
export async function reportReply(store: SessionStore, chatId: string, now: number): Promise<PageReply & { report?: ReportData }> {
  const session = store.get(chatId);
  return session ? { ok: true, message: 'The report is ready.', report: await chatReport(session, now) } : { ok: false, message: 'That chat is no longer kept: its report cannot be made.' };
}
