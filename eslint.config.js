// @ts-check
import path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const ROOT = import.meta.dirname;

/**
 * The folder boundaries of DESIGN.md "Layout": what each folder may import of ours besides
 * itself. Everything else of ours is forbidden to it, and nothing imports `entrypoints`.
 * `import-x/no-restricted-paths` checks the file an import resolves to (through the
 * TypeScript resolver), so the spelling cannot slip through: any number of `../`, a `.ts`
 * extension, a folder's index, a tsconfig alias. test/unit/lint-boundaries.test.ts proves it.
 */
const MAY_IMPORT = {
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
const FOLDERS = Object.keys(MAY_IMPORT);

const boundaryZones = FOLDERS.map((target) => {
  const allowed = MAY_IMPORT[target];
  return {
    target: path.join(ROOT, target),
    from: FOLDERS.filter((folder) => folder !== target && !allowed.includes(folder)).map((folder) => path.join(ROOT, folder)),
    message: `${target} may import only ${allowed.length ? allowed.join(', ') : 'itself'} of ours (see ${target}/README.md).`,
  };
});

/** Forbids packages (and every subpath of them) in a folder; `names` are exact package names. */
const noPackages = (message, names) => ({
  'no-restricted-imports': ['error', { patterns: [{ regex: `^(?:${names.join('|')})(?:/.*)?$`, message }] }],
});
const EXTENSION_RUNTIME = ['wxt', '@wxt-dev/[^/]+', 'webextension-polyfill'];
const PREACT = ['preact', 'nanostores', '@nanostores/[^/]+'];

export default tseslint.config(
  // What .gitignore leaves out (build output, local data, scratch files) is not linted either.
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', '.beckon/**', 'coverage/**', 'test-results/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(ROOT, 'tsconfig.json') })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always'],
      // A cycle leaves two files without a clear owner. This rule skips `import type`;
      // test/unit/import-cycles.test.ts counts those too.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: boundaryZones }],
    },
  },
  {
    // Type-aware rules for every TypeScript file (tsconfig.json includes them all).
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: ROOT } },
    rules: {
      // A promise nobody awaits loses its error and its ordering; `void` marks a deliberate one.
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    // Page scripts served as they are: the demo site's, and the hostile e2e fixture pages'.
    files: ['sandbox/demo-site/**/*.js', 'test/e2e/fixtures/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Tests read JSON replies of servers under test; typing each one adds nothing.
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/core/**'],
    rules: noPackages('src/core is pure: no browser, DOM, UI or Node (see src/core/README.md)', [...EXTENSION_RUNTIME, ...PREACT, 'node:.*']),
  },
  {
    files: ['src/protocol/**'],
    rules: noPackages('src/protocol holds contracts, no UI (see src/protocol/README.md)', PREACT),
  },
  {
    files: ['src/backends/**', 'src/crm/**'],
    rules: noPackages('adapters get fetch and the browser injected (see src/backends/README.md)', [...EXTENSION_RUNTIME, ...PREACT]),
  },
  {
    files: ['src/background/**'],
    rules: {
      ...noPackages('the background has no UI (see src/background/README.md)', PREACT),
      'no-restricted-globals': ['error', { name: 'window', message: 'No window in a service worker.' }, { name: 'document', message: 'No document in a service worker.' }, { name: 'localStorage', message: 'Use extension storage.' }],
    },
  },
  {
    files: ['sandbox/**'],
    rules: noPackages('the Sandbox is a Node server, not extension code (see sandbox/README.md)', EXTENSION_RUNTIME),
  },
);
