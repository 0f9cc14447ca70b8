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
  // Every GWS customer request asks whether its chat is a GMS one: answered from memory.
  const gmsChats = new Set(db.prepare<[], { chatId: string }>('SELECT chat_id AS chatId FROM gms_sessions').all().map((r) => r.chatId));
  return {
    addGmsSession: (g: GmsSession, at: number) => {
      s.insert.run(g.chatId, g.userId, g.secureKey, g.alias, at);
      gmsChats.add(g.chatId);
    },
    gmsSession: (chatId: string): GmsSession | undefined => s.get.get(chatId),
    /** True when the chat was started through GMS. */
    isGmsChat: (chatId: string): boolean => gmsChats.has(chatId),
  };
}
