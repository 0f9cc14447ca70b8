import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** Output path of the watcher inside the built extension. */
export const WATCHER_DEST = 'watcher.js';

/**
 * Bundles the watcher content script on its own: a minified IIFE of just our code, for
 * the smallest possible cost on every page load of an enabled site.
 */
export async function bundleWatcher(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../src/content/watcher-entry.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome120', 'firefox140'],
    write: false,
    legalComments: 'none',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no watcher bundle');
  return file.text;
}
