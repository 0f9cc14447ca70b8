/**
 * The one event model every chat backend maps its wire format to (protocols.md §9):
 * nothing downstream of an adapter knows which vendor delivered an event.
 */

import type { ChatFile } from './chat-files';

/** Who an event comes from, as the visitor sees it. */
export type Party = 'visitor' | 'agent' | 'system';

/** A transcript event from the backend, ordered and de-duplicated by `index`. */
export interface ChatEvent {
  /** The backend's position of this event (1 = first); unique per chat. */
  index: number;
  type: 'message' | 'joined' | 'left' | 'typing-started' | 'typing-stopped' | 'notice' | 'file' | 'file-deleted';
  party: Party;
  nickname: string;
  text?: string;
  /** Epoch ms when the backend says it happened, if it says. */
  at?: number;
  /** Echo of the id the client gave a message it sent, where the backend supports it. */
  clientMessageId?: string;
  /**
   * `file`: a file someone sent (name, size, type, id); `file-deleted`: the file with `file.id`
   * was deleted. For a visitor's upload, `clientMessageId` is the upload's own id when the
   * server echoes the user data it was sent with.
   */
  file?: ChatFile;
}

/** A batch of events plus whether the backend considers the chat over. */
export interface EventBatch {
  events: ChatEvent[];
  ended: boolean;
}
