/**
 * `npm start`: the whole demo on one machine. Starts the Beckon Sandbox on 127.0.0.1, builds
 * the extension, opens Debian Chromium (own profile, extension loaded) on the agent console
 * and the demo site, prints what runs where, and stops everything on Ctrl-C, SIGTERM or when
 * the browser is closed. `npm start -- --help` lists the flags (scripts/lib/args.ts).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { pointExtensionAt } from './lib/point-extension.ts';
import { ScriptRefused } from '../sandbox/autopilot/autopilot-scripts.ts';
import { GwsError } from '../sandbox/engine/errors.ts';
import { startSandbox } from '../sandbox/server.ts';
import { parseStartArgs, USAGE, type StartOptions } from './lib/args.ts';
import { bannerLines } from './lib/banner.ts';
import { assertBuilt, buildExtension, BuildError } from './lib/build.ts';
import { ChromiumNotFoundError, launchChromiumWithExtension, profileOwner, resolveChromium } from './lib/chromium.ts';
import { installShutdown } from './lib/shutdown.ts';
import { DEFAULT_CRM_TOKEN } from '../src/core/defaults.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');

/** A startup problem whose message already says what to do. */
class StartError extends Error {}

const shutdown = installShutdown();

async function main(): Promise<void> {
  const parsed = parseStartArgs(process.argv.slice(2), process.env, { cwd: process.cwd(), root: ROOT });
  if (parsed.kind === 'help') return console.log(USAGE);
  if (parsed.kind === 'error') {
    console.error(`${parsed.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const opts = parsed.options;
  const browserPath = resolveChromium(opts.browserPath);
  preflight(opts);

  // The Sandbox first: a taken port fails in a second, not after the build.
  mkdirSync(opts.dataDir, { recursive: true });
  const autopilot = opts.autopilot.map((file) => {
    try {
      return { name: basename(file), source: readFileSync(file, 'utf8') };
    } catch (error) {
      throw new StartError(`--autopilot: cannot read ${file}: ${(error as Error).message}`);
    }
  });
  const sandbox = await startSandbox({ port: opts.port, host: '127.0.0.1', dataDir: opts.dataDir, autopilot })
    .catch((error: unknown) => {
      if (error instanceof ScriptRefused) throw new StartError(`The autopilot script does not validate:\n${error.lines().map((l) => `  ${l}`).join('\n')}`);
      if (error instanceof GwsError) throw new StartError(`--autopilot: ${error.message}`);
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      throw new StartError(
        `Port ${opts.port} on 127.0.0.1 is already in use (another \`npm start\` or Sandbox?).\n` +
          `  Stop it, or pick another port: npm start -- --port ${opts.port + 1}`,
      );
    });
  shutdown.add('the Sandbox', () => sandbox.close());

  if (opts.build) {
    console.log('Building the extension (npx wxt build)…');
    await buildExtension(ROOT);
  }
  assertBuilt(EXTENSION_DIR);

  mkdirSync(opts.profileDir, { recursive: true });
  const context = await launchChromiumWithExtension({
    executablePath: browserPath,
    profileDir: opts.profileDir,
    extensionDir: EXTENSION_DIR,
    headless: opts.headless,
    resizableViewport: !opts.headless,
  });
  // Added last, so it runs first: the browser stops before the Sandbox it talks to.
  shutdown.add('Chromium', () => context.close());
  context.on('close', () => void shutdown.stop('the browser was closed'));

  const consoleUrl = `${sandbox.url}/console/`;
  const siteUrl = opts.site ?? `${sandbox.url}/demo/`;
  const extensionId = await findExtensionId(context);
  const pointed = extensionId ? await pointExtensionAt(context, sandbox.url, sandbox.contactCenterId).then(() => true, () => false) : false;
  const consoleTab = context.pages()[0] ?? (await context.newPage());
  await openTab(consoleTab, consoleUrl);
  const siteTab = await context.newPage();
  await openTab(siteTab, siteUrl);
  await siteTab.bringToFront().catch(() => undefined);

  for (const line of bannerLines({
    sandboxUrl: sandbox.url,
    port: sandbox.port,
    pointed,
    contactCenterId: sandbox.contactCenterId,
    crmToken: DEFAULT_CRM_TOKEN,
    agents: sandbox.agents,
    autopilot: opts.autopilot.map((file) => basename(file)),
    dataDir: opts.dataDir,
    consoleUrl,
    siteUrl,
    demo: !opts.site,
    browserPath,
    headless: opts.headless,
    profileDir: opts.profileDir,
    extensionDir: EXTENSION_DIR,
    extensionId,
  })) console.log(line);
  if (!extensionId) console.warn('  Warning: the extension service worker did not start; check chrome://extensions.\n');
}

/** Checks that need no work done yet, so mistakes surface before the build. */
function preflight(opts: StartOptions): void {
  const owner = profileOwner(opts.profileDir);
  if (owner !== null) {
    throw new StartError(
      `The Chromium profile ${opts.profileDir} is in use by process ${owner} (another \`npm start\`?).\n` +
        `  Close that browser, or use another profile: --profile <dir>`,
    );
  }
  if (!opts.headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new StartError('No display found ($DISPLAY and $WAYLAND_DISPLAY are unset).\n  Run with --headless, or start from a desktop session.');
  }
}

/** The extension id, from its service worker URL; undefined if it does not show up in 10 s. */
async function findExtensionId(context: BrowserContext): Promise<string | undefined> {
  const isOurs = (url: string) => url.startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find((w) => isOurs(w.url())) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()), timeout: 10_000 }).catch(() => undefined));
  return worker ? new URL(worker.url()).host : undefined;
}

/** Navigates a tab and reports it; an unreachable page is a warning, not a reason to stop. */
async function openTab(page: Page, url: string): Promise<void> {
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    console.log(`Opened ${url} ("${await page.title()}")`);
  } catch (error) {
    console.warn(`Could not open ${url}: ${(error as Error).message.split('\n')[0]}`);
  }
}

main().catch((error: unknown) => {
  const known = error instanceof StartError || error instanceof BuildError || error instanceof ChromiumNotFoundError;
  console.error(`\nnpm start failed: ${known ? (error as Error).message : ((error as Error).stack ?? String(error))}`);
  // Close whatever did start (browser, Sandbox) before exiting.
  void shutdown.stop('startup failed', 1);
});
