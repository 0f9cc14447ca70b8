/** Production build of the extension for `npm start`: `wxt build`, output checked. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when the build fails or its output is missing; the message says what to do. */
export class BuildError extends Error {}

/** Runs `npx wxt build` in `root`, its output shown in the terminal. */
export async function buildExtension(root: string): Promise<void> {
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (exitCode, signal) => resolve(signal ? null : exitCode));
  });
  if (code !== 0) {
    throw new BuildError(
      `Extension build failed (\`npx wxt build\` ${code === null ? 'was killed' : `exited with ${code}`}).\n` +
        `  Fix the error printed above, or run with --no-build to use the last build.`,
    );
  }
}

/** Throws unless `extensionDir` holds a built extension (a manifest.json). */
export function assertBuilt(extensionDir: string): void {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new BuildError(
      `No extension build in ${extensionDir}.\n  Run without --no-build (or \`npm run build\`) first.`,
    );
  }
}
