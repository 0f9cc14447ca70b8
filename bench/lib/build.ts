/**
 * The build the benchmarks measure: `.output/chrome-mv3`, rebuilt with `npx wxt build` when it
 * is missing or older than its sources, then copied to a temp folder so that a rebuild started
 * by someone else while the benchmarks run cannot pull the files out from under the browser.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_BUILD, ROOT } from '../../test/e2e/support/paths.ts';
import { log, MeasurementError } from './report.ts';

/** Files every benchmark relies on; their absence means a broken or half-written build. */
const REQUIRED = ['manifest.json', 'background.js', 'watcher.js', 'page-ui.js'];

/** What goes into the Chrome build: WXT's inputs plus the watcher's own bundler and the lockfile. */
const SOURCES = ['src', 'entrypoints', 'public', 'wxt.config.ts', 'scripts/content-bundles.ts', 'scripts/catalog-assets.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (stat.isFile()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Why the build must be (re)made, or null when it is up to date. */
export function staleReason(buildDir = CHROME_BUILD): string | null {
  const missing = REQUIRED.filter((f) => !existsSync(join(buildDir, f)));
  if (missing.length) return `${buildDir} lacks ${missing.join(', ')}`;
  // The oldest required file dates the build: WXT rewrites them all on every build.
  const builtAt = Math.min(...REQUIRED.map((f) => statSync(join(buildDir, f)).mtimeMs));
  const changed = SOURCES.find((p) => newestMtime(join(ROOT, p)) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

function wxtBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    // stdout too goes to stderr: stdout carries only the figures.
    const child = spawn('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new MeasurementError(`\`npx wxt build\` failed (${signal ?? `exit code ${code}`}); the output above says why`)),
    );
  });
}

/** A private copy of an up-to-date Chrome build; `dispose()` deletes it. */
export interface BuildSnapshot {
  dir: string;
  dispose(): Promise<void>;
}

/**
 * Builds if needed and snapshots the build. `BENCH_EXTENSION_DIR` measures another unpacked
 * Chrome build as is (e.g. an older one, to compare), without building.
 */
export async function preparedBuild(): Promise<BuildSnapshot> {
  const given = process.env.BENCH_EXTENSION_DIR;
  const source = given ?? CHROME_BUILD;
  if (!given) {
    const reason = staleReason();
    if (reason) {
      log(`building the extension: ${reason}`);
      await wxtBuild();
    } else log(`${CHROME_BUILD} is up to date`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'beckon-bench-ext-'));
  await cp(source, dir, { recursive: true });
  const missing = REQUIRED.filter((f) => !existsSync(join(dir, f)));
  if (missing.length) {
    await rm(dir, { recursive: true, force: true });
    throw new MeasurementError(`the build in ${source} lacks ${missing.join(', ')} (was it rebuilt while being copied?)`);
  }
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}
