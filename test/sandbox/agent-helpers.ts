/** Helpers for tests of agent operations: run one, read an agent's or the customer's view. */
import type { TestSandbox } from './helpers.ts';

/** Runs an agent operation on a chat. */
export const op = (t: TestSandbox, agent: string, id: string, body: Record<string, unknown>) =>
  t.agent(agent, 'POST', `/api/v2/me/interactions/${id}`, body);

/** Runs an agent operation that must succeed. */
export async function opOk(t: TestSandbox, agent: string, id: string, body: Record<string, unknown>): Promise<void> {
  const r = await op(t, agent, id, body);
  if (r.body.statusCode !== 0) throw new Error(`${String(body.operationName)} by ${agent} failed: ${JSON.stringify(r.body)}`);
}

/** The agent's view of one chat, or undefined when it does not see it. */
export async function viewOf(t: TestSandbox, agent: string, id: string): Promise<any> {
  return (await t.agent(agent, 'GET', '/api/v2/me/interactions')).body.interactions.find((i: any) => i.id === id);
}

/** The customer's whole transcript as `[type, from nickname, text]` rows. */
export async function customerView(t: TestSandbox, id: string): Promise<[string, string, string | undefined][]> {
  const messages = (await t.customer('GET', `/api/v2/chats/${id}/messages?index=0`)).body.messages as any[];
  return messages.map((m) => [m.type, m.from.nickname, m.text]);
}
