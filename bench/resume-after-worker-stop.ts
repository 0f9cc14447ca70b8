/**
 * `resume.after_worker_stop_ms`: how long a live chat is deaf after its service worker stops.
 * With the chat shown in a tab, the benchmark stops the worker (`stopServiceWorker()`: CDP
 * `Target.closeTarget`, as Chrome stops an idle worker) and right after the stop completed
 * the agent sends a message; the sample runs from the stop's completion to the text in the
 * page's chat window (the probe of `latency-longpoll`). Median of {@link STOPS}. Nothing but
 * the extension itself restarts the worker (the page UI's port reconnecting, the alarm).
 */
import { sharedChat, sleep } from './lib/chat.ts';
import { log, median, round, spread, type Benchmark } from './lib/report.ts';

const STOPS = 5;
/** After each sample: the worker is back and the chat's loop waits for news again. */
const SETTLE_MS = 1_500;

export const resumeAfterWorkerStop: Benchmark = {
  name: 'resume-after-worker-stop',
  async run(ctx) {
    const session = await ctx.session();
    const chat = await sharedChat(session);
    const samples: number[] = [];
    for (let i = 1; i <= STOPS; i++) {
      await session.ext.stopServiceWorker();
      const stoppedAt = Date.now();
      const text = `after stop ${i} (${chat.chatId.slice(0, 8)})`;
      const sentAt = await chat.send(text);
      const at = await chat.probe.seen(text);
      samples.push(at - stoppedAt);
      log(`  stop ${i}: ${at - stoppedAt} ms from the stop to the page (agent send started ${sentAt - stoppedAt} ms after the stop; ${at - sentAt} ms from it)`);
      await sleep(SETTLE_MS);
    }
    log(`resume.after_worker_stop_ms: ${spread(samples, 'ms')}`);
    return [{ metric: 'resume.after_worker_stop_ms', value: round(median(samples), 1), unit: 'ms' }];
  },
};
