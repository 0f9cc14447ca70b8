/**
 * The GMS file API (protocols.md §3.1): limits under the names a real GMS server sends and
 * Genesys' iOS library reads (ChatV2FileLimits.swift: download-attempts, upload-max-files,
 * upload-max-file-size, upload-max-total-size, upload-need-agent, upload-file-types, used-*,
 * delete-file) in a `file-client-cfg-get` Notice and the reply's userData; upload (multipart
 * `file` + `userData[file-description]`, reply userData `file-id`); download; delete; and
 * `FileUploaded` / `FileDeleted` in the transcript with the file in userData (as a real GMS
 * transcript shows: text = file id, file-id, file-name, file-size).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { opOk } from './agent-helpers.ts';
import { type FilePart, gmsClient, type Session } from './gms-helpers.ts';
import { setReady, startTestSandbox, type TestSandbox } from './helpers.ts';
import type { FileLimits } from '../../sandbox/files/limits.ts';

let t: TestSandbox;
const sandboxes: TestSandbox[] = [];
async function sandbox(fileLimits?: Partial<FileLimits>, dataDir?: string): Promise<TestSandbox> {
  t = await startTestSandbox({ ...(fileLimits ? { fileLimits } : {}), ...(dataDir ? { dataDir } : {}) });
  sandboxes.push(t);
  return t;
}
afterEach(async () => {
  for (const s of sandboxes.splice(0)) await s.stop();
});
const { url, multipart, start, call } = gmsClient(() => t);

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const png = (name = 'statement.png'): FilePart => ({ name, type: 'image/png', data: PNG });
const upload = (s: Session, file: FilePart, fields: Record<string, string> = {}) =>
  multipart(`request-chat/${s.chatId}/file`, { ...s.creds, ...fields }, { file });
const download = (s: Session, fileId: string) =>
  fetch(url(`request-chat/${s.chatId}/file/${fileId}/download`), { method: 'POST', body: new URLSearchParams(s.creds) });
const limitsOf = async (s: Session) => (await call(s, 'file/limits')).body.userData as Record<string, string>;
const stored = () => readdirSync(join(t.dataDir, 'files')).filter((f) => !f.endsWith('.part'));

describe('GMS file limits', () => {
  it('come in the reply userData and in a file-client-cfg-get Notice outside the transcript, every value a string', async () => {
    await sandbox();
    const s = await start();
    const r = await call(s, 'file/limits');
    const expected = {
      'download-attempts': '10', 'upload-max-files': '5', 'upload-max-file-size': '10485760', 'upload-max-total-size': '99614720',
      'upload-need-agent': 'false', 'upload-file-types': 'gif:jpeg:jpg:pdf:png:txt:zip', 'used-upload-max-files': '0',
      'used-upload-max-total-size': '0', 'used-download-attempts': '0', 'delete-file': 'false',
    };
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ statusCode: 0, chatId: s.chatId, ...s.creds, chatEnded: false, userData: expected });
    expect(r.body.messages).toEqual([{ from: { nickname: 'Jane', participantId: 1, type: 'Client' }, type: 'Notice', text: 'file-client-cfg-get', utcTime: expect.any(Number), userData: expected }]);
  });

  it('refuse bad limits at start', async () => {
    await expect(startTestSandbox({ fileLimits: { maxFileSize: -1 } })).rejects.toThrow(/maxFileSize must be an integer/);
    await expect(startTestSandbox({ fileLimits: { fileTypes: ['.exe'] } })).rejects.toThrow(/fileTypes/);
  });
});

describe('GMS file upload, download, delete', () => {
  it('uploads with a description, shows FileUploaded, downloads the same bytes, deletes with FileDeleted', async () => {
    await sandbox();
    const s = await start();
    const up = await upload(s, png('C:\\Users\\jane\\statement.png'), { 'userData[file-description]': 'My statement', transcriptPosition: '1' });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ statusCode: 0, chatId: s.chatId, userData: { 'file-id': expect.stringMatching(/^[0-9A-F]{16}$/) } });
    const fileId = up.body.userData['file-id'] as string;
    expect(up.body.messages.at(-1)).toEqual({
      from: { nickname: 'Jane', participantId: 1, type: 'Client' }, index: 2, type: 'FileUploaded', text: fileId, utcTime: expect.any(Number),
      userData: { 'file-id': fileId, 'file-name': 'statement.png', 'file-size': String(PNG.length), 'file-type': 'image/png', 'file-description': 'My statement' },
    });
    expect(await limitsOf(s)).toMatchObject({ 'used-upload-max-files': '1', 'used-upload-max-total-size': String(PNG.length) });

    const got = await download(s, fileId);
    expect(got.status).toBe(200);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(PNG);
    expect([got.headers.get('content-type'), got.headers.get('content-disposition'), got.headers.get('x-content-type-options')])
      .toEqual(['image/png', 'attachment; filename="statement.png"', 'nosniff']);
    expect((await limitsOf(s))['used-download-attempts']).toBe('1');

    const del = await call(s, `file/${fileId}/delete`, { transcriptPosition: '3' });
    expect(del.body).toMatchObject({ statusCode: 0, chatId: s.chatId });
    expect(del.body.messages).toEqual([{ from: { nickname: 'Jane', participantId: 1, type: 'Client' }, index: 3, type: 'FileDeleted', text: fileId,
      utcTime: expect.any(Number), userData: { 'file-id': fileId, 'file-name': 'statement.png' } }]);
    const gone = await download(s, fileId);
    expect([gone.status, await gone.json()]).toEqual([200, { statusCode: 2, chatId: s.chatId, chatEnded: false, statusMessage: expect.stringMatching(/no file/) }]);
    expect((await call(s, `file/${fileId}/delete`)).body).toMatchObject({ statusCode: 2, chatEnded: false });
    // Deleting gives nothing back (delete-file: false).
    expect((await limitsOf(s))['used-upload-max-files']).toBe('1');
    await new Promise((r) => setTimeout(r, 50));
    expect(stored()).toEqual([]);
  });

  it('refuses a file over upload-max-file-size (the real default, 10 MiB) with statusCode 2, storing nothing', async () => {
    await sandbox();
    const s = await start();
    const before = t.snapshot();
    const big = await upload(s, { name: 'big.zip', type: 'application/zip', data: new Uint8Array(10_485_761) });
    expect([big.status, big.body]).toEqual([200, { statusCode: 2, chatId: s.chatId, chatEnded: false, statusMessage: expect.stringMatching(/larger than 10485760 bytes.*upload-max-file-size/) }]);
    expect(t.snapshot()).toEqual(before);
    expect(stored()).toEqual([]);
    // Exactly the limit is fine.
    expect((await upload(s, { name: 'edge.zip', type: 'application/zip', data: new Uint8Array(10_485_760) })).body.statusCode).toBe(0);
  });

  it('refuses a body that cannot hold an acceptable file before reading it: 413 errors list', async () => {
    await sandbox({ maxFileSize: 100 });
    const s = await start();
    const r = await upload(s, { name: 'a.txt', type: 'text/plain', data: 'x'.repeat(100 + 64 * 1024 + 10) });
    expect(r.status).toBe(413);
    expect(r.body).toEqual({ errors: [{ code: 10, message: expect.stringMatching(/larger than the largest file/) }] });
  });

  it.each([
    ['a type not allowed', {}, [{ name: 'run.exe', type: 'application/octet-stream', data: 'MZ' }], /not of an allowed type.*upload-file-types/],
    ['too many files', { maxFiles: 1 }, [png('1.png'), png('2.png')], /already has 1 uploads.*upload-max-files/],
    ['too many bytes in all', { maxTotalSize: PNG.length + 1 }, [png('1.png'), png('2.png')], /would total.*upload-max-total-size/],
    ['no agent yet with upload-need-agent', { needAgent: true }, [png()], /only while an agent is in the chat/],
  ])('refuses %s with statusCode 2, the chat going on', async (_name, limits, parts, message) => {
    await sandbox(limits as Partial<FileLimits>);
    const s = await start();
    for (const part of parts.slice(0, -1)) expect((await upload(s, part as FilePart)).body.statusCode).toBe(0);
    const before = t.snapshot();
    const r = await upload(s, parts.at(-1) as FilePart);
    expect([r.status, r.body]).toEqual([200, { statusCode: 2, chatId: s.chatId, chatEnded: false, statusMessage: expect.stringMatching(message) }]);
    expect(t.snapshot()).toEqual(before);
  });

  it('takes uploads once an agent is in, with upload-need-agent', async () => {
    await sandbox({ needAgent: true });
    const s = await start();
    await setReady(t, 'alice', 'Ready');
    await opOk(t, 'alice', s.chatId, { operationName: 'Accept', nickname: 'Alice' });
    expect((await upload(s, png())).body.statusCode).toBe(0);
  });

  it('counts download attempts and refuses past download-attempts', async () => {
    await sandbox({ downloadAttempts: 1 });
    const s = await start();
    const fileId = (await upload(s, png())).body.userData['file-id'];
    expect((await download(s, fileId)).status).toBe(200);
    const second = await download(s, fileId);
    expect(await second.json()).toMatchObject({ statusCode: 2, chatId: s.chatId, chatEnded: false, statusMessage: expect.stringMatching(/download-attempts/) });
  });

  it('refuses an upload without a file part (400 errors code 1), with wrong credentials (statusCode 2), and on an ended chat (chatEnded true)', async () => {
    await sandbox();
    const s = await start();
    const none = await multipart(`request-chat/${s.chatId}/file`, { ...s.creds });
    expect([none.status, none.body]).toEqual([400, { errors: [{ code: 1, message: expect.stringMatching(/^Required parameter 'file' is missing/) }] }]);
    const wrong = await multipart(`request-chat/${s.chatId}/file`, { ...s.creds, secureKey: 'guess' }, { file: png() });
    expect([wrong.status, wrong.body.statusCode, wrong.body.chatEnded]).toEqual([200, 2, undefined]);
    const badDownload = await fetch(url(`request-chat/${s.chatId}/file/0000000000000000/download`), { method: 'POST', body: new URLSearchParams({ ...s.creds, secureKey: 'guess' }) });
    expect((await badDownload.json()).statusCode).toBe(2);
    const fileId = (await upload(s, png())).body.userData['file-id'];
    await call(s, 'disconnect');
    const late = await upload(s, png('late.png'));
    expect(late.body).toMatchObject({ statusCode: 2, chatId: s.chatId, chatEnded: true });
    // A read still works after the end.
    expect((await download(s, fileId)).status).toBe(200);
  });

  it('keeps files across a restart: the transcript and the bytes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'beckon-files-'));
    try {
      await sandbox(undefined, dataDir);
      const s = await start();
      const fileId = (await upload(s, png())).body.userData['file-id'];
      await t.stop();
      sandboxes.splice(0);
      await sandbox(undefined, dataDir);
      const transcript = (await call(s, 'refresh')).body.messages;
      expect(transcript.at(-1)).toMatchObject({ type: 'FileUploaded', text: fileId, userData: { 'file-name': 'statement.png' } });
      expect(new Uint8Array(await (await download(s, fileId)).arrayBuffer())).toEqual(PNG);
    } finally {
      for (const x of sandboxes.splice(0)) await x.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
