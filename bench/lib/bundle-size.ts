/** Raw and gzip sizes of files of the build, the way the size benchmarks report them. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { log, type Metric } from './report.ts';

/**
 * `<prefix>.raw_bytes` and `<prefix>.gzip_bytes` of `files` in `extensionDir`, summed. Gzip at
 * level 9 (node:zlib), each file on its own: what packed .crx/.xpi entries roughly cost; the
 * browser reads the raw files.
 */
export async function filesSize(extensionDir: string, files: string[], prefix: string, gzipTarget: number): Promise<Metric[]> {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(join(extensionDir, file));
    const packed = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += packed;
    if (files.length > 1) log(`  ${file}: ${bytes.length} B raw, ${packed} B gzip`);
  }
  const verdict = gzip <= gzipTarget ? 'within' : 'OVER';
  log(`${files.length > 1 ? `${prefix} (${files.length} files)` : files[0]}: ${raw} B raw, ${gzip} B gzip (${verdict} the ${gzipTarget} B target)`);
  return [
    { metric: `${prefix}.raw_bytes`, value: raw, unit: 'bytes' },
    { metric: `${prefix}.gzip_bytes`, value: gzip, unit: 'bytes' },
  ];
}

/** The same for one file. */
export const bundleSize = (extensionDir: string, file: string, prefix: string, gzipTarget: number) => filesSize(extensionDir, [file], prefix, gzipTarget);
