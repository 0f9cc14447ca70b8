/**
 * The chat loop's uploads and the file commands (a visitor's file on GMS), over a scripted
 * backend: what a server did when a worker stopped mid-upload is exactly what cannot be staged
 * with a real one. A file is never lost and never sent twice: its bytes wait in the upload
 * store, the line says pending, and a try that may have reached the server is checked by a read
 * by index before it goes again. The real upload against the Sandbox is in the e2e suite.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackendError, type ChatBackend, type FetchOptions, type OutgoingFile } from '../../src/backends/types';
import { ChatRunner } from '../../src/background/chat-runner';
import { attachFile, downloadFile } from '../../src/background/file-commands';
import { SessionStore } from '../../src/background/session-store';
import { toBase64 } from '../../src/core/base64';
import type { FileLimits } from '../../src/core/chat-files';
import { newSession } from '../../src/core/chat-session';
import type { ChatEvent } from '../../src/core/chat-events';
import { waitFor } from '../e2e/support/wait';
import { memoryUploadStore } from './memory-upload-store';
import { quietOperations } from './scripted-backend';

const LIMITS: FileLimits = {
  maxFileSize: 1_000, maxTotalSize: 5_000, maxFiles: 3, types: ['pdf', 'txt'], needAgent: false, downloadAttempts: 2, usedFiles: 0, usedTotalSize: 0, usedDownloads: 0,
};

/** A GMS-like backend: `server` is what it has; `uploadFails` makes the next uploads fail as given. */
function scriptedBackend() {
  const server = { events: [] as ChatEvent[], uploads: [] as OutgoingFile[], limitsReads: 0, uploadFails: [] as BackendError[], hang: false };
  const backend = {
    kind: 'scripted',
    longPollMs: () => 0,
    requestChat: async () => ({ chatId: 'gms-1' }),
    async fetchEvents(_id: string, opts: FetchOptions = {}) {
      return { events: server.events.filter((e) => e.index >= (opts.fromIndex ?? 0)), ended: false };
    },
    ...quietOperations,
    files: {
      limits: async () => (server.limitsReads++, LIMITS),
      async upload(_chat: string, file: OutgoingFile) {
        const fail = server.uploadFails.shift();
        if (fail) throw fail;
        server.uploads.push(file);
        const fileId = `F${server.uploads.length}`;
        server.events.push({ index: server.events.length + 1, type: 'file', party: 'visitor', nickname: 'Jane', file: { id: fileId, name: file.name, size: file.bytes.length } });
        if (server.hang) await new Promise(() => undefined); // the reply never comes: the worker stops here
        return { fileId };
      },
      async download(_chat: string, fileId: string) {
        if (fileId !== 'F9') throw new BackendError('no such file', 'refused', 2);
        return { name: 'terms.pdf', mime: 'application/pdf', bytes: new Uint8Array([1, 2, 3]) };
      },
    },
  } satisfies ChatBackend;
  return { server, backend };
}

let store: SessionStore;
beforeEach(async () => {
  fakeBrowser.reset();
  store = new SessionStore(browser.storage.local);
  await store.load(Date.now());
  await store.add({ ...newSession('c1', 1, 'Billing', { nickname: 'Jane', subject: '', userData: {} }, Date.now()), chatId: 'gms-1', status: 'connected', agents: ['Alice'] });
});

const attach = (name: string, bytes: Uint8Array, uploadId = `up-${name}-0001`) =>
  ({ type: 'file.attach' as const, chatId: 'c1', uploadId, name, mime: 'application/pdf', data: toBase64(bytes) });

describe('uploads through the chat loop', () => {
  it('reads the limits once, uploads an attached file, marks it sent with the server id and drops its bytes', async () => {
    const { server, backend } = scriptedBackend();
    const uploads = memoryUploadStore();
    const runner = new ChatRunner({ store, now: Date.now, random: () => 0, pollIntervalMs: 10, uploads, backend: async () => backend });
    const deps = { store, runner, uploads, backend: async () => backend, now: Date.now, nickname: async () => 'Jane' };
    runner.ensure('c1');
    await waitFor(() => store.get('c1')!.fileLimits !== undefined, { what: 'the limits' });
    // A refusal in English, and as a phrase the visitor's UI words in its own language.
    expect(await attachFile(deps, store.get('c1')!, attach('big.pdf', new Uint8Array(1_001)))).toEqual({
      type: 'error', message: 'big.pdf is 1001 bytes; files up to 1000 bytes can be sent.', phrase: { key: 'upload.tooBig', params: { name: 'big.pdf', size: 1001, max: 1000 } },
    });
    expect(await attachFile(deps, store.get('c1')!, attach('run.exe', new Uint8Array(5)))).toMatchObject({ type: 'error', message: expect.stringMatching(/accepts pdf, txt files, not \.exe/) });
    expect(await attachFile(deps, store.get('c1')!, attach('statement.pdf', new Uint8Array([37, 80, 68, 70])))).toBeUndefined();
    await waitFor(() => store.get('c1')!.transcript.some((e) => e.delivery === 'sent'), { what: 'the upload' });
    runner.stop();
    expect(server.uploads.map((u) => [u.name, [...u.bytes], u.uploadId])).toEqual([['statement.pdf', [37, 80, 68, 70], 'up-statement.pdf-0001']]);
    expect(store.get('c1')!.transcript).toEqual([expect.objectContaining({ kind: 'file', delivery: 'sent', index: 1, file: expect.objectContaining({ id: 'F1', name: 'statement.pdf', size: 4 }) })]);
    expect(uploads.ids()).toEqual([]);
    expect(server.limitsReads).toBe(1);
    expect(store.get('c1')!.fileLimits).toMatchObject({ usedFiles: 1, usedTotalSize: 4 });
  });

  it('after a worker stop mid-upload, finds the file arrived by a read by index and does not send it twice', async () => {
    const { server, backend } = scriptedBackend();
    const uploads = memoryUploadStore();
    server.hang = true;
    const first = new ChatRunner({ store, now: Date.now, random: () => 0, pollIntervalMs: 10, uploads, backend: async () => backend });
    await store.update('c1', (s) => ({ ...s, fileLimits: LIMITS }));
    await attachFile({ store, runner: first, uploads, backend: async () => backend, now: Date.now, nickname: async () => 'Jane' }, store.get('c1')!, attach('statement.pdf', new Uint8Array([1])));
    await waitFor(() => server.uploads.length === 1, { what: 'the first try' });
    first.stop(); // the worker went away with the reply in flight
    // A new worker: the state as stored (loading marks every live chat for a read by index).
    const stored = new SessionStore(browser.storage.local);
    await store.stored();
    await stored.load(Date.now());
    server.hang = false;
    const second = new ChatRunner({ store: stored, now: Date.now, random: () => 0, pollIntervalMs: 10, uploads, backend: async () => backend });
    second.resumeAll();
    await waitFor(() => stored.get('c1')!.transcript[0]?.delivery === 'sent', { what: 'the file confirmed' });
    second.stop();
    expect(server.uploads).toHaveLength(1);
    expect(stored.get('c1')!.transcript).toHaveLength(1);
  });

  it('a refused upload is marked not sent with the server\'s reason; a lost file says to attach it again; a retry goes', async () => {
    const { server, backend } = scriptedBackend();
    const uploads = memoryUploadStore();
    server.uploadFails.push(new BackendError('The file is larger than this chat takes.', 'refused', 2));
    const runner = new ChatRunner({ store, now: Date.now, random: () => 0, pollIntervalMs: 10, uploads, backend: async () => backend });
    const deps = { store, runner, uploads, backend: async () => backend, now: Date.now, nickname: async () => 'Jane' };
    await store.update('c1', (s) => ({ ...s, fileLimits: LIMITS }));
    await attachFile(deps, store.get('c1')!, attach('a.pdf', new Uint8Array([1])));
    await waitFor(() => store.get('c1')!.transcript[0]?.delivery === 'failed', { what: 'the refusal' });
    expect(store.get('c1')!.transcript[0]).toMatchObject({ failure: 'The file is larger than this chat takes.' });
    expect(uploads.ids()).toEqual(['up-a.pdf-0001']); // kept: the visitor may retry
    await store.update('c1', (s) => ({ ...s, transcript: s.transcript.map((e) => ({ ...e, delivery: 'pending' as const })) }));
    runner.ensure('c1');
    await waitFor(() => store.get('c1')!.transcript[0]?.delivery === 'sent', { what: 'the retry' });
    // Attached while the loop is not told (else it may send the file before it is lost), then
    // the browser clears IndexedDB under us, then the loop looks.
    const idle = { ...deps, runner: { ensure: () => undefined } as unknown as ChatRunner };
    await attachFile(idle, store.get('c1')!, attach('b.pdf', new Uint8Array([2])));
    await uploads.delete('up-b.pdf-0001');
    runner.ensure('c1');
    await waitFor(() => store.get('c1')!.transcript[1]?.delivery === 'failed', { what: 'the lost file' });
    expect(store.get('c1')!.transcript[1]).toMatchObject({ failure: 'The file was lost before it could be sent: attach it again.' });
    runner.stop();
  });

  it('downloads a file of the chat, counting the attempt; refuses one it does not know', async () => {
    const { backend } = scriptedBackend();
    const uploads = memoryUploadStore();
    const runner = new ChatRunner({ store, now: Date.now, random: () => 0, pollIntervalMs: 10, uploads, backend: async () => backend });
    const deps = { store, runner, uploads, backend: async () => backend, now: Date.now, nickname: async () => 'Jane' };
    await store.update('c1', (s) => ({ ...s, fileLimits: LIMITS, transcript: [{ key: 'i1', index: 1, kind: 'file', from: 'agent', nickname: 'Alice', text: 'terms.pdf', at: 1, file: { id: 'F9', name: 'terms.pdf' } }] }));
    const got = await downloadFile(deps, store.get('c1')!, { type: 'file.download', chatId: 'c1', fileId: 'F9', requestId: 'r1' });
    expect(got).toEqual({ type: 'file', requestId: 'r1', name: 'terms.pdf', mime: 'application/pdf', data: 'AQID' });
    expect(store.get('c1')!.fileLimits?.usedDownloads).toBe(1);
    expect(await downloadFile(deps, store.get('c1')!, { type: 'file.download', chatId: 'c1', fileId: 'F1', requestId: 'r2' })).toEqual({ type: 'file', requestId: 'r2', error: 'That file is not in this chat (any more).', phrase: { key: 'error.fileGone' } });
  });
});
