/**
 * What a GWS statusCode means for the request (protocols.md §1.4, Genesys "Return Values"):
 * one table, read by every GWS call. After an error the request changed nothing.
 */
import type { FailureKind } from '../core/failure';
import { httpFailure } from './http';

/** GWS statusCodes and what they mean for the request that got them. */
export const GWS_CODES: Readonly<Record<number, { kind: FailureKind; meaning: string }>> = {
  1: { kind: 'refused', meaning: 'a required parameter is missing' },
  2: { kind: 'refused', meaning: 'a parameter is invalid for the current state' },
  3: { kind: 'refused', meaning: 'forbidden' },
  4: { kind: 'retry', meaning: 'internal error' },
  5: { kind: 'refused', meaning: 'no permission' },
  6: { kind: 'gone', meaning: 'resource not found' },
  7: { kind: 'refused', meaning: 'partial success' },
  8: { kind: 'refused', meaning: 'password change demanded' },
  9: { kind: 'retry', meaning: 'processing incomplete' },
  10: { kind: 'refused', meaning: 'input validation error' },
  11: { kind: 'refused', meaning: 'read-only property' },
  12: { kind: 'retry', meaning: 'unable to retrieve' },
  13: { kind: 'retry', meaning: 'unable to create' },
  14: { kind: 'retry', meaning: 'unable to delete' },
  15: { kind: 'retry', meaning: 'unable to update' },
  16: { kind: 'retry', meaning: 'unable to assign' },
  17: { kind: 'retry', meaning: 'unable to unassign' },
  18: { kind: 'refused', meaning: 'already exists' },
  19: { kind: 'refused', meaning: 'in use' },
  20: { kind: 'refused', meaning: 'not authenticated' },
};

/**
 * The kind of a failed GWS reply: the statusCode's, else (a code the table does not know, or
 * no envelope at all) the HTTP status's (see {@link httpFailure}).
 */
export function gwsFailure(statusCode: number | undefined, httpStatus: number): FailureKind {
  const known = statusCode === undefined ? undefined : GWS_CODES[statusCode];
  return known ? known.kind : httpFailure(httpStatus);
}
