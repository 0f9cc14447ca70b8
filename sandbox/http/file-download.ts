/**
 * A chat file's bytes as a download that no browser renders in place: the GMS file API's
 * download (routes/gms-files.ts) and the agent API's (routes/agent-files.ts) send it alike.
 */
import contentDisposition from 'content-disposition';
import type { FastifyReply } from 'fastify';
import type { ChatFileRow } from '../store/files-repo.ts';

/** Sends a file's bytes as a download that no browser renders in place. */
export function sendFileBytes(reply: FastifyReply, file: ChatFileRow, data: Buffer): FastifyReply {
  return reply
    .code(200)
    .header('Content-Type', file.mime)
    .header('Content-Disposition', contentDisposition(file.name))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .send(data);
}
