/**
 * The GMS Chat API v2 file operations, customer side (protocols.md §3.1; the Sandbox's wire
 * notes §4): `file/limits`, `file` (multipart upload), `file/{fileId}/download`. A refusal
 * under a limit is statusCode 2 with the chat going on: `refused`, worded by what was refused;
 * an ended chat is `gone`. A server without the file API (HTTP 404, no GMS envelope) is
 * `unsupported` rather than a chat that is gone. Delete is not offered: Beckon does not need it.
 */
import { httpFailure } from './http';
import { BackendError, type ChatFileTransfer } from './types';
import { cleanFileId, cleanFileName, cleanMime, fileNameFromDisposition } from './file-names';
import { UPLOAD_ID_KEY, parseFileLimits, record } from './gms-file-wire';
import type { GmsCaller } from './gms-http';

/** The largest download read (the Sandbox's largest possible file); a larger one is refused, not read. */
export const MAX_DOWNLOAD_BYTES = 100 * 1024 * 1024;
/** Extra time for a download over the usual request timeout. */
const DOWNLOAD_EXTRA_MS = 120_000;
/** Extra time for an upload: a second per 64 KiB (a 512 kbit/s uplink), up to ten minutes. */
const uploadExtraMs = (bytes: number) => Math.min(600_000, Math.ceil(bytes / 65_536) * 1000);

const isJson = (mime: string | undefined) => mime === 'application/json' || (mime?.endsWith('+json') ?? false);

/** An HTTP 404 on a file operation that is not the chat's end: the server has no file API (not: the chat is gone). */
const noFileApi = (what: string) => () =>
  BackendError.unsupported(`The chat server has no GMS file API (HTTP 404 on ${what}): files cannot be sent or received in this chat.`);

/** The file operations of a GMS adapter, over its caller (credentials and envelope). */
export function createGmsFiles(caller: GmsCaller): ChatFileTransfer {
  return {
    async limits(chatId, session) {
      const reply = await caller.operate(chatId, 'file/limits', session, {}, undefined, {
        refusal: { what: 'The chat server did not give its file limits', notFound: noFileApi('file/limits') },
      });
      try {
        return parseFileLimits(reply.userData);
      } catch (e) {
        // A server that answers this way once will again: not worth retrying.
        throw new BackendError(`The chat server's file limits cannot be read: ${(e as Error).message}.`, 'refused');
      }
    },

    async upload(chatId, file, session) {
      const name = cleanFileName(file.name) ?? 'file';
      const userData = { [UPLOAD_ID_KEY]: file.uploadId, ...(file.description ? { 'file-description': file.description } : {}) };
      const reply = await caller.operate(chatId, 'file', session, {}, userData, {
        file: { name, mime: cleanMime(file.mime) ?? 'application/octet-stream', bytes: file.bytes },
        extraMs: uploadExtraMs(file.bytes.byteLength),
        refusal: { what: `The chat server did not take ${name}`, guess: "it may be too large, of a type this chat does not take, or over the chat's limits on files", notFound: noFileApi('file') },
      });
      const fileId = cleanFileId(record(reply.userData)['file-id']);
      // The server has the file: sending it again would send it twice. Its FileUploaded still names it.
      if (fileId === undefined) throw new BackendError(`The chat server took ${name} but gave no usable file id for it.`, 'refused');
      return { fileId };
    },

    async download(chatId, fileId, session) {
      const id = cleanFileId(fileId);
      if (id === undefined) throw new BackendError(`'${fileId.slice(0, 40)}' is not a file id the chat server gave.`, 'refused');
      const reply = await caller.operateForBytes(chatId, `file/${encodeURIComponent(id)}/download`, session, { maxBytes: MAX_DOWNLOAD_BYTES, extraMs: DOWNLOAD_EXTRA_MS });
      const disposition = reply.headers.get('Content-Disposition');
      const name = fileNameFromDisposition(disposition);
      const mime = cleanMime(reply.headers.get('Content-Type'));
      // GMS answers a refused download with its JSON envelope instead of the file.
      if (isJson(mime) && name === undefined) {
        let json: unknown;
        try {
          json = JSON.parse(new TextDecoder().decode(reply.bytes));
        } catch {
          json = undefined;
        }
        caller.unwrap(reply.status, json, {
          what: 'The chat server did not send the file',
          guess: "it may be unknown or deleted, or this chat's download attempts may be used up",
          // An HTTP 404 here is about the file (or the route), not the chat.
          notFound: (e) => new BackendError(`The chat server has no such file to download (HTTP 404): ${e.message}`, 'refused', 404),
        });
        throw new BackendError('The chat server replied to a download with JSON, not the file.', 'retry', reply.status);
      }
      if (reply.status < 200 || reply.status > 299) {
        throw new BackendError(`The chat server did not send the file (HTTP ${reply.status}).`, httpFailure(reply.status), reply.status);
      }
      return { name: name ?? 'file', mime: mime ?? 'application/octet-stream', bytes: reply.bytes };
    },
  };
}
