/**
 * Every way a customer request can fail: the reply (HTTP status, statusCode, a clear
 * statusMessage and nothing else) and proof that the database did not change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestChat, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
let chatId: string;
beforeAll(async () => {
  t = await startTestSandbox();
  chatId = await requestChat(t, { nickname: 'Jane', userData: { 'Page Name': 'Home' } });
  await t.customer('POST', `/api/v2/chats/${chatId}`, { operationName: 'SendMessage', text: 'first' });
});
afterAll(async () => {
  await t.stop();
});

type Case = [name: string, method: 'GET' | 'POST', path: () => string, body: unknown, headers: Record<string, string | undefined>, status: number, code: number, message: RegExp];

const WRONG_CCID = /^ContactCenterId header is missing or does not match this contact center\.$/;
const chat = () => `/api/v2/chats/${chatId}`;
const big = 'x'.repeat(65 * 1024);

const cases: Case[] = [
  ['missing ContactCenterId (create)', 'POST', () => '/api/v2/chats', { nickname: 'A' }, { ContactCenterId: undefined }, 403, 3, WRONG_CCID],
  ['wrong ContactCenterId (create)', 'POST', () => '/api/v2/chats', { nickname: 'A' }, { ContactCenterId: 'nope' }, 403, 3, WRONG_CCID],
  ['wrong ContactCenterId (send)', 'POST', chat, { operationName: 'SendMessage', text: 'x' }, { ContactCenterId: 'nope' }, 403, 3, WRONG_CCID],
  ['wrong ContactCenterId (read)', 'GET', () => `${chat()}/messages`, undefined, { ContactCenterId: 'nope' }, 403, 3, WRONG_CCID],
  ['an Authorization header', 'POST', chat, { operationName: 'SendMessage', text: 'x' }, { Authorization: 'Basic YWxpY2U6YWxpY2U=' }, 403, 3, /must not carry an Authorization header/],
  ['malformed JSON', 'POST', chat, '{"operationName": "SendMessage", "text": ', {}, 400, 10, /^Request body is not valid JSON\.$/],
  ['malformed JSON (create)', 'POST', () => '/api/v2/chats', '{nickname', {}, 400, 10, /^Request body is not valid JSON\.$/],
  ['empty JSON body', 'POST', chat, '', { 'content-type': 'application/json' }, 400, 10, /not valid JSON/],
  ['a JSON array body', 'POST', chat, '[1]', {}, 400, 10, /must be a JSON object/],
  ['a body over 64 KiB', 'POST', chat, { operationName: 'SendMessage', text: big }, {}, 413, 10, /larger than 64 KiB/],
  ['a non-JSON content type', 'POST', chat, 'operationName=SendMessage', { 'content-type': 'text/plain' }, 415, 10, /application\/json/],
  ['a missing operationName', 'POST', chat, { text: 'x' }, {}, 400, 1, /^Required parameter 'operationName' is missing\.$/],
  ['an unknown operationName', 'POST', chat, { operationName: 'Transfer' }, {}, 400, 10, /^Unknown operationName 'Transfer'\. Valid operations: SendMessage, SendStartTypingNotification, SendStopTypingNotification, Complete, UpdateUserData, DeleteUserData\.$/],
  ['a wrong operationName on create', 'POST', () => '/api/v2/chats', { operationName: 'SendMessage', nickname: 'A' }, {}, 400, 10, /Valid operations: RequestChat/],
  ['a missing nickname', 'POST', () => '/api/v2/chats', { subject: 'x' }, {}, 400, 1, /^Required parameter 'nickname' is missing\.$/],
  ['an empty nickname', 'POST', () => '/api/v2/chats', { nickname: '  ' }, {}, 400, 10, /'nickname': must not be empty/],
  ['a nickname over 100 characters', 'POST', () => '/api/v2/chats', { nickname: 'n'.repeat(101) }, {}, 400, 10, /at most 100 characters/],
  ['a non-string userData value', 'POST', () => '/api/v2/chats', { nickname: 'A', userData: { a: 1 } }, {}, 400, 10, /'userData\.a': values must be strings/],
  ['userData with 51 keys', 'POST', () => '/api/v2/chats', { nickname: 'A', userData: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }, {}, 400, 10, /at most 50 keys/],
  ['a userData value over 1000 characters', 'POST', () => '/api/v2/chats', { nickname: 'A', userData: { URL: 'u'.repeat(1001) } }, {}, 400, 10, /at most 1000 characters/],
  ['userData that is not an object', 'POST', () => '/api/v2/chats', { nickname: 'A', userData: ['x'] }, {}, 400, 10, /'userData'/],
  ['a missing text', 'POST', chat, { operationName: 'SendMessage' }, {}, 400, 1, /^Required parameter 'text' is missing\.$/],
  ['an empty text', 'POST', chat, { operationName: 'SendMessage', text: '' }, {}, 400, 10, /'text': must not be empty/],
  ['a blank text', 'POST', chat, { operationName: 'SendMessage', text: ' \n ' }, {}, 400, 10, /'text': must not be blank/],
  ['a text over 4000 characters', 'POST', chat, { operationName: 'SendMessage', text: 't'.repeat(4001) }, {}, 400, 10, /at most 4000 characters/],
  ['a clientMessageId over 64 characters', 'POST', chat, { operationName: 'SendMessage', text: 'x', clientMessageId: 'c'.repeat(65) }, {}, 400, 10, /'clientMessageId'/],
  ['a negative index', 'GET', () => `${chat()}/messages?index=-1`, undefined, {}, 400, 10, /'index': must be an integer of 0 or more/],
  ['a non-numeric index', 'GET', () => `${chat()}/messages?index=abc`, undefined, {}, 400, 10, /'index'/],
  ['an unknown chat (GetChat)', 'GET', () => '/api/v2/chats/no-such-chat', undefined, {}, 404, 6, /^Chat 'no-such-chat' does not exist\.$/],
  ['an unknown chat (GetMessages)', 'GET', () => '/api/v2/chats/no-such-chat/messages', undefined, {}, 404, 6, /does not exist/],
  ['an unknown chat (SendMessage)', 'POST', () => '/api/v2/chats/no-such-chat', { operationName: 'SendMessage', text: 'x' }, {}, 404, 6, /does not exist/],
  ['an unknown chat (Complete)', 'POST', () => '/api/v2/chats/no-such-chat', { operationName: 'Complete' }, {}, 404, 6, /does not exist/],
  ['a foreign web origin', 'POST', chat, { operationName: 'SendMessage', text: 'x' }, { Origin: 'https://evil.example' }, 403, 3, /Origin 'https:\/\/evil\.example' may not call/],
];

describe('customer API errors', () => {
  it.each(cases)('refuses %s and changes nothing', async (_name, method, path, body, headers, status, code, message) => {
    const before = t.snapshot();
    const r = await t.customer(method, path(), body, headers);
    expect(r.status).toBe(status);
    expect(Object.keys(r.body).sort()).toEqual(['statusCode', 'statusMessage']);
    expect(r.body.statusCode).toBe(code);
    expect(r.body.statusMessage).toMatch(message);
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses operations in the wrong state and changes nothing', async () => {
    const id = await requestChat(t);
    await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'Complete' });
    const before = t.snapshot();
    for (const operationName of ['SendMessage', 'SendStartTypingNotification', 'SendStopTypingNotification', 'Complete']) {
      const r = await t.customer('POST', `/api/v2/chats/${id}`, { operationName, text: 'late' });
      expect([r.status, r.body.statusCode]).toEqual([409, 2]);
      expect(r.body.statusMessage).toMatch(/has ended/);
    }
    expect(t.snapshot()).toEqual(before);
  });

  it('answers unknown routes with code 6', async () => {
    const r = await t.customer('GET', '/api/v2/chats/x/y/z');
    expect([r.status, r.body.statusCode]).toEqual([404, 6]);
  });

  it('checked the snapshot helper sees real changes', async () => {
    // Guards the tests above: if snapshots never differed, "changes nothing" would prove nothing.
    const before = t.snapshot();
    await t.customer('POST', chat(), { operationName: 'SendMessage', text: 'a change' });
    expect(t.snapshot()).not.toEqual(before);
  });
});
