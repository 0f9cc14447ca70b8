/**
 * The agent feed sends changes (issue 10): a chat's change is looked at only for the agents
 * it concerns, an update carries no transcript, and the agent's state and queue list go out
 * only when they change.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opOk } from './agent-helpers.ts';
import { openNotifications, requestChat, setReady, startTestSandbox, type StreamReader, type TestSandbox } from './helpers.ts';

const AGENTS = ['alice', 'bob', 'carol', 'dave', 'erin'].map((name) => ({ name, password: name }));
let t: TestSandbox;
const streams: StreamReader[] = [];
beforeEach(async () => {
  t = await startTestSandbox({ agents: AGENTS });
});
afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  await t.stop();
});

async function open(agent: string): Promise<StreamReader> {
  const s = await openNotifications(t.sb.url, agent);
  streams.push(s);
  await s.take('AgentStateChanged');
  return s;
}

/** A chat on `queue` that `agent` (Ready on that queue only) has accepted. */
async function handledBy(agent: string, queue: string): Promise<string> {
  await setReady(t, agent, 'Ready', [queue]);
  const id = await requestChat(t, { nickname: `Visitor of ${agent}`, endpoint: queue });
  await opOk(t, agent, id, { operationName: 'Accept', nickname: agent });
  return id;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const customerSays = (id: string, text: string) => t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text });

describe('the agent feed', () => {
  it('looks at a chat’s change only for the agent who sees it, and tells no one else', async () => {
    const mine = await handledBy('alice', 'Billing');
    const bobs = await handledBy('bob', 'Loans');
    const streamsOf = Object.fromEntries(await Promise.all(AGENTS.map(async ({ name }) => [name, await open(name)] as const)));
    await streamsOf.alice!.take('InteractionAdded', (d) => d.interaction.id === mine);
    const views = t.sb.stats().feedViews;
    for (let i = 1; i <= 10; i++) await customerSays(mine, `message ${i}`);
    for (let i = 1; i <= 10; i++) await streamsOf.alice!.take('MessageLogUpdated', (d) => d.messages[0].text === `message ${i}`);
    // One view per change (alice's), not one per connected agent.
    expect(t.sb.stats().feedViews - views).toBe(10);
    await sleep(100);
    for (const name of ['bob', 'carol', 'dave', 'erin']) {
      expect([name, streamsOf[name]!.events.filter((e) => e.data.includes(mine))]).toEqual([name, []]);
    }
    expect(streamsOf.bob!.events.filter((e) => e.event === 'InteractionAdded').map((e) => JSON.parse(e.data).interaction.id)).toEqual([bobs]);
  });

  it('sends the transcript once: an update carries the interaction without its messages', async () => {
    const id = await handledBy('alice', 'Billing');
    for (let i = 1; i <= 30; i++) await customerSays(id, `a fairly long line of chat number ${i}`);
    const s = await open('alice');
    const added = await s.take('InteractionAdded', (d) => d.interaction.id === id);
    expect(added.interaction.messages).toHaveLength(32);
    await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'UpdateUserData', userData: { Step: 'payment' } });
    const updated = await s.take('InteractionUpdated', (d) => d.interaction.id === id);
    expect(updated.interaction).not.toHaveProperty('messages');
    expect(updated.interaction).toMatchObject({ id, state: 'Chatting', userData: { Step: 'payment' } });
    const raw = s.events.find((e) => e.event === 'InteractionUpdated')!.data;
    expect(raw.length).toBeLessThan(600);
  });

  it('sends the agent’s state only when it changes, never because of others or of chats', async () => {
    const s = await open('alice');
    await setReady(t, 'bob', 'Ready');
    await setReady(t, 'carol', 'Ready', ['Loans']);
    const id = await requestChat(t, { nickname: 'Jane', endpoint: 'Billing' });
    await opOk(t, 'bob', id, { operationName: 'Accept', nickname: 'Bob' });
    await customerSays(id, 'hello');
    await sleep(150);
    expect(s.events.filter((e) => e.event === 'AgentStateChanged')).toHaveLength(1); // the snapshot only
    await setReady(t, 'alice', 'Ready', ['Loans']);
    expect((await s.take('AgentStateChanged')).user.queues.find((q: any) => q.name === 'Loans')).toEqual({ name: 'Loans', state: 'Ready' });
    expect(s.events.filter((e) => e.event === 'AgentStateChanged')).toHaveLength(2);
  });

  it('offers a waiting chat to every connected agent Ready on its queue, and withdraws it from the others on Accept', async () => {
    await setReady(t, 'alice', 'Ready', ['Billing']);
    await setReady(t, 'bob', 'Ready', ['Billing']);
    const [alice, bob, carol] = [await open('alice'), await open('bob'), await open('carol')];
    const id = await requestChat(t, { nickname: 'Jane', endpoint: 'Billing' });
    await alice.take('InteractionAdded', (d) => d.interaction.id === id);
    await bob.take('InteractionAdded', (d) => d.interaction.id === id);
    await opOk(t, 'alice', id, { operationName: 'Accept', nickname: 'Alice' });
    await bob.take('InteractionRemoved', (d) => d.interactionId === id);
    expect((await alice.take('InteractionUpdated', (d) => d.interaction.id === id)).interaction.state).toBe('Chatting');
    expect(carol.events.filter((e) => e.data.includes(id))).toEqual([]);
  });
});
