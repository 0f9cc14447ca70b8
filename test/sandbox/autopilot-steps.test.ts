/**
 * Autopilot steps that hand a chat on (transfer to a queue another autopilot serves, to a
 * human agent), and a script reloaded or switched off while its chats run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { viewOf } from './agent-helpers.ts';
import { autopilotState, gwsMessages, lines, quickScript, startWithScripts, waitFor } from './autopilot-helpers.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
afterEach(async () => {
  await t?.stop();
});

const newChat = async (queue = 'Billing') => (await t.customer('POST', '/api/v2/chats', { nickname: 'Jane', endpoint: queue, userData: { 'Page Name': 'Loans' } })).body.id as string;
const send = (id: string, text: string) => t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text });
const texts = async (id: string) => lines(await gwsMessages(t, id), ['Text']);
const textCount = (id: string, n: number) => waitFor(async () => (await texts(id)).length >= n, `${n} texts`);
const put = (name: string, source: string) => t.agent('alice', 'PUT', `/api/sandbox/autopilot/scripts/${name}`, { source });

describe('transfer steps', () => {
  const billing = quickScript(`
greeting: { say: Billing here. }
replies:
  - { keywords: [loan*], say: Over to Loans., then: [{ setUserData: { From: billing } }, { transfer: { queue: Loans } }] }
  - { keywords: [human], say: Finding a person., then: [{ transfer: { agent: alice } }] }
`);
  const loans = quickScript('greeting: { say: "Leo here, about {Page Name}." }', 'Loans', 'Leo');

  it('transfers to a queue, where that queue\'s autopilot accepts and greets', async () => {
    t = await startWithScripts({ 'billing.yaml': billing, 'loans.yaml': loans });
    const id = await newChat();
    await textCount(id, 1);
    await send(id, 'I need a loan');
    await textCount(id, 4);
    expect(lines(await gwsMessages(t, id))).toEqual([
      'Jane [ParticipantJoined]', 'Ava [ParticipantJoined]', 'Ava: Billing here.', 'Jane: I need a loan', 'Ava: Over to Loans.',
      'Ava [ParticipantLeft]', 'Leo [ParticipantJoined]', 'Leo: Leo here, about Loans.',
    ]);
    const log = t.snapshot().chat_log!.filter((r: any) => r.chat_id === id).map((r: any) => [r.kind, r.agent_name, r.detail]);
    expect(log).toEqual([
      ['requested', null, '{"queue":"Billing"}'],
      ['accepted', 'autopilot-billing', '{"nickname":"Ava","offer":"Queue"}'],
      ['user-data', 'autopilot-billing', '{"set":{"From":"billing"}}'],
      ['transferred', 'autopilot-billing', '{"queue":"Loans"}'],
      ['accepted', 'autopilot-loans', '{"nickname":"Leo","offer":"Queue"}'],
    ]);
    const chats = (await autopilotState(t)).chats;
    expect(chats.map((c: any) => [c.agent, c.state, c.reason])).toEqual(expect.arrayContaining([
      ['autopilot-loans', 'chatting', null], ['autopilot-billing', 'stopped', 'it transferred the chat to queue Loans'],
    ]));
  });

  it('transfers to a human agent, who is offered it alone', async () => {
    t = await startWithScripts({ 'billing.yaml': billing });
    const id = await newChat();
    await textCount(id, 1);
    await send(id, 'a human please');
    await waitFor(async () => (await viewOf(t, 'alice', id))?.state === 'Offered', 'the offer to alice');
    expect(await viewOf(t, 'alice', id)).toMatchObject({ offer: { kind: 'Transfer', from: 'autopilot-billing' } });
    expect(await viewOf(t, 'bob', id)).toBeUndefined();
    expect((await t.customer('GET', `/api/v2/chats/${id}`)).body.chat.state).toBe('WaitingForAgent');
  });
});

describe('a script reloaded while chats run', () => {
  const v1 = quickScript(`
replies:
  - { keywords: [slow], say: "${'slow answer from v1 '.repeat(3)}" }
  - { keywords: [ping], say: pong v1 }
typing: { pauseMs: 5, perCharacterMs: 10, minMs: 30, maxMs: 400 }
`).replace(/typing: \{ pauseMs: 5, perCharacterMs: 1, minMs: 30, maxMs: 60 \}\n/, '');

  it('applies to the next visitor message; the reply being typed and the chats themselves go on', async () => {
    t = await startWithScripts({ 'billing.yaml': v1 });
    const a = await newChat();
    const b = await newChat();
    await waitFor(async () => (await autopilotState(t)).chats.filter((c: any) => c.state === 'chatting').length === 2, 'both chats accepted');
    await send(a, 'slow please');
    await waitFor(async () => lines(await gwsMessages(t, a), ['TypingStarted']).length === 1, 'the autopilot to type');
    const saved = await put('billing.yaml', v1.replaceAll('v1', 'v2'));
    expect(saved.body).toMatchObject({ statusCode: 0, script: { name: 'billing.yaml', queue: 'Billing' } });
    await textCount(a, 2);
    expect((await texts(a))[1]).toBe(`Ava: ${'slow answer from v1 '.repeat(3).trim()}`);
    await send(a, 'ping');
    await send(b, 'ping');
    await textCount(a, 4);
    await textCount(b, 2);
    expect([(await texts(a))[3], (await texts(b))[1]]).toEqual(['Ava: pong v2', 'Ava: pong v2']);
    expect((await autopilotState(t)).chats.map((c: any) => c.state)).toEqual(['chatting', 'chatting']);
  });

  it('switched off, stops taking chats but answers those it is in with its last script', async () => {
    t = await startWithScripts({ 'billing.yaml': v1 });
    const a = await newChat();
    await waitFor(async () => (await autopilotState(t)).chats[0]?.state === 'chatting', 'the chat accepted');
    expect((await t.agent('alice', 'POST', '/api/sandbox/autopilot/queues/Billing', { script: null })).body).toMatchObject({ statusCode: 0, queue: { queue: 'Billing', script: null } });
    expect((await t.customer('GET', '/api/v2/queues/Billing/availability')).body.queue.readyAgents).toBe(0);
    const b = await newChat();
    await send(a, 'ping');
    await textCount(a, 2);
    expect((await texts(a))[1]).toBe('Ava: pong v1');
    await new Promise((r) => setTimeout(r, 150));
    expect(lines(await gwsMessages(t, b))).toEqual(['Jane [ParticipantJoined]']);
    // Switched on again, it picks up the chat that waited.
    expect((await t.agent('alice', 'POST', '/api/sandbox/autopilot/queues/Billing', { script: 'billing.yaml' })).body.statusCode).toBe(0);
    await waitFor(async () => lines(await gwsMessages(t, b)).includes('Ava [ParticipantJoined]'), 'the waiting chat accepted');
  });
});

describe('a restart', () => {
  it('resumes the chats the autopilot was in: no second greeting, the next message answered', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'beckon-autopilot-resume-'));
    try {
      const script = quickScript('greeting: { say: Hello. }\nreplies: [{ keywords: [ping], say: pong }]');
      t = await startWithScripts({ 'billing.yaml': script }, { dataDir });
      const id = await newChat();
      await textCount(id, 1);
      await t.stop();
      t = await startTestSandbox({ dataDir }); // the stored script is switched on again
      await send(id, 'ping');
      await textCount(id, 3);
      expect(await texts(id)).toEqual(['Ava: Hello.', 'Jane: ping', 'Ava: pong']);
      expect((await autopilotState(t)).chats.map((c: any) => [c.chatId, c.state, c.nickname])).toEqual([[id, 'chatting', 'Ava']]);
    } finally {
      await t.stop();
      t = undefined as unknown as TestSandbox;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
