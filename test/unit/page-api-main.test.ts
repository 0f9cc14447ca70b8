// @vitest-environment happy-dom
/**
 * The main-world objects of the page API (seed 001 `pega.chat.proactiveChat`, seed 002
 * `chat`), over a scripted channel standing in for Beckon's relay: what a page can call, what
 * it gets back, what it is refused, and that a page's own `pega` and `chat` survive.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageChannel } from '../../src/content/page-api/channel';
import { deferred, type SeedPromise } from '../../src/content/page-api/deferred';
import { installPageApi } from '../../src/content/page-api/install';
import { OFFER_EVENT, type ChatApiEvent, type PageApiCall, type PageApiPush } from '../../src/protocol/page-api';

type Win = Window & Record<string, unknown>;
type Api = { startChat(o?: unknown): SeedPromise<Session>; startSession(o?: unknown): SeedPromise<Session>; restoreSession(o?: unknown): SeedPromise<Session> };
type Session = Record<string, (arg?: unknown) => unknown> & { sessionId: string };

/** A channel whose answers the test gives; it records every call. */
function scriptedChannel(answer: (c: PageApiCall) => { ok: true; value?: unknown } | { ok: false; error: { code: number; description: string } }) {
  const calls: PageApiCall[] = [];
  const listeners: ((p: PageApiPush) => void)[] = [];
  const channel: PageChannel = {
    call(request) {
      calls.push(request);
      const d = deferred<unknown>();
      const a = answer(request);
      if (a.ok) d.resolve(a.value);
      else d.reject({ error: a.error });
      return d.promise;
    },
    onPush: (l) => void listeners.push(l),
  };
  return { channel, calls, push: (p: PageApiPush) => listeners.forEach((l) => l(p)) };
}

const agent = { id: 'agent:Alice', name: 'Alice', type: { agent: true as const } };
const joined: ChatApiEvent = { kind: 'agentConnected', party: agent, index: 2, timestamp: 1 };
const said: ChatApiEvent = { kind: 'messageReceived', party: agent, content: { text: 'Hello', type: 'text' }, index: 3, timestamp: 2 };

let win: Win;
beforeEach(() => {
  win = window as unknown as Win;
  delete win.pega;
  delete win.chat;
  delete win.beckonChat;
});

describe('seed 001: pega.chat.proactiveChat', () => {
  it('offers with the seed\'s arguments, answers accept and decline, and returns nothing', () => {
    const { channel, calls } = scriptedChannel(() => ({ ok: true }));
    installPageApi(win, channel);
    const pc = (win.pega as { chat: { proactiveChat: Record<string, (...a: unknown[]) => unknown> } }).chat.proactiveChat;
    expect(pc.offer!('Billing', { 'Page Name': 'Bill Payment', 'Time spent on page': '5 mins' }, false)).toBeUndefined();
    pc.accept!();
    pc.decline!();
    expect(calls).toEqual([
      { call: 'offer', queue: 'Billing', metadata: { 'Page Name': 'Bill Payment', 'Time spent on page': '5 mins' }, defaultUi: false },
      { call: 'accept' },
      { call: 'decline' },
    ]);
  });

  it('refuses bad metadata with a console error and sends nothing', () => {
    const { channel, calls } = scriptedChannel(() => ({ ok: true }));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    installPageApi(win, channel);
    const pc = (win.pega as { chat: { proactiveChat: Record<string, (...a: unknown[]) => unknown> } }).chat.proactiveChat;
    pc.offer!('Billing', { 'Page Name': 12 }, true);
    pc.offer!('Billing', { big: 'x'.repeat(10_000) }, true);
    expect(calls).toEqual([]);
    expect(error.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/offer refused: metadata\["Page Name"\] must be a string, not number/),
      expect.stringMatching(/offer refused: metadata\["big"\] is 10000 characters; at most 500/),
    ]);
    error.mockRestore();
  });

  it('extends a page\'s own pega and leaves its chat alone (the API is then window.beckonChat)', () => {
    const own = { version: '8.7', chat: { other: 1 } };
    const pageChat = { mine: true };
    win.pega = own;
    win.chat = pageChat;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    installPageApi(win, scriptedChannel(() => ({ ok: true })).channel);
    expect(win.pega).toBe(own);
    expect(own.version).toBe('8.7');
    expect(own.chat).toMatchObject({ other: 1, proactiveChat: expect.any(Object) });
    expect(win.chat).toBe(pageChat);
    expect(typeof (win.beckonChat as Api).startChat).toBe('function');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/window.chat already exists.*window.beckonChat/));
    warn.mockRestore();
  });

  it('dispatches what became of an offer as a DOM event on window', () => {
    const { channel, push } = scriptedChannel(() => ({ ok: true }));
    installPageApi(win, channel);
    const seen: unknown[] = [];
    win.addEventListener(OFFER_EVENT, (e) => seen.push((e as CustomEvent).detail));
    push({ type: 'offer', state: 'suppressed', queue: 'Billing', reason: 'no agent is ready on the queue' });
    expect(seen).toEqual([{ state: 'suppressed', queue: 'Billing', reason: 'no agent is ready on the queue' }]);
  });
});

describe('seed 002: chat', () => {
  it('runs the seed example: nothing to restore fails without an error, then startChat gives a session', () => {
    const { channel, calls } = scriptedChannel((c) => (c.call === 'restore' ? { ok: true, value: null } : { ok: true, value: 'chat-1' }));
    installPageApi(win, channel);
    const chat = win.chat as Api;
    const sessions: Session[] = [];
    const failures: unknown[] = [];
    chat.restoreSession().done((s) => sessions.push(s)).fail((event) => {
      failures.push(event);
      chat.startChat({ serverUrl: 'http://www.example.com/backend/cometd/' }).done((s) => sessions.push(s));
    });
    expect(failures).toEqual([{}]);
    expect(sessions.map((s) => s.sessionId)).toEqual(['chat-1']);
    expect(calls.map((c) => c.call)).toEqual(['restore', 'startChat']);
  });

  it('memorizes callbacks: a late subscriber gets earlier events, in order, with restored', () => {
    const { channel, push } = scriptedChannel(() => ({ ok: true, value: 'chat-1' }));
    installPageApi(win, channel);
    let session!: Session;
    (win.chat as Api).startChat().done((s) => (session = s));
    push({ type: 'chat', chatId: 'chat-1', events: [joined, said], restored: false });
    const messages: unknown[] = [];
    const agents: unknown[] = [];
    session.onMessageReceived!((e: unknown) => messages.push(e));
    session.onAgentConnected!((e: unknown) => agents.push(e));
    push({ type: 'chat', chatId: 'chat-1', events: [{ ...said, index: 4, content: { text: 'Anything else?', type: 'text' } }], restored: false });
    expect(messages).toEqual([
      { party: agent, content: { text: 'Hello', type: 'text' }, index: 3, timestamp: 2, restored: false },
      { party: agent, content: { text: 'Anything else?', type: 'text' }, index: 4, timestamp: 2, restored: false },
    ]);
    expect(agents).toEqual([{ party: agent, index: 2, timestamp: 1, restored: false }]);
  });

  it('writes the state to the page\'s stateStorage and reads it on restore', () => {
    const { channel, push } = scriptedChannel((c) => ({ ok: true, value: c.call === 'restore' ? 'chat-1' : 'chat-1' }));
    installPageApi(win, channel);
    const written: unknown[] = [];
    const storage = { write: (s: unknown) => written.push(s), read: vi.fn(() => written.at(-1)) };
    (win.chat as Api).startSession({ serverUrl: 'http://gms.example/cometd', stateStorage: storage });
    push({ type: 'chat', chatId: 'chat-1', events: [joined, said], restored: false });
    expect(written.at(-1)).toEqual({ sessionId: 'chat-1', chatServerUrl: 'http://gms.example/cometd', lastIndex: 3 });
    (win.chat as Api).restoreSession({ stateStorage: storage });
    expect(storage.read).toHaveBeenCalledOnce();
  });

  it('refuses bad commands before they leave the page, with error.code and error.description', () => {
    const { channel, calls } = scriptedChannel(() => ({ ok: true, value: 'chat-1' }));
    installPageApi(win, channel);
    let session!: Session;
    (win.chat as Api).startChat().done((s) => (session = s));
    const errors: unknown[] = [];
    const fail = (p: unknown) => (p as SeedPromise<unknown>).fail((e) => errors.push(e.error));
    fail(session.sendMessage!(''));
    fail(session.sendMessage!({ message: 'x'.repeat(4_001) }));
    fail(session.setUserData!({ a: 1 }));
    fail(session.getUserData!(7));
    fail(session.getTranscript!({ fromIndex: -1 }));
    fail((win.chat as Api).startChat({ userData: 'not an object' }));
    expect(errors).toEqual(Array.from({ length: 6 }, () => ({ code: 400, description: expect.any(String) })));
    expect(calls.map((c) => c.call)).toEqual(['startChat']);
  });

  it('hands the background\'s refusal to .fail as the seed\'s error, and then() works too', async () => {
    const { channel } = scriptedChannel(() => ({ ok: false, error: { code: 200, description: 'A chat is already running on this page.' } }));
    installPageApi(win, channel);
    await expect((win.chat as Api).startChat().then(() => 'started')).rejects.toEqual({ error: { code: 200, description: 'A chat is already running on this page.' } });
  });
});
