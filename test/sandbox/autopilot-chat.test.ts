/**
 * An autopilot chat from accept to end, driven from the customer side over HTTP in both
 * dialects (GWS and GMS): greeting with placeholders, typing before each message, keyword
 * replies, a setUserData step, the fallback, ending by script, by the visitor, and after quiet.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { viewOf } from './agent-helpers.ts';
import { autopilotState, gwsMessages, lines, quickScript, startWithScripts, waitFor } from './autopilot-helpers.ts';
import { gmsClient, type Session } from './gms-helpers.ts';
import type { TestSandbox } from './helpers.ts';

const SCRIPT = quickScript(`
greeting:
  say: ["Hi {FirstName|there}, you are on {Page Name}.", "How can I help?"]
replies:
  - keywords: [fee*]
    say: Fee waived for {Account}.
    then: [{ setUserData: { Outcome: "fee waived on {Page Name}" } }]
  - keywords: [bye]
    say: Goodbye!
    then: [{ end: true }]
fallback: { say: "Sorry, I only know about fees." }
endWhenQuiet: { after: 0.4, say: Closing this chat now. }
`);

let t: TestSandbox;
afterEach(async () => {
  await t?.stop();
});

const gwsSend = (id: string, text: string) => t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text });
const textsOf = async (id: string) => lines(await gwsMessages(t, id), ['Text']);

describe('an autopilot chat over GWS', () => {
  it('accepts, greets, types before every message, replies, sets user data and ends the chat', async () => {
    t = await startWithScripts({ 'billing.yaml': SCRIPT });
    const state = await autopilotState(t);
    expect(state.queues.find((q: any) => q.queue === 'Billing')).toMatchObject({ agent: 'autopilot-billing', script: 'billing.yaml', nickname: 'Ava', on: true });
    // A queue the autopilot serves counts as staffed for the extension's availability check.
    expect((await t.customer('GET', '/api/v2/queues/Billing/availability')).body.queue).toEqual({ name: 'Billing', readyAgents: 1 });

    const id = (await t.customer('POST', '/api/v2/chats', { nickname: 'Jane', endpoint: 'Billing', userData: { 'Page Name': 'Bill Payment' } })).body.id;
    await waitFor(async () => (await textsOf(id)).length === 2, 'the greeting');
    const greeted = await gwsMessages(t, id);
    expect(lines(greeted, ['ParticipantJoined', 'TypingStarted', 'Text'])).toEqual([
      'Jane [ParticipantJoined]', 'Ava [ParticipantJoined]', 'Ava [TypingStarted]', 'Ava: Hi there, you are on Bill Payment.',
      'Ava [TypingStarted]', 'Ava: How can I help?',
    ]);
    expect(greeted[1].from.type).toBe('Agent');
    // The typing notice comes first, the message after the (floor of the) typing delay.
    expect(greeted[3].utcTime - greeted[2].utcTime).toBeGreaterThanOrEqual(25);

    await gwsSend(id, 'What about the late FEES?');
    await waitFor(async () => (await textsOf(id)).length === 4, 'the fee reply');
    await gwsSend(id, 'and the weather?');
    await waitFor(async () => (await textsOf(id)).length === 6, 'the fallback');
    expect((await textsOf(id)).slice(2)).toEqual([
      'Jane: What about the late FEES?', 'Ava: Fee waived for {Account}.', 'Jane: and the weather?', 'Ava: Sorry, I only know about fees.',
    ]);
    // setUserData went through the agent API: agents see it, the customer's own reads do not.
    await waitFor(async () => (await t.agent('alice', 'GET', `/api/sandbox/autopilot/chats/${id}`)).body.chat?.userData.Outcome, 'the user data step');
    expect((await t.agent('alice', 'GET', `/api/sandbox/autopilot/chats/${id}`)).body.chat.userData).toEqual({ 'Page Name': 'Bill Payment', Outcome: 'fee waived on Bill Payment' });
    expect((await t.customer('GET', `/api/v2/chats/${id}/userdata`)).body.userData).toEqual({ 'Page Name': 'Bill Payment' });

    await gwsSend(id, 'ok bye');
    await waitFor(async () => (await t.customer('GET', `/api/v2/chats/${id}`)).body.chat.state === 'Idle', 'the end of the chat');
    const chat = (await t.customer('GET', `/api/v2/chats/${id}`)).body.chat;
    expect([chat.capabilities, chat.participants.map((p: any) => p.nickname)]).toEqual([['Complete'], ['Jane']]);
    expect(lines(await gwsMessages(t, id)).slice(-2)).toEqual(['Ava: Goodbye!', 'Ava [ParticipantLeft]']);
    expect((await autopilotState(t)).chats).toEqual([expect.objectContaining({ chatId: id, state: 'stopped', reason: 'it ended the chat', nickname: 'Ava', visitor: 'Jane' })]);
    expect(t.sb.stats()).toMatchObject({ autopilotChats: 0, autopilotTimers: 0 });
  });

  it('closes the chat after the visitor goes quiet, and its side when the visitor leaves', async () => {
    t = await startWithScripts({ 'billing.yaml': SCRIPT });
    const quiet = (await t.customer('POST', '/api/v2/chats', { nickname: 'Jo', endpoint: 'Billing', userData: { 'Page Name': 'Home' } })).body.id;
    const leaves = (await t.customer('POST', '/api/v2/chats', { nickname: 'Max', endpoint: 'Billing', userData: { 'Page Name': 'Home' } })).body.id;
    await waitFor(async () => (await textsOf(leaves)).length === 2, 'the greeting');
    await t.customer('POST', `/api/v2/chats/${leaves}`, { operationName: 'Complete' });
    await waitFor(async () => (await t.customer('GET', `/api/v2/chats/${quiet}`)).body.chat.state === 'Idle', 'the quiet end', 4000);
    expect((await textsOf(quiet)).at(-1)).toBe('Ava: Closing this chat now.');
    const chats = (await autopilotState(t)).chats;
    expect(Object.fromEntries(chats.map((c: any) => [c.visitor, c.reason]))).toEqual({
      Jo: 'it closed the chat after the visitor went quiet', Max: 'the visitor left',
    });
    // It closed its side of the chat the visitor left (StopProcessing), as an agent does.
    expect(await viewOf(t, 'alice', leaves)).toBeUndefined();
    expect(t.snapshot().chat_agents).toEqual(expect.arrayContaining([expect.objectContaining({ chat_id: leaves, agent_name: 'autopilot-billing', status: 'Done' })]));
    expect(t.sb.stats()).toMatchObject({ autopilotChats: 0, autopilotTimers: 0 });
  });
});

describe('an autopilot chat over GMS', () => {
  const { start, call } = gmsClient(() => t);
  const texts = async (s: Session) => lines((await call(s, 'refresh')).body.messages, ['Message']);

  it('answers a GMS visitor the same way, until the visitor disconnects', async () => {
    t = await startWithScripts({ 'billing.yaml': SCRIPT });
    const s = await start({ firstName: 'Jane', lastName: 'Doe', endpoint: 'Billing', 'userData[Page Name]': 'Loans' });
    await waitFor(async () => (await texts(s)).length === 2, 'the greeting');
    await call(s, 'send', { message: 'a fee question' });
    await waitFor(async () => (await texts(s)).length === 4, 'the reply');
    const all = (await call(s, 'refresh')).body.messages as any[];
    expect(lines(all, ['ParticipantJoined', 'TypingStarted', 'Message'])).toEqual([
      'Jane Doe [ParticipantJoined]', 'Ava [ParticipantJoined]', 'Ava [TypingStarted]', 'Ava: Hi Jane, you are on Loans.', 'Ava [TypingStarted]',
      'Ava: How can I help?', 'Jane Doe: a fee question', 'Ava [TypingStarted]', 'Ava: Fee waived for {Account}.',
    ]);
    expect(all.find((m) => m.from.nickname === 'Ava').from.type).toBe('Agent');
    await call(s, 'disconnect');
    await waitFor(async () => (await autopilotState(t)).chats[0]?.reason === 'the visitor left', 'the autopilot to close its side');
    await waitFor(() => t.sb.stats().autopilotTimers === 0, 'no timer left');
  });
});
