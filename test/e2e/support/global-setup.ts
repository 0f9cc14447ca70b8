/**
 * Runs once before the e2e project: fails fast, with the fix, when a build or a browser is
 * missing, and warns when the build is older than the sources (e2e runs the production build:
 * `npm run test:e2e` rebuilds; a bare `vitest run --project e2e` does not).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD, CHROMIUM_PATH, FIREFOX_BUILD, FIREFOX_PATH, ROOT } from './paths.ts';

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const problems: string[] = [];
  for (const [build, command] of [
    [CHROME_BUILD, 'npm run build'],
    [FIREFOX_BUILD, 'npm run build:firefox'],
  ] as const) {
    if (!existsSync(join(build, 'manifest.json'))) problems.push(`No build in ${build}: run \`${command}\` (or \`npm run test:e2e\`).`);
  }
  for (const [binary, pkg] of [
    [CHROMIUM_PATH, 'chromium'],
    [FIREFOX_PATH, 'firefox-esr'],
  ] as const) {
    if (!existsSync(binary)) problems.push(`No browser at ${binary}: sudo apt-get install ${pkg} (or set ${pkg === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'}).`);
  }
  if (problems.length) throw new Error(`e2e cannot run:\n  ${problems.join('\n  ')}`);

  const sources = Math.max(...['src', 'entrypoints', 'public', 'wxt.config.ts'].map((p) => {
    const path = join(ROOT, p);
    return existsSync(path) && statSync(path).isFile() ? statSync(path).mtimeMs : newestMtime(path);
  }));
  for (const build of [CHROME_BUILD, FIREFOX_BUILD]) {
    if (statSync(join(build, 'manifest.json')).mtimeMs < sources) {
      console.warn(`[e2e] ${build} is older than the sources: \`npm run test:e2e\` rebuilds before testing.`);
    }
  }
}
