/**
 * The console's script API: store (validated, errors with line and field), validate, switch per
 * queue, delete, the shipped scripts; scripts and switches surviving a restart; the CLI's
 * `--autopilot` flag.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { autopilotState, gwsMessages, lines, quickScript, waitFor } from './autopilot-helpers.ts';
import { startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
afterEach(async () => {
  await t?.stop();
});
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const put = (name: string, source: unknown) => t.agent('alice', 'PUT', `/api/sandbox/autopilot/scripts/${encodeURIComponent(name)}`, { source });
const select = (queue: string, script: unknown) => t.agent('alice', 'POST', `/api/sandbox/autopilot/queues/${encodeURIComponent(queue)}`, { script });
const GOOD = quickScript('greeting: { say: Hello from the script. }');

describe('autopilot script API', () => {
  it('stores a script, switches it on for its queue and lists both; the shipped scripts are offered', async () => {
    t = await startTestSandbox();
    expect((await put('billing.yaml', GOOD)).body).toEqual({ statusCode: 0, script: { name: 'billing.yaml', source: GOOD, queue: 'Billing', updatedAt: expect.any(Number) } });
    expect((await t.agent('bob', 'GET', '/api/sandbox/autopilot/scripts/billing.yaml')).body.script.source).toBe(GOOD);
    expect((await select('Billing', 'billing.yaml')).body).toEqual({ statusCode: 0, queue: { queue: 'Billing', agent: 'autopilot-billing', script: 'billing.yaml' } });
    const state = await autopilotState(t, 'bob');
    expect(state.queues).toEqual([
      { queue: 'Billing', agent: 'autopilot-billing', script: 'billing.yaml', nickname: 'Ava', on: true, error: null },
      { queue: 'Loans', agent: null, script: null, nickname: null, on: false, error: null },
      { queue: 'General', agent: null, script: null, nickname: null, on: false, error: null },
    ]);
    expect(state.scripts).toEqual([{ name: 'billing.yaml', queue: 'Billing', updatedAt: expect.any(Number) }]);
    const templates = (await t.agent('alice', 'GET', '/api/sandbox/autopilot/templates')).body.templates;
    expect(templates.map((x: any) => x.name)).toEqual(['billing.yaml', 'general.json', 'loans.yaml']);
    // Deleting the script switches the queue off.
    expect((await t.agent('alice', 'DELETE', '/api/sandbox/autopilot/scripts/billing.yaml')).body).toEqual({ statusCode: 0 });
    expect((await autopilotState(t)).queues[0]).toMatchObject({ script: null, on: false });
  });

  it('refuses a bad script with every error\'s line and field, storing nothing', async () => {
    t = await startTestSandbox();
    const bad = 'queue: Mortgages\naccept:\n  nickname: Ava\nreplies:\n  - match: "(x"\n    say: hi\n';
    const before = t.snapshot();
    const r = await put('bad.yaml', bad);
    expect([r.status, r.body]).toEqual([400, {
      statusCode: 10, statusMessage: "bad.yaml:5: replies[0].match: not a valid regular expression: Invalid regular expression: /(x/u: Unterminated group",
      errors: [{ line: 5, path: 'replies[0].match', message: expect.stringMatching(/^not a valid regular expression/), text: expect.stringMatching(/^bad\.yaml:5: /) }],
    }]);
    // With the shape right, the names are checked against this Sandbox.
    const unknown = await put('bad.yaml', bad.replace('(x', 'x'));
    expect(unknown.body.errors.map((e: any) => e.text)).toEqual(["bad.yaml:1: queue: unknown queue 'Mortgages'. Known queues: Billing, Loans, General"]);
    const validated = await t.agent('alice', 'POST', '/api/sandbox/autopilot/validate', { name: 'x.yaml', source: 'queue: Billing\n' });
    expect(validated.body.errors.map((e: any) => e.text)).toEqual(['x.yaml:1: accept: is required (a map with after and nickname)']);
    expect((await t.agent('alice', 'POST', '/api/sandbox/autopilot/validate', { source: GOOD })).body).toEqual({ statusCode: 0, errors: [], queue: 'Billing' });
    expect(t.snapshot()).toEqual(before);
  });

  it.each([
    ['a source that is not text', () => put('a.yaml', 42), 400, 10, /^Invalid parameter 'source': must be the script \(text\)\.$/],
    ['no source', () => t.agent('alice', 'PUT', '/api/sandbox/autopilot/scripts/a.yaml', {}), 400, 1, /^Required parameter 'source' is missing\.$/],
    ['a path as a name', () => put('../etc/passwd', GOOD), 400, 10, /^Invalid parameter 'name'/],
    ['a name with odd characters', () => put('a<b>.yaml', GOOD), 400, 10, /^Invalid parameter 'name'/],
    ['an unknown script', () => t.agent('alice', 'GET', '/api/sandbox/autopilot/scripts/none.yaml'), 404, 6, /^No autopilot script named 'none\.yaml'\.$/],
    ['deleting an unknown script', () => t.agent('alice', 'DELETE', '/api/sandbox/autopilot/scripts/none.yaml'), 404, 6, /^No autopilot script named/],
    ['switching on an unknown script', () => select('Billing', 'none.yaml'), 404, 6, /^No autopilot script named/],
    ['an unknown queue', () => select('Nowhere', null), 404, 6, /^Queue 'Nowhere' is not known/],
    ['a script of another queue', async () => { await put('b.yaml', GOOD); return select('Loans', 'b.yaml'); }, 409, 2, /^Script 'b\.yaml' serves queue 'Billing', not 'Loans'\.$/],
    ['a bad switch body', () => select('Billing', 7), 400, 10, /^Invalid parameter 'script'/],
    ['no credentials', () => t.agent('alice', 'GET', '/api/sandbox/autopilot', undefined, { Authorization: undefined }), 401, 20, /^Not authenticated$/],
    ['a foreign origin', () => put('a.yaml', GOOD).then(() => t.agent('alice', 'DELETE', '/api/sandbox/autopilot/scripts/a.yaml', undefined, { Origin: 'https://evil.example' })), 403, 3, /Cross-origin/],
  ])('refuses %s', async (_what, run, status, code, message) => {
    t = await startTestSandbox();
    const r = await run();
    expect([r.status, r.body.statusCode, r.body.statusMessage]).toEqual([status, code, expect.stringMatching(message)]);
  });

  it('keeps scripts and switches over a restart, and turns off a script the Sandbox no longer fits', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'beckon-autopilot-restart-'));
    dirs.push(dataDir);
    t = await startTestSandbox({ dataDir });
    await put('billing.yaml', `${GOOD}\nfallback: { say: Let me find Bob., then: [{ transfer: { agent: bob } }] }\n`);
    await select('Billing', 'billing.yaml');
    await t.stop();

    t = await startTestSandbox({ dataDir });
    const id = (await t.customer('POST', '/api/v2/chats', { nickname: 'Jane', endpoint: 'Billing' })).body.id;
    await waitFor(async () => lines(await gwsMessages(t, id), ['Text']).length === 1, 'the greeting after the restart');
    await t.stop();

    t = await startTestSandbox({ dataDir, agents: [{ name: 'alice', password: 'alice' }] }); // bob is gone
    expect((await autopilotState(t)).queues[0]).toEqual({
      queue: 'Billing', agent: 'autopilot-billing', script: 'billing.yaml', nickname: null, on: false,
      error: "billing.yaml:6: fallback.then[0].transfer.agent: unknown agent 'bob'. Agents: alice",
    });
    expect((await t.customer('GET', '/api/v2/queues/Billing/availability')).body.queue.readyAgents).toBe(0);
  });
});

describe('npm run sandbox -- --autopilot', () => {
  const cli = (args: string[]) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    return { child, out: () => out, exit: new Promise<number | null>((resolve) => child.on('exit', resolve)) };
  };

  it('refuses a script that does not validate with exit code 2, printing each error with its file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beckon-autopilot-cli-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'bad.yaml'), 'queue: Billing\naccept: { nickname: Ava, after: never }\nreplies:\n  - { match: "[", say: x }\n');
    const run = cli(['--port', '0', '--data', dir, '--autopilot', join(dir, 'bad.yaml')]);
    expect(await run.exit).toBe(2);
    expect(run.out()).toContain('  bad.yaml:2: accept.after: must be a number of seconds\n  bad.yaml:4: replies[0].match: not a valid regular expression');
    const missing = cli(['--autopilot', join(dir, 'none.yaml')]);
    expect(await missing.exit).toBe(2);
    expect(missing.out()).toMatch(/--autopilot: cannot read '.*none\.yaml'/);
  }, 30_000);

  it('switches the shipped scripts on and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beckon-autopilot-cli-'));
    dirs.push(dir);
    const run = cli(['--port', '0', '--data', dir, '--autopilot', 'sandbox/autopilot/scripts/billing.yaml', '--autopilot', 'sandbox/autopilot/scripts/general.json']);
    await waitFor(() => run.out().includes('Press Ctrl+C'), 'the banner', 20_000);
    expect(run.out()).toContain('  Autopilot:       billing.yaml, general.json');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.out())![1]!;
    const queues = await (await fetch(`${url}/api/v2/queues/availability`, { headers: { ContactCenterId: /ContactCenterId: (\S+)/.exec(run.out())![1]! } })).json();
    expect(queues.queues).toEqual([{ name: 'Billing', readyAgents: 1 }, { name: 'Loans', readyAgents: 0 }, { name: 'General', readyAgents: 1 }]);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  }, 30_000);
});
