/**
 * The demo report's data (issue 14): one chat from the first page view to its end, as a
 * timeline (the journey before the chat, the chat's own events, the CRM calls) and the
 * transcript. The same data is the JSON export and what the HTML is rendered from. Pure.
 */
import type { ChatSession } from '../chat-session';
import type { CrmEvent } from '../crm/sync-queue';
import type { JourneyEvent } from './journey';

/** A step on the report's timeline. */
export interface ReportStep {
  at: number;
  kind: JourneyEvent['kind'] | 'chat' | 'agent' | 'message' | 'file' | 'crm' | 'end';
  text: string;
}

/** Everything the report shows. */
export interface ReportData {
  kind: 'beckon-demo-report';
  version: 1;
  generatedAt: number;
  chat: { id: string; chatId: string | null; queue: string; site?: string; startedAt: number; endedAt?: number; status: string; /** Every agent who took part. */ agents: string[] };
  timeline: ReportStep[];
  transcript: { at: number; from: string; nickname: string; text: string; kind: string }[];
}

const CRM_KIND: Record<string, string> = { start: 'startInteraction', switch: 'switchInteraction', end: 'endInteraction', outcome: 'offer outcome' };

/** The CRM call of an event, in words: what, where it stands, the interaction id, the last error. */
function crmText(e: CrmEvent): string {
  const state = e.state === 'sent' ? 'delivered' : e.state === 'failed' ? 'failed' : e.state === 'discarded' ? 'discarded' : 'waiting';
  const id = e.interactionId ? `, interaction ${e.interactionId}` : '';
  const error = e.lastError && e.state !== 'sent' ? ` (${e.lastError})` : '';
  return `CRM ${CRM_KIND[e.kind] ?? e.kind} via ${e.connector}: ${state}${id}${error}`;
}

/**
 * Everyone who answered the visitor, in order of appearance: an ended chat has no agent left
 * in it (`session.agents` is who is there now), but the report names who took part.
 */
function agentsOf(session: ChatSession): string[] {
  const names = session.transcript.filter((e) => e.from === 'agent' && e.nickname).map((e) => e.nickname);
  return [...new Set([...names, ...session.agents])];
}

/** Builds the report of `session`, with the journey that led to it and its CRM events. */
export function buildReport(session: ChatSession, journey: readonly JourneyEvent[], crm: readonly CrmEvent[], now: number): ReportData {
  const chatSteps: ReportStep[] = session.transcript.map((e) => {
    if (e.kind === 'file') return { at: e.at, kind: 'file', text: `${e.from === 'visitor' ? 'Visitor' : e.nickname} sent a file: ${e.file?.name ?? e.text}` };
    if (e.kind === 'notice') return { at: e.at, kind: e.event ? 'agent' : 'chat', text: e.text };
    return { at: e.at, kind: 'message', text: `${e.from === 'visitor' ? 'Visitor' : e.nickname}: ${e.text}` };
  });
  const steps: ReportStep[] = [
    ...journey,
    { at: session.createdAt, kind: 'chat', text: `Chat requested on queue ${session.queue}` },
    ...chatSteps,
    ...crm.filter((e) => e.chatKey === session.id).map((e) => ({ at: e.createdAt, kind: 'crm' as const, text: crmText(e) })),
    ...(session.endedAt ? [{ at: session.endedAt, kind: 'end' as const, text: 'Chat ended' }] : []),
  ];
  return {
    kind: 'beckon-demo-report', version: 1, generatedAt: now,
    chat: {
      id: session.id, chatId: session.chatId, queue: session.queue, ...(session.site ? { site: session.site } : {}), startedAt: session.createdAt,
      ...(session.endedAt ? { endedAt: session.endedAt } : {}), status: session.status, agents: agentsOf(session),
    },
    // Stable: steps of the same moment keep the order they were listed in.
    timeline: steps.map((s, i) => ({ s, i })).sort((a, b) => a.s.at - b.s.at || a.i - b.i).map(({ s }) => s),
    transcript: session.transcript.map((e) => ({ at: e.at, from: e.from, nickname: e.nickname, text: e.kind === 'file' ? `[file] ${e.file?.name ?? e.text}` : e.text, kind: e.kind })),
  };
}
