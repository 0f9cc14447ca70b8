/**
 * Files on the agent API (Sandbox operations in the spirit of seed 004's, after GWS 8.5.2's
 * chat attachments, `/api/v2/chats/{id}/attachments/{docId}`): an agent in a chat sends the
 * customer a file, and downloads any file of a chat it sees. Files reach only GMS customers:
 * the GWS Customer Chat API documents no file operations.
 */
import type { FastifyInstance } from 'fastify';
import type { AgentDesk } from '../engine/agent-desk.ts';
import { Code, GwsError } from '../engine/errors.ts';
import type { ChatFiles } from '../files/chat-files.ts';
import { ok } from '../http/envelope.ts';
import { sendFileBytes } from '../http/file-download.ts';
import { readForm, refuseOversizedUpload } from '../http/multipart-form.ts';
import { agentOf } from './agent-guard.ts';

type IdParams = { Params: { id: string } };
type FileParams = { Params: { id: string; fileId: string } };

/** Registers the attachment routes in the agent scope (which takes multipart bodies). */
export function registerAgentFileRoutes(scope: FastifyInstance, deps: { desk: AgentDesk; files: ChatFiles }): void {
  const { desk, files } = deps;

  // multipart/form-data: `file` (its filename and Content-Type are kept), optional `description`.
  scope.post<IdParams>('/api/v2/me/interactions/:id/attachments', async (request, reply) => {
    const name = agentOf(request);
    const { id } = request.params;
    const m = desk.member(name, id);
    if (m.row.role === 'Consultant') throw new GwsError(Code.InvalidState, 'A consultant cannot send the customer files; the agent who consulted you can CompleteTransfer or CompleteConference.');
    if (!request.isMultipart()) throw new GwsError(Code.Validation, 'Content-Type must be multipart/form-data, with the file in a part named \'file\'.', 415);
    refuseOversizedUpload(request, reply, files.limits.maxFileSize);
    const { fields, file } = await readForm(request, files.limits.maxFileSize);
    if (!file) throw new GwsError(Code.MissingParameter, "Required parameter 'file' is missing.");
    const description = fields.description?.slice(0, 1000);
    return ok(reply, { fileId: await files.agentUpload(id, m.me, file, description) });
  });

  scope.get<FileParams>('/api/v2/me/interactions/:id/attachments/:fileId', async (request, reply) => {
    const { id, fileId } = request.params;
    if (!desk.interactionFor(agentOf(request), id)) throw new GwsError(Code.NotFound, `You have no interaction '${id}'.`);
    const file = files.find(id, fileId);
    if (!file) throw new GwsError(Code.NotFound, `Chat '${id}' has no file '${fileId}' (or it was deleted).`);
    return sendFileBytes(reply, file, await files.bytes(file));
  });
}
