/**
 * What public GWS clients send, accepted in both modes: the gws-emulator sample client
 * (github.com/skreis/gws-emulator, client/src/js/Chat_Transport_REST_httc.js) posts RequestChat
 * to `/api/v2/chats/` with a trailing slash. What is really wrong is still refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './helpers.ts';

describe.each([false, true])('GWS real-client forms (vendorExact: %s)', (vendorExact) => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ vendorExact });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('takes RequestChat on /api/v2/chats/ and every chat path with a trailing slash', async () => {
    const created = await t.customer('POST', '/api/v2/chats/', { operationName: 'RequestChat', nickname: 'Jane' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ statusCode: 0, id: expect.any(String), path: `/api/v2/chats/${created.body.id}` });
    const id = created.body.id as string;
    expect((await t.customer('GET', `/api/v2/chats/${id}/`)).body.chat.id).toBe(id);
    expect((await t.customer('GET', `/api/v2/chats/${id}/messages/?index=0`)).body.messages[0].type).toBe('ParticipantJoined');
    expect((await t.customer('POST', `/api/v2/chats/${id}/`, { operationName: 'SendMessage', text: 'Hi' })).body).toEqual({ statusCode: 0 });
  });

  it('still refuses what is wrong: another operation on /api/v2/chats/, a chat with an empty id', async () => {
    const wrong = await t.customer('POST', '/api/v2/chats/', { operationName: 'SendMessage', text: 'Hi' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ statusCode: 10, statusMessage: expect.stringMatching(/^Unknown operationName 'SendMessage'.*Valid operations: RequestChat\.$/) });
    const empty = await t.customer('GET', '/api/v2/chats//');
    expect(empty.status).toBe(404);
    expect(empty.body).toEqual({ statusCode: 6, statusMessage: expect.any(String) });
  });
});
