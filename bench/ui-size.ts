/**
 * `ui.raw_bytes` and `ui.gzip_bytes`: everything the in-page UI loads, as shipped in the
 * Chrome build: the host script injected into the page (`page-ui.js`) plus the frame page
 * (`page-frame.html`) and every script and style sheet it loads (Preact, the components, the
 * styles, the browser API shim). The background injects the host only when an offer fires,
 * so none of it costs anything until then. Target ≤ 20 KB gzip.
 *
 * `ui.catalog.raw_bytes` and `ui.catalog.gzip_bytes`: the largest visitor catalog the frame
 * fetches on top, one language's (`i18n/visitor-<lang>.json`, scripts/catalog-assets.ts).
 * Target ≤ 2 KB gzip.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleSize, filesSize } from './lib/bundle-size.ts';
import type { Benchmark } from './lib/report.ts';

/** The files a built HTML page loads: its module script, module preloads and style sheets. */
export async function pageAssets(extensionDir: string, page: string): Promise<string[]> {
  const html = await readFile(join(extensionDir, page), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!.replace(/^\//, ''));
  return [page, ...refs.filter((r) => /\.(?:js|css)$/.test(r))];
}

/** The packed visitor catalog that is largest gzipped (a page fetches one of them). */
async function largestCatalog(extensionDir: string): Promise<string> {
  const files = (await readdir(join(extensionDir, 'i18n'))).filter((f) => /^visitor-[a-z]+\.json$/.test(f)).map((f) => `i18n/${f}`);
  const sized = await Promise.all(files.map(async (f) => ({ f, gzip: gzipSync(await readFile(join(extensionDir, f)), { level: 9 }).length })));
  const largest = sized.sort((a, b) => b.gzip - a.gzip)[0];
  if (!largest) throw new Error('the build has no visitor catalogs (i18n/visitor-*.json)');
  return largest.f;
}

export const uiSize: Benchmark = {
  name: 'ui-size',
  run: async (ctx) => [
    ...(await filesSize(ctx.extensionDir, ['page-ui.js', ...(await pageAssets(ctx.extensionDir, 'page-frame.html'))], 'ui', 20 * 1024)),
    ...(await bundleSize(ctx.extensionDir, await largestCatalog(ctx.extensionDir), 'ui.catalog', 2 * 1024)),
  ],
};
