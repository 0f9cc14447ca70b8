/**
 * Live chats for the chat benchmarks: started the way a visitor starts one (offer → Accept in
 * the demo page), answered by an agent through the Sandbox agent API, and watched in the page
 * by a probe that timestamps each message as it enters the chat window. Also the request log
 * that breaks down what the extension sent to a Sandbox.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { agentClient, type AgentClient } from '../../test/e2e/support/agent.ts';
import { inPageUi } from '../../test/e2e/support/page-ui.ts';
import type { TestSandbox } from '../../test/e2e/support/sandbox.ts';
import { log, MeasurementError, median, percentile, round, spread, type Metric } from './report.ts';
import { DEMO_PAGE, type BenchSession } from './session.ts';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const PROBE_URL = 'beckon-bench-chat-probe.js';
const SEEN = 'beckon-bench-seen';

/**
 * Runs in every frame of the tab (an init script), so also in the in-page UI frame, the
 * extension page that shows the chat (in the visited page itself it finds nothing: that is the
 * point of the frame). An observer on the document sees every change to the chat window. On
 * each batch of changes it takes `Date.now()` first, then reports each message text it has not
 * seen before (`console.debug`, which reaches the benchmark from the frame too; nothing is
 * polled). A MutationObserver runs at the end of the task that changed the DOM, so the time is
 * when the text node entered the window, before style, layout or paint.
 */
const PROBE = `(() => {
  const seen = new Set();
  const scan = () => {
    const at = Date.now();
    for (const el of document.querySelectorAll('[data-testid=beckon-message-text]')) {
      const text = el.textContent;
      if (text && !seen.has(text)) {
        seen.add(text);
        console.debug('${SEEN} ' + JSON.stringify({ text, at }));
      }
    }
  };
  if (location.pathname !== '/page-frame.html') return;
  new MutationObserver(scan).observe(document, { childList: true, subtree: true, characterData: true });
})();
//# sourceURL=${PROBE_URL}`;

/** When each message text first appeared in a page's chat window (page clock = this machine's clock). */
export interface MessageProbe {
  /** Resolves with the `Date.now()` at which `text` entered the chat window. */
  seen(text: string, timeoutMs?: number): Promise<number>;
}

/** Installs the probe in `page` (before it navigates). */
export async function watchMessages(page: Page): Promise<MessageProbe> {
  const times = new Map<string, number>();
  const waiters = new Map<string, (at: number) => void>();
  page.on('console', (m) => {
    if (m.type() !== 'debug' || !m.text().startsWith(`${SEEN} `)) return;
    const { text, at } = JSON.parse(m.text().slice(SEEN.length + 1)) as { text: string; at: number };
    times.set(text, at);
    waiters.get(text)?.(at);
  });
  await page.addInitScript({ content: PROBE });
  return {
    seen(text, timeoutMs = 15_000) {
      const at = times.get(text);
      if (at !== undefined) return Promise.resolve(at);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(text);
          reject(new MeasurementError(`"${text}" did not appear in the page's chat window within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        waiters.set(text, (t) => {
          clearTimeout(timer);
          waiters.delete(text);
          resolve(t);
        });
      });
    },
  };
}

/** A chat in progress: the visitor's tab, the agent answering it, the probe in the tab. */
export interface LiveChat {
  page: Page;
  chatId: string;
  agent: AgentClient;
  sandbox: TestSandbox;
  probe: MessageProbe;
  /** The agent sends `text`; resolves with `Date.now()` taken just before the request. */
  send(text: string): Promise<number>;
  /** The agent ends the chat; waits until the page says so. The tab stays open. */
  end(): Promise<void>;
  readonly ended: boolean;
}

const AGENT_NICKNAME = 'Bench';

/**
 * Starts a chat as a visitor does: a fresh visitor (capping), a rule of 1 s on page, the
 * demo page of `sandbox` (the extension's backend must already be that Sandbox, with a Ready
 * agent), Accept on the offer, the agent accepts. Returns once a first agent message has
 * reached the page, so the chat's loop is in its steady state.
 */
export async function startChat(session: BenchSession, sandbox: TestSandbox = session.sandbox): Promise<LiveChat> {
  const t0 = Date.now();
  const agent = agentClient(sandbox.url, sandbox.agents[0]!);
  await session.setSecondsOnPage(1);
  await session.resetVisitor();
  const page = await session.newPage();
  const probe = await watchMessages(page);
  await page.goto(sandbox.url + DEMO_PAGE, { waitUntil: 'load' });
  await (await inPageUi(page, 'beckon-offer-accept')).click({ timeout: 15_000 }).catch(() => {
    throw new MeasurementError(`no offer to accept within 15 s on ${sandbox.url}${DEMO_PAGE}`);
  });
  const offered = await agent.waitForInteraction((i) => i.state === 'Offered');
  await agent.accept(offered.id, AGENT_NICKNAME);
  await (await inPageUi(page, 'beckon-chat-status')).getByText(`Chatting with ${AGENT_NICKNAME}`).waitFor({ timeout: 15_000 });
  let ended = false;
  const chat: LiveChat = {
    page,
    chatId: offered.id,
    agent,
    sandbox,
    probe,
    async send(text) {
      const sentAt = Date.now();
      await agent.send(offered.id, text);
      return sentAt;
    },
    async end() {
      if (ended) return;
      ended = true;
      await agent.stop(offered.id);
      await (await inPageUi(page, 'beckon-chat-status')).getByText('Chat ended').waitFor({ timeout: 15_000 });
    },
    get ended() {
      return ended;
    },
  };
  const warmUp = `warm-up ${offered.id.slice(0, 8)}`;
  await chat.send(warmUp);
  await probe.seen(warmUp);
  await sleep(500); // the loop goes back to waiting for news (long-poll or poll timer)
  log(`  chat ${offered.id.slice(0, 8)} live in ${((Date.now() - t0) / 1000).toFixed(1)} s (offer, Accept, agent accept, first message)`);
  return chat;
}

const shared = new WeakMap<BenchSession, Promise<LiveChat>>();

/**
 * The chat the long-poll benchmarks share on the session's own Sandbox (starting one costs
 * seconds): started on first use, and again if a benchmark ended it.
 */
export async function sharedChat(session: BenchSession): Promise<LiveChat> {
  const current = await shared.get(session)?.catch(() => undefined);
  if (current && !current.ended && !current.page.isClosed()) return current;
  const next = startChat(session);
  shared.set(session, next);
  return next;
}

/** Ends the shared chat, if one is live, and closes its tab (nothing must poll afterwards). */
export async function endSharedChat(session: BenchSession): Promise<void> {
  const current = await shared.get(session)?.catch(() => undefined);
  shared.delete(session);
  if (!current) return;
  await current.end();
  await current.page.close();
}

/** One request the browser sent to a Sandbox, as Playwright saw it (CDP Network events). */
export interface SeenRequest {
  at: number;
  method: string;
  url: string;
  /** Sent by the extension's service worker (else by a page). */
  fromWorker: boolean;
}

/**
 * Records every request the browser sends to `baseUrl`: pages and, through Playwright's own
 * session on the service worker target (CDP `Network` events), the extension's background.
 * A cross-check and breakdown for the Sandbox's own count (`stats().requests`).
 */
export function recordRequests(context: BrowserContext, baseUrl: string): { between(from: number, to: number): SeenRequest[]; stop(): void } {
  const seen: SeenRequest[] = [];
  const onRequest = (r: import('playwright-core').Request) => {
    if (r.url().startsWith(`${baseUrl}/`)) seen.push({ at: Date.now(), method: r.method(), url: r.url(), fromWorker: r.serviceWorker() !== null });
  };
  context.on('request', onRequest);
  return {
    between: (from, to) => seen.filter((r) => r.at >= from && r.at <= to),
    stop: () => context.off('request', onRequest),
  };
}

/** `3× GET /api/v2/chats/:id/messages?wait=20000 (worker)`, for stderr. */
export function describeRequests(requests: SeenRequest[]): string {
  const counts = new Map<string, number>();
  for (const r of requests) {
    const u = new URL(r.url);
    const path = u.pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');
    const key = `${r.method} ${path}${u.search} (${r.fromWorker ? 'worker' : 'page'})`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n}× ${k}`).join('; ') || 'none';
}

/** Messages per latency run, and the time between two sends. */
export const LATENCY_SAMPLES = 30;
export const LATENCY_SPACING_MS = 300;

/** One agent message: sent (just before the agent API request), answered by the API, shown in the page. */
export interface LatencySample {
  /** Agent API call start → text in the page's chat window: the figure. */
  ms: number;
  /** Agent API call start → its reply (the Sandbox had committed the message). */
  apiMs: number;
}

/**
 * The agent sends {@link LATENCY_SAMPLES} messages {@link LATENCY_SPACING_MS} apart, without
 * waiting for each to arrive; each sample runs from `Date.now()` just before the agent's
 * request to the probe's `Date.now()` when the text entered the chat window.
 */
export async function agentToVisitor(chat: LiveChat, label: string): Promise<LatencySample[]> {
  const pending: Promise<LatencySample>[] = [];
  for (let i = 1; i <= LATENCY_SAMPLES; i++) {
    const text = `${label} ${i} (${chat.chatId.slice(0, 8)})`;
    const sentAt = await chat.send(text);
    const apiMs = Date.now() - sentAt;
    pending.push(chat.probe.seen(text).then((at) => ({ ms: at - sentAt, apiMs })));
    await sleep(Math.max(0, sentAt + LATENCY_SPACING_MS - Date.now()));
  }
  return Promise.all(pending);
}

/** `<prefix>.p50_ms` and `<prefix>.p95_ms`, with the samples and their spread on stderr. */
export function latencyMetrics(prefix: string, samples: LatencySample[]): Metric[] {
  const ms = samples.map((s) => s.ms);
  log(`  samples (ms, in send order): ${ms.join(' ')}`);
  log(`${prefix}: ${spread(ms, 'ms')}; p95 ${percentile(ms, 95)} ms`);
  log(`  of which the agent API call (until the Sandbox had committed the message): ${spread(samples.map((s) => s.apiMs), 'ms')}`);
  return [
    { metric: `${prefix}.p50_ms`, value: round(median(ms), 1), unit: 'ms' },
    { metric: `${prefix}.p95_ms`, value: round(percentile(ms, 95), 1), unit: 'ms' },
  ];
}
