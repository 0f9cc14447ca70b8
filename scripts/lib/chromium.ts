/**
 * How Beckon launches Debian Chromium with the extension loaded: shared by `npm start` and
 * the e2e harness (test/e2e/support/chromium.ts) so both run the browser the same way.
 */
import { accessSync, constants, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Thrown when the Chromium binary cannot be found or run; the message says how to fix it. */
export class ChromiumNotFoundError extends Error {}

/**
 * Returns the absolute path of an executable Chromium: `candidate` itself when it contains a
 * slash, otherwise the first match on PATH.
 */
export function resolveChromium(candidate: string, envPath = process.env.PATH ?? ''): string {
  const paths = candidate.includes('/')
    ? [candidate]
    : envPath.split(delimiter).filter(Boolean).map((dir) => join(dir, candidate));
  for (const path of paths) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // try the next one
    }
  }
  throw new ChromiumNotFoundError(
    `Chromium not found at ${candidate}.\n` +
      `  Install it with:  sudo apt-get install chromium\n` +
      `  or point CHROMIUM_PATH (or --browser-path) at a Chromium binary.`,
  );
}

/**
 * Chromium flags: quiet (no background traffic, updates, sync or first-run UI), no GPU,
 * only our extension. `--no-sandbox` only as root, where Chromium refuses to start without it.
 */
export function chromiumArgs(extensionDir: string, isRoot = process.getuid?.() === 0): string[] {
  return [
    ...(isRoot ? ['--no-sandbox'] : []),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}

/**
 * The pid of a live Chromium holding `profileDir` (its `SingletonLock` symlink points at
 * `<host>-<pid>`), or null. A stale lock is ignored: Chromium clears it itself.
 */
export function profileOwner(profileDir: string): number | null {
  let target: string;
  try {
    target = readlinkSync(join(profileDir, 'SingletonLock'));
  } catch {
    return null;
  }
  const match = /^(.*)-(\d+)$/.exec(target);
  if (!match || match[1] !== hostname()) return null;
  const pid = Number(match[2]);
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive but not ours; ESRCH: gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

export interface LaunchChromiumOptions {
  executablePath: string;
  /** Persistent profile folder (created if missing). */
  profileDir: string;
  /** Unpacked extension folder, e.g. `.output/chrome-mv3`. */
  extensionDir: string;
  headless: boolean;
  /** Pages follow the window size: what a person at the keyboard expects. */
  resizableViewport?: boolean;
}

/**
 * Launches Chromium with a persistent profile and the extension loaded, through playwright-core.
 * Signals are left to the caller (handleSIGINT/SIGTERM off) so it can shut down in order.
 */
export function launchChromiumWithExtension(opts: LaunchChromiumOptions): Promise<BrowserContext> {
  return chromium.launchPersistentContext(opts.profileDir, {
    executablePath: opts.executablePath,
    headless: opts.headless,
    args: chromiumArgs(opts.extensionDir),
    // Our args decide about --no-sandbox; Playwright would otherwise always add it.
    chromiumSandbox: true,
    // Playwright's defaults disable extensions; --load-extension wins today, but be explicit.
    ignoreDefaultArgs: ['--disable-extensions'],
    handleSIGINT: false,
    handleSIGTERM: false,
    ...(opts.resizableViewport ? { viewport: null } : {}),
  });
}
