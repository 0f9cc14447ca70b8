import { describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM, parseStartArgs, USAGE } from '../../scripts/lib/args.ts';

const dirs = { cwd: '/home/me/elsewhere', root: '/srv/beckon' };
const parse = (argv: string[], env: Record<string, string | undefined> = {}) => parseStartArgs(argv, env, dirs);
const run = (argv: string[], env: Record<string, string | undefined> = {}) => {
  const parsed = parse(argv, env);
  if (parsed.kind !== 'run') throw new Error(`expected options, got ${JSON.stringify(parsed)}`);
  return parsed.options;
};

describe('parseStartArgs', () => {
  it('has defaults under the project folder', () => {
    expect(run([])).toEqual({
      port: 7400,
      dataDir: '/srv/beckon/.beckon/sandbox-data',
      profileDir: '/srv/beckon/.beckon/chromium-profile',
      site: undefined,
      browserPath: DEFAULT_CHROMIUM,
      build: true,
      headless: false,
      autopilot: [],
    });
  });

  it('reads every flag, in both --flag value and --flag=value forms', () => {
    const options = run([
      '--port=7500',
      '--data', 'data',
      '--site', 'https://example.com/shop',
      '--no-build',
      '--headless',
      '--browser-path', '/opt/chromium/chrome',
      '--profile', '/tmp/profile',
      '--autopilot', 'billing.yaml',
      '--autopilot=/scripts/loans.yaml',
    ]);
    expect(options).toEqual({
      port: 7500,
      dataDir: '/home/me/elsewhere/data',
      profileDir: '/tmp/profile',
      site: 'https://example.com/shop',
      browserPath: '/opt/chromium/chrome',
      build: false,
      headless: true,
      autopilot: ['/home/me/elsewhere/billing.yaml', '/scripts/loans.yaml'],
    });
  });

  it('takes the browser from CHROMIUM_PATH unless --browser-path is given', () => {
    expect(run([], { CHROMIUM_PATH: '/snap/bin/chromium' }).browserPath).toBe('/snap/bin/chromium');
    expect(run(['--browser-path', '/x/chrome'], { CHROMIUM_PATH: '/snap/bin/chromium' }).browserPath).toBe('/x/chrome');
    // A bare name is left for a PATH lookup; a relative path resolves against cwd.
    expect(run(['--browser-path', 'chromium']).browserPath).toBe('chromium');
    expect(run(['--browser-path', './bin/chrome']).browserPath).toBe('/home/me/elsewhere/bin/chrome');
  });

  it('accepts port 0 (any free port) and rejects bad ports', () => {
    expect(run(['--port', '0']).port).toBe(0);
    for (const bad of ['abc', '-1', '65536', '74.5', '']) {
      const parsed = parse([`--port=${bad}`]);
      expect(parsed.kind, bad).toBe('error');
    }
  });

  it('rejects a --site that is not an http(s) URL', () => {
    for (const bad of ['example.com', 'ftp://example.com', 'javascript:alert(1)']) {
      expect(parse(['--site', bad])).toMatchObject({ kind: 'error', message: expect.stringContaining('--site') });
    }
  });

  it('rejects unknown flags and positionals', () => {
    expect(parse(['--bogus']).kind).toBe('error');
    expect(parse(['extra']).kind).toBe('error');
    expect(parse(['--port']).kind).toBe('error');
  });

  it('asks for help with -h or --help, whatever else is given', () => {
    expect(parse(['-h'])).toEqual({ kind: 'help' });
    expect(parse(['--port', '1', '--help'])).toEqual({ kind: 'help' });
    expect(USAGE).toContain('--no-build');
  });
});
