/** Schema v7 (autopilot, canned replies, chat log) upgrades a data directory written before it, keeping its chats. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../sandbox/store/db.ts';
import { opOk } from './agent-helpers.ts';
import { startTestSandbox } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('solo-demo migration (v7)', () => {
  it('adds its tables and the starter canned replies to a v6 data directory, whose chats go on', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'beckon-v7-upgrade-'));
    dirs.push(dataDir);
    const step = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE autopilot_scripts'));
    expect(step).toBe(6);
    const db = new Database(join(dataDir, 'sandbox.db'));
    for (const sql of MIGRATIONS.slice(0, step)) db.exec(sql);
    db.pragma(`user_version = ${step}`);
    db.prepare(`INSERT INTO chats (id, queue, nickname, state, created_at, customer_participant_id)
      VALUES ('old-chat', 'Billing', 'Jane', 'WaitingForAgent', 1, 'p1')`).run();
    db.prepare(`INSERT INTO participants (chat_id, participant_id, nickname, type, joined_at) VALUES ('old-chat', 'p1', 'Jane', 'Customer', 1)`).run();
    db.prepare(`INSERT INTO messages (chat_id, idx, type, from_nickname, from_participant_id, from_type, utc_time)
      VALUES ('old-chat', 1, 'ParticipantJoined', 'Jane', 'p1', 'Customer', 1)`).run();
    db.close();

    const t = await startTestSandbox({ dataDir });
    try {
      await t.agent('alice', 'POST', '/api/v2/me', { operationName: 'Ready' });
      await opOk(t, 'alice', 'old-chat', { operationName: 'Accept', nickname: 'Alice' });
      const snap = t.snapshot();
      expect(snap.chat_log).toEqual([expect.objectContaining({ chat_id: 'old-chat', seq: 1, kind: 'accepted', agent_name: 'alice' })]);
      expect((snap.canned_replies as { shortcut: string }[]).map((r) => r.shortcut).sort()).toEqual(['bye', 'hello', 'hold', 'hours']);
      expect([snap.autopilot_scripts, snap.autopilot_queues]).toEqual([[], []]);
    } finally {
      await t.stop();
    }
    const after = new Database(join(dataDir, 'sandbox.db'), { readonly: true });
    try {
      expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      after.close();
    }
  });
});
