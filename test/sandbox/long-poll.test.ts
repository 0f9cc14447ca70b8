/**
 * Long-poll GetMessages (`?wait=ms`, a Sandbox extra): held until something new for the
 * customer, the wait, a disconnect or shutdown; advertised in capabilities and a header.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opOk } from './agent-helpers.ts';
import { acceptedChat, requestChat, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
let id: string;
beforeEach(async () => {
  t = await startTestSandbox();
  id = await acceptedChat(t, 'alice', 'Alice');
  await t.customer('GET', `/api/v2/chats/${id}/messages`); // read everything so far
});
afterEach(async () => {
  await t.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const poll = (query: string, init: RequestInit = {}) =>
  fetch(`${t.sb.url}/api/v2/chats/${id}/messages?${query}`, { headers: { ContactCenterId: t.sb.contactCenterId }, ...init });
const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(10);
  }
};

describe('long-poll', () => {
  it('is advertised: capability LongPoll while open and X-Beckon-LongPoll on every customer reply', async () => {
    const chat = await t.customer('GET', `/api/v2/chats/${id}`);
    expect(chat.body.chat.capabilities).toContain('LongPoll');
    expect(chat.headers.get('x-beckon-longpoll')).toBe('25000');
    expect((await t.customer('GET', '/api/v2/chats/nope')).headers.get('x-beckon-longpoll')).toBe('25000');
    const ext = await t.customer('GET', `/api/v2/chats/${id}`, undefined, { Origin: 'chrome-extension://abcdefghijklmnop' });
    expect(ext.headers.get('access-control-expose-headers')).toBe('X-Beckon-LongPoll');
    expect((await t.agent('alice', 'GET', '/api/v2/me')).headers.get('x-beckon-longpoll')).toBeNull();
    await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'Complete' });
    expect((await t.customer('GET', `/api/v2/chats/${id}`)).body.chat.capabilities).toEqual([]);
  });

  it('answers as soon as a message is appended, and moves the cursor', async () => {
    const started = Date.now();
    const held = poll('wait=10000');
    await sleep(200);
    await opOk(t, 'alice', id, { operationName: 'SendMessage', text: 'Here I am' });
    const body = await (await held).json();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect([body.statusCode, body.chatEnded, body.messages.map((m: any) => m.text)]).toEqual([0, false, ['Here I am']]);
    expect((await t.customer('GET', `/api/v2/chats/${id}/messages`)).body.messages).toEqual([]);
  });

  it('answers at once when there is already something new', async () => {
    await opOk(t, 'alice', id, { operationName: 'SendMessage', text: 'Waiting for you' });
    const started = Date.now();
    const body = await (await poll('wait=10000')).json();
    expect(Date.now() - started).toBeLessThan(500);
    expect(body.messages.map((m: any) => m.text)).toEqual(['Waiting for you']);
  });

  it('with index, waits for a message at or after that index', async () => {
    const held = poll('index=4&wait=5000');
    await opOk(t, 'alice', id, { operationName: 'SendMessage', text: 'three' }); // index 3: not enough
    await sleep(100);
    await opOk(t, 'alice', id, { operationName: 'SendMessage', text: 'four' });
    expect((await (await held).json()).messages.map((m: any) => [m.index, m.text])).toEqual([[4, 'four']]);
  });

  it('replies with no messages when the wait elapses, and ignores agents-only messages', async () => {
    await opOk(t, 'alice', id, { operationName: 'SendMessage', text: 'note to self', visibility: 'Agents' });
    const started = Date.now();
    const body = await (await poll('wait=300')).json();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(body).toEqual({ messages: [], chatEnded: false, statusCode: 0 });
  });

  it('answers when the chat ends', async () => {
    const held = poll('wait=10000');
    await sleep(50);
    await opOk(t, 'alice', id, { operationName: 'StopProcessing' });
    const body = await (await held).json();
    expect([body.chatEnded, body.messages.map((m: any) => m.type)]).toEqual([true, ['ParticipantLeft']]);
  });

  it('leaks nothing when the client disconnects, and loses no message', async () => {
    const baseline = t.sb.stats().chatListeners;
    const abort = new AbortController();
    const held = poll('wait=20000', { signal: abort.signal }).catch(() => 'aborted');
    await until(() => t.sb.stats().heldLongPolls === 1);
    expect(t.sb.stats().chatListeners).toBe(baseline); // held polls share one listener
    abort.abort();
    expect(await held).toBe('aborted');
    await until(() => t.sb.stats().heldLongPolls === 0);
    const wakeups = t.sb.stats().longPollWakeups;
    await opOk(t, 'alice', id, { operationName: 'SendMessage', text: 'after the abort' });
    expect(t.sb.stats().longPollWakeups).toBe(wakeups); // the gone request is not looked at
    expect((await t.customer('GET', `/api/v2/chats/${id}/messages`)).body.messages.map((m: any) => m.text)).toEqual(['after the abort']);
  });

  it('answers held requests promptly when the Sandbox closes', async () => {
    const held = poll('wait=20000');
    await until(() => t.sb.stats().heldLongPolls === 1);
    const started = Date.now();
    await t.sb.close();
    const res = await held;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await res.json()).toEqual({ messages: [], chatEnded: false, statusCode: 0 });
    expect(t.sb.stats().heldLongPolls).toBe(0);
  });

  it('wakes only the long-polls of the chat that changed, through one listener for all', async () => {
    const baseline = t.sb.stats().chatListeners;
    const others = await Promise.all(Array.from({ length: 20 }, (_, i) => requestChat(t, { nickname: `Other ${i}` })));
    for (const other of others) await t.customer('GET', `/api/v2/chats/${other}/messages`);
    const heldOthers = others.map((other) =>
      fetch(`${t.sb.url}/api/v2/chats/${other}/messages?wait=3000`, { headers: { ContactCenterId: t.sb.contactCenterId } }).then(() => Date.now()));
    const mine = poll('wait=10000');
    await until(() => t.sb.stats().heldLongPolls === 21);
    expect(t.sb.stats().chatListeners).toBe(baseline);
    const before = t.sb.stats().longPollWakeups;
    const sentAt = Date.now();
    await opOk(t, 'alice', id, { operationName: 'SendMessage', text: 'just for you' });
    expect((await (await mine).json()).messages.map((m: any) => m.text)).toEqual(['just for you']);
    expect(t.sb.stats().longPollWakeups - before).toBe(1);
    expect(t.sb.stats().heldLongPolls).toBe(20);
    // The others were not answered by that message: they run to their wait.
    for (const answeredAt of await Promise.all(heldOthers)) expect(answeredAt - sentAt).toBeGreaterThan(1500);
  });

  it.each([
    ['a text wait', 'wait=soon', /^Invalid parameter 'wait': must be a number of milliseconds/],
    ['a negative wait', 'wait=-5', /'wait': must be a number of milliseconds/],
    ['a wait over 25000', 'wait=25001', /^Invalid parameter 'wait': must be at most 25000 \(milliseconds\)\.$/],
  ])('refuses %s with code 10', async (_name, query, message) => {
    const r = await t.customer('GET', `/api/v2/chats/${id}/messages?${query}`);
    expect([r.status, r.body]).toEqual([400, { statusCode: 10, statusMessage: expect.stringMatching(message) }]);
  });

  it('answers an unknown chat at once with code 6', async () => {
    const started = Date.now();
    const r = await t.customer('GET', '/api/v2/chats/nope/messages?wait=10000');
    expect([r.status, r.body.statusCode, Date.now() - started < 1000]).toEqual([404, 6, true]);
  });

  it('treats wait=0 as an ordinary read', async () => {
    const other = await requestChat(t, { nickname: 'Other' });
    const r = await t.customer('GET', `/api/v2/chats/${other}/messages?wait=0`);
    expect(r.body.messages.map((m: any) => m.type)).toEqual(['ParticipantJoined']);
  });
});
