/** A data directory written by an older Sandbox (schema v2) is upgraded in place, chats intact. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../sandbox/store/db.ts';
import { customerView, opOk, viewOf } from './agent-helpers.ts';
import { startTestSandbox } from './helpers.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'beckon-upgrade-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Writes a v2 database with one chat alice accepted and one she finished. */
function writeV2(): void {
  const db = new Database(join(dataDir, 'sandbox.db'));
  for (const sql of MIGRATIONS.slice(0, 2)) db.exec(sql);
  db.pragma('user_version = 2');
  const chat = db.prepare(`INSERT INTO chats (id, queue, nickname, state, ended, created_at, customer_participant_id, agent_name, agent_done)
    VALUES (?, 'Billing', 'Jane', ?, ?, ?, 'cust', 'alice', ?)`);
  const part = db.prepare('INSERT INTO participants (chat_id, participant_id, nickname, type, agent_name, joined_at) VALUES (?, ?, ?, ?, ?, ?)');
  const msg = db.prepare(`INSERT INTO messages (chat_id, idx, type, from_nickname, from_participant_id, from_type, utc_time) VALUES (?, ?, 'ParticipantJoined', ?, ?, ?, 1)`);
  for (const [id, done] of [['open-chat', 0], ['done-chat', 1]] as const) {
    chat.run(id, done ? 'Idle' : 'Chatting', done, 1, done);
    part.run(id, 'cust', 'Jane', 'Customer', null, 1);
    part.run(id, 'agent-p', 'Alice', 'Agent', 'alice', 2);
    msg.run(id, 1, 'Jane', 'cust', 'Customer');
    msg.run(id, 2, 'Alice', 'agent-p', 'Agent');
  }
  db.close();
}

describe('schema upgrade', () => {
  it('moves accepted chats to the new schema: the agent keeps them and can go on', async () => {
    writeV2();
    const t = await startTestSandbox({ dataDir });
    try {
      expect(SCHEMA_VERSION).toBeGreaterThan(2);
      expect(await viewOf(t, 'alice', 'open-chat')).toMatchObject({ state: 'Chatting', role: 'Primary' });
      expect(await viewOf(t, 'alice', 'done-chat')).toBeUndefined();
      await opOk(t, 'alice', 'open-chat', { operationName: 'SendMessage', text: 'Still here' });
      expect((await customerView(t, 'open-chat')).at(-1)).toEqual(['Text', 'Alice', 'Still here']);
    } finally {
      await t.stop();
    }
  });
});
