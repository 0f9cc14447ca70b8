/** Chats, transcripts, cursors and agent states survive a restart on the same data directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../sandbox/store/db.ts';
import { acceptedChat, startTestSandbox } from './helpers.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'beckon-persist-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('persistence', () => {
  it('keeps chats across a restart', async () => {
    const first = await startTestSandbox({ dataDir, contactCenterId: 'cc-persist' });
    const id = await acceptedChat(first, 'alice', 'Alice');
    await first.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: 'Before restart', clientMessageId: 'm1' });
    const transcript = (await first.customer('GET', `/api/v2/chats/${id}/messages`)).body.messages;
    expect(transcript).toHaveLength(3);
    await first.stop();

    const second = await startTestSandbox({ dataDir, contactCenterId: 'cc-persist' });
    try {
      expect((await second.customer('GET', `/api/v2/chats/${id}`)).body.chat).toMatchObject({ id, state: 'Chatting', ended: false });
      // The cursor was persisted: nothing is "new" after the restart...
      expect((await second.customer('GET', `/api/v2/chats/${id}/messages`)).body.messages).toEqual([]);
      // ...and the whole transcript is still there, identical.
      expect((await second.customer('GET', `/api/v2/chats/${id}/messages?index=0`)).body.messages).toEqual(transcript);
      // Agent state, ownership and dedupe survive too.
      expect((await second.agent('alice', 'GET', '/api/v2/me')).body.user.state).toBe('Ready');
      expect((await second.agent('alice', 'GET', '/api/v2/me/interactions')).body.interactions.map((i: any) => [i.id, i.state])).toEqual([[id, 'Chatting']]);
      await second.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: 'Before restart', clientMessageId: 'm1' });
      await second.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'SendMessage', text: 'After restart' });
      const next = (await second.customer('GET', `/api/v2/chats/${id}/messages`)).body.messages;
      expect(next.map((m: any) => [m.index, m.text])).toEqual([[4, 'After restart']]);
    } finally {
      await second.stop();
    }
  });

  it('records the schema version and refuses a newer one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beckon-schema-'));
    try {
      const t = await startTestSandbox({ dataDir: dir });
      await t.stop();
      const db = new Database(join(dir, 'sandbox.db'));
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      db.close();
      await expect(startTestSandbox({ dataDir: dir })).rejects.toThrow(/newer than this Sandbox/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
