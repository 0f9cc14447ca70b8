/**
 * The in-process notification bus between the engine and live subscribers (the agent
 * feeds, held long-polls). Events say *what* changed; subscribers re-read the store to
 * build their own view, so an event never carries data a subscriber may not see.
 */
import { EventEmitter } from 'node:events';
import type { AgentMessage } from './types.ts';

/** Emitted after a transaction that touched one chat commits. */
export interface ChatChanged {
  chatId: string;
  /** Messages appended by that transaction, in index order (may be empty), agents-only ones included. */
  messages: AgentMessage[];
}

/** Emitted for RequestChatHistory: the transcript goes to that agent's stream only. */
export interface HistoryRequested {
  agent: string;
  chatId: string;
  messages: AgentMessage[];
}

/** Emitted after an agent's Ready/NotReady state was set. */
export interface AgentChanged {
  name: string;
}

/** Emitted when a chat was requested on a queue no earlier chat used (the queue list may grow). */
export interface QueueAdded {
  name: string;
}

/** Emitted after the Sandbox CRM changed an interaction whose `params.ChatId` names a chat. */
export interface CrmChanged {
  interactionId: string;
  chatId: string;
}

/** Emitted when the autopilot's state changed: a chat it handles (or offers, or stopped on), or its scripts (chatId null). */
export interface AutopilotChanged {
  chatId: string | null;
}

interface EventMap {
  chat: [ChatChanged];
  agent: [AgentChanged];
  queue: [QueueAdded];
  history: [HistoryRequested];
  crm: [CrmChanged];
  autopilot: [AutopilotChanged];
}

/**
 * A typed EventEmitter; one instance per running Sandbox. Every event waits for the writes
 * before it to commit (`defer`, the store's group commit), so a subscriber never sends out,
 * and a long-poll never answers with, anything that is not durable yet; events keep their order.
 */
export class EngineEvents extends EventEmitter<EventMap> {
  constructor(private readonly defer: (deliver: () => void) => void = (deliver) => deliver()) {
    super();
    // Listeners are few (the agent feeds, the long-polls, tests); no warning past Node's 10.
    this.setMaxListeners(0);
  }

  /** Delivers the event once the writes before it have committed (at once when none is pending). Returns true. */
  override emit<K extends keyof EventMap>(eventName: K, ...args: EventMap[K]): boolean {
    this.defer(() => super.emit(eventName, ...(args as never)));
    return true;
  }
}
