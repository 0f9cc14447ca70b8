/**
 * The agent's side of a chat as data (what the console exports as JSON, and report-html.ts
 * renders): who took part and when, a timeline of what happened (requested on a queue,
 * accepted, messages, transfers, consultations and conferences, user data changes, files, who
 * left, the end), the transcript, and counts. Built from the transcript, the chat log and the
 * participants; typing notices are only counted. Pure over what the store returns.
 */
import type { ChatLogEntry, PresenceRow } from '../store/chat-log-repo.ts';
import type { ChatRow } from '../store/rows.ts';
import type { AgentMessage } from '../engine/types.ts';

/** Who did something: the visitor, an agent (by nickname, with its login), or the Sandbox. */
export interface Actor {
  party: 'visitor' | 'agent' | 'system';
  name: string;
  agent?: string;
  autopilot?: boolean;
}

/** One timeline entry; `text` is a sentence, `kind` a machine name. */
export interface TimelineEvent {
  at: number;
  kind: string;
  actor: Actor;
  text: string;
  /** Agents-only (a consultation), never shown to the visitor. */
  agentsOnly?: boolean;
}

/** One transcript line (text messages, files and notices; joins and leaves are in the timeline). */
export interface TranscriptLine {
  index: number;
  at: number;
  from: Actor;
  type: string;
  text: string;
  agentsOnly: boolean;
}

/** A participant's stay in the chat (the chart's bars). */
export interface Stay {
  actor: Actor;
  joinedAt: number;
  leftAt: number | null;
  agentsOnly: boolean;
}

/** The whole report. */
export interface ChatReport {
  format: 'beckon-agent-report';
  version: 1;
  generatedAt: number;
  exportedBy: string;
  chat: { id: string; queue: string; subject: string | null; visitor: string; createdAt: number; endedAt: number | null; ended: boolean; userData: Record<string, string> };
  participants: Stay[];
  summary: { durationMs: number; visitorMessages: number; agentMessages: number; typingNotices: number; transfers: number; files: number };
  timeline: TimelineEvent[];
  transcript: TranscriptLine[];
}

/** What buildChatReport reads. */
export interface ReportInput {
  chat: ChatRow;
  messages: AgentMessage[];
  log: ChatLogEntry[];
  presence: PresenceRow[];
  /** The autopilot's agent names (marked as such). */
  autopilots: ReadonlySet<string>;
  exportedBy: string;
  now: number;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Builds the report of one chat. */
export function buildChatReport(input: ReportInput): ChatReport {
  const { chat, messages, log, presence, autopilots } = input;
  const byParticipant = new Map(presence.map((p) => [p.participantId, p]));
  const nicknameOf = (agent: string) => presence.filter((p) => p.agent === agent).at(-1)?.nickname ?? agent;
  const agentActor = (agent: string): Actor => ({ party: 'agent', name: nicknameOf(agent), agent, ...(autopilots.has(agent) ? { autopilot: true } : {}) });
  const actorOf = (m: AgentMessage): Actor => {
    const p = byParticipant.get(m.from.participantId);
    if (m.from.type === 'Customer') return { party: 'visitor', name: m.from.nickname };
    return p?.agent ? { ...agentActor(p.agent), name: m.from.nickname } : { party: m.from.type === 'Agent' ? 'agent' : 'system', name: m.from.nickname };
  };
  const visitor: Actor = { party: 'visitor', name: chat.nickname };
  const system: Actor = { party: 'system', name: 'Sandbox' };

  const timeline: TimelineEvent[] = [];
  for (const e of log) {
    const who = e.agent === null ? visitor : agentActor(e.agent);
    const text = logSentence(e, who.name, chat.nickname);
    if (text) timeline.push({ at: e.at, kind: e.kind, actor: who, text });
  }
  const transcript: TranscriptLine[] = [];
  let typing = 0;
  for (const m of messages) {
    const from = actorOf(m);
    const agentsOnly = m.visibility === 'Agents';
    if (m.type === 'TypingStarted' || m.type === 'TypingStopped') {
      typing++;
      continue;
    }
    const line = messageLine(m, from.name);
    if (line) {
      transcript.push({ index: m.index, at: m.utcTime, from, type: m.type, text: line, agentsOnly });
      timeline.push({ at: m.utcTime, kind: m.type === 'Text' ? 'message' : m.type === 'FileUploaded' ? 'file' : 'notice', actor: from, text: m.type === 'Text' ? `${from.name}: ${line}` : line, ...(agentsOnly ? { agentsOnly } : {}) });
    }
    // Agents' joins are the log's accepted / conference entries; older chats have no log, so their joins come from here.
    const joinShown = m.type === 'ParticipantJoined' && (from.party === 'visitor' ? !log.some((e) => e.kind === 'requested') : log.length === 0);
    if (joinShown || m.type === 'ParticipantLeft') {
      timeline.push({ at: m.utcTime, kind: m.type === 'ParticipantJoined' ? 'joined' : 'left', actor: from, text: `${from.name} ${m.type === 'ParticipantJoined' ? 'joined' : 'left'} the chat`, ...(agentsOnly ? { agentsOnly } : {}) });
    }
  }
  if (chat.endedAt !== null) timeline.push({ at: chat.endedAt, kind: 'ended', actor: system, text: 'The chat ended' });
  // Stable: entries of the same millisecond keep the order they were written in.
  timeline.sort((a, b) => a.at - b.at);

  const participants: Stay[] = presence.map((p) => ({
    actor: p.type === 'Customer' ? visitor : p.agent ? agentActor(p.agent) : { party: 'system', name: p.nickname },
    joinedAt: p.joinedAt, leftAt: p.leftAt, agentsOnly: p.visibility === 'Agents',
  }));
  const end = chat.endedAt ?? input.now;
  return {
    format: 'beckon-agent-report', version: 1, generatedAt: input.now, exportedBy: input.exportedBy,
    chat: { id: chat.id, queue: chat.queue, subject: chat.subject, visitor: chat.nickname, createdAt: chat.createdAt, endedAt: chat.endedAt, ended: chat.ended, userData: chat.userData },
    participants,
    summary: {
      durationMs: Math.max(0, end - chat.createdAt),
      visitorMessages: transcript.filter((l) => l.type === 'Text' && l.from.party === 'visitor').length,
      agentMessages: transcript.filter((l) => l.type === 'Text' && l.from.party === 'agent').length,
      typingNotices: typing,
      transfers: log.filter((e) => e.kind === 'transferred' || (e.kind === 'consultation-completed' && e.detail.as === 'transfer')).length,
      files: transcript.filter((l) => l.type === 'FileUploaded').length,
    },
    timeline, transcript,
  };
}

/** A transcript line's text, or null for messages that are only timeline entries (joins, leaves, typing). */
function messageLine(m: AgentMessage, who: string): string | null {
  const file = `${m.userData?.['file-name'] ?? m.text ?? 'a file'}${m.userData?.['file-size'] ? ` (${m.userData['file-size']} bytes)` : ''}`;
  switch (m.type) {
    case 'Text': return m.text ?? '';
    case 'FileUploaded': return `${who} sent the file ${file}`;
    case 'FileDeleted': return `${who} deleted the file ${m.userData?.['file-name'] ?? m.text ?? ''}`;
    case 'NicknameUpdated': return `The visitor is now called ${m.text ?? who}`;
    case 'CustomNotice': return `Notice from ${who}: ${m.text ?? ''}`;
    case 'PushUrl': return `${who} pushed the page ${m.text ?? ''}`;
    default: return null;
  }
}

/** A chat log entry as a sentence (null: nothing to say that the transcript does not). */
function logSentence(e: ChatLogEntry, who: string, visitor: string): string | null {
  const d = e.detail;
  switch (e.kind) {
    case 'requested': return `${visitor} asked for a chat on queue ${str(d.queue)}`;
    case 'accepted': return d.offer === 'Consultation' ? `${who} joined to consult (agents only)` : `${who} accepted the chat${d.offer === 'Transfer' ? ' transferred to them' : ''}`;
    case 'rejected': return `${e.agent} declined the ${d.offer === 'Consultation' ? 'consultation' : 'chat'}`;
    case 'transferred': return `${who} transferred the chat to ${d.queue !== undefined ? `queue ${str(d.queue)}` : `agent ${str(d.agent)}`}`;
    case 'consultation-started': return `${who} asked ${str(d.consultant)} to consult`;
    case 'consultation-completed': return d.as === 'conference' ? `${who} brought ${str(d.consultant)} into the chat (conference)` : `${who} handed the chat to ${str(d.consultant)}`;
    case 'stopped': return d.ended === true ? `${who} ended the chat` : null;
    case 'user-data': {
      const set = Object.entries((d.set ?? {}) as Record<string, string>).map(([k, v]) => `${k} = ${v}`);
      const removed = ((d.removed ?? []) as string[]).map((k) => `${k} removed`);
      return `${e.agent === null ? visitor : who} changed user data: ${[...set, ...removed].join('; ')}`;
    }
    case 'taken-over': return `${who} took the chat over from the autopilot (${str(d.from)})`;
    default: return null;
  }
}
