/**
 * `ui.raw_bytes` and `ui.gzip_bytes`: everything the in-page UI loads, as shipped in the
 * Chrome build: the host script injected into the page (`page-ui.js`) plus the frame page
 * (`page-frame.html`) and every script and style sheet it loads (Preact, the components, the
 * styles, the browser API shim). The background injects the host only when an offer fires,
 * so none of it costs anything until then. Target ≤ 20 KB gzip.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { filesSize } from './lib/bundle-size.ts';
import type { Benchmark } from './lib/report.ts';

/** The files a built HTML page loads: its module script, module preloads and style sheets. */
export async function pageAssets(extensionDir: string, page: string): Promise<string[]> {
  const html = await readFile(join(extensionDir, page), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!.replace(/^\//, ''));
  return [page, ...refs.filter((r) => /\.(?:js|css)$/.test(r))];
}

export const uiSize: Benchmark = {
  name: 'ui-size',
  run: async (ctx) => filesSize(ctx.extensionDir, ['page-ui.js', ...(await pageAssets(ctx.extensionDir, 'page-frame.html'))], 'ui', 20 * 1024),
};
