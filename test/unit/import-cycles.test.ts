import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No import cycles, type-only imports included. `import-x/no-cycle` (eslint.config.js) skips
 * `import type`, which the compiler erases, so it misses a cycle such as a draft module that
 * imports a helper whose types come back from the draft. Such a cycle still leaves two files
 * without a clear owner, so this test closes the gap: TypeScript lists each file's imports
 * (`preProcessFile`) and resolves them as `tsc` does (tsconfig.json).
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FOLDERS = ['src', 'entrypoints', 'sandbox', 'scripts', 'bench', 'test'];

/** Every TypeScript source file of ours, absolute. */
function sourceFiles(): string[] {
  return FOLDERS.flatMap((folder) =>
    fs.readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts') && !file.split(path.sep).includes('node_modules'))
      .map((file) => path.join(ROOT, folder, file)),
  );
}

/** Each file's imports (static, dynamic, re-exports, type-only) that resolve to one of `files`. */
function importGraph(files: readonly string[], read: (file: string) => string): Map<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const options = config?.options ?? {};
  const known = new Set(files);
  // Files of ours count as existing even when `read` serves them from memory (the self-test).
  const host: ts.ModuleResolutionHost = { ...ts.sys, fileExists: (file) => known.has(path.resolve(file)) || ts.sys.fileExists(file) };
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const imported = ts.preProcessFile(read(file), true, true).importedFiles
      .map(({ fileName }) => ts.resolveModuleName(fileName, file, options, host).resolvedModule?.resolvedFileName)
      .filter((target): target is string => target !== undefined && known.has(path.resolve(target)));
    graph.set(file, [...new Set(imported.map((target) => path.resolve(target)))]);
  }
  return graph;
}

/** The cycles of a graph: its strongly connected components with more than one node or a self-import (Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('cycles', () => {
  it('finds a two-file cycle, a longer one and a self-import, and nothing in a tree', () => {
    const graph = new Map([
      ['a', ['b']], ['b', ['a', 'c']], ['c', []],
      ['d', ['e']], ['e', ['f']], ['f', ['d']],
      ['g', ['g']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b'], ['d', 'e', 'f'], ['g']]);
    expect(cycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });
});

describe('importGraph', () => {
  it('counts type-only imports, re-exports and every spelling of a path', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => path.join(ROOT, 'src/core', `${name}.ts`));
    const text: Record<string, string> = {
      [a!]: `import type { B } from './b';\nexport * from './c.ts';\nimport 'zod';`,
      [b!]: `import { type A } from '../core/a';`,
      [c!]: `const d = () => import('./d');`,
      [d!]: '',
    };
    expect(importGraph([a!, b!, c!, d!], (file) => text[file]!)).toEqual(new Map([[a, [b, c]], [b, [a]], [c, [d]], [d, []]]));
  });
});

describe('the project', () => {
  it('has no import cycle, type-only imports included', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const graph = importGraph(files, (file) => fs.readFileSync(file, 'utf8'));
    const found = cycles(graph).map((component) => component.map((file) => path.relative(ROOT, file)));
    expect(found).toEqual([]);
  });
});
