/**
 * GMS adapter wire details the contract suite cannot see on the Sandbox: the form bodies,
 * credentials repeated on every call, a changed alias followed (and carried by the session
 * token), the transcript position as cursor, and how GMS codes map to BackendError.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGmsBackend } from '../../src/backends/gms';
import { BackendError } from '../../src/backends/types';
import { fakeServer, type Answer, type FakeServer, type Seen } from './backends.fake-server';

const CREDS = { userId: 'U1', secureKey: 'K1', alias: 'A1' };
const request = { nickname: 'Jane', subject: 'Bills', queue: 'Billing', userData: { 'Page Name': 'Bill Payment', 'a&b=c[d]': 'x y' } };
const msg = (index: number, type: string, fromType: string, text?: string) =>
  ({ index, type, from: { nickname: fromType, participantId: 1, type: fromType }, utcTime: 1_700_000_000_000 + index, ...(text ? { text } : {}) });

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A GMS that starts chat `c1` and answers every other operation with `reply(req)`, credentials included. */
async function gms(reply: (req: Seen) => Answer = () => ({ json: { statusCode: 0, ...CREDS, chatId: 'c1', messages: [] } })) {
  server = await fakeServer((req) =>
    req.path.endsWith('/customer-support') ? { json: { statusCode: 0, chatId: 'c1', ...CREDS, nextPosition: 2, messages: [msg(1, 'ParticipantJoined', 'Client')] } } : reply(req));
  const make = () => createGmsBackend({ url: `${server!.url}/`, serviceName: 'customer-support' }, { fetch, timeoutMs: 2_000 });
  return { make, seen: server.seen };
}

describe('GMS adapter wire format', () => {
  it('form-encodes requestChat (userData[key] included) and repeats the credentials on every later call', async () => {
    const { make, seen } = await gms();
    const backend = make();
    const { chatId, session } = await backend.requestChat(request);
    expect(chatId).toBe('c1');
    expect(typeof session).toBe('string');
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/genesys/2/chat/customer-support' });
    expect(seen[0]!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(seen[0]!.headers.contactcenterid).toBeUndefined();
    expect(seen[0]!.form).toEqual({ nickname: 'Jane', subject: 'Bills', endpoint: 'Billing', 'userData[Page Name]': 'Bill Payment', 'userData[a&b=c[d]]': 'x y' });
    expect(seen[0]!.body).toContain('userData%5BPage+Name%5D=Bill+Payment');

    await backend.sendMessage(chatId, 'Hi', 'm-1');
    await backend.sendTyping(chatId, true);
    await backend.sendTyping(chatId, false);
    await backend.setUserData(chatId, { CoBrowseSessionId: 'cb-1' });
    await backend.complete(chatId);
    expect(seen.slice(1).map((s) => [s.path, s.form])).toEqual([
      ['/genesys/2/chat/customer-support/c1/send', { ...CREDS, message: 'Hi', clientMessageId: 'm-1' }],
      ['/genesys/2/chat/customer-support/c1/startTyping', CREDS],
      ['/genesys/2/chat/customer-support/c1/stopTyping', CREDS],
      ['/genesys/2/chat/customer-support/c1/updateData', { ...CREDS, 'userData[CoBrowseSessionId]': 'cb-1' }],
      ['/genesys/2/chat/customer-support/c1/disconnect', CREDS],
    ]);
  });

  it('uses transcriptPosition as its cursor; fromIndex maps to it and never moves it back', async () => {
    const { make, seen } = await gms((req) => {
      const from = Number(req.form.transcriptPosition);
      const all = [msg(1, 'ParticipantJoined', 'Client'), msg(2, 'ParticipantJoined', 'Agent'), msg(3, 'Message', 'Agent', 'Hello')];
      return { json: { statusCode: 0, ...CREDS, chatId: 'c1', nextPosition: 4, messages: all.filter((m) => m.index >= from) } };
    });
    const backend = make();
    const { chatId } = await backend.requestChat(request);
    expect((await backend.fetchEvents(chatId)).events.map((e) => e.index)).toEqual([1, 2, 3]);
    expect((await backend.fetchEvents(chatId)).events).toEqual([]);
    expect((await backend.fetchEvents(chatId, { fromIndex: 2 })).events.map((e) => e.index)).toEqual([2, 3]);
    await backend.fetchEvents(chatId);
    expect(seen.slice(1).map((s) => s.form.transcriptPosition)).toEqual(['1', '4', '2', '4']);
  });

  it('follows a changed alias, and a re-created adapter gets it from the session token', async () => {
    let alias = 'A1';
    const { make, seen } = await gms(() => ({ json: { statusCode: 0, ...CREDS, alias, chatId: 'c1', nextPosition: 2, messages: [] } }));
    const backend = make();
    const { chatId, session } = await backend.requestChat(request);
    alias = 'A2'; // the chat moved to another Chat Server
    const batch = await backend.fetchEvents(chatId, { session });
    await backend.sendMessage(chatId, 'after the move', 'm-2', session); // the stale token loses to what it learnt
    expect(seen.at(-1)!.form.alias).toBe('A2');
    await make().sendMessage(chatId, 'after a restart', 'm-3', batch.session);
    expect(seen.at(-1)!.form).toMatchObject({ ...CREDS, alias: 'A2', message: 'after a restart' });
  });

  it('maps Client/Agent/Supervisor/External, Message/Notice, PushUrl as a notice naming the link; skips other event types', async () => {
    const { make } = await gms(() => ({
      json: {
        statusCode: 0, ...CREDS, chatId: 'c1', nextPosition: 7, chatEnded: false,
        messages: [msg(1, 'Message', 'Client', 'a'), msg(2, 'Message', 'Agent', 'b'), msg(3, 'Message', 'Supervisor', 'c'),
          msg(4, 'Notice', 'External', 'd'), msg(5, 'PushUrl', 'Agent', 'http://x'), { ...msg(6, 'Message', 'Client', 'e'), clientMessageId: 'm-6' },
          msg(7, 'IdleAlert', 'External', 'f')],
      },
    }));
    const backend = make();
    const { chatId } = await backend.requestChat(request);
    const batch = await backend.fetchEvents(chatId);
    expect(batch.events.map((e) => [e.index, e.type, e.party, e.text])).toEqual([
      [1, 'message', 'visitor', 'a'], [2, 'message', 'agent', 'b'], [3, 'message', 'agent', 'c'], [4, 'notice', 'system', 'd'],
      [5, 'notice', 'agent', 'Agent shared a link: http://x/'], [6, 'message', 'visitor', 'e'],
    ]);
    expect(batch.events.at(-1)).toMatchObject({ at: 1_700_000_000_006, clientMessageId: 'm-6' });
    expect(backend.longPollMs()).toBe(0);
    expect(await backend.queueAvailability('Billing')).toBe('unknown');
  });
});

describe('GMS adapter errors', () => {
  it('statusCode 2 with chatEnded, or on a 404, means the chat is gone; 2 alone is refused; 1 may be retried; an errors list is refused', async () => {
    const answers: Answer[] = [
      { status: 200, json: { statusCode: 2, statusMessage: "Chat 'c1' has ended; this operation is no longer possible.", chatEnded: true } },
      { status: 404, json: { statusCode: 2, statusMessage: "Chat 'c1' does not exist." } },
      { status: 200, json: { statusCode: 2, statusMessage: 'Message is too long' } },
      { status: 200, json: { statusCode: 1, statusMessage: 'Internal error' } },
      { status: 400, json: { errors: [{ code: 101, message: 'bad field' }] } },
    ];
    const { make } = await gms(() => answers.shift()!);
    const backend = make();
    const { chatId } = await backend.requestChat(request);
    const fail = () => backend.sendMessage(chatId, 'x', 'm').catch((e: unknown) => e);
    expect(await fail()).toMatchObject({ kind: 'gone', chatEnded: true, code: 2, message: expect.stringMatching(/has ended/) });
    expect(await fail()).toMatchObject({ kind: 'gone', chatEnded: false, code: 2 });
    expect(await fail()).toMatchObject({ kind: 'refused', code: 2, message: 'Message is too long' });
    expect(await fail()).toMatchObject({ kind: 'retry', code: 1, message: 'Internal error' });
    expect(await fail()).toMatchObject({ kind: 'refused', code: 400, message: expect.stringMatching(/bad field/) });
  });

  it('a refresh of a chat that has ended (statusCode 2, chatEnded, HTTP 200 as documented) ends it, not an error to retry', async () => {
    const answers: Answer[] = [{ status: 200, json: { statusCode: 2, chatEnded: true, chatId: 'c1', userId: 'U1', secureKey: 'K1', alias: 'A1', messages: [] } }];
    const { make } = await gms(() => answers.shift()!);
    const backend = make();
    const { chatId } = await backend.requestChat(request);
    expect(await backend.fetchEvents(chatId)).toMatchObject({ events: [], ended: true });
  });

  it('without credentials for a chat it fails clearly, for good, and sends nothing', async () => {
    const { make, seen } = await gms();
    for (const session of [undefined, 'not a token', JSON.stringify({ v: 1, userId: 'U1' })]) {
      const error = await make().fetchEvents('c9', { session }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackendError);
      expect(error).toMatchObject({ kind: 'refused', message: expect.stringMatching(/No userId\/secureKey\/alias for GMS chat 'c9'/) });
    }
    expect(seen).toEqual([]);
  });

  it('cannot read or delete user data: "not supported", final, and nothing is sent', async () => {
    const { make, seen } = await gms();
    const backend = make();
    const { chatId, session } = await backend.requestChat(request);
    for (const call of [backend.getUserData(chatId, ['a'], session), backend.deleteUserData(chatId, ['a'], session)]) {
      const error = await call.catch((e: unknown) => e);
      expect(error).toMatchObject({ unsupported: true, retryable: false, code: 501, message: expect.stringMatching(/GMS Chat API v2 has no operation/) });
    }
    expect(seen).toHaveLength(1); // requestChat only
  });
});
