/**
 * `latency.longpoll.p50_ms`, `latency.longpoll.p95_ms`: how long an agent's message takes to
 * reach the visitor's chat window when the server offers long-poll (the Sandbox does), in
 * Chromium. Targets: p50 ≤ 25 ms, p95 ≤ 100 ms.
 *
 * A live chat shows in a visible demo tab (the window open). The agent sends 30 messages
 * 300 ms apart through the Sandbox agent API. Each sample runs from `Date.now()` in Node just
 * before the agent's request to `Date.now()` in the page when the text node entered the chat
 * window (a MutationObserver on the UI's open shadow root; same machine clock). Stderr lists
 * the samples and what the extension sent meanwhile (whether it long-polled at all).
 */
import { agentToVisitor, describeRequests, latencyMetrics, recordRequests, sharedChat } from './lib/chat.ts';
import { log, type Benchmark } from './lib/report.ts';

export const latencyLongPoll: Benchmark = {
  name: 'latency-longpoll',
  async run(ctx) {
    const session = await ctx.session();
    const chat = await sharedChat(session);
    const requests = recordRequests(session.ext.context, chat.sandbox.url);
    const from = Date.now();
    try {
      const samples = await agentToVisitor(chat, 'long-poll');
      const sent = requests.between(from, Date.now());
      log(`  the extension's requests meanwhile: ${describeRequests(sent)}`);
      if (!sent.some((r) => new URL(r.url).searchParams.has('wait'))) {
        log('  NOTE: the extension did not long-poll (no GetMessages with ?wait=) although this Sandbox advertises it: these are plain-poll figures');
      }
      return latencyMetrics('latency.longpoll', samples);
    } finally {
      requests.stop();
    }
  },
};
