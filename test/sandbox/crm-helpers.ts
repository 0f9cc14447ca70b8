/**
 * Helpers for the Sandbox CRM tests: call `/api/crm/*` with the bearer token, start a Pega-style
 * interaction, and snapshot the CRM tables to prove a failed request changed nothing.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DEFAULT_CRM_TOKEN } from '../../sandbox/server.ts';
import { type Reply, request, type TestSandbox } from './helpers.ts';

/** Calls the CRM API with `Authorization: Bearer <default token>` unless headers override it. */
export const crm = (t: TestSandbox, method: string, path: string, body?: unknown, headers: Record<string, string | undefined> = {}): Promise<Reply> =>
  request(`${t.sb.url}/api/crm${path}`, method, body, { Authorization: `Bearer ${DEFAULT_CRM_TOKEN}`, ...headers });

/** A startInteraction body as the extension sends it (Pega's own example params plus the chat id). */
export const startBody = (key: string, params: Record<string, string> = {}) => ({
  idempotencyKey: key,
  interactionClass: 'PegaCA-Work-Interaction-Call',
  flowName: 'CPMInteraction',
  params: { ContactId: 'CONT-1', AccountNumber: '1234567890', IsExternalAPICall: 'true', ...params },
});

/** Starts an interaction that must be created; returns its id. */
export async function startInteraction(t: TestSandbox, key: string, params: Record<string, string> = {}): Promise<string> {
  const r = await crm(t, 'POST', '/interactions', startBody(key, params));
  if (r.status !== 201) throw new Error(`start failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.interactionId as string;
}

/** A transcript as endInteraction carries it. */
export const transcript = [
  { at: 1_700_000_000_000, from: 'visitor', nickname: 'Jane', text: 'Hi, a question about my bill' },
  { at: 1_700_000_005_000, from: 'agent', nickname: 'Alice', text: 'Happy to help.' },
  // The extension's connectors send ISO strings; system lines have no nickname.
  { at: '2023-11-14T22:13:30.000Z', from: 'system', nickname: '', text: 'The chat ended.' },
];

/** Every row of the CRM tables (and the sequence that numbers ids), read on a separate connection. */
export function snapshotCrm(t: TestSandbox): Record<string, unknown[]> {
  const db = new Database(join(t.dataDir, 'sandbox.db'), { readonly: true, fileMustExist: true });
  try {
    const tables = ['crm_interactions', 'crm_switches', 'crm_outcomes', 'sqlite_sequence'];
    return Object.fromEntries(tables.map((name) => [name, db.prepare(`SELECT * FROM ${name} ORDER BY 1`).all()]));
  } finally {
    db.close();
  }
}
