/**
 * Error replies of the GMS dialect, as the GMS API Responses page documents them
 * (protocols.md §3.1): `statusCode` 1 (retrying may help) and 2 (it will not; read
 * `chatEnded`) come in **HTTP 200** replies that name the chat (`chatId`, which a public
 * mobile client requires in every reply); a request that cannot be processed as written gets
 * an HTTP 4xx whose body lists API error codes, `{errors: [{code, message}]}`.
 *
 * The page names "one or more API error codes" without a table we could read, so the numbers
 * are the Sandbox's: the GWS return-value meanings (1 missing, 3 forbidden, 6 no such route,
 * 10 invalid). `statusMessage` on statusCode replies is a Sandbox extra (off in vendor-exact mode).
 */
import type { FastifyError, FastifyReply } from 'fastify';
import { Code, GwsError } from '../engine/errors.ts';
import { GmsRefused } from '../engine/gms.ts';
import { httpStatusOf, toGwsError } from './envelope.ts';

/** What an error reply may say besides the error. */
export interface GmsErrorContext {
  /** The chat the request names (absent for requestChat). */
  chatId?: string;
  vendorExact: boolean;
}

/** Maps anything thrown while handling a GMS request to a GwsError with GMS wording (GmsRefused passes through). */
export function toGmsError(err: unknown): GwsError | GmsRefused {
  if (err instanceof GmsRefused || err instanceof GwsError) return err;
  const fastify = err as Partial<FastifyError> | undefined;
  if (fastify?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new GwsError(Code.Validation, 'Content-Type must be application/x-www-form-urlencoded or multipart/form-data.', 415);
  }
  return toGwsError(err);
}

/** Sends the GMS error reply for `err`. */
export function gmsFail(reply: FastifyReply, err: unknown, ctx: GmsErrorContext): FastifyReply {
  const e = toGmsError(err);
  const say = ctx.vendorExact ? {} : { statusMessage: e.message };
  const chat = ctx.chatId === undefined ? {} : { chatId: ctx.chatId };
  if (e instanceof GmsRefused) {
    return reply.code(200).send({ statusCode: 2, ...chat, ...(e.chatEnded === undefined ? {} : { chatEnded: e.chatEnded }), ...say });
  }
  if (e.code === Code.Internal) return reply.code(200).send({ statusCode: 1, ...chat, ...say });
  // In this dialect only an ended chat makes an operation invalid for the chat's state.
  if (e.code === Code.InvalidState) return reply.code(200).send({ statusCode: 2, ...chat, chatEnded: true, ...say });
  return reply.code(httpStatusOf(e)).send({ errors: [{ code: e.code, message: e.message }] });
}
