/**
 * The one check every fault test ends with: the visitor's transcript and the agent's Text
 * messages end identical, complete, in order and without duplicates. Browser-neutral: it
 * takes readers, so Playwright (Chromium) and puppeteer (Firefox) specs share it.
 */
import { expect } from 'vitest';

/** What each side sent during a test, in the order it sent it. */
export interface SentLog {
  visitorSent: string[];
  agentSent: string[];
}

export interface TranscriptCheck {
  /** The visitor's message texts as the chat window shows them, in order. */
  visitor: () => Promise<string[]>;
  /** The agent's Text messages of the chat, in order. */
  agent: () => Promise<string[]>;
  sent: SentLog;
  /** How long both sides may take to converge (retries back off up to 30 s). Default 45 s. */
  timeoutMs?: number;
  /** Pause after converging, for a late duplicate to show up. Default 2 s. */
  settleMs?: number;
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Waits until both sides show every sent message and agree, lets any duplicate surface, then
 * asserts: identical lists; every message exactly once; each side's messages in the order it
 * sent them (how the two sides interleave is the backend's order, which both must share).
 */
export async function expectIdenticalTranscripts(check: TranscriptCheck): Promise<void> {
  const { sent, timeoutMs = 45_000, settleMs = 2_000 } = check;
  const all = [...sent.visitorSent, ...sent.agentSent];
  expect(new Set(all).size, 'each test message must be unique').toBe(all.length);
  const deadline = Date.now() + timeoutMs;
  let visitor: string[] = [];
  let agent: string[] = [];
  for (;;) {
    [visitor, agent] = await Promise.all([check.visitor().catch(() => visitor), check.agent().catch(() => agent)]);
    if (same(visitor, agent) && all.every((text) => agent.includes(text))) break;
    if (Date.now() > deadline) {
      const missing = (side: string[]) => all.filter((text) => !side.includes(text));
      throw new Error(
        `Transcripts did not converge within ${timeoutMs} ms.\n` +
          `  visitor: ${JSON.stringify(visitor)}\n  agent:   ${JSON.stringify(agent)}\n` +
          `  missing at the visitor: ${JSON.stringify(missing(visitor))}; at the agent: ${JSON.stringify(missing(agent))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await new Promise((resolve) => setTimeout(resolve, settleMs)); // let any duplicate surface
  [visitor, agent] = await Promise.all([check.visitor(), check.agent()]);
  expect(visitor).toEqual(agent);
  expect(agent).toHaveLength(all.length); // complete, and nothing twice
  expect(agent.filter((text) => sent.visitorSent.includes(text))).toEqual(sent.visitorSent);
  expect(agent.filter((text) => sent.agentSent.includes(text))).toEqual(sent.agentSent);
}
