/**
 * GMS file API wire details the Sandbox cannot show, on a scripted server: the multipart
 * upload as sent, limits replies that are malformed, download replies that are garbage or
 * too large, a server without the file API, and the byte cap of the transport.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGmsBackend } from '../../src/backends/gms';
import { sendForBytes } from '../../src/backends/http';
import { BackendError, type ChatBackend } from '../../src/backends/types';
import { fakeServer, type Answer, type FakeServer, type Seen } from './backends.fake-server';

const CREDS = { userId: 'U1', secureKey: 'K1', alias: 'A1' };
const ok = (extra: object = {}): Answer => ({ json: { statusCode: 0, chatId: 'c1', ...CREDS, messages: [], ...extra } });
const LIMITS = {
  'download-attempts': '10', 'upload-max-files': '5', 'upload-max-file-size': '10485760', 'upload-max-total-size': '99614720', 'upload-need-agent': 'false',
  'upload-file-types': 'pdf:txt', 'used-upload-max-files': '0', 'used-upload-max-total-size': '0', 'used-download-attempts': '0', 'delete-file': 'false',
};

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A GMS that starts chat `c1` and answers everything else with `reply(req)`. */
async function gms(reply: (req: Seen) => Answer): Promise<{ backend: ChatBackend; chatId: string; seen: Seen[] }> {
  server = await fakeServer((req) => (req.path.endsWith('/request-chat') ? ok({ nextPosition: 1 }) : reply(req)));
  const backend = createGmsBackend({ url: server.url }, { fetch, timeoutMs: 2_000 });
  const { chatId } = await backend.requestChat({ nickname: 'Jane', subject: 's', queue: 'q', userData: {} });
  return { backend, chatId, seen: server.seen };
}

async function failure(call: Promise<unknown>): Promise<BackendError> {
  const outcome = await call.then(() => 'resolved', (e: unknown) => e);
  expect(outcome).toBeInstanceOf(BackendError);
  return outcome as BackendError;
}

describe('GMS file API on the wire', () => {
  it('uploads multipart: credentials, the upload id and description as user data, the file with its name and type', async () => {
    const { backend, chatId, seen } = await gms(() => ok({ userData: { 'file-id': 'F1' } }));
    const bytes = Uint8Array.from([0, 255, 13, 10, 45, 45]);
    const result = await backend.files!.upload(chatId, { name: 'C:\\Users\\jane\\scan "1".pdf', mime: 'Application/PDF', bytes, description: 'page 1', uploadId: 'up-7' });
    expect(result).toEqual({ fileId: 'F1' });
    const sent = seen.at(-1)!;
    expect(sent.path).toBe('/genesys/2/chat/request-chat/c1/file');
    expect(sent.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Request('http://x/', { method: 'POST', headers: { 'content-type': sent.headers['content-type']! }, body: new Uint8Array(sent.bytes) }).formData();
    expect([...form.keys()]).toEqual(['userId', 'secureKey', 'alias', 'userData[beckon-upload-id]', 'userData[file-description]', 'file']);
    expect(Object.fromEntries([...form].filter(([, v]) => typeof v === 'string'))).toEqual({ ...CREDS, 'userData[beckon-upload-id]': 'up-7', 'userData[file-description]': 'page 1' });
    const file = form.get('file') as File;
    expect(file.name).toBe('scan "1".pdf');
    expect(file.type).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
  });

  it('an upload reply without a usable file id is refused (sending again would send the file twice)', async () => {
    for (const userData of [undefined, {}, { 'file-id': '../../x' }, 'F1']) {
      const { backend, chatId } = await gms(() => ok(userData === undefined ? {} : { userData }));
      expect(await failure(backend.files!.upload(chatId, { name: 'a.txt', mime: 'text/plain', bytes: new Uint8Array(1), uploadId: 'u' })))
        .toMatchObject({ kind: 'refused', message: 'The chat server took a.txt but gave no usable file id for it.' });
      await server!.close();
      server = undefined;
    }
  });

  it('reads limits from user data; a malformed limits reply is refused, naming what is wrong', async () => {
    const replies: Answer[] = [
      ok({ userData: LIMITS }),
      ok({ userData: { ...LIMITS, 'upload-max-file-size': 'ten MB' } }),
      ok(),
      { raw: '{"statusCode":0, "userData": {' },
      { json: { statusCode: 0, messages: 'none' } },
    ];
    const { backend, chatId, seen } = await gms(() => replies.shift()!);
    expect(await backend.files!.limits(chatId)).toMatchObject({ maxFileSize: 10_485_760, types: ['pdf', 'txt'] });
    expect(seen.at(-1)).toMatchObject({ path: '/genesys/2/chat/request-chat/c1/file/limits', form: CREDS });
    expect(await failure(backend.files!.limits(chatId))).toMatchObject({ kind: 'refused', message: "The chat server's file limits cannot be read: 'upload-max-file-size' is not a whole number of at least 0." });
    expect(await failure(backend.files!.limits(chatId))).toMatchObject({ kind: 'refused', message: expect.stringMatching(/'upload-max-file-size' is missing/) });
    expect(await failure(backend.files!.limits(chatId))).toMatchObject({ kind: 'retry', message: expect.stringMatching(/invalid JSON/) });
    expect(await failure(backend.files!.limits(chatId))).toMatchObject({ kind: 'retry', message: expect.stringMatching(/Unexpected reply/) });
  });

  it('a server without the file API (HTTP 404, no envelope) is unsupported, not a chat that is gone', async () => {
    const { backend, chatId } = await gms(() => ({ status: 404, text: '<h1>Not Found</h1>' }));
    expect(await failure(backend.files!.limits(chatId))).toMatchObject({ kind: 'unsupported', message: expect.stringMatching(/no GMS file API/) });
    expect(await failure(backend.files!.upload(chatId, { name: 'a.txt', mime: 'text/plain', bytes: new Uint8Array(1), uploadId: 'u' }))).toMatchObject({ kind: 'unsupported' });
    expect(await failure(backend.files!.download(chatId, 'F1'))).toMatchObject({ kind: 'refused', code: 404 });
  });

  it('downloads bytes named by Content-Disposition; without one, a neutral name and type', async () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    const replies: Answer[] = [
      { bytes, headers: { 'Content-Type': 'image/png', 'Content-Disposition': `attachment; filename="x.png"; filename*=UTF-8''%C3%A9t%C3%A9.png` } },
      { bytes, headers: { 'Content-Type': 'text/html<bad>' } },
    ];
    const { backend, chatId, seen } = await gms(() => replies.shift()!);
    expect(await backend.files!.download(chatId, 'F1')).toEqual({ name: 'été.png', mime: 'image/png', bytes });
    expect(seen.at(-1)).toMatchObject({ path: '/genesys/2/chat/request-chat/c1/file/F1/download', form: CREDS });
    expect(await backend.files!.download(chatId, 'F1')).toEqual({ name: 'file', mime: 'application/octet-stream', bytes });
  });

  it('a JSON file named by Content-Disposition is a file, not an error', async () => {
    const body = new TextEncoder().encode('{"statusCode":2}');
    const { backend, chatId } = await gms(() => ({ bytes: body, headers: { 'Content-Type': 'application/json', 'Content-Disposition': 'attachment; filename="data.json"' } }));
    expect(await backend.files!.download(chatId, 'F1')).toEqual({ name: 'data.json', mime: 'application/json', bytes: body });
  });

  it('garbage in place of a download is an error of the right kind, never a file', async () => {
    const replies: Answer[] = [
      { raw: '{"statusCode": 2, "chatEnded": fal' }, // cut-off JSON
      { json: { hello: 'world' } }, // JSON without the envelope
      { json: { statusCode: 0, chatId: 'c1', ...CREDS, messages: [] } }, // success, but no file
      { json: { statusCode: 2, chatEnded: true } }, // the chat is over
      { json: { statusCode: 1 } },
      { status: 502, text: '<html>Bad gateway</html>' },
      { status: 403, text: 'Forbidden' },
    ];
    const { backend, chatId } = await gms(() => replies.shift()!);
    const download = () => failure(backend.files!.download(chatId, 'F1'));
    expect(await download()).toMatchObject({ kind: 'retry', message: expect.stringMatching(/invalid JSON/) });
    expect(await download()).toMatchObject({ kind: 'retry', message: expect.stringMatching(/without a statusCode/) });
    expect(await download()).toMatchObject({ kind: 'retry', message: 'The chat server replied to a download with JSON, not the file.' });
    expect(await download()).toMatchObject({ kind: 'gone', chatEnded: true });
    expect(await download()).toMatchObject({ kind: 'retry', code: 1 });
    expect(await download()).toMatchObject({ kind: 'retry', code: 502, message: 'The chat server did not send the file (HTTP 502).' });
    expect(await download()).toMatchObject({ kind: 'refused', code: 403 });
  });
});

describe('reading bytes (http.ts)', () => {
  const deps = { fetch, timeoutMs: 2_000 };

  it('reads a body whole, and gives up on one larger than the cap, declared or not', async () => {
    const body = new Uint8Array(5000).fill(65);
    server = await fakeServer((req) => (req.path === '/chunked' ? { bytes: body, headers: { 'Transfer-Encoding': 'chunked' } } : { bytes: body }));
    const read = (path: string, maxBytes: number) => sendForBytes(deps, server!.url, `${server!.url}${path}`, { method: 'GET' }, { maxBytes });
    expect((await read('/whole', 5000)).bytes).toEqual(body);
    for (const path of ['/whole', '/chunked']) {
      expect(await failure(read(path, 4999))).toMatchObject({ kind: 'refused', message: expect.stringMatching(/sent more than 4999 bytes/) });
    }
  });

  it('a body that stops short is retryable', async () => {
    const { createServer } = await import('node:http');
    const cut = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Length': '1000' });
      res.write('only this much');
      setTimeout(() => res.destroy(), 20);
    });
    await new Promise<void>((r) => cut.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(cut.address() as { port: number }).port}`;
    try {
      expect(await failure(sendForBytes(deps, url, url, { method: 'GET' }, { maxBytes: 10_000 }))).toMatchObject({ kind: 'retry', message: expect.stringMatching(/broke off the reply/) });
    } finally {
      await new Promise((r) => cut.close(r));
    }
  });
});
