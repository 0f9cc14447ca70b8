/** Sandbox CRM data survives a restart, idempotency included, and an older data directory gains the CRM tables. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../sandbox/store/db.ts';
import { startTestSandbox } from './helpers.ts';
import { crm, startBody, startInteraction, transcript } from './crm-helpers.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'beckon-crm-persist-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('Sandbox CRM persistence', () => {
  it('keeps interactions, switches, transcripts, outcomes and idempotency keys across a restart', async () => {
    const dataDir = tempDir();
    const first = await startTestSandbox({ dataDir });
    const id = await startInteraction(first, 'p-start', { ChatId: 'chat-p' });
    await crm(first, 'POST', `/interactions/${id}/switch`, { idempotencyKey: 'p-sw' });
    await crm(first, 'POST', `/interactions/${id}/end`, { idempotencyKey: 'p-end', transcript });
    const outcome = { idempotencyKey: 'p-o', ruleId: 'r', ruleName: 'R', outcome: 'timed-out', url: 'http://127.0.0.1/', at: 5 };
    const recorded = await crm(first, 'POST', '/outcomes', outcome);
    const interactions = (await crm(first, 'GET', '/interactions')).body;
    const outcomes = (await crm(first, 'GET', '/outcomes')).body;
    await first.stop();

    const second = await startTestSandbox({ dataDir });
    try {
      expect((await crm(second, 'GET', '/interactions')).body).toEqual(interactions);
      expect((await crm(second, 'GET', '/outcomes')).body).toEqual(outcomes);
      // Retries that arrive after the restart still find their first result...
      expect((await crm(second, 'POST', '/interactions', startBody('p-start', { ChatId: 'chat-p' }))).body).toEqual({ interactionId: id, created: false });
      expect((await crm(second, 'POST', `/interactions/${id}/end`, { idempotencyKey: 'p-end', transcript })).status).toBe(200);
      expect((await crm(second, 'POST', '/outcomes', outcome)).body).toEqual({ outcomeId: recorded.body.outcomeId, created: false });
      // ...and a new interaction never reuses a number.
      const next = await startInteraction(second, 'p-next');
      expect(Number(next.slice(2))).toBeGreaterThan(Number(id.slice(2)));
    } finally {
      await second.stop();
    }
  });

  it('adds the CRM tables to a data directory written before the CRM existed', async () => {
    const dataDir = tempDir();
    const crmStep = MIGRATIONS.findIndex((sql) => sql.includes('crm_interactions'));
    expect(crmStep).toBeGreaterThan(0);
    const db = new Database(join(dataDir, 'sandbox.db'));
    for (const sql of MIGRATIONS.slice(0, crmStep)) db.exec(sql);
    db.pragma(`user_version = ${crmStep}`);
    db.close();

    const t = await startTestSandbox({ dataDir });
    try {
      expect(await startInteraction(t, 'upgraded')).toBe('I-1');
    } finally {
      await t.stop();
    }
    const after = new Database(join(dataDir, 'sandbox.db'), { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    after.close();
  });
});
