/**
 * The GMS adapter's file API against a real Sandbox, in both its modes (default, and
 * vendor-exact: no statusMessage, only what Genesys documents): limits, the visitor's upload and
 * its FileUploaded naming the upload, an agent's file downloaded byte for byte, and every
 * refusal a BackendError of the right kind, worded by what was refused, with the chat going on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGmsBackend } from '../../src/backends/gms';
import { createBackend } from '../../src/backends/registry';
import { BackendError, type ChatBackend, type ChatFileTransfer, type OutgoingFile } from '../../src/backends/types';
import type { ChatEvent } from '../../src/core/chat-events';
import { agentClient, type AgentClient } from '../e2e/support/agent';
import { startTestSandbox, type TestSandbox } from '../e2e/support/sandbox';
import { request } from './backends.fixtures';

const text = (s: string) => new TextEncoder().encode(s);
/** Every byte value, twice: what a text-only path would mangle. */
const BINARY = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
const outgoing = (name: string, bytes: Uint8Array, extra: Partial<OutgoingFile> = {}): OutgoingFile =>
  ({ name, mime: 'text/plain', bytes, uploadId: `up-${name}`, ...extra });

/** The chat's events so far, every one (from index 1). */
const events = async (backend: ChatBackend, chatId: string): Promise<ChatEvent[]> => (await backend.fetchEvents(chatId, { fromIndex: 1 })).events;

/** The error a call fails with (the test fails if it does not). */
async function failure(call: Promise<unknown>): Promise<BackendError> {
  const outcome = await call.then(() => 'resolved', (e: unknown) => e);
  expect(outcome).toBeInstanceOf(BackendError);
  return outcome as BackendError;
}

it('GWS documents no customer file API: its adapter has no files, the GMS one has', () => {
  expect(createBackend('gws', { url: 'http://127.0.0.1:1' }, { fetch }).files).toBeUndefined();
  expect(createBackend('gms', { url: 'http://127.0.0.1:1' }, { fetch }).files).toBeDefined();
});

describe.each([false, true])('GMS file API (vendorExact: %s)', (vendorExact) => {
  describe('within the default limits', () => {
    let sandbox: TestSandbox;
    let agent: AgentClient;
    let backend: ChatBackend;
    let files: ChatFileTransfer;

    beforeAll(async () => {
      sandbox = await startTestSandbox({ vendorExact });
      agent = agentClient(sandbox.url, sandbox.agents[0]!);
      await agent.ready();
      backend = createGmsBackend({ url: sandbox.url }, { fetch, timeoutMs: 3_000 });
      files = backend.files!;
    });
    afterAll(() => sandbox?.close());

    it('reads the limits, as numbers, with what is used', async () => {
      const { chatId } = await backend.requestChat(request);
      expect(await files.limits(chatId)).toEqual({
        maxFileSize: 10_485_760, maxTotalSize: 99_614_720, maxFiles: 5, types: ['gif', 'jpeg', 'jpg', 'pdf', 'png', 'txt', 'zip'],
        needAgent: false, downloadAttempts: 10, usedFiles: 0, usedTotalSize: 0, usedDownloads: 0,
      });
      // The limits reply's Notice (outside the transcript) does not reach the events.
      expect((await events(backend, chatId)).map((e) => e.type)).toEqual(['joined']);
    });

    it("uploads the visitor's file: its FileUploaded names the upload, and it downloads as sent", async () => {
      const { chatId, session } = await backend.requestChat(request);
      const { fileId } = await files.upload(chatId, outgoing('notes.txt', text('hello ✓'), { description: 'my notes', uploadId: 'up-42' }), session);
      expect(fileId).toMatch(/^[0-9A-F]{16}$/);
      const uploaded = (await events(backend, chatId)).filter((e) => e.type === 'file');
      expect(uploaded).toEqual([expect.objectContaining({
        type: 'file', party: 'visitor', nickname: request.nickname, clientMessageId: 'up-42',
        file: { id: fileId, name: 'notes.txt', size: 9, mime: 'text/plain', description: 'my notes' },
      })]);
      expect(await files.limits(chatId)).toMatchObject({ usedFiles: 1, usedTotalSize: 9, usedDownloads: 0 });
      expect(await files.download(chatId, fileId)).toEqual({ name: 'notes.txt', mime: 'text/plain', bytes: text('hello ✓') });
      expect(await files.limits(chatId)).toMatchObject({ usedDownloads: 1 });
    });

    it("delivers an agent's file as a file event that downloads byte for byte, with its name and type", async () => {
      const { chatId } = await backend.requestChat(request);
      await agent.waitForInteraction((i) => i.id === chatId);
      await agent.accept(chatId, 'Alex');
      const name = 'Relevé n°3 – “final”.pdf';
      const fileId = await agent.sendFile(chatId, { name, mime: 'application/pdf', bytes: BINARY, description: 'your statement' });
      const [event] = (await events(backend, chatId)).filter((e) => e.type === 'file');
      expect(event).toMatchObject({ party: 'agent', nickname: 'Alex', file: { id: fileId, name, size: BINARY.length, mime: 'application/pdf', description: 'your statement' } });
      expect(event!.clientMessageId).toBeUndefined();
      const downloaded = await files.download(chatId, fileId);
      expect(downloaded.name).toBe(name);
      expect(downloaded.mime).toBe('application/pdf');
      expect(Buffer.from(downloaded.bytes).equals(Buffer.from(BINARY))).toBe(true);
    });

    it('refuses a download of a file the chat does not have, and the chat goes on', async () => {
      const { chatId } = await backend.requestChat(request);
      const error = await failure(files.download(chatId, '00D25C4FD5580141'));
      expect(error).toMatchObject({ kind: 'refused', code: 2, chatEnded: false });
      expect(error.message).toMatch(vendorExact ? /did not send the file: it may be unknown or deleted/ : /did not send the file: .*no file '00D25C4FD5580141'/);
      const notAnId = await failure(files.download(chatId, '../../refresh'));
      expect(notAnId).toMatchObject({ kind: 'refused', message: expect.stringMatching(/is not a file id/) });
      await backend.sendMessage(chatId, 'still here', 'm-1');
      expect((await backend.fetchEvents(chatId)).ended).toBe(false);
    });

    it('an upload to a chat that has ended is gone; its files still download', async () => {
      const { chatId } = await backend.requestChat(request);
      const { fileId } = await files.upload(chatId, outgoing('before.txt', text('kept')));
      await backend.complete(chatId);
      const error = await failure(files.upload(chatId, outgoing('after.txt', text('late'))));
      expect(error).toMatchObject({ kind: 'gone', chatEnded: true });
      if (vendorExact) return; // the customer completed: the vendor-exact Sandbox forgets the chat
      expect((await files.download(chatId, fileId)).bytes).toEqual(text('kept'));
    });
  });

  describe('under small limits', () => {
    let sandbox: TestSandbox;
    let agent: AgentClient;
    let backend: ChatBackend;
    let files: ChatFileTransfer;
    const reason = (sandboxSays: RegExp, guess: RegExp) => (vendorExact ? guess : sandboxSays);

    /** A chat an agent has joined (uploads need one here). */
    async function chatWithAgent(): Promise<string> {
      const { chatId } = await backend.requestChat(request);
      await agent.waitForInteraction((i) => i.id === chatId);
      await agent.accept(chatId, 'Alex');
      return chatId;
    }

    /** The chat is still going: a message goes through and a read does not say it ended. */
    async function stillGoing(chatId: string): Promise<void> {
      await backend.sendMessage(chatId, 'still here', `m-${Math.random()}`);
      expect((await backend.fetchEvents(chatId)).ended).toBe(false);
    }

    beforeAll(async () => {
      sandbox = await startTestSandbox({
        vendorExact,
        fileLimits: { maxFileSize: 1000, maxTotalSize: 1500, maxFiles: 2, fileTypes: ['txt', 'png'], downloadAttempts: 2, needAgent: true },
      });
      agent = agentClient(sandbox.url, sandbox.agents[0]!);
      await agent.ready();
      backend = createGmsBackend({ url: sandbox.url }, { fetch, timeoutMs: 3_000 });
      files = backend.files!;
    });
    afterAll(() => sandbox?.close());

    it('reads them', async () => {
      const { chatId } = await backend.requestChat(request);
      expect(await files.limits(chatId)).toEqual({
        maxFileSize: 1000, maxTotalSize: 1500, maxFiles: 2, types: ['txt', 'png'], needAgent: true, downloadAttempts: 2, usedFiles: 0, usedTotalSize: 0, usedDownloads: 0,
      });
    });

    it('refuses an upload while no agent is in the chat, then takes it once one is', async () => {
      const { chatId } = await backend.requestChat(request);
      const error = await failure(files.upload(chatId, outgoing('early.txt', text('x'))));
      expect(error).toMatchObject({ kind: 'refused', code: 2, chatEnded: false });
      expect(error.message).toMatch(/^The chat server did not take early\.txt: /);
      expect(error.message).toMatch(reason(/only while an agent is in the chat/, /it may be too large/));
      await agent.waitForInteraction((i) => i.id === chatId);
      await agent.accept(chatId);
      expect((await files.upload(chatId, outgoing('early.txt', text('x')))).fileId).toMatch(/^[0-9A-F]{16}$/);
    });

    it('refuses a file too large, of a type not taken, and one past the most files; the chat goes on', async () => {
      const chatId = await chatWithAgent();
      const tooLarge = await failure(files.upload(chatId, outgoing('big.txt', new Uint8Array(1001))));
      expect(tooLarge).toMatchObject({ kind: 'refused', code: 2, chatEnded: false, message: expect.stringMatching(/^The chat server did not take big\.txt: /) });
      expect(tooLarge.message).toMatch(reason(/upload-max-file-size/, /too large/));
      // Larger than the largest file plus the form around it: refused before it is read (HTTP 413, an errors list).
      const far = await failure(files.upload(chatId, outgoing('huge.txt', new Uint8Array(200_000))));
      expect(far).toMatchObject({ kind: 'refused', code: 413, message: expect.stringMatching(/^The chat server did not take huge\.txt: .*\(HTTP 413\)$/) });
      const wrongType = await failure(files.upload(chatId, outgoing('tool.exe', text('MZ'))));
      expect(wrongType).toMatchObject({ kind: 'refused', code: 2, chatEnded: false, message: expect.stringMatching(/^The chat server did not take tool\.exe: /) });
      expect(wrongType.message).toMatch(reason(/not of an allowed type/, /of a type this chat does not take/));
      await files.upload(chatId, outgoing('one.txt', text('1')));
      await files.upload(chatId, outgoing('two.txt', text('2')));
      const third = await failure(files.upload(chatId, outgoing('three.txt', text('3'))));
      expect(third).toMatchObject({ kind: 'refused', code: 2, chatEnded: false });
      expect(third.message).toMatch(reason(/upload-max-files/, /limits on files/));
      expect(await files.limits(chatId)).toMatchObject({ usedFiles: 2, usedTotalSize: 2 });
      await stillGoing(chatId);
    });

    it('refuses files past the total size', async () => {
      const chatId = await chatWithAgent();
      await files.upload(chatId, outgoing('a.txt', new Uint8Array(1000)));
      const error = await failure(files.upload(chatId, outgoing('b.txt', new Uint8Array(600))));
      expect(error).toMatchObject({ kind: 'refused', code: 2, chatEnded: false });
      expect(error.message).toMatch(reason(/upload-max-total-size/, /limits on files/));
      await stillGoing(chatId);
    });

    it('refuses a download once the attempts are used up; the chat goes on', async () => {
      const chatId = await chatWithAgent();
      const fileId = await agent.sendFile(chatId, { name: 'pic.png', mime: 'image/png', bytes: BINARY });
      await files.download(chatId, fileId);
      await files.download(chatId, fileId);
      const error = await failure(files.download(chatId, fileId));
      expect(error).toMatchObject({ kind: 'refused', code: 2, chatEnded: false });
      expect(error.message).toMatch(reason(/download attempts/, /download attempts may be used up/));
      expect(await files.limits(chatId)).toMatchObject({ usedDownloads: 2, downloadAttempts: 2 });
      await stillGoing(chatId);
    });
  });
});
