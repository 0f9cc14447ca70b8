/**
 * Requests in the GWS Customer Chat API v2 dialect: JSON bodies, the `ContactCenterId`
 * header, and the statusCode envelope turned into BackendErrors (protocols.md §1.4).
 */
import type { z } from 'zod';
import { notJson, sendRequest, type RawReply, type SendOptions } from './http';
import { EnvelopeSchema } from './gws-wire';
import { GWS_CODES, gwsFailure } from './gws-errors';
import { BackendError, type BackendConfig, type BackendDeps } from './types';

/** The GWS caller of one adapter. */
export type GwsCaller = ReturnType<typeof createGwsCaller>;

/** Creates the caller; it also remembers the long-poll limit the server last advertised. */
export function createGwsCaller(config: BackendConfig, deps: BackendDeps) {
  const base = config.url.replace(/\/+$/, '');
  /** Long-poll limit the server advertised (Sandbox extra header); 0 until it does. */
  let longPollMaxMs = 0;

  /** Sends one request and returns the reply as it came (network failures throw). */
  async function raw(method: 'GET' | 'POST', path: string, body?: object, opts: SendOptions = {}): Promise<RawReply> {
    const headers: Record<string, string> = {
      // A stock server refuses a request without it (code 3): that refusal is the clearest message.
      ...(config.contactCenterId === undefined ? {} : { ContactCenterId: config.contactCenterId }),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    };
    const reply = await sendRequest(deps, base, `${base}${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) }, opts);
    const advertised = Number(reply.headers.get('X-Beckon-LongPoll'));
    longPollMaxMs = Number.isFinite(advertised) && advertised > 0 ? advertised : 0;
    return reply;
  }

  /** The data of a successful reply, or the BackendError its envelope describes. */
  function unwrap<T>(reply: RawReply, schema: z.ZodType<T>): T {
    if (reply.json === undefined) throw notJson(reply.status);
    const envelope = EnvelopeSchema.safeParse(reply.json);
    if (!envelope.success) {
      throw new BackendError(`Chat server replied without a statusCode (HTTP ${reply.status})`, gwsFailure(undefined, reply.status), reply.status);
    }
    const { statusCode, statusMessage } = envelope.data;
    if (statusCode !== 0) {
      const message = statusMessage ?? `Chat server error ${statusCode}${GWS_CODES[statusCode] ? ` (${GWS_CODES[statusCode].meaning})` : ''}`;
      throw new BackendError(message, gwsFailure(statusCode, reply.status), statusCode);
    }
    const parsed = schema.safeParse(reply.json);
    if (!parsed.success) throw new BackendError(`Unexpected reply from chat server: ${parsed.error.issues[0]?.message}`, 'retry');
    return parsed.data;
  }

  return {
    base,
    raw,
    unwrap,
    /** raw + unwrap: the usual call. */
    call: async <T>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, body?: object, opts?: SendOptions): Promise<T> =>
      unwrap(await raw(method, path, body, opts), schema),
    longPollMs: () => longPollMaxMs,
    chatPath: (id: string) => `/api/v2/chats/${encodeURIComponent(id)}`,
  };
}
