/**
 * What the GWS customer routes add to the documented reply shapes (protocols.md §1.2), and
 * how vendor-exact mode takes it away again: `chat.ended`, the `UpdateUserData` /
 * `DeleteUserData` / `LongPoll` capabilities, and on messages `utcTime`, `clientMessageId`
 * and GetMessages' `chatEnded`. Everything else is the documented shape in both modes.
 */
import type { ChatMessage, CustomerChatView } from '../engine/types.ts';
import { EXTRA_CUSTOMER_OPERATIONS } from '../engine/types.ts';

/** Which Sandbox extras the customer API serves. */
export interface CustomerExtras {
  /** Off: only what the GWS documentation shows (startSandbox({ vendorExact: true })). */
  vendorExact: boolean;
  /** The long-poll extra (never with vendorExact). */
  longPoll: boolean;
}

/** GetChat's `chat`. */
export function chatView(view: CustomerChatView, x: CustomerExtras): Record<string, unknown> {
  const { ended, ...documented } = view;
  if (x.vendorExact) return documented;
  const extras = ended ? [] : [...EXTRA_CUSTOMER_OPERATIONS, ...(x.longPoll ? ['LongPoll'] : [])];
  return { ...documented, capabilities: [...view.capabilities, ...extras], ended };
}

/** A message as GWS documents it: index, type, from, and text when there is one. */
const documentedMessage = (m: ChatMessage) => ({ index: m.index, type: m.type, from: m.from, ...(m.text === undefined ? {} : { text: m.text }) });

/** GetMessages' body (without the envelope). */
export function messagesView(read: { messages: ChatMessage[]; chatEnded: boolean }, x: CustomerExtras): Record<string, unknown> {
  return x.vendorExact ? { messages: read.messages.map(documentedMessage) } : read;
}
