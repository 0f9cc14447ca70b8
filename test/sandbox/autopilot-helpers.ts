/** Helpers for the autopilot tests: quick scripts, a Sandbox running them, waiting for what the visitor sees. */
import type { SandboxOptions } from '../../sandbox/server.ts';
import { startTestSandbox, type TestSandbox } from './helpers.ts';

/** A Billing script that answers within tens of milliseconds (`extra` is appended as YAML). */
export const quickScript = (extra = '', queue = 'Billing', nickname = 'Ava') => `
queue: ${queue}
accept: { after: 0.05, nickname: ${nickname} }
typing: { pauseMs: 5, perCharacterMs: 1, minMs: 30, maxMs: 60 }
${extra}`;

/** Starts a Sandbox with the given scripts switched on (as `--autopilot` files). */
export function startWithScripts(scripts: Record<string, string>, opts: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  return startTestSandbox({ ...opts, autopilot: Object.entries(scripts).map(([name, source]) => ({ name, source })) });
}

/** Polls `probe` every 20 ms until it returns something truthy; throws after `timeoutMs`, saying what it waited for. */
export async function waitFor<T>(probe: () => Promise<T> | T, what: string, timeoutMs = 5000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The GWS customer's whole transcript (index=0), raw. */
export async function gwsMessages(t: TestSandbox, id: string): Promise<any[]> {
  return (await t.customer('GET', `/api/v2/chats/${id}/messages?index=0`)).body.messages;
}

/** Texts of the transcript as `nickname: text` lines (other messages as `nickname [Type]`). */
export const lines = (messages: any[], types: string[] = ['Text', 'ParticipantJoined', 'ParticipantLeft']) =>
  messages.filter((m) => types.includes(m.type)).map((m) => (m.type === 'Text' || m.type === 'Message' ? `${m.from.nickname}: ${m.text}` : `${m.from.nickname} [${m.type}]`));

/** The autopilot's state as the console reads it. */
export async function autopilotState(t: TestSandbox, agent = 'alice'): Promise<any> {
  return (await t.agent(agent, 'GET', '/api/sandbox/autopilot')).body;
}
