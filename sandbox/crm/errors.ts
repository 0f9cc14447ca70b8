/**
 * Errors of the Sandbox CRM API: `{error: {code, message}}` with a matching HTTP status,
 * the shape REST clients (and the extension's CRM connector) expect, rather than the GWS
 * envelope of the chat APIs. Every check runs before anything is written, so an error
 * changes nothing.
 */
import type { FastifyError, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { Code, GwsError } from '../engine/errors.ts';

/** Largest CRM request body: an endInteraction carries the whole transcript. */
export const CRM_BODY_LIMIT = 1024 * 1024;

/** Machine-readable error codes, one per kind of failure. */
export type CrmErrorCode =
  | 'invalid_json' | 'invalid_body' | 'unauthorized' | 'forbidden' | 'not_found'
  | 'already_ended' | 'idempotency_key_reused' | 'body_too_large' | 'unsupported_media_type' | 'internal'
  // Only the fault injector (http/faults.ts) sends it: a held request let go with a 504.
  | 'timeout';

/** A failure to send as `{error: {code, message}}` with HTTP `status`. */
export class CrmError extends Error {
  constructor(
    readonly status: number,
    readonly code: CrmErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CrmError';
  }
}

/** Maps anything thrown while serving a CRM request (ours, the shared CORS check's, Fastify's). */
export function toCrmError(err: unknown): CrmError {
  if (err instanceof CrmError) return err;
  if (err instanceof GwsError && err.code === Code.Forbidden) return new CrmError(403, 'forbidden', err.message);
  switch ((err as FastifyError | undefined)?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new CrmError(400, 'invalid_json', 'Request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new CrmError(413, 'body_too_large', `Request body is larger than ${CRM_BODY_LIMIT / 1024 / 1024} MiB.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new CrmError(415, 'unsupported_media_type', 'Content-Type must be application/json.');
    default:
      return new CrmError(500, 'internal', 'Internal error in the Sandbox CRM; see the Sandbox console output.');
  }
}

/** Sends the error envelope. */
export function sendCrmError(reply: FastifyReply, err: CrmError): FastifyReply {
  return reply.code(err.status).send({ error: { code: err.code, message: err.message } });
}

/** Validates `input`, throwing a 400 that names the first bad field and what is wrong with it. */
export function parseCrm<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  if (input === undefined || input === null || typeof input !== 'object' || Array.isArray(input)) {
    // A query string is always an object; only a body can be missing or of the wrong kind.
    throw new CrmError(400, 'invalid_body', 'Request body must be a JSON object.');
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
    throw new CrmError(400, 'invalid_body', `Field '${field}' is required.`);
  }
  throw new CrmError(400, 'invalid_body', field ? `Field '${field}' ${issue.message}.` : `Request body ${issue.message}.`);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
