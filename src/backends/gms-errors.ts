/**
 * What a GMS Chat API v2 reply's failure means for the request (protocols.md §3.1, Genesys
 * "API Responses"): statusCode 1 may pass on a retry; 2 will not, and with `chatEnded` the
 * chat is over; an HTTP 400 with an `errors` list refused the request as it was written.
 */
import type { FailureKind } from '../core/failure';
import { httpFailure } from './http';

/** GMS statusCodes and what they mean for the request that got them. */
export const GMS_CODES: Readonly<Record<number, { kind: FailureKind; meaning: string }>> = {
  1: { kind: 'retry', meaning: 'error; the client may keep retrying' },
  2: { kind: 'refused', meaning: 'error that retrying will not fix; the chat may have ended' },
};

/** The kind of a failed GMS reply (`statusCode` undefined: the reply had no envelope). */
export function gmsFailure(statusCode: number | undefined, chatEnded: boolean, httpStatus: number): FailureKind {
  if (chatEnded || httpStatus === 404) return 'gone';
  const known = statusCode === undefined ? undefined : GMS_CODES[statusCode];
  return known ? known.kind : httpFailure(httpStatus);
}
