/**
 * `ui.raw_bytes` and `ui.gzip_bytes`: the offer/chat UI bundle as shipped (`page-ui.js` of
 * the Chrome build, Preact and the styles included). The background injects it only when an
 * offer fires, so it costs nothing until then. Target ≤ 20 KB gzip.
 */
import { bundleSize } from './lib/bundle-size.ts';
import type { Benchmark } from './lib/report.ts';

export const uiSize: Benchmark = {
  name: 'ui-size',
  run: (ctx) => bundleSize(ctx.extensionDir, 'page-ui.js', 'ui', 20 * 1024),
};
