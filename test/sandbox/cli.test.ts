/** `npm run sandbox`: arguments, banner, port conflicts and clean shutdown, as a real child process. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'beckon-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
}

function cli(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
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

describe('sandbox CLI', () => {
  it.each([
    [['--port', 'abc'], /--port must be an integer from 0 to 65535/],
    [['--port', '70000'], /--port must be an integer/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--agent', 'nocolon'], /--agent must look like name:password/],
    [['--agent', 'a:'], /non-empty password/],
    [['--agent', 'a:1', '--agent', 'a:2'], /configured twice/],
    [['extra'], /positional/],
    [['--queue', 'Loans', '--queue', 'Loans'], /--queue: Queue 'Loans' is configured twice/],
    [['--queue', ' Loans'], /--queue: .*leading or trailing spaces/],
  ])('rejects %j with a usage error and exit code 2', async (args, message) => {
    const run = cli(args);
    expect(await run.exit).toBe(2);
    expect(run.err()).toMatch(message);
    expect(run.err()).toContain('Usage: npm run sandbox');
  }, 20_000);

  it('starts on a free port, prints where things are, serves, and exits 0 on SIGTERM', async () => {
    const run = cli(['--port', '0', '--data', dataDir, '--contact-center-id', 'cc-cli', '--agent', 'zed:pw', '--queue', 'Alpha', '--queue', 'Beta Two']);
    await until(() => run.out().includes('Press Ctrl+C'));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.out())![1]!;
    expect(run.out()).toContain('ContactCenterId: cc-cli');
    expect(run.out()).toContain(`${url}/console/`);
    expect(run.out()).toContain(`${url}/demo/`);
    expect(run.out()).toContain('zed / pw');
    expect(run.out()).toContain('Queues:          Alpha, Beta Two');
    const queues = await fetch(`${url}/api/v2/queues/availability`, { headers: { ContactCenterId: 'cc-cli' } });
    expect((await queues.json()).queues).toEqual([{ name: 'Alpha', readyAgents: 0 }, { name: 'Beta Two', readyAgents: 0 }]);
    const me = await fetch(`${url}/api/v2/me`, { headers: { Authorization: `Basic ${Buffer.from('zed:pw').toString('base64')}` } });
    expect((await me.json()).user.name).toBe('zed');
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  }, 20_000);

  it('uses the demo agents by default and exits 0 on SIGINT', async () => {
    const run = cli(['--port', '0', '--data', dataDir]);
    await until(() => run.out().includes('Press Ctrl+C'));
    expect(run.out()).toContain('alice / alice, bob / bob');
    expect(run.out()).toContain('Queues:          Billing, Loans, General');
    expect(run.out()).toContain('ContactCenterId: 6b1e7c0a-bec0-4d00-8000-000000007400');
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
  }, 20_000);

  it('--vendor-exact serves without the Sandbox extras and says so', async () => {
    const run = cli(['--port', '0', '--data', dataDir, '--vendor-exact', '--no-long-poll']);
    await until(() => run.out().includes('Press Ctrl+C'));
    expect(run.out()).toContain('Vendor-exact:    on');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.out())![1]!;
    const headers = { ContactCenterId: '6b1e7c0a-bec0-4d00-8000-000000007400' };
    const queues = await fetch(`${url}/api/v2/queues/availability`, { headers });
    expect(queues.status).toBe(404);
    expect(queues.headers.get('x-beckon-longpoll')).toBeNull();
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  }, 20_000);

  it('says clearly when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = cli(['--port', String(port), '--data', dataDir]);
      expect(await run.exit).toBe(1);
      expect(run.err().trim()).toBe(`Error: port ${port} on 127.0.0.1 is already in use (another Sandbox?). Choose another with --port.`);
    } finally {
      blocker.close();
    }
  }, 20_000);
});
