/** Raw and gzip sizes of one file of the build, the way the size benchmarks report them. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { log, type Metric } from './report.ts';

/**
 * `<prefix>.raw_bytes` and `<prefix>.gzip_bytes` of `file` in `extensionDir`. Gzip at level 9
 * (node:zlib): what a packed .crx/.xpi entry roughly costs; the browser reads the raw file.
 */
export async function bundleSize(extensionDir: string, file: string, prefix: string, gzipTarget: number): Promise<Metric[]> {
  const bytes = await readFile(join(extensionDir, file));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const verdict = gzip <= gzipTarget ? 'within' : 'OVER';
  log(`${file}: ${bytes.length} B raw, ${gzip} B gzip (${verdict} the ${gzipTarget} B target)`);
  return [
    { metric: `${prefix}.raw_bytes`, value: bytes.length, unit: 'bytes' },
    { metric: `${prefix}.gzip_bytes`, value: gzip, unit: 'bytes' },
  ];
}
