/**
 * GWS adapter details the Sandbox cannot show: against a stock GWS Customer Chat API v2
 * server (no user data calls after RequestChat), seed 002's calls fail with a clear,
 * final "not supported" instead of whatever the server says about an operation it does
 * not know, while real failures (an unknown or ended chat) keep their own error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGwsBackend } from '../../src/backends/gws';
import { BackendError, UNSUPPORTED_CODE } from '../../src/backends/types';
import { fakeServer, type FakeServer, type Seen } from './backends.fake-server';

const STOCK_CAPABILITIES = ['SendMessage', 'SendStartTypingNotification', 'SendStopTypingNotification', 'Complete'];

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A stock GWS server knowing chat `open` (and `ended`, with no capabilities left). */
async function stockGws() {
  server = await fakeServer((req: Seen) => {
    const [, , , , id, sub] = req.path.split('/'); // /api/v2/chats/{id}[/sub]
    if (id !== 'open' && id !== 'ended') return { status: 404, json: { statusCode: 6, statusMessage: `Chat ${id} not found` } };
    if (sub === 'userdata') return { status: 404, text: '<html>Not Found</html>' };
    if (req.method === 'GET') return { json: { statusCode: 0, chat: { id, state: 'Chatting', capabilities: id === 'open' ? STOCK_CAPABILITIES : [] } } };
    const op = (JSON.parse(req.body) as { operationName: string }).operationName;
    if (id === 'ended') return { status: 400, json: { statusCode: 2, statusMessage: 'Chat is not active' } };
    return { status: 400, json: { statusCode: 10, statusMessage: `Operation ${op} is not valid` } };
  });
  return createGwsBackend({ url: server.url, contactCenterId: 'cc-1' }, { fetch, timeoutMs: 2_000 });
}

describe('GWS adapter user data on a stock GWS server', () => {
  it('set, get and delete are "not supported": final, code 501, naming the missing call', async () => {
    const backend = await stockGws();
    const errors = await Promise.all([
      backend.setUserData('open', { a: '1' }).catch((e: unknown) => e),
      backend.getUserData('open', ['a']).catch((e: unknown) => e),
      backend.deleteUserData('open', ['a']).catch((e: unknown) => e),
    ]);
    for (const e of errors) {
      expect(e).toBeInstanceOf(BackendError);
      expect(e).toMatchObject({ unsupported: true, retryable: false, notFound: false, code: UNSUPPORTED_CODE });
      expect((e as Error).message).toMatch(/a Beckon Sandbox extra, not part of the GWS Customer Chat API v2/);
    }
    expect((errors[0] as Error).message).toMatch(/cannot change user data after the chat started \(UpdateUserData/);
    expect((errors[1] as Error).message).toMatch(/cannot read user data back/);
    expect((errors[2] as Error).message).toMatch(/cannot delete user data \(DeleteUserData/);
    expect(server!.seen.every((s) => s.headers.contactcenterid === 'cc-1')).toBe(true);
  });

  it('keeps the real error for an unknown chat (not found) and an ended one (the server says why)', async () => {
    const backend = await stockGws();
    expect(await backend.getUserData('gone', ['a']).catch((e: unknown) => e)).toMatchObject({ notFound: true, code: 6, unsupported: false });
    expect(await backend.setUserData('gone', { a: '1' }).catch((e: unknown) => e)).toMatchObject({ notFound: true, code: 6, unsupported: false });
    // An ended chat lists no capabilities: nothing says the call is missing, so the server's word stands.
    expect(await backend.setUserData('ended', { a: '1' }).catch((e: unknown) => e))
      .toMatchObject({ retryable: false, code: 2, unsupported: false, message: 'Chat is not active' });
  });

  it('sends nothing for empty calls', async () => {
    const backend = await stockGws();
    await backend.setUserData('open', {});
    await backend.deleteUserData('open', []);
    expect(await backend.getUserData('open', [])).toEqual({});
    expect(server!.seen).toEqual([]);
  });
});
