/**
 * The console's state and how notification events change it. Pure functions, so the
 * merge rules (messages de-duplicated by index, removals, resets) are easy to reason about.
 */
import type { AgentMessage, AgentState, ChatMessage, Interaction, QueueState } from '../engine/types.ts';
import type { SseEvent } from './sse-parser.ts';

/** Everything the desk view renders from. */
export interface DeskState {
  agentState: AgentState;
  /** Every known queue with this agent's state on it. */
  queues: QueueState[];
  interactions: Record<string, Interaction>;
  /** Per chat id, how many `CrmInteractionUpdated` events arrived: the CRM panel refetches when it changes. */
  crm: Record<string, number>;
  /** How many `AutopilotUpdated` events arrived: the autopilot's views read its state again when it changes. */
  autopilot: number;
}

/** State before the first snapshot arrives. */
export const emptyDesk: DeskState = { agentState: 'NotReady', queues: [], interactions: {}, crm: {}, autopilot: 0 };

const readyOrNot = (s: unknown): AgentState => (s === 'Ready' ? 'Ready' : 'NotReady');

/** Merges messages by index (a re-sent message replaces, never duplicates) in index order. */
export function mergeMessages<M extends ChatMessage>(current: M[], incoming: M[]): M[] {
  const byIndex = new Map(current.map((m) => [m.index, m]));
  for (const m of incoming) byIndex.set(m.index, m);
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/** The data fields the notification events carry (see engine/agent-feed.ts). */
interface Payload {
  user?: { state?: string; queues?: { name?: unknown; state?: unknown }[] };
  queue?: { name?: unknown; state?: unknown };
  interaction?: Omit<Interaction, 'messages'> & { messages?: AgentMessage[] };
  interactionId?: string;
  messages?: AgentMessage[];
  chatId?: string;
}

/** Applies one SSE event. Unknown events and malformed data leave the state unchanged. */
export function applyEvent(state: DeskState, { event, data }: SseEvent): DeskState {
  let payload: Payload;
  try {
    payload = JSON.parse(data) as Payload;
  } catch {
    return state;
  }
  switch (event) {
    case 'AgentStateChanged': {
      const queues = (Array.isArray(payload.user?.queues) ? payload.user.queues : [])
        .filter((q) => typeof q?.name === 'string')
        .map((q) => ({ name: q.name as string, state: readyOrNot(q.state) }));
      return { ...state, agentState: readyOrNot(payload.user?.state), queues };
    }
    case 'QueueAdded': {
      const q = payload.queue;
      if (typeof q?.name !== 'string' || state.queues.some((known) => known.name === q.name)) return state;
      return { ...state, queues: [...state.queues, { name: q.name, state: readyOrNot(q.state) }] };
    }
    case 'InteractionAdded':
    case 'InteractionUpdated': {
      // Added carries the transcript; Updated only the rest (messages come as MessageLogUpdated).
      const i = payload.interaction;
      if (!i) return state;
      const old = state.interactions[i.id];
      const messages = mergeMessages(old?.messages ?? [], Array.isArray(i.messages) ? i.messages : []);
      return { ...state, interactions: { ...state.interactions, [i.id]: { ...i, messages } } };
    }
    case 'MessageLogUpdated': {
      const old = state.interactions[payload.interactionId ?? ''];
      if (!old) return state;
      const messages = mergeMessages(old.messages, payload.messages ?? []);
      return { ...state, interactions: { ...state.interactions, [old.id]: { ...old, messages } } };
    }
    case 'InteractionRemoved': {
      const { [payload.interactionId ?? '']: _gone, ...rest } = state.interactions;
      return { ...state, interactions: rest };
    }
    case 'CrmInteractionUpdated': {
      const chatId = payload.chatId;
      if (typeof chatId !== 'string') return state;
      return { ...state, crm: { ...state.crm, [chatId]: (state.crm[chatId] ?? 0) + 1 } };
    }
    case 'AutopilotUpdated':
      return { ...state, autopilot: state.autopilot + 1 };
    default:
      return state;
  }
}

/** True when the participant's latest Text/typing message is TypingStarted. */
export function isTyping(messages: ChatMessage[], participantType: 'Customer' | 'Agent'): boolean {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.from.type !== participantType) continue;
    if (m.type === 'TypingStarted') return true;
    if (m.type === 'TypingStopped' || m.type === 'Text' || m.type === 'ParticipantLeft') return false;
  }
  return false;
}

/** Customer Text messages after `seenIndex`: the unread badge of a chat not on screen. */
export function unreadCount(i: Interaction, seenIndex: number): number {
  return i.messages.filter((m) => m.index > seenIndex && m.type === 'Text' && m.from.type === 'Customer').length;
}
