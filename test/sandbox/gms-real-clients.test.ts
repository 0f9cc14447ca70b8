/**
 * What real GMS clients send, accepted (protocols.md §3.1, §4): Genesys Widgets posts
 * requestChat to `{dataURL}/` (a trailing slash) with every form field, the missing ones
 * empty; the documentation allows multipart/form-data for requestChat; Genesys' iOS library
 * sends pushUrl, updateNickname and customNotice (ChatV2ApiRequest.swift) and expects
 * `chatId` in every reply, integer participant ids and `utcTime` on every message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opOk, viewOf } from './agent-helpers.ts';
import { gmsClient, rows, type Session } from './gms-helpers.ts';
import { setReady, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
  await setReady(t, 'alice', 'Ready');
});
afterAll(async () => {
  await t.stop();
});
const { gms, multipart, call } = gmsClient(() => t);
const session = (body: any): Session => ({ chatId: body.chatId, creds: { userId: body.userId, secureKey: body.secureKey, alias: body.alias } });

describe('GMS: the forms real clients send', () => {
  it('takes requestChat on {dataURL}/ with every field sent, empty ones meaning absent', async () => {
    const r = await gms('request-chat/', { nickname: 'Jane', firstName: '', lastName: '', emailAddress: '', subject: '', 'userData[Page]': 'Home' });
    expect([r.status, r.body.statusCode, r.body.messages[0].from]).toEqual([200, 0, { nickname: 'Jane', participantId: 1, type: 'Client' }]);
    const view = await viewOf(t, 'alice', r.body.chatId);
    expect([view.subject, view.userData]).toEqual([null, { Page: 'Home' }]);

    const named = await gms('request-chat/', { nickname: '', firstName: 'Jo', lastName: 'Doe', emailAddress: '', subject: '' });
    expect(named.body.messages[0].from.nickname).toBe('Jo Doe');
  });

  it('takes multipart/form-data for requestChat and the operations after it', async () => {
    const r = await multipart('request-chat', { firstName: 'Mia', lastName: 'Park', subject: 'Loans', 'userData[Page Name]': 'Loans' });
    expect([r.status, r.body.statusCode, r.body.messages[0].from.nickname]).toEqual([200, 0, 'Mia Park']);
    const s = session(r.body);
    const sent = await multipart(`request-chat/${s.chatId}/send`, { ...s.creds, message: 'Hi from a form', transcriptPosition: '1' });
    expect(rows(sent.body.messages).at(-1)).toEqual([2, 'Message', 'Client', 1, 'Hi from a form']);
    expect((await viewOf(t, 'alice', s.chatId)).userData).toEqual({ FirstName: 'Mia', LastName: 'Park', 'Page Name': 'Loans' });
  });

  it('takes a trailing slash on every operation path', async () => {
    const s = session((await gms('request-chat', { nickname: 'Sam' })).body);
    const r = await gms(`request-chat/${s.chatId}/refresh/`, s.creds);
    expect([r.status, r.body.statusCode, r.body.chatId]).toEqual([200, 0, s.chatId]);
  });

  it('answers every operation with chatId, integer participant ids and utcTime on every message', async () => {
    const s = session((await gms('request-chat', { nickname: 'Lee' })).body);
    await opOk(t, 'alice', s.chatId, { operationName: 'Accept', nickname: 'Alice' });
    for (const [op, extra] of [['send', { message: 'a' }], ['startTyping', {}], ['stopTyping', {}], ['refresh', {}], ['updateData', { 'userData[k]': 'v' }],
      ['updateNickname', { nickname: 'Lee K' }], ['customNotice', { message: 'cobrowse:on' }], ['pushUrl', { pushUrl: 'https://127.0.0.1/demo/loans.html' }]] as const) {
      const r = await call(s, op, { ...extra, transcriptPosition: '1' });
      expect([op, r.status, r.body.statusCode, r.body.chatId]).toEqual([op, 200, 0, s.chatId]);
      for (const m of r.body.messages) {
        expect(Number.isInteger(m.from.participantId)).toBe(true);
        expect(Number.isInteger(m.utcTime)).toBe(true);
      }
    }
    const all = (await call(s, 'refresh')).body.messages;
    expect(all.slice(-3).map((m: any) => [m.type, m.from.nickname, m.from.participantId, m.text])).toEqual([
      ['NicknameUpdated', 'Lee K', 1, 'Lee K'], ['CustomNotice', 'Lee K', 1, 'cobrowse:on'], ['PushUrl', 'Lee K', 1, 'https://127.0.0.1/demo/loans.html'],
    ]);
    // The agent sees them too, and the customer under the new name.
    const view = await viewOf(t, 'alice', s.chatId);
    expect(view.customer.nickname).toBe('Lee K');
    expect(view.messages.slice(-3).map((m: any) => [m.type, m.from.type, m.text])).toEqual([
      ['NicknameUpdated', 'Customer', 'Lee K'], ['CustomNotice', 'Customer', 'cobrowse:on'], ['PushUrl', 'Customer', 'https://127.0.0.1/demo/loans.html'],
    ]);
  });

  it('refuses a file part where the operation takes none', async () => {
    const s = session((await gms('request-chat', { nickname: 'Zed' })).body);
    const r = await multipart(`request-chat/${s.chatId}/send`, { ...s.creds, message: 'x' }, { attachment: { name: 'a.txt', type: 'text/plain', data: 'hello' } });
    expect([r.status, r.body]).toEqual([400, { errors: [{ code: 10, message: "Field 'attachment' is a file; this operation takes none." }] }]);
  });
});

describe('GMS vendor-exact replies', () => {
  it('drop the clientMessageId echo and dedupe, keep the documented shape', async () => {
    const x = await startTestSandbox({ vendorExact: true });
    try {
      const c = gmsClient(() => x);
      const s = await c.start();
      for (let i = 0; i < 2; i++) await c.call(s, 'send', { message: 'twice', clientMessageId: 'm-1' });
      const messages = (await c.call(s, 'refresh')).body.messages as any[];
      const texts = messages.filter((m) => m.type === 'Message');
      expect(texts).toHaveLength(2);
      const documented = ['from', 'index', 'type', 'text', 'utcTime', 'userData'];
      for (const m of messages) expect(Object.keys(m).filter((k) => !documented.includes(k))).toEqual([]);
      expect(texts.every((m) => !('clientMessageId' in m))).toBe(true);
    } finally {
      await x.stop();
    }
  });
});
