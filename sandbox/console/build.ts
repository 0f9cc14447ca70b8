/**
 * Builds the agent console in memory when the Sandbox starts: esbuild bundles the Preact
 * app (TSX) into one minified script, and the HTML and CSS are read as they are. Nothing
 * is written to disk, so a source checkout runs without a build step.
 */
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The console's three assets, ready to serve. */
export interface ConsoleAssets {
  html: string;
  js: string;
  css: string;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

let cached: Promise<ConsoleAssets> | undefined;

/** Bundles the console once per process (tests start many Sandboxes; the app is the same). */
export function buildConsole(): Promise<ConsoleAssets> {
  cached ??= bundle().catch((err: unknown) => {
    cached = undefined; // let a later start retry after the source is fixed
    throw err;
  });
  return cached;
}

async function bundle(): Promise<ConsoleAssets> {
  const result = await build({
    entryPoints: [here('./main.tsx')],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    target: ['chrome110', 'firefox115'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    legalComments: 'none',
  });
  const [html, css] = await Promise.all([readFile(here('./index.html'), 'utf8'), readFile(here('./styles.css'), 'utf8')]);
  return { html, css, js: result.outputFiles[0]!.text };
}
