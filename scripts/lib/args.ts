/**
 * Command-line parsing for `npm start` (scripts/start.ts). Pure: everything it needs
 * (arguments, environment, folders) is passed in, so the unit test can drive it.
 */
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** What `npm start` was asked to do, with every path absolute. */
export interface StartOptions {
  port: number;
  dataDir: string;
  profileDir: string;
  /** Site opened in the second tab instead of the Sandbox demo site. */
  site?: string;
  browserPath: string;
  build: boolean;
  headless: boolean;
  /** Autopilot demo scripts the Sandbox switches on for their queues (absolute paths; none: []). */
  autopilot: string[];
}

export type ParsedStart =
  | { kind: 'run'; options: StartOptions }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

export const DEFAULT_PORT = 7400;
export const DEFAULT_DATA_DIR = '.beckon/sandbox-data';
export const DEFAULT_PROFILE_DIR = '.beckon/chromium-profile';
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const USAGE = `Usage: npm start -- [options]      (or: npx tsx scripts/start.ts [options])

Starts the Beckon Sandbox, builds the extension and opens Chromium with it loaded:
one tab on the agent console, one on the demo site (or --site).

Options:
  --port <n>           Sandbox port on 127.0.0.1 (default ${DEFAULT_PORT}; the extension's
                       default settings expect ${DEFAULT_PORT})
  --data <dir>         Sandbox data folder (default ${DEFAULT_DATA_DIR})
  --site <url>         open this site instead of the Sandbox demo site
  --no-build           skip \`wxt build\`, use the last build in .output/chrome-mv3
  --headless           run Chromium without a window (CI, machines without a display)
  --browser-path <p>   Chromium binary (default $CHROMIUM_PATH or ${DEFAULT_CHROMIUM})
  --profile <dir>      Chromium profile folder (default ${DEFAULT_PROFILE_DIR})
  --autopilot <file>   a scripted agent for a solo demo (YAML or JSON) on its queue; repeat
                       for more queues (ready ones: sandbox/autopilot/scripts/)
  -h, --help           show this help

Stop with Ctrl-C, or close the browser window.`;

/**
 * Parses `argv` (without the node and script entries). Relative paths given on the command
 * line resolve against `cwd`; the defaults resolve against the project `root`.
 */
export function parseStartArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  dirs: { cwd: string; root: string },
): ParsedStart {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        site: { type: 'string' },
        'no-build': { type: 'boolean' },
        headless: { type: 'boolean' },
        'browser-path': { type: 'string' },
        profile: { type: 'string' },
        autopilot: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };

  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || values.port?.trim() === '') {
    return { kind: 'error', message: `--port must be an integer from 0 to 65535, got "${values.port}"` };
  }

  let site: string | undefined;
  if (values.site !== undefined) {
    const url = URL.canParse(values.site) ? new URL(values.site) : undefined;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      return { kind: 'error', message: `--site must be an http(s) URL, got "${values.site}"` };
    }
    site = url.href;
  }

  const given = (path: string) => (isAbsolute(path) ? path : resolve(dirs.cwd, path));
  const browserPath = values['browser-path'] || env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  return {
    kind: 'run',
    options: {
      port,
      dataDir: values.data ? given(values.data) : resolve(dirs.root, DEFAULT_DATA_DIR),
      profileDir: values.profile ? given(values.profile) : resolve(dirs.root, DEFAULT_PROFILE_DIR),
      site,
      // A bare name ("chromium") is looked up on PATH when the browser is launched.
      browserPath: browserPath.includes('/') ? given(browserPath) : browserPath,
      build: !values['no-build'],
      headless: values.headless ?? false,
      autopilot: (values.autopilot ?? []).map(given),
    },
  };
}
