/**
 * The in-process notification bus between the engine and live subscribers (the agent
 * console's SSE streams). Events say *what* changed; subscribers re-read the store to
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

interface EventMap {
  chat: [ChatChanged];
  agent: [AgentChanged];
  queue: [QueueAdded];
  history: [HistoryRequested];
  crm: [CrmChanged];
}

/** A typed EventEmitter; one instance per running Sandbox. */
export class EngineEvents extends EventEmitter<EventMap> {
  constructor() {
    super();
    // One listener per open console stream; a demo team can exceed Node's default of 10.
    this.setMaxListeners(0);
  }
}
