/** `npm run sandbox -- --crm-token`: checked, printed like the agent logins, and enforced. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'beckon-crm-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exit };
}

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const list = (url: string, token: string) => fetch(`${url}/api/crm/interactions`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);

describe('sandbox CLI: --crm-token', () => {
  it('rejects a token that cannot travel in a Bearer header', async () => {
    const run = cli(['--crm-token', 'has space']);
    expect(await run.exit).toBe(2);
    expect(run.err()).toMatch(/--crm-token: The CRM token must be 8-200 characters/);
  }, 20_000);

  it('prints the CRM API and its token, and accepts only that token', async () => {
    const run = cli(['--port', '0', '--data', dataDir, '--crm-token', 'pilot-token-42']);
    await until(() => run.out().includes('Press Ctrl+C'));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.out())![1]!;
    expect(run.out()).toContain(`CRM API:         ${url}/api/crm/ (Authorization: Bearer pilot-token-42)`);
    expect([await list(url, 'pilot-token-42'), await list(url, 'beckon-demo-crm-token')]).toEqual([200, 401]);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  }, 20_000);

  it('uses and prints the demo token by default', async () => {
    const run = cli(['--port', '0', '--data', dataDir]);
    await until(() => run.out().includes('Press Ctrl+C'));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.out())![1]!;
    expect(run.out()).toContain('Authorization: Bearer beckon-demo-crm-token');
    expect(await list(url, 'beckon-demo-crm-token')).toBe(200);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
  }, 20_000);
});
