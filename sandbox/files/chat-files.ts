/**
 * The rules of chat files: the customer's uploads within the GMS limits (files/limits.ts),
 * an agent's files to the customer, downloads and deletes, and the transcript messages they
 * leave (`FileUploaded` / `FileDeleted` with the file's `file-id`, `file-name`, `file-size`,
 * `file-type` in `userData` and the id as `text`, as a real GMS transcript shows them).
 * Customer refusals are GmsRefused (statusCode 2, the chat goes on); agent ones GwsErrors.
 */
import { randomBytes } from 'node:crypto';
import { assertOpen, type ChatEngine, customerOf } from '../engine/chat-engine.ts';
import { Code, GwsError } from '../engine/errors.ts';
import { GmsRefused } from '../engine/gms.ts';
import type { Participant } from '../engine/types.ts';
import type { ChatFileRow } from '../store/files-repo.ts';
import type { FileStore } from './file-store.ts';
import { extensionOf, type FileLimits, type FileUsage, limitsUserData } from './limits.ts';

/** A file as it arrived: name and type as the client gave them. */
export interface IncomingFile {
  name: string;
  mime: string;
  data: Buffer;
  /** Larger than the limit it was read with (the rest was discarded). */
  truncated: boolean;
}

/** Keeps the last path segment of a client's file name (some send a full path), without control characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
  const name = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return name === '' || name === '.' || name === '..' ? 'file' : name;
}

const MIME = /^[\w.+-]{1,100}\/[\w.+-]{1,100}$/;

/** Chat files over the engine and the file store. */
export class ChatFiles {
  constructor(
    private readonly engine: ChatEngine,
    private readonly store: FileStore,
    readonly limits: FileLimits,
  ) {}

  private get repo() {
    return this.engine.repo;
  }

  /** What the customer of `chatId` has used. */
  usage(chatId: string): FileUsage {
    return { ...this.repo.customerFileUsage(chatId), downloads: this.repo.downloads(chatId) };
  }

  /** The limits and their use, as GMS sends them. */
  limitsUserData(chatId: string): Record<string, string> {
    return limitsUserData(this.limits, this.usage(chatId));
  }

  /** The customer uploads a file; returns its id. Throws GmsRefused when a limit says no. */
  async customerUpload(chatId: string, file: IncomingFile, description: string | undefined, extra: Record<string, string>): Promise<string> {
    const chat = this.engine.mustChat(chatId);
    const name = cleanFileName(file.name);
    this.checkFile(name, file, (why) => new GmsRefused(why, false));
    const used = this.usage(chatId);
    if (used.files >= this.limits.maxFiles) throw new GmsRefused(`This chat already has ${used.files} uploads, the most it takes (upload-max-files).`, false);
    if (used.bytes + file.data.length > this.limits.maxTotalSize) {
      throw new GmsRefused(`Uploads in this chat would total ${used.bytes + file.data.length} bytes; the most is ${this.limits.maxTotalSize} (upload-max-total-size).`, false);
    }
    if (this.limits.needAgent && !this.repo.present(chatId).some((p) => p.type === 'Agent' && p.visibility === 'All')) {
      throw new GmsRefused('Files can be sent only while an agent is in the chat (upload-need-agent).', false);
    }
    return this.keep(chatId, customerOf(chat), name, file, description, extra);
  }

  /** An agent in the chat sends a file to the customer; returns its id. Throws GwsError (code 2 or 10). */
  async agentUpload(chatId: string, me: Participant, file: IncomingFile, description: string | undefined): Promise<string> {
    const chat = this.engine.mustChat(chatId);
    assertOpen(chat);
    if (!this.repo.isGmsChat(chatId)) {
      throw new GwsError(Code.InvalidState, `Chat '${chatId}' was started through the GWS Customer Chat API, which has no file operations: files can be sent only in chats started through the GMS Chat API.`);
    }
    const name = cleanFileName(file.name);
    this.checkFile(name, file, (why) => new GwsError(Code.Validation, `Invalid parameter 'file': ${why}`));
    return this.keep(chatId, me, name, file, description, {});
  }

  /** Size and type checks shared by both sides. */
  private checkFile(name: string, file: IncomingFile, refuse: (why: string) => Error): void {
    if (file.truncated || file.data.length > this.limits.maxFileSize) {
      throw refuse(`File '${name}' is larger than ${this.limits.maxFileSize} bytes, the most one file may be (upload-max-file-size).`);
    }
    if (!this.limits.fileTypes.includes(extensionOf(name))) {
      throw refuse(`File '${name}' is not of an allowed type; allowed: ${this.limits.fileTypes.join(', ')} (upload-file-types).`);
    }
  }

  private async keep(chatId: string, from: Participant, name: string, file: IncomingFile, description: string | undefined, extra: Record<string, string>): Promise<string> {
    const fileId = randomBytes(8).toString('hex').toUpperCase();
    const mime = MIME.test(file.mime) ? file.mime.toLowerCase() : 'application/octet-stream';
    await this.store.write(fileId, file.data);
    try {
      this.engine.change(chatId, (append) => {
        // The chat may have ended while the bytes were written.
        assertOpen(this.engine.mustChat(chatId));
        this.repo.insertFile({ fileId, chatId, name, mime, size: file.data.length, description: description ?? null,
          fromType: from.type === 'Customer' ? 'Customer' : 'Agent', fromParticipantId: from.participantId, createdAt: this.engine.now() });
        const userData = { ...extra, 'file-id': fileId, 'file-name': name, 'file-size': String(file.data.length), 'file-type': mime,
          ...(description === undefined ? {} : { 'file-description': description }) };
        append({ type: 'FileUploaded', from, text: fileId, userData });
      });
    } catch (err) {
      await this.store.remove(fileId);
      throw err;
    }
    return fileId;
  }

  /** A file of the chat that is still there, or undefined. */
  find(chatId: string, fileId: string): ChatFileRow | undefined {
    const row = this.repo.chatFile(chatId, fileId);
    return row && row.deletedAt === null ? row : undefined;
  }

  /** The customer downloads a file (counts one download attempt). Throws GmsRefused. */
  async customerDownload(chatId: string, fileId: string): Promise<{ file: ChatFileRow; data: Buffer }> {
    const file = this.find(chatId, fileId);
    if (!file) throw new GmsRefused(`Chat '${chatId}' has no file '${fileId}' (or it was deleted).`, this.engine.mustChat(chatId).ended);
    if (this.repo.downloads(chatId) >= this.limits.downloadAttempts) {
      throw new GmsRefused(`This chat has used its ${this.limits.downloadAttempts} download attempts (download-attempts).`, this.engine.mustChat(chatId).ended);
    }
    this.repo.transaction(() => this.repo.addDownload(chatId));
    return { file, data: await this.bytes(file) };
  }

  /** The bytes of a file (agents' downloads: no limit). */
  async bytes(file: ChatFileRow): Promise<Buffer> {
    const data = await this.store.read(file.fileId);
    if (!data) throw new GwsError(Code.Internal, `The bytes of file '${file.fileId}' are missing from the data folder.`);
    return data;
  }

  /** The customer deletes one of its own files. Throws GmsRefused. */
  customerDelete(chatId: string, fileId: string): void {
    const chat = this.engine.mustChat(chatId);
    const me = customerOf(chat);
    const file = this.find(chatId, fileId);
    if (!file || file.fromParticipantId !== me.participantId) throw new GmsRefused(`You have no file '${fileId}' in chat '${chatId}' to delete.`, false);
    this.engine.change(chatId, (append) => {
      this.repo.markFileDeleted(chatId, fileId, this.engine.now());
      append({ type: 'FileDeleted', from: me, text: fileId, userData: { 'file-id': fileId, 'file-name': file.name } });
    });
    // The bytes go once the deletion is committed; a crash before leaves bytes nobody can reach.
    this.repo.afterCommit(() => void this.store.remove(fileId).catch(() => undefined));
  }
}
