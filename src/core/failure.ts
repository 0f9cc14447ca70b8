/**
 * What a failed call to a chat backend means, and what the chat's loop does about it. Each
 * dialect has one table from its vendor codes to a {@link FailureKind} (src/backends:
 * gws-errors.ts, gms-errors.ts); {@link onFailure} is the one place that decides, per step
 * of a chat, what a kind of failure does to the chat. Pure: tested without a backend.
 */
import { phrase, type Phrase } from './i18n/visitor';

/** What a failure says about the request that met it. */
export type FailureKind =
  /** Transient: the same request may succeed later (network, timeout, HTTP 5xx, GWS 4 / 9, GMS 1). */
  | 'retry'
  /** Final for this request: retrying will not change the answer (invalid, forbidden, not allowed now). */
  | 'refused'
  /** The chat does not exist or is over on the server (GWS 6, GMS 2 with `chatEnded`). */
  | 'gone'
  /** The server does not offer this operation at all. */
  | 'unsupported'
  /** The caller cancelled the request: not a failure at all. */
  | 'cancelled';

/** The steps of a chat's loop, each a kind of request. */
export type ChatStep = 'request' | 'send' | 'typing' | 'userData' | 'files' | 'complete' | 'poll';

/** What the loop does after a failed step. */
export type FailureOutcome =
  /** Wait (backoff), count the failure, then try again. */
  | 'backoff'
  /** The chat is over: end it here, saying why. */
  | 'end'
  /** The message could not be delivered: mark it failed (the visitor may retry it). */
  | 'fail-message'
  /** Forget this request and go on (typing, user data: nothing the chat depends on). */
  | 'drop'
  /** Go straight on (a request cancelled on purpose). */
  | 'continue';

const POLICY: Record<ChatStep, Record<FailureKind, FailureOutcome>> = {
  // A chat the server will not start will not start later either.
  request: { retry: 'backoff', refused: 'end', gone: 'end', unsupported: 'end', cancelled: 'continue' },
  send: { retry: 'backoff', refused: 'fail-message', gone: 'end', unsupported: 'fail-message', cancelled: 'continue' },
  typing: { retry: 'backoff', refused: 'drop', gone: 'end', unsupported: 'drop', cancelled: 'continue' },
  userData: { retry: 'backoff', refused: 'drop', gone: 'end', unsupported: 'drop', cancelled: 'continue' },
  // Reading the file limits: a server that will not say has no files for this chat.
  files: { retry: 'backoff', refused: 'drop', gone: 'end', unsupported: 'drop', cancelled: 'continue' },
  // The visitor asked to end: a server that says no (or that it is over already) ends it here.
  complete: { retry: 'backoff', refused: 'end', gone: 'end', unsupported: 'end', cancelled: 'continue' },
  // A chat whose events the server refuses to give cannot go on: polling again forever helps nobody.
  poll: { retry: 'backoff', refused: 'end', gone: 'end', unsupported: 'end', cancelled: 'continue' },
};

/** What a failure of `kind` in `step` does to the chat. */
export function onFailure(step: ChatStep, kind: FailureKind): FailureOutcome {
  return POLICY[step][kind];
}

/** The notice a chat ends with after a failure that ended it (`message`: the server's words, shown as they are). */
export function endNotice(step: ChatStep, kind: FailureKind, message: string): Phrase {
  if (kind === 'gone') return phrase('notice.gone');
  if (step === 'request') return phrase('notice.notStarted', { reason: message });
  if (step === 'complete') return phrase('notice.youEnded');
  return phrase('notice.serverEnded', { reason: message });
}
