/**
 * The GMS Chat API v2 dialect (protocols.md §3.1) over the same engine: form bodies, one
 * reply shape, credentials issued at requestChat, GMS error codes; agents see an ordinary chat.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opOk, viewOf } from './agent-helpers.ts';
import { request, requestChat, setReady, startTestSandbox, type Reply, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.stop();
});

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** POSTs form fields (an object, or raw form text) to `/genesys/2/chat/<path>`. */
const gms = (path: string, fields: Record<string, string> | string, headers: Record<string, string | undefined> = {}): Promise<Reply> =>
  request(`${t.sb.url}/genesys/2/chat/${path}`, 'POST', typeof fields === 'string' ? fields : new URLSearchParams(fields).toString(), { ...FORM, ...headers });

type Session = { chatId: string; creds: { userId: string; secureKey: string; alias: string } };
async function start(fields: Record<string, string> = { nickname: 'Jane' }): Promise<Session> {
  const r = await gms('request-chat', fields);
  if (r.body.statusCode !== 0) throw new Error(JSON.stringify(r.body));
  return { chatId: r.body.chatId, creds: { userId: r.body.userId, secureKey: r.body.secureKey, alias: r.body.alias } };
}
const call = (s: Session, op: string, extra: Record<string, string> = {}) => gms(`request-chat/${s.chatId}/${op}`, { ...s.creds, ...extra });
const rows = (messages: any[]) => messages.map((m) => [m.index, m.type, m.from.type, m.from.participantId, m.text]);

describe('GMS requestChat', () => {
  it('starts an ordinary chat: credentials, the GMS reply shape, and context for the agent', async () => {
    const r = await gms('request-chat', {
      firstName: 'Jane', lastName: 'Doe', subject: 'Loan question', emailAddress: 'jane@example.com',
      'userData[Page Name]': 'Loans', 'userData[TimeZone]': '-480', endpoint: 'Loans',
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      statusCode: 0, chatId: expect.any(String), userId: expect.stringMatching(/^[0-9A-F]{16}$/), secureKey: expect.stringMatching(/^[0-9a-f]{32}$/),
      alias: 'sandbox', chatEnded: false, nextPosition: 2,
      messages: [{ from: { nickname: 'Jane Doe', participantId: 1, type: 'Client' }, index: 1, type: 'ParticipantJoined', utcTime: expect.any(Number) }],
    });
    await setReady(t, 'alice', 'Ready');
    expect(await viewOf(t, 'alice', r.body.chatId)).toMatchObject({
      state: 'Offered', queue: 'Loans', subject: 'Loan question', customer: { nickname: 'Jane Doe' },
      userData: { FirstName: 'Jane', LastName: 'Doe', EmailAddress: 'jane@example.com', 'Page Name': 'Loans', TimeZone: '-480' },
    });
  });

  it('accepts any service name and a charset on the content type', async () => {
    const r = await gms('customer-support', 'nickname=Jo', { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' });
    expect([r.status, r.body.statusCode]).toEqual([200, 0]);
  });
});

describe('GMS chat operations', () => {
  it('runs a chat with an agent: send, typing, refresh by position, updateData, agent leaves', async () => {
    const s = await start();
    await setReady(t, 'alice', 'Ready');
    await opOk(t, 'alice', s.chatId, { operationName: 'Accept', nickname: 'Alice' });
    const sent = await call(s, 'send', { message: 'Hello', transcriptPosition: '1' });
    expect(rows(sent.body.messages)).toEqual([[1, 'ParticipantJoined', 'Client', 1, undefined], [2, 'ParticipantJoined', 'Agent', 2, undefined], [3, 'Message', 'Client', 1, 'Hello']]);
    expect(sent.body.nextPosition).toBe(4);
    expect((await call(s, 'send', { message: 'no position' })).body.messages).toEqual([]);
    await call(s, 'startTyping', { message: 'preview is ignored' });
    await call(s, 'stopTyping');
    await opOk(t, 'alice', s.chatId, { operationName: 'SendMessage', text: 'Hi Jane' });
    const fresh = await call(s, 'refresh', { transcriptPosition: '5' });
    expect(rows(fresh.body.messages)).toEqual([[5, 'TypingStarted', 'Client', 1, undefined], [6, 'TypingStopped', 'Client', 1, undefined], [7, 'Message', 'Agent', 2, 'Hi Jane']]);
    expect(fresh.body).toMatchObject({ chatId: s.chatId, ...s.creds, chatEnded: false, nextPosition: 8 });
    expect((await call(s, 'refresh')).body.messages).toHaveLength(7); // no position: everything

    expect((await call(s, 'updateData', { 'userData[CoBrowseSessionId]': 'cb-1' })).body.statusCode).toBe(0);
    expect((await viewOf(t, 'alice', s.chatId)).userData).toEqual({ CoBrowseSessionId: 'cb-1' });

    await opOk(t, 'alice', s.chatId, { operationName: 'StopProcessing' });
    const end = await call(s, 'refresh', { transcriptPosition: '8' });
    expect([end.body.chatEnded, rows(end.body.messages)]).toEqual([true, [[8, 'ParticipantLeft', 'Agent', 2, undefined]]]);
    const late = await call(s, 'send', { message: 'Hello?' });
    expect([late.status, late.body]).toEqual([409, { statusCode: 2, statusMessage: expect.stringMatching(/has ended/), chatEnded: true }]);
  });

  it('disconnects (twice without error), and the agent sees the visitor leave', async () => {
    const s = await start();
    await setReady(t, 'alice', 'Ready');
    await opOk(t, 'alice', s.chatId, { operationName: 'Accept', nickname: 'Alice' });
    expect((await call(s, 'disconnect')).body).toMatchObject({ statusCode: 0, chatEnded: true });
    expect((await call(s, 'disconnect')).body).toMatchObject({ statusCode: 0, chatEnded: true });
    expect((await viewOf(t, 'alice', s.chatId)).state).toBe('Ended');
  });

  it('stores a send retried with the same clientMessageId once', async () => {
    const s = await start();
    await call(s, 'send', { message: 'once', clientMessageId: 'm-1' });
    await call(s, 'send', { message: 'once', clientMessageId: 'm-1' });
    expect((await call(s, 'refresh')).body.messages.filter((m: any) => m.type === 'Message')).toHaveLength(1);
  });

  it('never shows consultation messages, and numbers participants stably', async () => {
    const s = await start();
    await setReady(t, 'alice', 'Ready');
    await opOk(t, 'alice', s.chatId, { operationName: 'Accept', nickname: 'Alice' });
    await opOk(t, 'alice', s.chatId, { operationName: 'StartChatConsultation', agentId: 'bob' });
    await opOk(t, 'bob', s.chatId, { operationName: 'Accept', nickname: 'Bob' });
    await opOk(t, 'bob', s.chatId, { operationName: 'SendMessage', text: 'psst' });
    await opOk(t, 'alice', s.chatId, { operationName: 'CompleteConference' });
    const all = (await call(s, 'refresh')).body;
    expect(rows(all.messages)).toEqual([
      [1, 'ParticipantJoined', 'Client', 1, undefined], [2, 'ParticipantJoined', 'Agent', 2, undefined], [5, 'ParticipantJoined', 'Agent', 3, undefined],
    ]);
    expect(all.nextPosition).toBe(6);
  });
});

describe('GMS errors', () => {
  /** Runs a GMS request that must fail with statusCode 2, checking the database did not change. */
  async function refused(run: () => Promise<Reply>, status: number, message: RegExp) {
    const before = t.snapshot();
    const r = await run();
    expect([r.status, r.body]).toEqual([status, { statusCode: 2, statusMessage: expect.stringMatching(message) }]);
    expect(t.snapshot()).toEqual(before);
  }

  it.each([
    ['no nickname', {}, /^Required parameter 'nickname' \(or 'firstName' and 'lastName'\) is missing\.$/],
    ['a first name alone', { firstName: 'Jane' }, /^Required parameter 'lastName' \(or 'nickname'\) is missing\.$/],
    ['a bad email address', { nickname: 'J', emailAddress: 'nope' }, /'emailAddress': must be an email address/],
    ['an empty userData key', { nickname: 'J', 'userData[]': 'x' }, /needs a key between the brackets/],
    ['51 userData keys', { nickname: 'J', ...Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`userData[k${i}]`, 'v'])) }, /'userData': must have at most 50 keys/],
  ])('refuses a requestChat with %s', async (_name, fields, message) => {
    await refused(() => gms('request-chat', fields as Record<string, string>), 400, message);
  });

  it('refuses bad bodies: a repeated field, JSON, over 64 KiB', async () => {
    await refused(() => gms('request-chat', 'nickname=A&nickname=B'), 400, /^Field 'nickname' is given more than once\.$/);
    await refused(() => gms('request-chat', '{"nickname":"A"}', { 'content-type': 'application/json' }), 415, /^Content-Type must be application\/x-www-form-urlencoded\.$/);
    await refused(() => gms('request-chat', `nickname=${'x'.repeat(65 * 1024)}`), 413, /larger than 64 KiB/);
    await refused(() => gms('bad%20name', { nickname: 'A' }), 400, /^Service name 'bad name' must be 1-100 letters/);
  });

  it('checks the credentials of every later request', async () => {
    const s = await start();
    const gws = await requestChat(t);
    await refused(() => gms(`request-chat/${s.chatId}/send`, { userId: s.creds.userId, alias: s.creds.alias, message: 'x' }), 400, /^Required parameter 'secureKey' is missing\.$/);
    for (const wrong of [{ secureKey: 'guess' }, { alias: 'other' }, { userId: 'someone' }] as Record<string, string>[]) {
      await refused(() => call(s, 'send', { message: 'x', ...wrong }), 403, /^userId, secureKey or alias does not match chat '.*'\.$/);
    }
    await refused(() => gms(`request-chat/${gws}/refresh`, s.creds), 403, /does not match/);
    await refused(() => gms('request-chat/no-such-chat/refresh', s.creds), 404, /^Chat 'no-such-chat' does not exist\.$/);
  });

  it.each([
    ['a blank message', 'send', { message: '  ' }, 400, /'message': must not be blank/],
    ['a missing message', 'send', {}, 400, /^Required parameter 'message' is missing\.$/],
    ['a bad transcriptPosition', 'refresh', { transcriptPosition: 'last' }, 400, /'transcriptPosition': must be a transcript position/],
    ['updateData without data', 'updateData', {}, 400, /^Required parameter 'userData\[…\]' is missing/],
    ['an unsupported operation', 'pushUrl', { pushUrl: 'http://x' }, 404, /^Unknown GMS operation 'pushUrl'\. Valid operations: send, startTyping, stopTyping, refresh, updateData, disconnect\.$/],
  ])('refuses %s', async (_name, op, extra, status, message) => {
    const s = await start();
    await refused(() => call(s, op, extra as Record<string, string>), status, message);
  });

  it('answers other methods and paths with a GMS 404', async () => {
    const r = await request(`${t.sb.url}/genesys/2/chat/request-chat`, 'GET', undefined, {});
    expect([r.status, r.body]).toEqual([404, { statusCode: 2, statusMessage: 'No such GMS route: GET /genesys/2/chat/request-chat' }]);
  });

  it('applies CORS: extensions allowed, other web origins refused', async () => {
    const origin = 'moz-extension://0f3c2a9e-1b2c-4d5e-8f90-123456789abc';
    expect((await gms('request-chat', { nickname: 'J' }, { Origin: origin })).headers.get('access-control-allow-origin')).toBe(origin);
    await refused(() => gms('request-chat', { nickname: 'J' }, { Origin: 'https://evil.example' }), 403, /Origin 'https:\/\/evil\.example' may not call the GMS chat API/);
    const pre = await fetch(`${t.sb.url}/genesys/2/chat/request-chat`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
    expect([pre.status, pre.headers.get('access-control-allow-headers'), pre.headers.get('access-control-allow-origin')]).toEqual([204, 'Content-Type', origin]);
  });
});

describe('GMS sessions across a restart', () => {
  it('keeps the credentials: the same userId/secureKey/alias work after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'beckon-gms-'));
    try {
      const first = await startTestSandbox({ dataDir });
      const r = await request(`${first.sb.url}/genesys/2/chat/request-chat`, 'POST', 'nickname=Jane', FORM);
      await first.stop();
      const second = await startTestSandbox({ dataDir });
      try {
        const { chatId, userId, secureKey, alias } = r.body;
        const again = await request(`${second.sb.url}/genesys/2/chat/request-chat/${chatId}/send`, 'POST',
          new URLSearchParams({ userId, secureKey, alias, message: 'still here', transcriptPosition: '2' }).toString(), FORM);
        expect(again.body.messages.map((m: any) => m.text)).toEqual(['still here']);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
