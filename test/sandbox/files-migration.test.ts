/** The file API's migration step upgrades a data directory written before it, keeping its chats and messages. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../sandbox/store/db.ts';
import { startTestSandbox } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('file API migration', () => {
  it('adds chat_files, messages.user_data and gms_sessions.downloads to an older data directory, keeping its chats', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'beckon-files-upgrade-'));
    dirs.push(dataDir);
    const step = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE chat_files'));
    expect(step).toBeGreaterThan(0);
    const db = new Database(join(dataDir, 'sandbox.db'));
    for (const sql of MIGRATIONS.slice(0, step)) db.exec(sql);
    db.pragma(`user_version = ${step}`);
    db.prepare(`INSERT INTO chats (id, queue, nickname, state, created_at, customer_participant_id)
      VALUES ('old-chat', 'Billing', 'Jane', 'WaitingForAgent', 1, 'p1')`).run();
    db.prepare(`INSERT INTO messages (chat_id, idx, type, from_nickname, from_participant_id, from_type, utc_time)
      VALUES ('old-chat', 1, 'ParticipantJoined', 'Jane', 'p1', 'Customer', 1)`).run();
    db.close();

    const t = await startTestSandbox({ dataDir });
    try {
      const chat = await t.customer('GET', '/api/v2/chats/old-chat/messages?index=0');
      expect(chat.status).toBe(200);
      expect(chat.body.messages).toHaveLength(1);
      expect(chat.body.messages[0]).not.toHaveProperty('userData');
    } finally {
      await t.stop();
    }
    const after = new Database(join(dataDir, 'sandbox.db'), { readonly: true });
    try {
      expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const columns = (table: string) => (after.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      expect(columns('messages')).toContain('user_data');
      expect(columns('gms_sessions')).toContain('downloads');
      expect(columns('chat_files')).toEqual(expect.arrayContaining(['file_id', 'chat_id', 'name', 'mime', 'size', 'from_type', 'deleted_at']));
    } finally {
      after.close();
    }
  });
});
