/**
 * `requests.idle_chat_per_min`: requests the extension sends to the chat server while a chat
 * is live but idle (no message either way), with the chat window open in a visible tab.
 *
 * Counted on the server: the Sandbox's own counter of HTTP requests received (`stats().requests`,
 * a Fastify `onRequest` hook, every route), over {@link IDLE_MS}; nothing else talks to that
 * Sandbox meanwhile (the benchmark makes no agent call and loads no page). Scaled to a minute.
 * Stderr breaks the requests down by route, as Playwright saw them leave the browser (CDP
 * `Network` events on the pages and on the service worker), as a cross-check.
 */
import { describeRequests, recordRequests, sharedChat, sleep } from './lib/chat.ts';
import { log, MeasurementError, round, type Benchmark } from './lib/report.ts';
import { inPageUi } from '../test/e2e/support/page-ui.ts';

const IDLE_MS = 30_000;

export const idleChatRequests: Benchmark = {
  name: 'idle-chat-requests',
  async run(ctx) {
    const session = await ctx.session();
    const chat = await sharedChat(session);
    await chat.page.bringToFront();
    const shown = await (await inPageUi(chat.page, 'beckon-window')).isVisible();
    const visibility = await chat.page.evaluate(() => document.visibilityState);
    if (!shown || visibility !== 'visible') throw new MeasurementError(`the chat window is not on screen (window shown: ${shown}, tab ${visibility})`);
    const requests = recordRequests(session.ext.context, chat.sandbox.url);
    const before = chat.sandbox.stats().requests;
    const from = Date.now();
    log(`  chat live and idle, window open in a visible tab; counting for ${IDLE_MS / 1000} s`);
    await sleep(IDLE_MS);
    const count = chat.sandbox.stats().requests - before;
    const to = Date.now();
    requests.stop();
    const seen = requests.between(from, to);
    log(`  ${count} requests reached the Sandbox in ${round((to - from) / 1000, 1)} s; the browser sent ${seen.length}: ${describeRequests(seen)}`);
    return [{ metric: 'requests.idle_chat_per_min', value: round((count * 60_000) / (to - from), 1), unit: 'count/min' }];
  },
};
