/**
 * What the console shows of the autopilot: per known queue whether it is on and with which
 * script, the stored scripts, and its chats (ringing, chatting, or stopped and why), plus one
 * chat's transcript for an agent watching it. Read from the autopilot's memory and the store.
 */
import type { AgentMessage, Participant } from '../engine/types.ts';
import type { Autopilot } from './autopilot.ts';
import type { ScriptLibrary } from './library.ts';

/** A queue as the console's autopilot view lists it. */
export interface QueueStatus {
  queue: string;
  /** The autopilot's agent there (null until a script was first switched on there). */
  agent: string | null;
  script: string | null;
  /** The nickname visitors see (from the script in force). */
  nickname: string | null;
  on: boolean;
  error: string | null;
}

/** A chat of the autopilot as the console lists it. */
export interface AutopilotChat {
  chatId: string;
  queue: string;
  agent: string;
  visitor: string;
  state: 'ringing' | 'chatting' | 'stopped';
  /** The nickname it chats under (null while ringing). */
  nickname: string | null;
  /** ringing: when it accepts; chatting: since when; stopped: when. */
  at: number;
  reason: string | null;
  lastError: string | null;
}

/** The autopilot's whole state for the console. */
export function autopilotStatus(autopilot: Autopilot, library: ScriptLibrary, knownQueues: readonly string[]) {
  const settings = new Map(library.queues().map((q) => [q.queue, q]));
  const queues: QueueStatus[] = knownQueues.map((queue) => {
    const setting = settings.get(queue);
    const slot = autopilot.slots.get(queue);
    return {
      queue, agent: setting?.agent ?? null, script: setting?.script ?? null,
      nickname: slot?.on ? slot.script!.script.accept.nickname : null, on: slot?.on ?? false, error: slot?.error ?? null,
    };
  });
  const visitor = (chatId: string) => autopilot.desk.engine.repo.getChat(chatId)?.nickname ?? '';
  const chats: AutopilotChat[] = [
    ...[...autopilot.accepts].map(([chatId, a]) => ({ chatId, queue: queueOf(autopilot, a.agent), agent: a.agent, visitor: visitor(chatId),
      state: 'ringing' as const, nickname: null, at: a.at, reason: null, lastError: null })),
    ...[...autopilot.runs].map(([chatId, e]) => ({ chatId, queue: e.slot.queue, agent: e.slot.agent, visitor: visitor(chatId),
      state: 'chatting' as const, nickname: e.nickname, at: e.since, reason: null, lastError: e.lastError })),
    ...[...autopilot.finished.values()].reverse().map((f) => ({ chatId: f.chatId, queue: f.queue, agent: f.agent, visitor: visitor(f.chatId),
      state: 'stopped' as const, nickname: f.nickname, at: f.at, reason: f.reason, lastError: null })),
  ];
  return { queues, scripts: library.entries(), chats };
}

const queueOf = (autopilot: Autopilot, agent: string) => [...autopilot.slots.values()].find((s) => s.agent === agent)?.queue ?? '';

/** A chat the autopilot is or was in, for an agent watching it: null if it never was. */
export function autopilotChat(autopilot: Autopilot, chatId: string) {
  const repo = autopilot.desk.engine.repo;
  const chat = repo.getChat(chatId);
  const agents = new Set([...autopilot.slots.values()].map((s) => s.agent));
  if (!chat || !repo.chatAgents(chatId).some((r) => agents.has(r.agent))) return null;
  const participants: Participant[] = repo.present(chatId).map(({ nickname, participantId, type }) => ({ nickname, participantId, type }));
  const messages: AgentMessage[] = repo.messagesFrom(chatId, 0);
  return {
    id: chat.id, queue: chat.queue, subject: chat.subject, customer: { nickname: chat.nickname }, userData: chat.userData,
    createdAt: chat.createdAt, endedAt: chat.endedAt, ended: chat.ended, participants, messages,
  };
}
