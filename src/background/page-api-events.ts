import type { ChatSession, TranscriptEntry } from '../core/chat-session';
import { PAGE_API_ERRORS, type ChatApiEvent, type Party } from '../protocol/page-api';

/** What a page was last told of a chat: the highest event index, typing, the end, the last error. */
export interface Told {
  index: number;
  typing: boolean;
  ended: boolean;
  error?: string;
}

const party = (e: TranscriptEntry): Party => ({
  id: e.from === 'visitor' ? 'client' : `${e.from}:${e.nickname}`,
  name: e.nickname,
  type: e.from === 'agent' ? { agent: true } : e.from === 'visitor' ? { client: true } : { external: true },
});

/** A transcript line as seed 002's events, if it is one (agent joins and leaves, messages the backend has). */
function toEvent(e: TranscriptEntry): ChatApiEvent | null {
  if (e.index === undefined) return null; // a message not yet delivered, a local notice
  if (e.event === 'joined' && e.from === 'agent') return { kind: 'agentConnected', party: party(e), index: e.index, timestamp: e.at };
  if (e.event === 'left' && e.from === 'agent') return { kind: 'agentDisconnected', party: party(e), index: e.index, timestamp: e.at };
  if (e.kind === 'message') return { kind: 'messageReceived', party: party(e), content: { text: e.text, type: 'text' }, index: e.index, timestamp: e.at };
  return null;
}

/** The chat's events since the page was last told (`told`), and what it has been told after them. */
export function eventsSince(s: ChatSession, told: Told): { events: ChatApiEvent[]; told: Told } {
  const lines = s.transcript.filter((e) => e.index !== undefined && e.index > told.index).sort((a, b) => a.index! - b.index!);
  const events = lines.map(toEvent).filter((e): e is ChatApiEvent => e !== null);
  const next: Told = { ...told, index: Math.max(told.index, ...lines.map((e) => e.index!)) };
  const agent = s.transcript.findLast((e) => e.from === 'agent');
  if (s.agentTyping !== told.typing && s.status !== 'ended') {
    events.push({ kind: 'agentTyping', party: agent ? party(agent) : { id: 'agent', name: '', type: { agent: true } }, isTyping: s.agentTyping, index: next.index });
    next.typing = s.agentTyping;
  }
  if (s.lastError && s.lastError !== told.error) {
    events.push({ kind: 'error', error: { code: PAGE_API_ERRORS.backend, description: s.lastError } });
    next.error = s.lastError;
  }
  if (s.status === 'ended' && !told.ended) {
    events.push({ kind: 'sessionEnded', reason: s.endRequested ? { leaveRequest: true } : s.lastError ? { error: true } : { agent: true } });
    next.ended = true;
  }
  return { events, told: next };
}

/** Nothing told yet. */
export const NOTHING_TOLD: Told = { index: 0, typing: false, ended: false };
