import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * The content scripts built apart from WXT's pipeline: minified IIFEs of just our code, with
 * no polyfill or framework runtime, for the smallest possible cost inside visited pages.
 * `dest` is the path inside the built extension; `entry` is under src/content/.
 */
export const CONTENT_BUNDLES = [
  // Runs on every page load of an enabled site.
  { dest: 'watcher.js', entry: 'watcher-entry.ts' },
  // Injected when an offer fires or a chat must show: keeps the UI frame in the page.
  { dest: 'page-ui.js', entry: 'page-host-entry.ts' },
  // Injected on the context menu's "Offer a chat when this is clicked": names the element right-clicked.
  { dest: 'picker.js', entry: 'picker-entry.ts' },
  // Only on sites with the page API on: the seeds' APIs in the page's main world, and their relay.
  { dest: 'page-api.js', entry: 'page-api-entry.ts' },
  { dest: 'page-api-relay.js', entry: 'page-api-relay-entry.ts' },
] as const;

/** Bundles one content script and returns its code. */
export async function bundleContentScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../src/content/${entry}`, import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome120', 'firefox140'],
    write: false,
    legalComments: 'none',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no bundle for ${entry}`);
  return file.text;
}
