/**
 * What the popup says about a chat's CRM interaction, derived from the sync queue (pure).
 */
import { startOf } from './lifecycle';
import { interactionIdOf, type CrmEvent } from './sync-queue';

/** A chat's CRM sync state, as the popup shows it (`CrmChatStatus` in protocol/ports.ts). */
export interface CrmStatus {
  /** The connector the interaction goes to (`sandbox`, `pega`, `webhook`; `none` when off). */
  connector: string;
  /** `pending`: events wait to be delivered; `synced`: all delivered; `failed`: one needs a Retry. */
  state: 'off' | 'pending' | 'synced' | 'failed';
  /** The CRM's interaction id, once the start was delivered. */
  interactionId?: string;
  error?: string;
}

/**
 * `off`: nothing was queued for the chat (no connector, or no chat id yet); `failed`: an
 * event is held until someone presses Retry; `pending`: events are on their way (with the
 * last error, if the CRM has been failing); `synced`: everything was delivered.
 */
export function chatCrmStatus(queue: readonly CrmEvent[], chatKey: string): CrmStatus {
  const start = startOf(queue, chatKey);
  if (!start) return { connector: 'none', state: 'off' };
  if (start.state === 'discarded') return { connector: start.connector, state: 'off' }; // the user gave up on it
  const events = queue.filter((e) => e.chatKey === chatKey);
  const interactionId = interactionIdOf(queue, chatKey);
  const failed = events.find((e) => e.state === 'failed');
  const waiting = events.find((e) => e.state === 'pending');
  const problem = failed ?? waiting;
  return {
    connector: start.connector,
    state: failed ? 'failed' : waiting ? 'pending' : 'synced',
    ...(interactionId ? { interactionId } : {}),
    ...(problem?.lastError ? { error: problem.lastError } : {}),
  };
}
