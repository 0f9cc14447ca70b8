/**
 * UpdateUserData on the agent API (a Sandbox extra, what the autopilot's setUserData step
 * uses): who may, its limits, what the other agents and the customer see, and the chat log.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { op, opOk, viewOf } from './agent-helpers.ts';
import { acceptedChat, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
let id: string;
beforeEach(async () => {
  t = await startTestSandbox();
  id = (await t.customer('POST', '/api/v2/chats', { nickname: 'Jane', userData: { 'Page Name': 'Home' } })).body.id;
  await t.agent('alice', 'POST', '/api/v2/me', { operationName: 'Ready' });
  await opOk(t, 'alice', id, { operationName: 'Accept', nickname: 'Alice' });
});
afterEach(async () => {
  await t.stop();
});

const customerReads = async () => (await t.customer('GET', `/api/v2/chats/${id}/userdata`)).body.userData;

/** The chat log rows of the chat, read from the database. */
function log(chatId: string): { kind: string; agent_name: string | null; detail: string }[] {
  const db = new Database(join(t.dataDir, 'sandbox.db'), { readonly: true });
  try {
    return db.prepare('SELECT kind, agent_name, detail FROM chat_log WHERE chat_id = ? ORDER BY seq').all(chatId) as never;
  } finally {
    db.close();
  }
}

describe('agent UpdateUserData', () => {
  it('adds and overwrites keys the agents see; the customer does not read keys an agent set', async () => {
    await opOk(t, 'alice', id, { operationName: 'UpdateUserData', userData: { Outcome: 'fee waived', 'Page Name': 'Billing' } });
    expect((await viewOf(t, 'alice', id)).userData).toEqual({ 'Page Name': 'Billing', Outcome: 'fee waived' });
    expect(await customerReads()).toEqual({});
    // The customer setting a key again makes it its own.
    await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'UpdateUserData', userData: { 'Page Name': 'Loans' } });
    expect(await customerReads()).toEqual({ 'Page Name': 'Loans' });
    expect(log(id).map((r) => [r.kind, r.agent_name, r.detail])).toEqual([
      ['requested', null, '{"queue":"Default"}'],
      ['accepted', 'alice', '{"nickname":"Alice","offer":"Queue"}'],
      ['user-data', 'alice', '{"set":{"Outcome":"fee waived","Page Name":"Billing"}}'],
      ['user-data', null, '{"set":{"Page Name":"Loans"}}'],
    ]);
  });

  it('refuses bad bodies, other agents, consultants and ended chats, changing nothing', async () => {
    await opOk(t, 'alice', id, { operationName: 'StartChatConsultation', agentId: 'bob' });
    await opOk(t, 'bob', id, { operationName: 'Accept', nickname: 'Bob' });
    const other = await acceptedChat(t, 'bob', 'Bob');
    await t.customer('POST', `/api/v2/chats/${other}`, { operationName: 'Complete' });
    const cases: [string, string, Record<string, unknown>, number, number, RegExp][] = [
      ['alice', id, {}, 400, 1, /^Required parameter 'userData' is missing\.$/],
      ['alice', id, { userData: {} }, 400, 10, /must set at least one key/],
      ['alice', id, { userData: { a: 1 } }, 400, 10, /values must be strings/],
      ['alice', id, { userData: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'])) }, 400, 10, /the chat would hold 51 keys/],
      ['bob', id, { userData: { a: 'b' } }, 409, 2, /^A consultant cannot change the chat's user data\.$/],
      ['alice', other, { userData: { a: 'b' } }, 403, 5, /handled by another agent/],
      ['bob', other, { userData: { a: 'b' } }, 409, 2, /has ended/],
    ];
    const before = t.snapshot();
    for (const [agent, chat, body, status, code, message] of cases) {
      const r = await op(t, agent, chat, { operationName: 'UpdateUserData', ...body });
      expect([r.status, r.body]).toEqual([status, { statusCode: code, statusMessage: expect.stringMatching(message) }]);
    }
    expect(t.snapshot()).toEqual(before);
  });
});
