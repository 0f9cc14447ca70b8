/**
 * The GWS reply envelope over HTTP: `statusCode` 0 plus data on success, otherwise only
 * `statusCode` and `statusMessage`, with a matching HTTP status. Also turns zod failures
 * into GWS codes: a missing field is code 1, anything else invalid is code 10.
 */
import type { FastifyError, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { Code, GwsError, type StatusCode } from '../engine/errors.ts';

const HTTP_STATUS: Record<StatusCode, number> = {
  0: 200, 1: 400, 2: 409, 3: 403, 4: 500, 5: 403, 6: 404, 10: 400, 20: 401,
};

/** Maximum request body, in bytes. Larger bodies get HTTP 413 with code 10. */
export const BODY_LIMIT = 64 * 1024;

/** Sends `{statusCode: 0, ...data}`. */
export function ok(reply: FastifyReply, data: Record<string, unknown> = {}): FastifyReply {
  return reply.code(200).send({ ...data, statusCode: Code.Ok });
}

/** The HTTP status that goes with a GwsError. */
export const httpStatusOf = (err: GwsError): number => err.httpStatus ?? HTTP_STATUS[err.code];

/** Sends an error envelope for a GwsError. */
export function fail(reply: FastifyReply, err: GwsError): FastifyReply {
  return reply.code(httpStatusOf(err)).send({ statusCode: err.code, statusMessage: err.message });
}

/** Maps anything thrown while handling a request (ours or Fastify's) to a GwsError. */
export function toGwsError(err: unknown): GwsError {
  if (err instanceof GwsError) return err;
  switch ((err as FastifyError | undefined)?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new GwsError(Code.Validation, 'Request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new GwsError(Code.Validation, `Request body is larger than ${BODY_LIMIT / 1024} KiB.`, 413);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new GwsError(Code.Validation, 'Content-Type must be application/json.', 415);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new GwsError(Code.Validation, 'Content-Length does not match the request body.');
    default:
      return new GwsError(Code.Internal, 'Internal error in the Sandbox; see its console output.');
  }
}

/** The body as a plain object: absent means empty, anything but an object is code 10. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new GwsError(Code.Validation, 'Request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

/**
 * Reads `operationName` and checks it is one of `valid`. Missing → code 1; unknown → code 10
 * naming it and listing the valid ones, so a client author sees the fix in the message.
 */
export function operationOf<T extends string>(body: Record<string, unknown>, valid: readonly T[]): T {
  const op = body.operationName;
  if (op === undefined) throw new GwsError(Code.MissingParameter, "Required parameter 'operationName' is missing.");
  if (typeof op !== 'string' || !(valid as readonly string[]).includes(op)) {
    throw new GwsError(Code.Validation, `Unknown operationName '${String(op)}'. Valid operations: ${valid.join(', ')}.`);
  }
  return op as T;
}

/** Validates `input` with `schema`, throwing code 1 for a missing field and 10 otherwise. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = issue.path.map(String).join('.') || 'body';
  if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
    throw new GwsError(Code.MissingParameter, `Required parameter '${name}' is missing.`);
  }
  throw new GwsError(Code.Validation, `Invalid parameter '${name}': ${issue.message}.`);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
