/**
 * The GMS Chat API v2 dialect (protocols.md §3.1) over the same engine: form bodies, one
 * reply shape, credentials issued at requestChat; agents see an ordinary chat. Errors:
 * gms-errors.test.ts; real clients' forms: gms-real-clients.test.ts; files: gms-files.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opOk, viewOf } from './agent-helpers.ts';
import { FORM, gmsClient, rows } from './gms-helpers.ts';
import { request, setReady, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.stop();
});

const { gms, start, call } = gmsClient(() => t);

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
    // Documented (GMS API Responses): HTTP 200, statusCode 2, read chatEnded; the reply still names the chat.
    const late = await call(s, 'send', { message: 'Hello?' });
    expect(late.status).toBe(200);
    expect(late.body).toEqual({ statusCode: 2, chatId: s.chatId, ...s.creds, chatEnded: true, nextPosition: 9, messages: [] });
    const refresh = await call(s, 'refresh', { transcriptPosition: '8' });
    expect([refresh.status, refresh.body.statusCode, refresh.body.chatEnded, rows(refresh.body.messages)]).toEqual([200, 2, true, [[8, 'ParticipantLeft', 'Agent', 2, undefined]]]);
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
