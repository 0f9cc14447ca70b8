/**
 * Files in a chat, the pure parts: limits and their messages, the visitor's uploads as
 * transcript lines, the server's file events merged (a retried upload shows once), base64.
 */
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../src/core/base64';
import { extensionOf, formatSize, MAX_FILE_BYTES, uploadRefusal, uploadRefusalText, type FileLimits } from '../../src/core/chat-files';
import { newSession, type ChatSession } from '../../src/core/chat-session';
import { queueUpload, uploadSent, uploadsToKeep } from '../../src/core/chat-uploads';
import { mergeEvents } from '../../src/core/transcript-merge';

const LIMITS: FileLimits = {
  maxFileSize: 10_485_760, maxTotalSize: 99_614_720, maxFiles: 5, types: ['gif', 'jpeg', 'jpg', 'pdf', 'png', 'txt', 'zip'],
  needAgent: false, downloadAttempts: 10, usedFiles: 0, usedTotalSize: 0, usedDownloads: 0,
};
const chat = (patch: Partial<ChatSession> = {}): ChatSession => ({
  ...newSession('c1', 1, 'Billing', { nickname: 'Jane', subject: '', userData: {} }, 1_000), chatId: 'g1', status: 'connected', agents: ['Alice'], fileLimits: LIMITS, ...patch,
});

describe('uploadRefusal', () => {
  it('lets a file within every limit through', () => expect(uploadRefusal({ name: 'Statement.PDF', size: 438 }, LIMITS, true)).toBeNull());

  it.each([
    [{ name: 'run.exe', size: 10 }, LIMITS, 'run.exe cannot be sent: this chat accepts gif, jpeg, jpg, pdf, png, txt, zip files, not .exe.'],
    [{ name: 'README', size: 10 }, LIMITS, 'README cannot be sent: this chat accepts gif, jpeg, jpg, pdf, png, txt, zip files.'],
    [{ name: 'empty.txt', size: 0 }, LIMITS, 'empty.txt is empty.'],
    [{ name: 'big.pdf', size: 12 * 1024 * 1024 }, LIMITS, 'big.pdf is 12 MB; files up to 10 MB can be sent.'],
    [{ name: 'huge.pdf', size: MAX_FILE_BYTES + 1 }, { ...LIMITS, maxFileSize: 50 * 1024 * 1024 }, 'huge.pdf is 20 MB; files up to 20 MB can be sent.'],
    [{ name: 'a.txt', size: 5 }, { ...LIMITS, usedFiles: 5 }, 'You have sent 5 files, the most this chat takes.'],
    [{ name: 'a.txt', size: 2048 }, { ...LIMITS, maxTotalSize: 3000, usedTotalSize: 2000 }, 'a.txt is 2 KB; this chat takes 1000 bytes more.'],
  ])('refuses %j with a message that says which limit', (file, limits, message) => {
    expect(uploadRefusalText(file, limits, true)).toBe(message);
  });

  it('says it as a phrase each UI words in its own language, sizes as numbers', () => {
    expect(uploadRefusal({ name: 'big.pdf', size: 12 * 1024 * 1024 }, LIMITS, true)).toEqual({
      key: 'upload.tooBig', params: { name: 'big.pdf', size: 12 * 1024 * 1024, max: 10_485_760 },
    });
    expect(uploadRefusal({ name: 'a.txt', size: 5 }, { ...LIMITS, usedFiles: 1, maxFiles: 1 }, true)).toEqual({ key: 'upload.tooMany', params: { max: 1 } });
    expect(uploadRefusalText({ name: 'a.txt', size: 5 }, { ...LIMITS, usedFiles: 1, maxFiles: 1 }, true)).toBe('You have sent 1 file, the most this chat takes.');
  });

  it('waits for an agent where the server asks for one', () => {
    expect(uploadRefusalText({ name: 'a.txt', size: 5 }, { ...LIMITS, needAgent: true }, false)).toBe('Files can be sent once an agent has joined.');
    expect(uploadRefusal({ name: 'a.txt', size: 5 }, { ...LIMITS, needAgent: true }, true)).toBeNull();
  });

  it('formats sizes and finds extensions', () => {
    expect([formatSize(1), formatSize(438), formatSize(1536), formatSize(10_485_760)]).toEqual(['1 byte', '438 bytes', '1.5 KB', '10 MB']);
    expect([extensionOf('a.tar.GZ'), extensionOf('noext'), extensionOf('.hidden'), extensionOf('dir.d/file')]).toEqual(['gz', '', 'hidden', '']);
  });
});

describe('the visitor\'s uploads in the transcript', () => {
  const upload = { id: 'up-00000001', name: 'statement.pdf', mime: 'application/pdf', size: 438 };

  it('queues a pending line once, counted against the limits at once', () => {
    const s = queueUpload(chat(), upload, 'Jane', 2_000);
    expect(s.transcript).toEqual([{ key: 'cup-00000001', kind: 'file', from: 'visitor', nickname: 'Jane', text: 'statement.pdf', at: 2_000, clientMessageId: 'up-00000001', delivery: 'pending', file: { name: 'statement.pdf', size: 438, mime: 'application/pdf' } }]);
    expect(s.fileLimits).toMatchObject({ usedFiles: 1, usedTotalSize: 438 });
    expect(queueUpload(s, upload, 'Jane', 3_000)).toBe(s);
    expect(uploadsToKeep([s])).toEqual(new Set(['up-00000001']));
  });

  it('marks it sent with the server\'s id, and lets its bytes go', () => {
    const s = uploadSent({ ...queueUpload(chat(), upload, 'Jane', 2_000), uploading: 'up-00000001' }, 'up-00000001', 'F1');
    expect(s.transcript[0]).toMatchObject({ delivery: 'sent', file: { id: 'F1' } });
    expect(s.uploading).toBeUndefined();
    expect(uploadsToKeep([s])).toEqual(new Set());
    expect(uploadsToKeep([{ ...queueUpload(chat(), upload, 'Jane', 2_000), status: 'ended' }])).toEqual(new Set());
  });

  it('matches the server\'s FileUploaded to the upload by its echoed id, else by name and size: one line', () => {
    const pending = queueUpload(chat(), upload, 'Jane', 2_000);
    const event = (patch: object) => ({ index: 5, type: 'file' as const, party: 'visitor' as const, nickname: 'Jane', file: { id: 'F1', name: 'statement.pdf', size: 438 }, ...patch });
    for (const merged of [mergeEvents(pending, [event({ clientMessageId: 'up-00000001' })], 3_000), mergeEvents(pending, [event({})], 3_000)]) {
      expect(merged.transcript).toHaveLength(1);
      expect(merged.transcript[0]).toMatchObject({ index: 5, delivery: 'sent', file: { id: 'F1', name: 'statement.pdf' } });
    }
    // Another file of the same name but not the same size is another file.
    expect(mergeEvents(pending, [event({ file: { id: 'F2', name: 'statement.pdf', size: 99 } })], 3_000).transcript).toHaveLength(2);
  });

  it('shows an agent\'s file, and marks a deleted one without dropping its line', () => {
    const s = mergeEvents(chat(), [{ index: 3, type: 'file', party: 'agent', nickname: 'Alice', file: { id: 'F9', name: 'terms.pdf', size: 2048, mime: 'application/pdf' } }], 2_000);
    expect(s.transcript[0]).toMatchObject({ kind: 'file', from: 'agent', text: 'terms.pdf', file: { id: 'F9' } });
    const deleted = mergeEvents(s, [{ index: 4, type: 'file-deleted', party: 'agent', nickname: 'Alice', file: { id: 'F9', name: 'terms.pdf' } }], 2_100);
    expect(deleted.transcript).toHaveLength(1);
    expect(deleted.transcript[0]!.file).toMatchObject({ id: 'F9', deleted: true });
    expect(deleted.lastIndex).toBe(4);
  });
});

describe('base64', () => {
  it('round-trips every byte value and a large buffer, and refuses what is not base64', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64('not base64!')).toBeNull();
  });
});
