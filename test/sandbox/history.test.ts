/** RequestChatHistory: the transcript, pushed as a ChatHistory event to the asking agent only. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { op, opOk } from './agent-helpers.ts';
import { acceptedChat, openNotifications, startTestSandbox, type StreamReader, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
let id: string;
const streams: StreamReader[] = [];
beforeEach(async () => {
  t = await startTestSandbox();
  id = await acceptedChat(t, 'alice', 'Alice');
  await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: 'Hello' });
  await opOk(t, 'alice', id, { operationName: 'SendMessage', text: 'Hi Jane' });
});
afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  await t.stop();
});

async function open(agent: string) {
  const s = await openNotifications(t.sb.url, agent);
  streams.push(s);
  await s.take('AgentStateChanged');
  return s;
}

describe('RequestChatHistory', () => {
  it('pushes the whole transcript, or from eventId on, to the asking agent', async () => {
    const alice = await open('alice');
    const bob = await open('bob');
    expect((await op(t, 'alice', id, { operationName: 'RequestChatHistory' })).body).toEqual({ statusCode: 0 });
    const all = await alice.take('ChatHistory');
    expect(all.interactionId).toBe(id);
    expect(all.messages.map((m: any) => [m.index, m.type, m.text, m.visibility])).toEqual([
      [1, 'ParticipantJoined', undefined, 'All'], [2, 'ParticipantJoined', undefined, 'All'], [3, 'Text', 'Hello', 'All'], [4, 'Text', 'Hi Jane', 'All'],
    ]);
    await opOk(t, 'alice', id, { operationName: 'RequestChatHistory', eventId: 3 });
    expect((await alice.take('ChatHistory')).messages.map((m: any) => m.index)).toEqual([3, 4]);
    await opOk(t, 'alice', id, { operationName: 'RequestChatHistory', eventId: '4' });
    expect((await alice.take('ChatHistory')).messages.map((m: any) => m.index)).toEqual([4]);
    await new Promise((r) => setTimeout(r, 100));
    expect(bob.events.filter((e) => e.event === 'ChatHistory')).toEqual([]);
  });

  it('works on a chat the customer left, until StopProcessing', async () => {
    const alice = await open('alice');
    await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'Complete' });
    await opOk(t, 'alice', id, { operationName: 'RequestChatHistory', eventId: 5 });
    expect((await alice.take('ChatHistory')).messages.map((m: any) => m.type)).toEqual(['ParticipantLeft']);
    await opOk(t, 'alice', id, { operationName: 'StopProcessing' });
    expect((await op(t, 'alice', id, { operationName: 'RequestChatHistory' })).body.statusCode).toBe(2);
  });

  it.each([
    ['a negative eventId', 'alice', { eventId: -1 }, 400, 10, /'eventId': must be a message index/],
    ['a text eventId', 'alice', { eventId: 'first' }, 400, 10, /'eventId': must be a message index/],
    ['another agent’s chat', 'bob', {}, 403, 5, /handled by another agent/],
  ])('refuses %s', async (_name, agent, extra, status, code, message) => {
    const r = await op(t, agent, id, { operationName: 'RequestChatHistory', ...extra });
    expect([r.status, r.body]).toEqual([status, { statusCode: code, statusMessage: expect.stringMatching(message) }]);
  });
});
