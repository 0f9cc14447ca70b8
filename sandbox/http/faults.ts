/**
 * Fault injection for demos and fault-tolerance tests (off unless the Sandbox starts with
 * `faults: true` / `--faults`): makes the customer chat API (GWS `/api/v2/chats…`, GMS
 * `/genesys/…`) or, on its own, the Sandbox CRM API (`/api/crm/…`) answer 500s, hang, or
 * reply with malformed JSON, for a while or until reset.
 *
 * It runs as a root `onRequest` hook, before every route's own guard and before the body is
 * read, so a faulted request never reaches a handler and changes nothing in the store.
 * Requests already past the hook when a fault starts (e.g. a held long-poll) finish normally.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CrmError, sendCrmError } from '../crm/errors.ts';
import type { OriginPolicy } from './origin.ts';

/** What the faulted API does while a fault is on. */
export const FAULT_MODES = ['none', 'error500', 'timeout', 'garbage'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/**
 * Which API a fault hits: the customer chat API (both dialects, or one), or the CRM API alone,
 * so a demo can show the CRM down while chats keep working (and `customer` never hits it).
 */
export const FAULT_PATHS = ['customer', 'gws', 'gms', 'crm'] as const;
export type FaultPaths = (typeof FAULT_PATHS)[number];

/** How long a `timeout` fault holds a request when the client does not give up first. */
export const DEFAULT_HOLD_MS = 20_000;

/** A garbled reply: declared JSON, cut off mid-value. */
export const GARBAGE_BODY = '{"statusCode":0,"messages":[{"index":';

/** The fault in force, as `GET /api/sandbox/faults` reports it. */
export interface FaultState {
  mode: FaultMode;
  paths: FaultPaths;
  /** When the fault ends by itself (epoch ms), or null: until reset. */
  until: number | null;
  holdMs: number;
}

/** Counters since the Sandbox started. */
export interface FaultCounts {
  /** Requests answered (or held) by a fault instead of their handler. */
  faulted: number;
  /** Requests held right now by a `timeout` fault. */
  held: number;
  /** Held requests the client gave up on (closed the connection) before being let go. */
  abandoned: number;
}

const NONE: FaultState = { mode: 'none', paths: 'customer', until: null, holdMs: DEFAULT_HOLD_MS };

/** An API a fault can hit; each answers in its own error envelope. */
type FaultedApi = 'gws' | 'gms' | 'crm';

const apiOf = (url: string): FaultedApi | null => {
  const path = url.split('?')[0]!;
  if (path === '/api/v2/chats' || path.startsWith('/api/v2/chats/')) return 'gws';
  if (path.startsWith('/genesys/')) return 'gms';
  // Only the CRM API itself: the console's `/api/v2/me/interactions/{id}/crm` is agent API.
  if (path === '/api/crm' || path.startsWith('/api/crm/')) return 'crm';
  return null;
};

// `customer` means both chat dialects, as it always has: the CRM is faulted only on its own.
const hits = (paths: FaultPaths, api: FaultedApi): boolean => paths === api || (paths === 'customer' && api !== 'crm');

/** The fault switch of one Sandbox, and the hook that applies it. */
export class FaultInjector {
  private current: FaultState = NONE;
  private expiry: NodeJS.Timeout | undefined;
  /** Each held request's release: answers 504 and resolves once the reply is out. */
  private readonly held = new Set<() => Promise<void>>();
  private faulted = 0;
  private abandoned = 0;

  constructor(private readonly policy: OriginPolicy) {}

  /** The fault in force (an expired one reads as none). */
  state(): FaultState {
    return { ...this.current };
  }

  counts(): FaultCounts {
    return { faulted: this.faulted, held: this.held.size, abandoned: this.abandoned };
  }

  /** Replaces the fault in force. Held requests are let go unless a timeout fault goes on. */
  set(mode: FaultMode, opts: { forMs?: number; paths?: FaultPaths; holdMs?: number } = {}): FaultState {
    clearTimeout(this.expiry);
    this.current =
      mode === 'none'
        ? NONE
        : { mode, paths: opts.paths ?? 'customer', until: opts.forMs ? Date.now() + opts.forMs : null, holdMs: opts.holdMs ?? DEFAULT_HOLD_MS };
    if (mode !== 'timeout') void this.releaseAll();
    if (opts.forMs && mode !== 'none') {
      this.expiry = setTimeout(() => this.set('none'), opts.forMs);
      this.expiry.unref();
    }
    return this.state();
  }

  /** Lets every held request go now (fault over, or the Sandbox closing); resolves once answered. */
  async releaseAll(): Promise<void> {
    await Promise.all([...this.held].map((release) => release()));
  }

  /** The root onRequest hook: answers (or holds) a faulted request instead of its handler. */
  readonly hook = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const fault = this.current;
    if (fault.mode === 'none' || request.method === 'OPTIONS') return undefined;
    const api = apiOf(request.url);
    if (api === null || !hits(fault.paths, api)) return undefined;
    this.faulted++;
    // An extension must be able to read the failure, as it would a real one.
    const origin = request.headers.origin;
    if (origin !== undefined && this.policy.isExtension(origin)) reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin');
    if (fault.mode === 'garbage') return reply.code(200).type('application/json; charset=utf-8').send(GARBAGE_BODY);
    if (fault.mode === 'error500') return sendFault(reply, api, 500, 'Fault injected by the Sandbox: internal error.');
    await this.hold(request, reply, api, fault.holdMs);
    return reply;
  };

  /** Holds a request until the client closes it (nothing is sent), or it is let go (504). */
  private hold(request: FastifyRequest, reply: FastifyReply, api: FaultedApi, ms: number): Promise<void> {
    const res = reply.raw;
    return new Promise((resolve) => {
      const finish = (clientGone: boolean) => {
        if (!this.held.delete(release)) return;
        clearTimeout(timer);
        res.off('close', onClose);
        if (clientGone) {
          this.abandoned++;
          reply.hijack(); // nobody to answer: end the lifecycle without a reply
        } else {
          sendFault(reply, api, 504, 'Fault injected by the Sandbox: the request was held and never processed.');
        }
        resolve();
      };
      const release = () => {
        finish(false);
        return new Promise<void>((done) => (res.writableFinished || res.destroyed ? done() : res.once('close', () => done())));
      };
      // The response closes early only when the connection went away (the client gave up).
      const onClose = () => finish(true);
      const timer = setTimeout(() => finish(false), ms);
      this.held.add(release);
      res.on('close', onClose);
      if (res.destroyed || request.raw.socket?.destroyed) onClose(); // gone before we listened
    });
  }
}

/**
 * Sends a faulted reply in the envelope of the API hit, so its clients parse it as a real
 * failure: GWS code 4 (internal error), GMS code 1 (retry may help), CRM `internal` / `timeout`.
 */
function sendFault(reply: FastifyReply, api: FaultedApi, status: 500 | 504, message: string): FastifyReply {
  if (api === 'crm') return sendCrmError(reply, new CrmError(status, status === 500 ? 'internal' : 'timeout', message));
  return reply.code(status).send({ statusCode: api === 'gws' ? 4 : 1, statusMessage: message });
}

/** Installs the injector's hook on the whole app and lets held requests go before close. */
export function installFaultInjector(app: FastifyInstance, policy: OriginPolicy): FaultInjector {
  const faults = new FaultInjector(policy);
  app.addHook('onRequest', faults.hook);
  app.addHook('preClose', async () => {
    const held = faults.releaseAll();
    faults.set('none');
    await held;
  });
  return faults;
}
