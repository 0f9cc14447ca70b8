/**
 * Prepared statements for chat files (schema in files/migration.ts): what is known of each
 * upload, what the customer of a chat has used of its limits, and its downloads.
 */
import type { Db } from './db.ts';

/** One file of a chat. */
export interface ChatFileRow {
  fileId: string;
  chatId: string;
  name: string;
  mime: string;
  size: number;
  description: string | null;
  fromType: 'Customer' | 'Agent';
  fromParticipantId: string;
  createdAt: number;
  deletedAt: number | null;
}

/** Creates the file statements. */
export function createFilesRepo(db: Db) {
  const s = {
    insert: db.prepare(`INSERT INTO chat_files (file_id, chat_id, name, mime, size, description, from_type, from_participant_id, created_at)
      VALUES (@fileId, @chatId, @name, @mime, @size, @description, @fromType, @fromParticipantId, @createdAt)`),
    get: db.prepare<[string, string], ChatFileRow>(`SELECT file_id AS fileId, chat_id AS chatId, name, mime, size, description,
      from_type AS fromType, from_participant_id AS fromParticipantId, created_at AS createdAt, deleted_at AS deletedAt
      FROM chat_files WHERE chat_id = ? AND file_id = ?`),
    usage: db.prepare<[string], { files: number; bytes: number }>(`SELECT COUNT(*) AS files, COALESCE(SUM(size), 0) AS bytes
      FROM chat_files WHERE chat_id = ? AND from_type = 'Customer'`),
    markDeleted: db.prepare('UPDATE chat_files SET deleted_at = ? WHERE chat_id = ? AND file_id = ? AND deleted_at IS NULL'),
    downloads: db.prepare<[string], { downloads: number }>('SELECT downloads FROM gms_sessions WHERE chat_id = ?'),
    addDownload: db.prepare('UPDATE gms_sessions SET downloads = downloads + 1 WHERE chat_id = ?'),
  };
  return {
    insertFile: (f: Omit<ChatFileRow, 'deletedAt'>) => void s.insert.run(f),
    chatFile: (chatId: string, fileId: string): ChatFileRow | undefined => s.get.get(chatId, fileId),
    /** The customer's uploads in a chat, deleted ones included (deleting gives nothing back). */
    customerFileUsage: (chatId: string) => s.usage.get(chatId)!,
    markFileDeleted: (chatId: string, fileId: string, at: number) => void s.markDeleted.run(at, chatId, fileId),
    /** Downloads the customer of a GMS chat has made (0 for other chats). */
    downloads: (chatId: string): number => s.downloads.get(chatId)?.downloads ?? 0,
    addDownload: (chatId: string) => void s.addDownload.run(chatId),
  };
}
