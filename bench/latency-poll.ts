/**
 * `latency.poll.p50_ms`, `latency.poll.p95_ms`: the same as `latency-longpoll`, against a
 * server without long-poll: a second Sandbox started with `{ longPoll: false }` (no
 * `X-Beckon-LongPoll` header, no `LongPoll` capability, `wait` ignored), so the extension
 * polls on its timer. No target: it shows what long-poll saves.
 *
 * The extension's backend URL is switched to that Sandbox for the run (after the shared
 * long-poll chat is ended: a live chat would follow the switch) and back afterwards.
 */
import { startTestSandbox } from '../test/e2e/support/sandbox.ts';
import { agentClient } from '../test/e2e/support/agent.ts';
import { agentToVisitor, describeRequests, endSharedChat, latencyMetrics, recordRequests, startChat } from './lib/chat.ts';
import { log, type Benchmark } from './lib/report.ts';

export const latencyPoll: Benchmark = {
  name: 'latency-poll',
  async run(ctx) {
    const session = await ctx.session();
    await endSharedChat(session);
    const sandbox = await startTestSandbox({ longPoll: false });
    try {
      await agentClient(sandbox.url, sandbox.agents[0]!).ready();
      await session.useBackend(sandbox.url);
      const chat = await startChat(session, sandbox);
      const requests = recordRequests(session.ext.context, sandbox.url);
      try {
        const from = Date.now();
        const samples = await agentToVisitor(chat, 'poll');
        log(`  the extension's requests meanwhile: ${describeRequests(requests.between(from, Date.now()))}`);
        return latencyMetrics('latency.poll', samples);
      } finally {
        requests.stop();
        await chat.end();
        await chat.page.close();
      }
    } finally {
      await session.useBackend(session.sandbox.url);
      await sandbox.close();
    }
  },
};
