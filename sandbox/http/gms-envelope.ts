/**
 * Error replies of the GMS dialect. GMS has two error codes (protocols.md §3.1):
 * `1` = retry may help (an internal error here), `2` = retrying will not (bad input, wrong
 * credentials, unknown or ended chat). The HTTP status says more, as on the GWS side, and
 * `chatEnded: true` comes with errors caused by the chat having ended.
 */
import type { FastifyError, FastifyReply } from 'fastify';
import { Code, GwsError } from '../engine/errors.ts';
import { httpStatusOf, toGwsError } from './envelope.ts';

/** Maps anything thrown while handling a GMS request to a GwsError with GMS wording. */
export function toGmsError(err: unknown): GwsError {
  if ((err as FastifyError | undefined)?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new GwsError(Code.Validation, 'Content-Type must be application/x-www-form-urlencoded.', 415);
  }
  return toGwsError(err);
}

/** Sends `{statusCode: 1|2, statusMessage[, chatEnded]}` with the matching HTTP status. */
export function gmsFail(reply: FastifyReply, err: GwsError): FastifyReply {
  return reply.code(httpStatusOf(err)).send({
    statusCode: err.code === Code.Internal ? 1 : 2,
    statusMessage: err.message,
    // In this dialect only an ended chat makes an operation invalid for the chat's state.
    ...(err.code === Code.InvalidState ? { chatEnded: true } : {}),
  });
}
