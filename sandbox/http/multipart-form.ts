/**
 * Reads a form whichever encoding it came in. GMS allows `application/x-www-form-urlencoded`
 * or `multipart/form-data` (GMS ChatAPIv2 8.5.2, Request Chat), and uploads are multipart
 * (`file` plus `userData[file-description]`, ChatV2ApiRequest.swift); the agent API's file
 * upload is multipart too. Multipart is parsed by @fastify/multipart; only the operations
 * that take a file accept a file part, and its size is capped while it streams in.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Code, GwsError } from '../engine/errors.ts';
import { BODY_LIMIT } from './envelope.ts';
import { type FormBody, splitForm } from './form.ts';

/** A file part as received. `truncated`: it was larger than the limit (the rest was discarded). */
export interface ReceivedFile {
  fieldName: string;
  name: string;
  mime: string;
  data: Buffer;
  truncated: boolean;
}

/** A parsed form: plain fields (empty ones dropped), user data, and the file part if any. */
export interface ParsedForm {
  fields: Record<string, string>;
  userData: Record<string, string>;
  file?: ReceivedFile;
}

/** Lets `scope` take multipart bodies too (its other parsers stay as they are). */
export async function acceptMultipart(scope: FastifyInstance): Promise<void> {
  await scope.register(multipart, { throwFileSizeLimit: false });
}

/**
 * The request's form. `maxFileBytes`: the operation takes one file part of at most that many
 * bytes (a larger one arrives `truncated`); without it a file part is code 10.
 */
export async function readForm(request: FastifyRequest, maxFileBytes?: number): Promise<ParsedForm> {
  if (!request.isMultipart()) return splitForm(request.body);
  const body: Record<string, string | string[]> = {};
  let file: ReceivedFile | undefined;
  let unexpected: string | undefined;
  try {
    const limits = { fieldSize: BODY_LIMIT, fields: 200, files: 2, parts: 210, fileSize: maxFileBytes ?? 0 };
    for await (const part of request.parts({ limits })) {
      if (part.type === 'file') {
        // Read every part to the end before refusing anything: the client is still sending.
        const data = await part.toBuffer();
        if (maxFileBytes === undefined || part.fieldname !== 'file' || file) unexpected ??= part.fieldname;
        else file = { fieldName: part.fieldname, name: part.filename, mime: part.mimetype, data, truncated: part.file.truncated };
        continue;
      }
      if (part.valueTruncated) throw new GwsError(Code.Validation, `Field '${part.fieldname}' is larger than ${BODY_LIMIT / 1024} KiB.`, 413);
      const value = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
      const seen = body[part.fieldname];
      body[part.fieldname] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
    }
  } catch (err) {
    if (err instanceof GwsError) throw err;
    const status = (err as { statusCode?: number }).statusCode === 413 ? 413 : 400;
    throw new GwsError(Code.Validation, `The multipart/form-data body could not be read: ${(err as Error).message}`, status);
  }
  if (unexpected !== undefined) {
    throw new GwsError(Code.Validation, maxFileBytes === undefined
      ? `Field '${unexpected}' is a file; this operation takes none.`
      : `Invalid parameter '${unexpected}': send one file, in the field 'file'.`);
  }
  return { ...splitForm(body as FormBody), ...(file ? { file } : {}) };
}

/**
 * Refuses, before a byte is read, an upload whose declared length cannot hold an acceptable
 * file (`maxFileBytes`) plus the form around it (64 KiB): HTTP 413, and the connection closes.
 */
export function refuseOversizedUpload(request: FastifyRequest, reply: FastifyReply, maxFileBytes: number): void {
  if (Number(request.headers['content-length'] ?? 0) <= maxFileBytes + BODY_LIMIT) return;
  reply.header('Connection', 'close');
  throw new GwsError(Code.Validation, `Request body is larger than the largest file (${maxFileBytes} bytes, upload-max-file-size) plus ${BODY_LIMIT / 1024} KiB.`, 413);
}
