/**
 * The GWS return codes the Sandbox uses (reference/protocols.md §1.4) and the error that
 * carries one. Operations throw a GwsError before changing anything, or inside a
 * transaction that is then rolled back, so "an error changed nothing" always holds.
 */

/** GWS statusCode values. */
export const Code = {
  Ok: 0,
  MissingParameter: 1,
  InvalidState: 2,
  Forbidden: 3,
  Internal: 4,
  NoPermission: 5,
  NotFound: 6,
  Validation: 10,
  NotAuthenticated: 20,
} as const;

/** One of the statusCode values above. */
export type StatusCode = (typeof Code)[keyof typeof Code];

/** A failure with a GWS statusCode and a human sentence for `statusMessage`. */
export class GwsError extends Error {
  constructor(
    readonly code: StatusCode,
    message: string,
    /** Overrides the HTTP status derived from the code (e.g. 413 for an oversized body). */
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'GwsError';
  }
}
