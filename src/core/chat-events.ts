/**
 * The one event model every chat backend maps its wire format to (protocols.md §9):
 * nothing downstream of an adapter knows which vendor delivered an event.
 */

/** Who an event comes from, as the visitor sees it. */
export type Party = 'visitor' | 'agent' | 'system';

/** A transcript event from the backend, ordered and de-duplicated by `index`. */
export interface ChatEvent {
  /** The backend's position of this event (1 = first); unique per chat. */
  index: number;
  type: 'message' | 'joined' | 'left' | 'typing-started' | 'typing-stopped' | 'notice';
  party: Party;
  nickname: string;
  text?: string;
  /** Epoch ms when the backend says it happened, if it says. */
  at?: number;
  /** Echo of the id the client gave a message it sent, where the backend supports it. */
  clientMessageId?: string;
}

/** A batch of events plus whether the backend considers the chat over. */
export interface EventBatch {
  events: ChatEvent[];
  ended: boolean;
}
