import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The folder boundaries of DESIGN.md "Layout", stated here on their own so that a loosened
 * `eslint.config.js` fails this test. Each folder may import itself and these folders of ours.
 */
const MAY_IMPORT: Record<string, string[]> = {
  'src/core': [],
  'src/protocol': ['src/core'],
  'src/backends': ['src/core', 'src/protocol'],
  'src/crm': ['src/core', 'src/protocol'],
  'src/background': ['src/core', 'src/protocol', 'src/backends', 'src/crm'],
  'src/content': ['src/core', 'src/protocol', 'src/ui'],
  'src/ui': ['src/core', 'src/protocol'],
  entrypoints: ['src/core', 'src/protocol', 'src/backends', 'src/crm', 'src/background', 'src/content', 'src/ui'],
  sandbox: ['src/core', 'src/protocol'],
  scripts: ['src/core', 'src/protocol', 'sandbox'],
  // Benchmarks measure the builds and the Sandbox, never extension code directly.
  bench: ['test', 'scripts', 'sandbox'],
  test: ['src/core', 'src/protocol', 'src/backends', 'src/crm', 'src/background', 'src/content', 'src/ui', 'sandbox', 'scripts'],
};

/** One real module per folder, the import target of the probes (it must exist to resolve). */
const MODULE_OF: Record<string, string> = {
  'src/core': 'src/core/defaults.ts',
  'src/protocol': 'src/protocol/storage.ts',
  'src/backends': 'src/backends/types.ts',
  'src/crm': 'src/crm/types.ts',
  'src/background': 'src/background/index.ts',
  'src/content': 'src/content/watcher.ts',
  'src/ui': 'src/ui/client.ts',
  entrypoints: 'entrypoints/background.ts',
  sandbox: 'sandbox/server.ts',
  scripts: 'scripts/lib/args.ts',
  bench: 'bench/lib/report.ts',
  test: 'test/e2e/support/wait.ts',
};

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FOLDERS = Object.keys(MAY_IMPORT);
const BOUNDARY_RULES = new Set(['import-x/no-restricted-paths', 'no-restricted-imports']);

/** The ways one module can be named from a file: how deep the file is must not matter. */
const SPELLINGS: Record<string, (from: string, module: string, line: number) => string> = {
  plain: (from, module) => `import '${relative(from, module).replace(/\.ts$/, '')}';`,
  'with .ts': (from, module) => `import '${relative(from, module)}';`,
  'type only': (from, module, line) => `import type * as T${line} from '${relative(from, module)}';`,
  'tsconfig alias': (_from, module) => `import '@/${module.replace(/\.ts$/, '')}';`,
};
// Probe files that need not exist: at the folder's top, two levels down, four levels down.
const DEPTHS = ['probe.ts', 'a/b/probe.ts', 'a/b/c/d/probe.ts'];

function relative(from: string, module: string): string {
  const rel = path.posix.relative(path.posix.dirname(from), module);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

let eslint: ESLint;
/** Lints `code` as if it were the file `file`; returns the lines a boundary rule reported. */
async function boundaryErrors(file: string, code: string): Promise<number[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  const parsing = result!.messages.filter((m) => m.fatal);
  expect(parsing, 'the probe must parse').toEqual([]);
  return result!.messages.filter((m) => BOUNDARY_RULES.has(m.ruleId ?? '')).map((m) => m.line);
}

beforeAll(() => {
  // Probe files are not in the TypeScript project, and boundaries need no type information.
  eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked });
});

describe.each(FOLDERS)('files in %s', (folder) => {
  const others = FOLDERS.filter((other) => other !== folder);
  const forbidden = others.filter((other) => !MAY_IMPORT[folder]!.includes(other));
  const cases = DEPTHS.flatMap((depth) => Object.keys(SPELLINGS).map((spelling) => [depth, spelling] as const));

  it.each(cases)('at %s, %s: every forbidden folder fails and every allowed one passes', async (depth, spelling) => {
    const file = `${folder}/${depth}`;
    // Line i + 1 imports others[i]; one lint run checks them all.
    const code = others.map((other, i) => SPELLINGS[spelling]!(file, MODULE_OF[other]!, i + 1)).join('\n');
    const lines = await boundaryErrors(file, code);
    expect(lines.map((line) => others[line - 1])).toEqual(forbidden);
  });

  it('may import its own files at any depth', async () => {
    const file = `${folder}/a/b/probe.ts`;
    expect(await boundaryErrors(file, SPELLINGS['with .ts']!(file, MODULE_OF[folder]!, 1))).toEqual([]);
  });
});

describe('a folder index import', () => {
  it('is checked like a file: src/core may not import ../../background', async () => {
    expect(await boundaryErrors('src/core/rules/probe.ts', `import '../../background';`)).toEqual([1]);
    expect(await boundaryErrors('src/ui/options/probe.ts', `import '../../background/index.ts';`)).toEqual([1]);
  });
});

describe('packages', () => {
  const cases: [file: string, specifier: string, allowed: boolean][] = [
    ['src/core/rules/probe.ts', 'zod', true],
    ['src/core/rules/probe.ts', 'picomatch/posix', true],
    ['src/core/rules/probe.ts', 'wxt/browser', false],
    ['src/core/crm/probe.ts', '@wxt-dev/webextension-polyfill/browser', false],
    ['src/core/probe.ts', 'preact/hooks', false],
    ['src/core/a/b/probe.ts', 'nanostores', false],
    ['src/core/probe.ts', 'node:crypto', false],
    ['src/protocol/probe.ts', 'wxt/utils/storage', true],
    ['src/protocol/probe.ts', 'preact', false],
    ['src/backends/probe.ts', 'wxt/browser', false],
    ['src/crm/probe.ts', 'webextension-polyfill', false],
    ['src/background/probe.ts', 'wxt/browser', true],
    ['src/background/a/probe.ts', 'preact/jsx-runtime', false],
    ['src/ui/options/probe.ts', 'preact/hooks', true],
    ['sandbox/engine/probe.ts', 'wxt/browser', false],
    ['sandbox/console/components/probe.ts', 'preact', true],
  ];
  it.each(cases)('%s importing %s: allowed %s', async (file, specifier, allowed) => {
    expect(await boundaryErrors(file, `import '${specifier}';`)).toEqual(allowed ? [] : [1]);
  });
});
