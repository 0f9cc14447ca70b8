import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every folder README lists the folder's files, and only files that exist (refined-github
 * checks its feature list against its features folder the same way). The rule, kept simple:
 *
 * - A README names a file with a backticked span that is exactly the file's path from the
 *   README's folder (`lib/chat.ts`), from the repository root (`src/core/defaults.ts`), or its
 *   bare name (`chat.ts`). Spans are single-backtick code on one line; fenced blocks do not count.
 * - Every source file (`.ts`, `.tsx`, `.js`, `.css`, `.html`) under the README's folder, at
 *   any depth, must be named, except tests (`*.test.ts`, `*.test.tsx`), which are named after
 *   what they test.
 * - Every backticked span that looks like a file name (name characters only, ending in one of
 *   those extensions) must be a file: from the README's folder or the root (`wxt.config.ts`),
 *   or, a bare name, anywhere under the README's folder. Name another folder's file by its
 *   path from the root.
 *   Built files, which exist in no folder, are listed in `BUILT` below.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Top folders with a README; every folder under src/ must have one too. */
const TOP_FOLDERS = ['entrypoints', 'sandbox', 'scripts', 'bench', 'test'];
const SOURCE = /\.(?:tsx?|js|css|html)$/;
const TEST = /\.test\.tsx?$/;
const FILE_NAME = /^(?:\.\/)?[\w@.-]+(?:\/[\w@.-]+)*\.(?:tsx?|js|css|html)$/;
/** Files the build writes (WXT bundles, the watcher bundle) or a benchmark names at run time. */
const BUILT = new Set(['watcher.js', 'picker.js', 'page-ui.js', 'page-frame.html', 'pega-bridge.js', 'page-api.js', 'page-api-relay.js', 'beckon-bench-probe.js', 'beckon-bench-chat-probe.js', '_generated_background_page.html']);

const posix = (p: string) => p.split(path.sep).join('/');

/** The folders (relative to the root) whose README must list their files. */
function readmeFolders(root: string): string[] {
  const src = fs.readdirSync(path.join(root, 'src'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `src/${d.name}`);
  return [...src.sort(), ...TOP_FOLDERS];
}

/** Every file under `folder`, as posix paths relative to it. */
function filesUnder(root: string, folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .map(posix)
    .filter((file) => !file.split('/').includes('node_modules') && fs.statSync(path.join(root, folder, file)).isFile())
    .sort();
}

/** The backticked spans of a README that look like file names, `./` removed. */
function namedFiles(readme: string): string[] {
  const outsideFences = readme.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '');
  return [...outsideFences.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.trim()).filter((span) => FILE_NAME.test(span)).map((span) => span.replace(/^\.\//, ''));
}

/** What a README gets wrong: source files it does not name, and names that are no file. */
function readmeProblems(root: string, folder: string, readme: string): { unlisted: string[]; missing: string[] } {
  const files = filesUnder(root, folder);
  const names = new Set(namedFiles(readme));
  const basenames = new Set(files.map((file) => path.posix.basename(file)));
  const unlisted = files.filter((file) => SOURCE.test(file) && !TEST.test(file))
    .filter((file) => ![file, `${folder}/${file}`, path.posix.basename(file)].some((name) => names.has(name)));
  const missing = [...names].filter((name) => {
    if (BUILT.has(name) || (!name.includes('/') && basenames.has(name))) return false;
    return ![path.join(root, folder, name), path.join(root, name)].some((p) => fs.existsSync(p) && fs.statSync(p).isFile());
  });
  return { unlisted, missing };
}

describe('namedFiles', () => {
  it('takes backticked file names only, outside fenced blocks', () => {
    const readme = [
      '- `index.ts` — start; `lib/chat.ts` and `./src/core/defaults.ts`; `styles.css?inline` is not a name.',
      'Not backticked: other.ts; not a file: `npm run lint`, `chrome-extension://<id>/watcher.js`, `crm/`.',
      '```', 'fenced.ts `inside.ts`', '```',
    ].join('\n');
    expect(namedFiles(readme)).toEqual(['index.ts', 'lib/chat.ts', 'src/core/defaults.ts']);
  });
});

describe('readmeProblems', () => {
  const folder = 'bench';
  it('reports a source file the README does not name, and a name that is no file', () => {
    const { unlisted, missing } = readmeProblems(ROOT, folder, 'Only `run.ts`, `lib/gone.ts`, `gone.ts` and `src/core/defaults.ts`.');
    expect(unlisted).toContain('lib/report.ts');
    expect(unlisted).not.toContain('run.ts');
    expect(missing).toEqual(['lib/gone.ts', 'gone.ts']);
  });
});

describe.each(readmeFolders(ROOT))('%s/README.md', (folder) => {
  it('exists, names every source file of its folder and only files that exist', () => {
    const file = path.join(ROOT, folder, 'README.md');
    expect(fs.existsSync(file), `${folder} has no README.md`).toBe(true);
    expect(readmeProblems(ROOT, folder, fs.readFileSync(file, 'utf8'))).toEqual({ unlisted: [], missing: [] });
  });
});
