/**
 * Screenshots kept as test artifacts when a test fails: a test captures what it wants to show
 * (the branded card, the chat window) as it goes, and only a failing test writes them, to
 * `test-results/e2e/<test name>/<n>-<label>.png` (gitignored). A passing run leaves nothing.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { onTestFailed } from 'vitest';
import { ROOT } from './paths.ts';

/** Where failing tests' screenshots go. */
export const ARTIFACTS_DIR = join(ROOT, 'test-results', 'e2e');

/** Anything with a Playwright- or puppeteer-style `screenshot()` returning the PNG bytes. */
export interface Screenshottable {
  screenshot(opts?: object): Promise<Uint8Array | string>;
}

/** A file name from a test or shot label: letters, digits and dashes. */
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'shot';

/**
 * Collects the current test's screenshots; call inside a test. `shot(label, target)` captures at
 * once (a capture that fails is noted in the log, never fails the test itself).
 */
export function failureScreenshots(testName: string): { shot(label: string, target: Screenshottable): Promise<void> } {
  const shots: { label: string; png: Uint8Array }[] = [];
  onTestFailed(async () => {
    if (shots.length === 0) return;
    const dir = join(ARTIFACTS_DIR, slug(testName));
    await mkdir(dir, { recursive: true });
    await Promise.all(shots.map(({ label, png }, i) => writeFile(join(dir, `${i + 1}-${slug(label)}.png`), png)));
    console.error(`[e2e] ${shots.length} screenshot(s) of the failed test in ${dir}`);
  });
  return {
    async shot(label, target) {
      try {
        const png = await target.screenshot();
        shots.push({ label, png: typeof png === 'string' ? Buffer.from(png, 'base64') : png });
      } catch (error) {
        console.warn(`[e2e] screenshot "${label}" not taken: ${(error as Error).message}`);
      }
    },
  };
}
