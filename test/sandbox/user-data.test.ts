/** Customer-side user data (seed 002's setUserData / getUserData / deleteUserData, a Sandbox extra). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { viewOf } from './agent-helpers.ts';
import { acceptedChat, openNotifications, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
let id: string;
beforeEach(async () => {
  t = await startTestSandbox();
  id = await acceptedChat(t, 'alice');
  await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'UpdateUserData', userData: { 'Page Name': 'Home' } });
});
afterEach(async () => {
  await t.stop();
});

const update = (userData: unknown) => t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'UpdateUserData', userData });
const remove = (keys: unknown) => t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'DeleteUserData', keys });
const read = async (query = '') => (await t.customer('GET', `/api/v2/chats/${id}/userdata${query}`)).body;

async function refused(run: () => Promise<{ status: number; body: any }>, status: number, code: number, message: RegExp) {
  const before = t.snapshot();
  const r = await run();
  expect([r.status, r.body]).toEqual([status, { statusCode: code, statusMessage: expect.stringMatching(message) }]);
  expect(t.snapshot()).toEqual(before);
}

describe('user data', () => {
  it('sets, reads and deletes keys, and the agent sees each change', async () => {
    const s = await openNotifications(t.sb.url, 'alice');
    try {
      await s.take('InteractionAdded');
      expect((await update({ CoBrowseSessionId: 'cb-42', 'Page Name': 'Loans' })).body).toEqual({ statusCode: 0 });
      expect((await s.take('InteractionUpdated')).interaction.userData).toEqual({ 'Page Name': 'Loans', CoBrowseSessionId: 'cb-42' });
      expect(await read()).toEqual({ userData: { 'Page Name': 'Loans', CoBrowseSessionId: 'cb-42' }, statusCode: 0 });
      expect(await read('?keys=CoBrowseSessionId,Missing')).toEqual({ userData: { CoBrowseSessionId: 'cb-42' }, statusCode: 0 });

      expect((await remove(['Page Name', 'Never set'])).body).toEqual({ statusCode: 0 });
      expect((await s.take('InteractionUpdated')).interaction.userData).toEqual({ CoBrowseSessionId: 'cb-42' });
      expect((await viewOf(t, 'alice', id)).userData).toEqual({ CoBrowseSessionId: 'cb-42' });
      // Deleting keys that are not set changes nothing and is not an error.
      const before = t.snapshot();
      expect((await remove(['Page Name'])).body).toEqual({ statusCode: 0 });
      expect(t.snapshot()).toEqual(before);
    } finally {
      s.close();
    }
  });

  it('returns the data set at RequestChat, also after the chat ended', async () => {
    const other = (await t.customer('POST', '/api/v2/chats', { nickname: 'Jo', userData: { TimeZone: '-480' } })).body.id;
    await t.customer('POST', `/api/v2/chats/${other}`, { operationName: 'Complete' });
    expect((await t.customer('GET', `/api/v2/chats/${other}/userdata?keys=TimeZone`)).body.userData).toEqual({ TimeZone: '-480' });
  });

  it.each([
    ['a missing userData', () => t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'UpdateUserData' }), 400, 1, /^Required parameter 'userData' is missing\.$/],
    ['an empty userData', () => update({}), 400, 10, /^Invalid parameter 'userData': must set at least one key\.$/],
    ['a non-string value', () => update({ a: 1 }), 400, 10, /'userData\.a': values must be strings/],
    ['userData that is not an object', () => update('a=b'), 400, 10, /'userData': must be an object of strings/],
    ['more than 50 keys in all', () => update(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']))), 400, 10,
      /^Invalid parameter 'userData': the chat would hold 51 keys; at most 50 are allowed\.$/],
    ['missing keys', () => t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'DeleteUserData' }), 400, 1, /^Required parameter 'keys' is missing\.$/],
    ['an empty key list', () => remove([]), 400, 10, /'keys': must list at least one key/],
    ['keys that are not an array', () => remove('Page Name'), 400, 10, /'keys': must be an array of keys/],
    ['an empty key in the query', () => t.customer('GET', `/api/v2/chats/${id}/userdata?keys=a,,b`), 400, 10,
      /^Invalid parameter 'keys': must be a comma-separated list of keys of 1-200 characters\.$/],
    ['an unknown chat', () => t.customer('GET', '/api/v2/chats/nope/userdata'), 404, 6, /does not exist/],
    ['the wrong ContactCenterId', () => t.customer('GET', `/api/v2/chats/${id}/userdata`, undefined, { ContactCenterId: 'x' }), 403, 3, /ContactCenterId/],
  ])('refuses %s and changes nothing', async (_name, run, status, code, message) => {
    await refused(run, status, code, message);
  });

  it('refuses changes once the chat ended', async () => {
    await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'Complete' });
    await refused(() => update({ a: 'b' }), 409, 2, /has ended/);
    await refused(() => remove(['Page Name']), 409, 2, /has ended/);
  });
});
