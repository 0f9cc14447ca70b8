/**
 * A human takes a chat over from the autopilot: the visitor sees the human join and the
 * autopilot leave (a warm transfer), the autopilot stops on that chat and the console says so;
 * also while it still rings, during a conference, and the refusals.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { op, opOk, viewOf } from './agent-helpers.ts';
import { autopilotState, gwsMessages, lines, quickScript, startWithScripts, waitFor } from './autopilot-helpers.ts';
import { setReady, type TestSandbox } from './helpers.ts';

const SCRIPT = quickScript(`
greeting: { say: Hi! }
replies:
  - { keywords: [colleague], say: Bringing in a colleague., then: [{ conference: bob }] }
fallback: { say: "Echo." }
`);

let t: TestSandbox;
afterEach(async () => {
  await t?.stop();
});

const newChat = async () => (await t.customer('POST', '/api/v2/chats', { nickname: 'Jane', endpoint: 'Billing' })).body.id as string;
const send = (id: string, text: string) => t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text });
const takeOver = (id: string, agent = 'alice', nickname = 'Alice') => t.agent(agent, 'POST', `/api/sandbox/autopilot/chats/${id}/takeover`, { nickname });
const greeted = (id: string) => waitFor(async () => lines(await gwsMessages(t, id), ['Text']).length === 1, 'the greeting');

describe('take over', () => {
  it('hands the chat to the human as a warm transfer; the autopilot stops and the console says so', async () => {
    t = await startWithScripts({ 'billing.yaml': SCRIPT });
    const id = await newChat();
    await greeted(id);
    const r = await takeOver(id);
    expect(r.body).toEqual({ statusCode: 0 });
    expect(lines(await gwsMessages(t, id))).toEqual(['Jane [ParticipantJoined]', 'Ava [ParticipantJoined]', 'Ava: Hi!', 'Alice [ParticipantJoined]', 'Ava [ParticipantLeft]']);
    expect((await t.customer('GET', `/api/v2/chats/${id}`)).body.chat).toMatchObject({ state: 'Chatting', participants: [{ nickname: 'Jane' }, { nickname: 'Alice' }] });
    expect(await viewOf(t, 'alice', id)).toMatchObject({ state: 'Chatting', role: 'Primary' });
    expect((await autopilotState(t)).chats).toEqual([expect.objectContaining({ chatId: id, state: 'stopped', reason: 'alice took the chat over' })]);
    expect(t.snapshot().chat_log).toEqual(expect.arrayContaining([expect.objectContaining({ chat_id: id, kind: 'taken-over', agent_name: 'alice', detail: '{"from":"autopilot-billing"}' })]));

    // The autopilot no longer answers; the human does.
    await send(id, 'hello?');
    await new Promise((r) => setTimeout(r, 200));
    expect(lines(await gwsMessages(t, id), ['Text']).at(-1)).toBe('Jane: hello?');
    await opOk(t, 'alice', id, { operationName: 'SendMessage', text: 'Alice here.' });
    expect(t.sb.stats()).toMatchObject({ autopilotChats: 0, autopilotTimers: 0 });
  });

  it('takes a chat that is still ringing for the autopilot, which then never accepts it', async () => {
    t = await startWithScripts({ 'billing.yaml': SCRIPT.replace('after: 0.05', 'after: 0.5') });
    const id = await newChat();
    await waitFor(async () => (await autopilotState(t)).chats[0]?.state === 'ringing', 'the chat to ring');
    const notReady = await takeOver(id);
    expect([notReady.status, notReady.body.statusMessage]).toEqual([409, "Set yourself Ready on queue 'Billing' to take this chat: the autopilot has not accepted it yet."]);
    await setReady(t, 'alice', 'Ready', ['Billing']);
    expect((await takeOver(id)).body).toEqual({ statusCode: 0 });
    await new Promise((r) => setTimeout(r, 700));
    expect(lines(await gwsMessages(t, id))).toEqual(['Jane [ParticipantJoined]', 'Alice [ParticipantJoined]']);
    expect(t.sb.stats().autopilotTimers).toBe(0);
  });

  it('leaves a conference to the human: a conference step brings bob in, the autopilot goes silent, bob takes over', async () => {
    t = await startWithScripts({ 'billing.yaml': SCRIPT });
    const id = await newChat();
    await greeted(id);
    await send(id, 'can I talk to a colleague');
    await waitFor(async () => (await viewOf(t, 'bob', id))?.offer?.kind === 'Consultation', 'the consultation offer');
    await opOk(t, 'bob', id, { operationName: 'Accept', nickname: 'Bob' });
    await waitFor(async () => (await t.customer('GET', `/api/v2/chats/${id}`)).body.chat.participants.length === 3, 'the conference');
    await send(id, 'anyone?');
    await new Promise((r) => setTimeout(r, 200));
    expect(lines(await gwsMessages(t, id), ['Text']).at(-1)).toBe('Jane: anyone?'); // the autopilot does not talk over bob
    expect((await takeOver(id, 'bob', 'Bob')).body).toEqual({ statusCode: 0 });
    expect(lines(await gwsMessages(t, id)).slice(-1)).toEqual(['Ava [ParticipantLeft]']);
    expect(await viewOf(t, 'bob', id)).toMatchObject({ state: 'Chatting', role: 'Conference' });
  });

  it('refuses what it cannot take over, changing nothing', async () => {
    t = await startWithScripts({ 'billing.yaml': SCRIPT });
    const id = await newChat();
    await greeted(id);
    const human = await newChat();
    await greeted(human);
    const before = t.snapshot();
    const cases: [Promise<any>, number, number, RegExp][] = [
      [takeOver('nope'), 404, 6, /^Chat 'nope' does not exist\.$/],
      [takeOver(id, 'alice', ''), 400, 10, /nickname/],
      [t.agent('alice', 'POST', `/api/sandbox/autopilot/chats/${id}/takeover`, {}), 400, 1, /^Required parameter 'nickname' is missing\.$/],
      [t.agent('alice', 'POST', `/api/sandbox/autopilot/chats/${id}/takeover`, { nickname: 'A' }, { Authorization: 'Basic eDp5' }), 401, 20, /Not authenticated/],
      [t.agent('alice', 'POST', `/api/sandbox/autopilot/chats/${id}/takeover`, { nickname: 'A' }, { Origin: 'https://evil.example' }), 403, 3, /Cross-origin/],
    ];
    for (const [reply, status, code, message] of cases) {
      const r = await reply;
      expect([r.status, r.body]).toEqual([status, { statusCode: code, statusMessage: expect.stringMatching(message) }]);
    }
    expect(t.snapshot()).toEqual(before);
    // A chat the autopilot handed over already is the human's: nothing left to take over.
    await takeOver(human);
    const again = await takeOver(human, 'bob', 'Bob');
    expect([again.status, again.body.statusMessage]).toEqual([404, `The autopilot is not in chat '${human}'.`]);
    const ended = await newChat();
    await greeted(ended);
    await t.customer('POST', `/api/v2/chats/${ended}`, { operationName: 'Complete' });
    expect((await takeOver(ended)).body.statusMessage).toBe(`Chat '${ended}' has ended; there is nothing to take over.`);
    expect((await op(t, 'alice', id, { operationName: 'SendMessage', text: 'x' })).body.statusCode).toBe(5);
  });
});
