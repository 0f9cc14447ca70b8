/**
 * `watcher.raw_bytes` and `watcher.gzip_bytes`: the watcher content script as shipped
 * (`watcher.js` of the Chrome build). It loads on every page of every enabled site, so its
 * size is paid on each page load. Target ≤ 3 KB gzip.
 */
import { bundleSize } from './lib/bundle-size.ts';
import type { Benchmark } from './lib/report.ts';

export const watcherSize: Benchmark = {
  name: 'watcher-size',
  run: (ctx) => bundleSize(ctx.extensionDir, 'watcher.js', 'watcher', 3 * 1024),
};
