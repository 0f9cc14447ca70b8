/**
 * GMS error replies as the GMS API Responses page documents them (protocols.md §3.1):
 * statusCode 1 and 2 in HTTP 200 replies that name the chat (`chatId`, which Genesys' iOS
 * library requires in every reply), `chatEnded` to read with 2; a request that cannot be
 * processed as written gets a 4xx with a list of API error codes, `{errors: [...]}`, and no
 * statusCode. Every refusal changes nothing.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opOk } from './agent-helpers.ts';
import { gmsClient } from './gms-helpers.ts';
import { request, requestChat, setReady, startTestSandbox, type Reply, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.stop();
});
const { gms, multipart, start, call } = gmsClient(() => t);

/** A request that must be answered with an HTTP `status` and an errors list, changing nothing. */
async function listed(run: () => Promise<Reply>, status: number, code: number, message: RegExp) {
  const before = t.snapshot();
  const r = await run();
  expect([r.status, r.body]).toEqual([status, { errors: [{ code, message: expect.stringMatching(message) }] }]);
  expect(t.snapshot()).toEqual(before);
}

/** A request that must be answered HTTP 200, statusCode 2, naming `chatId`, changing nothing. */
async function statusTwo(run: () => Promise<Reply>, chatId: string, chatEnded: boolean | undefined, message: RegExp) {
  const before = t.snapshot();
  const r = await run();
  expect(r.status).toBe(200);
  expect(r.body).toEqual({ statusCode: 2, chatId, ...(chatEnded === undefined ? {} : { chatEnded }), statusMessage: expect.stringMatching(message) });
  expect(t.snapshot()).toEqual(before);
}

describe('GMS: requests that cannot be processed as written (HTTP 4xx, errors list)', () => {
  it.each([
    ['no nickname', {}, 1, /^Required parameter 'nickname' \(or 'firstName' and 'lastName'\) is missing\.$/],
    ['a first name alone', { firstName: 'Jane' }, 1, /^Required parameter 'lastName' \(or 'nickname'\) is missing\.$/],
    ['a nickname sent empty (empty means absent)', { nickname: '' }, 1, /^Required parameter 'nickname'/],
    ['a bad email address', { nickname: 'J', emailAddress: 'nope' }, 10, /'emailAddress': must be an email address/],
    ['an empty userData key', { nickname: 'J', 'userData[]': 'x' }, 10, /needs a key between the brackets/],
    ['51 userData keys', { nickname: 'J', ...Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`userData[k${i}]`, 'v'])) }, 10, /'userData': must have at most 50 keys/],
  ])('requestChat with %s: 400', async (_name, fields, code, message) => {
    await listed(() => gms('request-chat', fields as Record<string, string>), 400, code, message);
  });

  it('bad bodies: a repeated field 400, JSON 415, over 64 KiB 413, a bad service name 400', async () => {
    await listed(() => gms('request-chat', 'nickname=A&nickname=B'), 400, 10, /^Field 'nickname' is given more than once\.$/);
    await listed(() => gms('request-chat', '{"nickname":"A"}', { 'content-type': 'application/json' }), 415, 10,
      /^Content-Type must be application\/x-www-form-urlencoded or multipart\/form-data\.$/);
    await listed(() => gms('request-chat', `nickname=${'x'.repeat(65 * 1024)}`), 413, 10, /larger than 64 KiB/);
    await listed(() => gms('bad%20name', { nickname: 'A' }), 400, 10, /^Service name 'bad name' must be 1-100 letters/);
  });

  it.each([
    ['a blank message', 'send', { message: '  ' }, 10, /'message': must not be blank/],
    ['a missing message', 'send', {}, 1, /^Required parameter 'message' is missing\.$/],
    ['a message sent empty', 'send', { message: '' }, 1, /^Required parameter 'message' is missing\.$/],
    ['a bad transcriptPosition', 'refresh', { transcriptPosition: 'last' }, 10, /'transcriptPosition': must be a transcript position/],
    ['updateData without data', 'updateData', {}, 1, /^Required parameter 'userData\[…\]' is missing/],
    ['updateNickname without a nickname', 'updateNickname', {}, 1, /^Required parameter 'nickname' is missing\.$/],
    ['customNotice without a message', 'customNotice', {}, 1, /^Required parameter 'message' is missing\.$/],
    ['pushUrl that is no web address', 'pushUrl', { pushUrl: 'javascript:alert(1)' }, 10, /'pushUrl': must be an http or https URL/],
  ])('%s: 400', async (_name, op, extra, code, message) => {
    const s = await start();
    await listed(() => call(s, op, extra as Record<string, string>), 400, code, message);
  });

  it('missing credentials: 400 code 1', async () => {
    const s = await start();
    await listed(() => gms(`request-chat/${s.chatId}/send`, { userId: s.creds.userId, alias: s.creds.alias, message: 'x' }), 400, 1, /^Required parameter 'secureKey' is missing\.$/);
  });

  it('an unknown operation, another method or path: 404 code 6', async () => {
    const s = await start();
    await listed(() => call(s, 'bogus'), 404, 6, /^Unknown GMS operation 'bogus'\. Valid operations: send, .*updateNickname, customNotice, pushUrl, disconnect, file/);
    const r = await request(`${t.sb.url}/genesys/2/chat/request-chat`, 'GET', undefined, {});
    expect([r.status, r.body]).toEqual([404, { errors: [{ code: 6, message: 'No such GMS route: GET /genesys/2/chat/request-chat' }] }]);
  });

  it('CORS: extensions allowed, other web origins 403 code 3', async () => {
    const origin = 'moz-extension://0f3c2a9e-1b2c-4d5e-8f90-123456789abc';
    expect((await gms('request-chat', { nickname: 'J' }, { Origin: origin })).headers.get('access-control-allow-origin')).toBe(origin);
    await listed(() => gms('request-chat', { nickname: 'J' }, { Origin: 'https://evil.example' }), 403, 3, /Origin 'https:\/\/evil\.example' may not call the GMS chat API/);
    const pre = await fetch(`${t.sb.url}/genesys/2/chat/request-chat`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
    expect([pre.status, pre.headers.get('access-control-allow-headers'), pre.headers.get('access-control-allow-origin')]).toEqual([204, 'Content-Type', origin]);
  });
});

describe('GMS: statusCode 2 in HTTP 200', () => {
  it('wrong credentials, or a GWS chat: statusCode 2 naming the chat, without chatEnded', async () => {
    const s = await start();
    for (const wrong of [{ secureKey: 'guess' }, { alias: 'other' }, { userId: 'someone' }] as Record<string, string>[]) {
      await statusTwo(() => call(s, 'send', { message: 'x', ...wrong }), s.chatId, undefined, /^userId, secureKey or alias does not match chat '.*'\.$/);
    }
    const gws = await requestChat(t);
    await statusTwo(() => gms(`request-chat/${gws}/refresh`, s.creds), gws, undefined, /does not match/);
  });

  it('an unknown chat: statusCode 2, chatEnded true', async () => {
    const s = await start();
    await statusTwo(() => gms('request-chat/no-such-chat/refresh', s.creds), 'no-such-chat', true, /^Chat 'no-such-chat' does not exist/);
  });

  it('an ended chat: every operation but disconnect answers statusCode 2, chatEnded true, and still carries the chat and its messages', async () => {
    const s = await start();
    await setReady(t, 'alice', 'Ready');
    await opOk(t, 'alice', s.chatId, { operationName: 'Accept', nickname: 'Alice' });
    await opOk(t, 'alice', s.chatId, { operationName: 'StopProcessing' });
    const before = t.snapshot();
    for (const [op, extra] of [['refresh', {}], ['send', { message: 'x' }], ['startTyping', {}], ['updateData', { 'userData[a]': '1' }],
      ['updateNickname', { nickname: 'J' }], ['customNotice', { message: 'n' }], ['pushUrl', { pushUrl: 'https://127.0.0.1/' }]] as const) {
      const r = await call(s, op, extra);
      expect([op, r.status, r.body.statusCode, r.body.chatEnded, r.body.chatId, r.body.secureKey]).toEqual([op, 200, 2, true, s.chatId, s.creds.secureKey]);
    }
    expect(t.snapshot()).toEqual(before);
    // refresh without a position: the whole transcript, the agent's leaving included.
    expect((await call(s, 'refresh')).body.messages.map((m: any) => m.type)).toEqual(['ParticipantJoined', 'ParticipantJoined', 'ParticipantLeft']);
    // The customer's disconnect still succeeds (and leaves the chat).
    expect((await call(s, 'disconnect')).body).toMatchObject({ statusCode: 0, chatId: s.chatId, chatEnded: true });
  });
});

describe('GMS: statusCode 1 in HTTP 200', () => {
  it('a failure of the Sandbox itself (its file folder is gone): statusCode 1 naming the chat, retrying may help', async () => {
    const s = await start();
    rmSync(join(t.dataDir, 'files'), { recursive: true, force: true });
    writeFileSync(join(t.dataDir, 'files'), 'not a folder');
    const r = await multipart(`request-chat/${s.chatId}/file`, { ...s.creds }, { file: { name: 'a.txt', type: 'text/plain', data: 'hello' } });
    expect([r.status, r.body]).toEqual([200, { statusCode: 1, chatId: s.chatId, statusMessage: expect.any(String) }]);
    // Nothing of it was kept: the transcript has no file.
    expect((await call(s, 'refresh')).body.messages.map((m: any) => m.type)).toEqual(['ParticipantJoined']);
  });
});

describe('GMS vendor-exact errors', () => {
  it('carry no statusMessage (a Sandbox extra)', async () => {
    await t.stop();
    t = await startTestSandbox({ vendorExact: true });
    const s = await start();
    const r = await call(s, 'send', { message: 'x', secureKey: 'guess' });
    expect([r.status, r.body]).toEqual([200, { statusCode: 2, chatId: s.chatId }]);
    expect((await gms('request-chat/nope/refresh', s.creds)).body).toEqual({ statusCode: 2, chatId: 'nope', chatEnded: true });
  });
});
