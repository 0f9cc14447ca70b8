/**
 * The transport every adapter shares: one fetch with a timeout, cancellation kept apart
 * from failure, and the body read as JSON when it is JSON, or as bytes (a downloaded file).
 * What the body means is the dialect's business (gws-http.ts, gms-http.ts).
 */
import type { FailureKind } from '../core/failure';
import { BackendError, type BackendDeps } from './types';

/**
 * A reply no dialect can read, judged by its HTTP status (for every dialect): a 4xx (but a timeout or too many
 * requests) refused the request; anything else (5xx, or a 2xx that is not the documented
 * shape, e.g. a proxy's page) may pass later.
 */
export function httpFailure(httpStatus: number): FailureKind {
  return httpStatus >= 400 && httpStatus < 500 && httpStatus !== 408 && httpStatus !== 429 ? 'refused' : 'retry';
}

/** A reply as it came: HTTP status, headers, and the parsed body (`undefined` when not JSON). */
export interface RawReply {
  status: number;
  headers: Headers;
  json: unknown;
}

/** A reply whose body was read as bytes, whatever it holds. */
export interface BytesReply {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

/** One request's shape, as fetch takes it (a FormData body goes as multipart/form-data). */
export interface RawRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | URLSearchParams | FormData;
}

/** Per-call options: extra time for a held (long-poll) or large (file) request, and the caller's cancel signal. */
export interface SendOptions {
  extraMs?: number;
  signal?: AbortSignal;
}

/** A fetch under way: the response (headers in), and how to turn what goes wrong next into a BackendError. */
interface Opened {
  response: Response;
  signal: AbortSignal;
  failed(e: unknown): BackendError;
}

async function open(deps: BackendDeps, base: string, url: string, req: RawRequest, opts: SendOptions): Promise<Opened> {
  const timeout = AbortSignal.timeout((deps.timeoutMs ?? 15_000) + (opts.extraMs ?? 0));
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  const failed = (e: unknown): BackendError => {
    if (opts.signal?.aborted) return new BackendError('Request cancelled', 'cancelled');
    const why = e instanceof Error && e.name === 'TimeoutError' ? 'timed out' : 'could not connect';
    return new BackendError(`Chat server at ${base} ${why}`, 'retry');
  };
  try {
    const response = await deps.fetch(url, {
      method: req.method,
      ...(req.headers ? { headers: req.headers } : {}),
      ...(req.body === undefined ? {} : { body: req.body }),
      signal,
      // Nothing of the browser's (cookies, HTTP auth) may ride along to a contact center.
      credentials: 'omit',
    });
    return { response, signal, failed };
  } catch (e) {
    throw failed(e);
  }
}

/**
 * Sends a request. Network failures and timeouts become retryable BackendErrors naming the
 * server; a request the caller cancelled becomes a `cancelled` one (not a failure).
 */
export async function sendRequest(deps: BackendDeps, base: string, url: string, req: RawRequest, opts: SendOptions = {}): Promise<RawReply> {
  const { response, signal, failed } = await open(deps, base, url, req, opts);
  let json: unknown;
  try {
    json = await response.json();
  } catch (e) {
    // Cut off while reading the body: that is the cancel or the timeout, not a bad body.
    if (signal.aborted) throw failed(e);
    json = undefined; // an HTML error page, an empty body: the dialect decides what that means
  }
  return { status: response.status, headers: response.headers, json };
}

/**
 * Sends a request and reads the body as bytes, at most `maxBytes` of them: a larger body is
 * given up as soon as it is known to be larger (a `refused` BackendError), so a server cannot
 * fill the extension's memory. Failures otherwise as {@link sendRequest}.
 */
export async function sendForBytes(
  deps: BackendDeps, base: string, url: string, req: RawRequest, opts: SendOptions & { maxBytes: number },
): Promise<BytesReply> {
  const { response, signal, failed } = await open(deps, base, url, req, opts);
  const tooLarge = () => new BackendError(`Chat server at ${base} sent more than ${opts.maxBytes} bytes; the rest was not read`, 'refused', response.status);
  const declared = Number(response.headers.get('Content-Length') ?? NaN);
  if (declared > opts.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    const reader = response.body?.getReader();
    for (let chunk = await reader?.read(); reader && chunk && !chunk.done; chunk = await reader.read()) {
      length += chunk.value.byteLength;
      if (length > opts.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(chunk.value);
    }
  } catch (e) {
    if (e instanceof BackendError) throw e;
    throw signal.aborted ? failed(e) : new BackendError(`Chat server at ${base} broke off the reply`, 'retry');
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { status: response.status, headers: response.headers, bytes };
}

/** The error for a reply that is not JSON at all: retryable, since a proxy or restart may be to blame. */
export const notJson = (status: number): BackendError =>
  new BackendError(`Chat server replied with invalid JSON (HTTP ${status})`, httpFailure(status), status);
