/**
 * The contract every CRM connector implements: the pega.CS interaction lifecycle
 * (`startInteraction` / `switchInteraction` / `endInteraction`) plus offer outcomes.
 * Connectors are called only by the background's sync queue, with an idempotency key on
 * every call, so a retry after a lost reply never does anything twice.
 */

/** `pega.CS.startInteraction(interactionClass, flowName, params, callback)`. */
export interface CrmStart {
  idempotencyKey: string;
  interactionClass: string;
  flowName: string;
  /** ContactId, AccountNumber, ChatId, Queue, page context, `IsExternalAPICall: "true"`. */
  params: Record<string, string>;
}

/** One transcript line attached when an interaction ends. */
export interface CrmTranscriptLine {
  /** Epoch milliseconds. */
  at: number;
  from: string;
  nickname: string;
  text: string;
}

/** A proactive offer's outcome, recorded when the option is on. */
export interface CrmOutcome {
  ruleId: string;
  ruleName: string;
  outcome: 'offered' | 'accepted' | 'declined' | 'timed-out' | 'suppressed';
  url: string;
  /** Epoch milliseconds. */
  at: number;
  reason?: string;
}

/** What a connector needs from its environment. */
export interface CrmDeps {
  fetch: typeof fetch;
  timeoutMs?: number;
}

/** One CRM. */
export interface CrmConnector {
  readonly kind: string;
  startInteraction(req: CrmStart): Promise<{ interactionId: string }>;
  switchInteraction(interactionId: string, idempotencyKey: string): Promise<void>;
  endInteraction(interactionId: string, idempotencyKey: string, transcript: CrmTranscriptLine[]): Promise<void>;
  recordOutcome(outcome: CrmOutcome, idempotencyKey: string): Promise<void>;
  /** Checks the connection for the options page; resolves with what was checked, throws CrmError. */
  testConnection(): Promise<string>;
}

/** A failed CRM call; `retryable` says whether the same call may succeed later. */
export class CrmError extends Error {
  constructor(message: string, readonly retryable: boolean, readonly status?: number) {
    super(message);
    this.name = 'CrmError';
  }
}

/** Sends a request and turns transport failures and HTTP errors into CrmError. */
export async function crmFetch(deps: CrmDeps, url: string, init: RequestInit, what: string): Promise<Response> {
  let response: Response;
  try {
    // No redirects: the configured headers (and a token) must not follow to another address.
    response = await deps.fetch(url, { ...init, credentials: 'omit', redirect: 'manual', signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000) });
  } catch (e) {
    const why = e instanceof Error && e.name === 'TimeoutError' ? 'timed out' : 'could not connect';
    throw new CrmError(`${what}: ${url} ${why}`, true);
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new CrmError(`${what}: ${url} answered with a redirect; configure the address it redirects to`, false, response.status || undefined);
  }
  if (!response.ok) {
    const detail = await response.text().then((t) => t.slice(0, 300), () => '');
    // 408, 429 and 5xx may pass later; other 4xx will not without a change of settings.
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    throw new CrmError(`${what}: HTTP ${response.status}${detail ? ` — ${detail}` : ''}`, retryable, response.status);
  }
  return response;
}
