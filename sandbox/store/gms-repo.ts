/**
 * Prepared statements for GMS sessions: the userId / secureKey / alias a chat started
 * through the GMS dialect was issued, which every later GMS request must repeat.
 */
import type { Db } from './db.ts';

/** The credentials of one GMS chat. */
export interface GmsSession {
  chatId: string;
  userId: string;
  secureKey: string;
  alias: string;
}

/** Creates the GMS statements. */
export function createGmsRepo(db: Db) {
  const s = {
    insert: db.prepare('INSERT INTO gms_sessions (chat_id, user_id, secure_key, alias, created_at) VALUES (?, ?, ?, ?, ?)'),
    get: db.prepare<[string], GmsSession>(
      'SELECT chat_id AS chatId, user_id AS userId, secure_key AS secureKey, alias FROM gms_sessions WHERE chat_id = ?'),
  };
  return {
    addGmsSession: (g: GmsSession, at: number) => void s.insert.run(g.chatId, g.userId, g.secureKey, g.alias, at),
    gmsSession: (chatId: string): GmsSession | undefined => s.get.get(chatId),
  };
}
