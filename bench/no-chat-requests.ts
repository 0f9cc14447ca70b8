/**
 * `requests.no_chat_per_min`: requests the extension sends to the chat server when there is
 * no chat. Target 0. Two cases, measured at the same time ({@link IDLE_MS} each), the figure
 * being the larger of the two rates:
 *
 * - **after a chat ended**: the shared chat is ended by the agent; its tab stays open showing
 *   "Chat ended"; counted on the session's Sandbox.
 * - **fresh profile**: a second Chromium with a new profile and a second Sandbox (one agent
 *   Ready). The only setting changed is the backend URL (the default one is port 7400, not a
 *   bench Sandbox). The demo page opens; the default rule offers a chat after 10 s of visible
 *   time, which costs one availability request (reported on stderr, not counted); the window
 *   starts once the offer card shows, and the card stays open.
 *
 * Counted as in `idle-chat-requests`: the Sandbox's `stats().requests`, with Playwright's view
 * of the requests (pages and service worker) on stderr.
 */
import { agentClient } from '../test/e2e/support/agent.ts';
import { launchChromium, type ChromiumExtension } from '../test/e2e/support/chromium.ts';
import { startTestSandbox, type TestSandbox } from '../test/e2e/support/sandbox.ts';
import { describeRequests, endSharedChat, recordRequests, sharedChat, sleep } from './lib/chat.ts';
import { log, round, type Benchmark } from './lib/report.ts';
import { DEMO_PAGE, setBackendUrl, type BenchSession } from './lib/session.ts';
import { inPageUi } from '../test/e2e/support/page-ui.ts';

const IDLE_MS = 30_000;

export const noChatRequests: Benchmark = {
  name: 'no-chat-requests',
  async run(ctx) {
    const session = await ctx.session();
    const [ended, fresh] = await Promise.all([afterChatEnded(session), freshProfile(ctx.extensionDir)]);
    log(`  after a chat ended: ${ended} per minute; fresh profile: ${fresh} per minute`);
    return [{ metric: 'requests.no_chat_per_min', value: Math.max(ended, fresh), unit: 'count/min' }];
  },
};

/** Requests per minute over {@link IDLE_MS} to `sandbox`, with Playwright's breakdown on stderr. */
async function countIdle(label: string, ext: ChromiumExtension, sandbox: TestSandbox): Promise<number> {
  const requests = recordRequests(ext.context, sandbox.url);
  const before = sandbox.stats().requests;
  const from = Date.now();
  await sleep(IDLE_MS);
  const count = sandbox.stats().requests - before;
  const to = Date.now();
  requests.stop();
  const seen = requests.between(from, to);
  log(`  ${label}: ${count} requests reached the Sandbox in ${round((to - from) / 1000, 1)} s; the browser sent ${seen.length}: ${describeRequests(seen)}`);
  return round((count * 60_000) / (to - from), 1);
}

async function afterChatEnded(session: BenchSession): Promise<number> {
  const chat = await sharedChat(session);
  await chat.end();
  await sleep(500); // the loop's last reply (the one that said "ended") has landed
  log('  after a chat ended: the agent ended it, its tab shows "Chat ended"');
  try {
    return await countIdle('after a chat ended', session.ext, chat.sandbox);
  } finally {
    await endSharedChat(session);
  }
}

async function freshProfile(extensionDir: string): Promise<number> {
  const sandbox = await startTestSandbox();
  let ext: ChromiumExtension | undefined;
  try {
    await agentClient(sandbox.url, sandbox.agents[0]!).ready();
    ext = await launchChromium({ extensionDir, headless: true });
    const options = await ext.openOptions();
    await setBackendUrl(options, sandbox.url);
    await options.close();
    const page = await ext.context.newPage();
    const startup = recordRequests(ext.context, sandbox.url);
    const before = sandbox.stats().requests;
    const loaded = Date.now();
    await page.goto(sandbox.url + DEMO_PAGE, { waitUntil: 'load' });
    await (await inPageUi(page, 'beckon-offer', 30_000)).waitFor({ timeout: 30_000 });
    startup.stop();
    // Not counted: the page load itself and the offer's availability check.
    const until = startup.between(loaded, Date.now());
    log(`  fresh profile: offer shown ${round((Date.now() - loaded) / 1000, 1)} s after load; until then (not counted) ${sandbox.stats().requests - before} requests: ${describeRequests(until)}; counting with the offer card open`);
    await sleep(500);
    return await countIdle('fresh profile', ext, sandbox);
  } finally {
    await ext?.close();
    await sandbox.close();
  }
}
