/**
 * The transport every adapter shares: one fetch with a timeout, cancellation kept apart
 * from failure, and the body read as JSON when it is JSON. What the body means is the
 * dialect's business (gws-http.ts, gms.ts).
 */
import { httpFailure } from './gws-errors';
import { BackendError, type BackendDeps } from './types';

/** A reply as it came: HTTP status, headers, and the parsed body (`undefined` when not JSON). */
export interface RawReply {
  status: number;
  headers: Headers;
  json: unknown;
}

/** One request's shape, as fetch takes it. */
export interface RawRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
}

/** Per-call options: extra time for a held (long-poll) request, and the caller's cancel signal. */
export interface SendOptions {
  extraMs?: number;
  signal?: AbortSignal;
}

/**
 * Sends a request. Network failures and timeouts become retryable BackendErrors naming the
 * server; a request the caller cancelled becomes a `cancelled` one (not a failure).
 */
export async function sendRequest(deps: BackendDeps, base: string, url: string, req: RawRequest, opts: SendOptions = {}): Promise<RawReply> {
  const timeout = AbortSignal.timeout((deps.timeoutMs ?? 15_000) + (opts.extraMs ?? 0));
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  const failed = (e: unknown): BackendError => {
    if (opts.signal?.aborted) return new BackendError('Request cancelled', 'cancelled');
    const why = e instanceof Error && e.name === 'TimeoutError' ? 'timed out' : 'could not connect';
    return new BackendError(`Chat server at ${base} ${why}`, 'retry');
  };
  let response: Response;
  try {
    response = await deps.fetch(url, {
      method: req.method,
      ...(req.headers ? { headers: req.headers } : {}),
      ...(req.body === undefined ? {} : { body: req.body }),
      signal,
      // Nothing of the browser's (cookies, HTTP auth) may ride along to a contact center.
      credentials: 'omit',
    });
  } catch (e) {
    throw failed(e);
  }
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

/** The error for a reply that is not JSON at all: retryable, since a proxy or restart may be to blame. */
export const notJson = (status: number): BackendError =>
  new BackendError(`Chat server replied with invalid JSON (HTTP ${status})`, httpFailure(status), status);
