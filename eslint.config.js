// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Restricts what a folder may import; `from` globs are relative to that folder's files. */
const only = (message, patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group, message })) }],
});

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', '.beckon/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The demo site's own page script: plain browser JavaScript, served as is.
    files: ['sandbox/demo-site/**/*.js'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', history: 'readonly', location: 'readonly', URLSearchParams: 'readonly', HTMLElement: 'readonly' } },
  },
  {
    // Tests read JSON replies of servers under test; typing each one adds nothing.
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/core/**'],
    rules: only('src/core is pure: no browser, DOM, UI or other project folders (see src/core/README.md)', [
      ['wxt', 'wxt/*', 'webextension-polyfill', 'preact', 'preact/*', 'nanostores', '@nanostores/*'],
      ['../protocol/*', '../backends/*', '../background/*', '../content/*', '../ui/*', '**/entrypoints/*', '**/sandbox/*'],
    ]),
  },
  {
    files: ['src/protocol/**'],
    rules: only('src/protocol may import only src/core', [
      ['preact', 'preact/*', '../backends/*', '../background/*', '../content/*', '../ui/*', '**/entrypoints/*', '**/sandbox/*'],
    ]),
  },
  {
    files: ['src/backends/**', 'src/crm/**'],
    rules: only('adapters may import only src/core and src/protocol; fetch is injected', [
      ['wxt', 'wxt/*', 'preact', 'preact/*', '../background/*', '../content/*', '../ui/*', '**/entrypoints/*', '**/sandbox/*'],
    ]),
  },
  {
    files: ['src/content/**', 'src/ui/**'],
    rules: only('content and UI talk to the background through messages, never by import', [
      // src/core/crm is pure and shared; only the connectors (src/crm) are off limits.
      ['**/background/*', '**/backends/*', '**/crm/*', '!**/core/crm/*', '**/entrypoints/*', '**/sandbox/*'],
    ]),
  },
  {
    files: ['src/background/**'],
    rules: {
      ...only('the background may not import UI or content code', [['**/ui/*', '**/content/*', '**/entrypoints/*', 'preact', 'preact/*']]),
      'no-restricted-globals': ['error', { name: 'window', message: 'No window in a service worker.' }, { name: 'document', message: 'No document in a service worker.' }, { name: 'localStorage', message: 'Use extension storage.' }],
    },
  },
  {
    files: ['sandbox/**'],
    rules: only('the Sandbox may share src/core and src/protocol, never extension runtime code', [
      ['**/src/background/*', '**/src/backends/*', '**/src/content/*', '**/src/ui/*', '**/entrypoints/*', 'wxt', 'wxt/*'],
    ]),
  },
);
