/**
 * The GMS file API (protocols.md §3.1; ChatV2ApiRequest.swift, ChatV2FileLimits.swift), all
 * POST under `/genesys/2/chat/{service}/{chatId}`: `file/limits`, `file` (multipart `file`
 * plus `userData[file-description]`), `file/{fileId}/download`, `file/{fileId}/delete`.
 * Customer side, GMS only: the GWS Customer Chat API documents no file operations.
 */
import type { FastifyInstance } from 'fastify';
import { Code, GwsError } from '../engine/errors.ts';
import { parseWith } from '../http/envelope.ts';
import { sendFileBytes } from '../http/file-download.ts';
import { readForm, refuseOversizedUpload } from '../http/multipart-form.ts';
import type { ChatEngine } from '../engine/chat-engine.ts';
import type { GmsChats, GmsCredentials, GmsReply } from '../engine/gms.ts';
import type { ChatFiles } from '../files/chat-files.ts';
import { checkService, parseUserData, positionFields } from './gms-schemas.ts';

/** What the file routes share with the other GMS routes (gms.ts). */
export interface GmsContext {
  engine: ChatEngine;
  gms: GmsChats;
  files: ChatFiles;
  /** The credentials of a request on `chatId`, checked (400 when missing, statusCode 2 when wrong). */
  session(chatId: string, fields: Record<string, string>): GmsCredentials;
  /**
   * The reply to an operation on a chat that ended: statusCode 2 (documented; clients read
   * chatEnded), with the messages from the request's transcriptPosition (`otherwise` without
   * one), so none is lost.
   */
  ended(chatId: string, credentials: GmsCredentials, fields: Record<string, string>, otherwise?: number | null): GmsReply;
}

type ChatParams = { Params: { serviceName: string; chatId: string } };
type FileParams = { Params: { serviceName: string; chatId: string; fileId: string } };

/** Registers the file routes in the GMS scope. */
export function registerGmsFileRoutes(scope: FastifyInstance, ctx: GmsContext): void {
  const { engine, gms, files } = ctx;
  const open = (chatId: string) => !engine.mustChat(chatId).ended;

  scope.post<ChatParams>('/2/chat/:serviceName/:chatId/file/limits', async (request, reply) => {
    const { serviceName, chatId } = request.params;
    checkService(serviceName);
    const { fields } = await readForm(request);
    const credentials = ctx.session(chatId, fields);
    if (!open(chatId)) return reply.send(ctx.ended(chatId, credentials, fields));
    const { transcriptPosition } = parseWith(positionFields, fields);
    const limits = files.limitsUserData(chatId);
    const base = gms.reply(chatId, credentials, transcriptPosition ?? null);
    const customer = engine.repo.participant(chatId, engine.mustChat(chatId).customerParticipantId)!;
    // As a real server answers (and Genesys' library reads): a Notice, outside the transcript (no index), carrying the limits.
    const notice = {
      from: { nickname: customer.nickname, participantId: 1, type: 'Client' as const },
      type: 'Notice' as const, text: 'file-client-cfg-get', utcTime: engine.now(), userData: limits,
    };
    return reply.send({ ...base, userData: limits, messages: [notice, ...base.messages] });
  });

  scope.post<ChatParams>('/2/chat/:serviceName/:chatId/file', async (request, reply) => {
    const { serviceName, chatId } = request.params;
    checkService(serviceName);
    refuseOversizedUpload(request, reply, files.limits.maxFileSize);
    const { fields, userData, file } = await readForm(request, files.limits.maxFileSize);
    const credentials = ctx.session(chatId, fields);
    if (!open(chatId)) return reply.send(ctx.ended(chatId, credentials, fields));
    const { transcriptPosition } = parseWith(positionFields, fields);
    if (!file) throw new GwsError(Code.MissingParameter, "Required parameter 'file' is missing: send the file as a multipart/form-data part named 'file'.");
    const { 'file-description': description, ...extra } = parseUserData(userData);
    const fileId = await files.customerUpload(chatId, file, description, extra);
    return reply.send({ ...gms.reply(chatId, credentials, transcriptPosition ?? null), userData: { 'file-id': fileId } });
  });

  scope.post<FileParams>('/2/chat/:serviceName/:chatId/file/:fileId/download', async (request, reply) => {
    const { serviceName, chatId, fileId } = request.params;
    checkService(serviceName);
    const { fields } = await readForm(request);
    ctx.session(chatId, fields);
    // A read: files stay downloadable after the chat ended.
    const { file, data } = await files.customerDownload(chatId, fileId);
    return sendFileBytes(reply, file, data);
  });

  scope.post<FileParams>('/2/chat/:serviceName/:chatId/file/:fileId/delete', async (request, reply) => {
    const { serviceName, chatId, fileId } = request.params;
    checkService(serviceName);
    const { fields } = await readForm(request);
    const credentials = ctx.session(chatId, fields);
    if (!open(chatId)) return reply.send(ctx.ended(chatId, credentials, fields));
    const { transcriptPosition } = parseWith(positionFields, fields);
    files.customerDelete(chatId, fileId);
    return reply.send(gms.reply(chatId, credentials, transcriptPosition ?? null));
  });
}
