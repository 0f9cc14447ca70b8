import type { Browser } from 'wxt/browser';
import { windowBudget, type WindowBudget } from '../core/rate-limit';
import { serial, type Serial } from '../core/serial';
import { siteFor } from '../core/settings';
import type { ChatSession } from '../core/chat-session';
import { parseMessage, PageApiRequestSchema } from '../protocol/messages';
import { PAGE_API_ERRORS, type OfferState, type PageApiCall, type PageApiPush } from '../protocol/page-api';
import { handlePageCall, pageChatsOf, type CallResult, type PageCallDeps } from './page-api-calls';
import { eventsSince, NOTHING_TOLD, type Told } from './page-api-events';

type Port = Browser.runtime.Port;

/** Calls a page may make per minute, by kind: enough for any real widget, not for a flood. */
const RATES: Record<string, number> = { offer: 5, startChat: 3, send: 30, other: 120 };
const MINUTE = 60_000;

interface PageClient {
  tabId: number;
  url: string;
  budgets: Map<string, WindowBudget>;
  /** Per chat of the page: what it was told so far. */
  told: Map<string, Told>;
  /** One call at a time, in order. */
  line: Serial;
  /** The site check passed: pushes may go to it. */
  admitted: boolean;
}

/**
 * The page API's ports: one per page load on a site where the user switched the page API on,
 * opened by the relay content script in the tab's top frame. Checks each call, rate-limits
 * it, carries it out (page-api-calls.ts) and answers; pushes the page's offer outcomes and the
 * events of the chats it started. A port from anywhere else is closed at once.
 */
export class PageApiHub {
  private readonly clients = new Map<Port, PageClient>();

  constructor(private readonly deps: PageCallDeps) {}

  /**
   * Takes a port opened by a page API relay. Its listeners are added at once (a port drops
   * what comes before); its calls wait for `ready` and the site check, then run one at a time.
   */
  attach(port: Port, ready: Promise<unknown>): void {
    const tabId = port.sender?.tab?.id;
    const url = port.sender?.url ?? port.sender?.tab?.url ?? '';
    const client: PageClient = { tabId: tabId ?? -1, url, budgets: new Map(), told: new Map(), line: serial(), admitted: false };
    const admitted = ready.then(() => this.deps.settings()).then((settings) => {
      if (tabId !== undefined && port.sender?.frameId === 0 && siteFor(settings, url)?.options.pageApi) return (client.admitted = true);
      this.clients.delete(port);
      port.disconnect();
      return false;
    });
    this.clients.set(port, client);
    port.onMessage.addListener((raw: unknown) => {
      void client.line
        .run(async () => ((await admitted) ? this.receive(port, client, raw) : undefined))
        .catch((e: unknown) => console.error('[beckon] page API call failed', e));
    });
    port.onDisconnect.addListener(() => this.clients.delete(port));
  }

  /** A chat changed: tell the page that started it what happened since it was last told. */
  chatChanged(s: ChatSession): void {
    if (s.origin !== 'page-chat') return;
    for (const [port, client] of this.clients) {
      const told = client.told.get(s.id);
      if (client.tabId === s.tabId && told) this.tell(port, client, s, told, false);
    }
  }

  /** What became of an offer a page made: its DOM event. */
  offerOutcome(tabId: number, queue: string, state: OfferState, reason?: string): void {
    for (const [port, client] of this.clients) {
      if (client.admitted && client.tabId === tabId) this.post(port, { type: 'offer', state, queue, ...(reason ? { reason } : {}) });
    }
  }

  private async receive(port: Port, client: PageClient, raw: unknown): Promise<void> {
    const parsed = parseMessage(PageApiRequestSchema, raw);
    const id = typeof (raw as { id?: unknown } | null)?.id === 'number' ? (raw as { id: number }).id : 0;
    if (!parsed.ok) return this.reply(port, id, { ok: false, error: { code: PAGE_API_ERRORS.badArguments, description: `Refused: ${parsed.error}` } });
    const { request } = parsed.value;
    // The user may have switched the page API off since the page loaded.
    if (!siteFor(await this.deps.settings(), client.url)?.options.pageApi) {
      return this.reply(port, id, { ok: false, error: { code: PAGE_API_ERRORS.notYours, description: 'The page API is off for this site (Beckon settings).' } });
    }
    if (!this.allowed(client, request)) {
      return this.reply(port, id, { ok: false, error: { code: PAGE_API_ERRORS.tooMany, description: `Too many ${request.call} calls: slow down and try again in a minute.` } });
    }
    const result = await handlePageCall(this.deps, client.tabId, client.url, request);
    this.reply(port, id, result);
    if (request.call === 'resume') this.resume(port, client, request.seen, request.ended);
    if (request.call === 'startChat' && result.ok) client.told.set(String(result.value), NOTHING_TOLD);
    if (request.call === 'restore' && result.ok && typeof result.value === 'string') {
      const s = this.deps.store.get(result.value);
      if (s) this.tell(port, client, s, NOTHING_TOLD, true); // replayed to the reloaded page, marked restored
    }
  }

  /** A relay (re)connected: go on with the chats the page has had events of. */
  private resume(port: Port, client: PageClient, seen: Record<string, number>, ended: string[]): void {
    for (const s of pageChatsOf(this.deps.store, client.tabId)) {
      if (seen[s.id] === undefined) continue;
      this.tell(port, client, s, { ...NOTHING_TOLD, index: seen[s.id]!, ended: ended.includes(s.id) }, false);
    }
  }

  private tell(port: Port, client: PageClient, s: ChatSession, told: Told, restored: boolean): void {
    const { events, told: next } = eventsSince(s, told);
    client.told.set(s.id, next);
    if (events.length > 0) this.post(port, { type: 'chat', chatId: s.id, events, restored });
  }

  private allowed(client: PageClient, request: PageApiCall): boolean {
    const kind = request.call in RATES ? request.call : 'other';
    let budget = client.budgets.get(kind);
    if (!budget) client.budgets.set(kind, (budget = windowBudget(RATES[kind]!, MINUTE)));
    return budget.take(this.deps.now());
  }

  private reply(port: Port, id: number, result: CallResult): void {
    this.post(port, { type: 'reply', reply: { id, ...result } as never });
  }

  private post(port: Port, push: PageApiPush): void {
    try {
      port.postMessage(push);
    } catch {
      this.clients.delete(port);
    }
  }
}
