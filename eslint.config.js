// ESLint (flat config): the recommended rules of ESLint and typescript-eslint, no `any` in the
// library, and the layer rule of ARCHITECTURE.md as import restrictions per directory (the same rule
// test/layers.test.ts checks by reading the imports). `npm run lint`; test/lint.test.ts keeps it at zero.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Relative imports that reach one of these top-level places (by a path segment such as `../lang/`). */
const into = (...places) => `(^|/)(${places.join('|')})/`;
/** Bare package imports other than the listed packages (and `node:` built-ins where Node may be used). */
const packagesExcept = (...allowed) => `^(?!\\.${allowed.map((p) => (p.endsWith(':') ? `|${p}` : `|${p.replace('.', '\\.')}(/|$)`)).join('')})`;
const EDGE = 'node:';
const RESTRICTED = 'the layer rule: see ARCHITECTURE.md (each layer imports only from the layers below it; the library core uses no Node)';

/**
 * The layer rule: for each place, the imports it must not make (see ARCHITECTURE.md). The library
 * core (grammar, math, geometry, networks, lang, the entry) imports no Node built-in and does not use
 * `process`; Node belongs to the edge (src/node, src/cli, src/repl), which may import `node:` modules.
 */
const layers = [
  { files: ['src/math/**'], regex: [into('geometry', 'networks', 'lang', 'node', 'repl', 'cli', 'grammar'), packagesExcept()] },
  { files: ['src/geometry/**'], regex: [into('networks', 'lang', 'node', 'repl', 'cli', 'grammar'), packagesExcept()] },
  { files: ['src/networks/**'], regex: [into('lang', 'node', 'repl', 'cli', 'grammar'), packagesExcept()] },
  { files: ['grammar/**'], regex: [into('src'), packagesExcept('chevrotain')] },
  { files: ['src/lang/**'], regex: [into('node', 'repl', 'cli'), packagesExcept('chevrotain', 'fraction.js')] },
  // The library entry reaches the language and the engine, never the edge (so it loads no ink, react or Node).
  { files: ['src/index.ts'], regex: [into('node', 'repl', 'cli'), packagesExcept()] },
  // The browser entry and worker: the library core plus the worker protocol, nothing of Node.
  { files: ['src/browser/**'], regex: [into('node', 'repl', 'cli', 'lsp', 'geometry', 'networks'), packagesExcept('chevrotain')] },
  { files: ['src/lsp/**'], regex: [into('geometry', 'networks', 'cli'), packagesExcept(EDGE, 'vscode-languageserver', 'vscode-languageserver-textdocument')], edge: true },
  { files: ['src/node/**'], regex: [into('math', 'geometry', 'networks', 'repl', 'cli', 'grammar'), packagesExcept(EDGE)], edge: true },
  { files: ['src/cli/**'], regex: [into('geometry', 'networks'), packagesExcept(EDGE)], edge: true },
  { files: ['src/repl/**'], regex: [into('geometry', 'networks'), packagesExcept(EDGE, 'ink', 'react', 'ink-testing-library')], edge: true },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'docs/**', 'coverage/**', 'web/dist/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      // The few globals of Node that the plain .js scripts (bin/, bench/) use.
      globals: { process: 'readonly', console: 'readonly', performance: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // `_x` marks an argument that is there for its position only.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The terminal code matches escape sequences (\x1b) on purpose.
      'no-control-regex': 'off',
      // Walking a chain that starts at `this` (scopes, parents) is not the closure aliasing this rule is for.
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
  ...layers.map(({ files, regex, edge }) => ({
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: regex.map((r) => ({ regex: r, message: RESTRICTED })) }],
      ...(edge ? {} : { 'no-restricted-globals': ['error', { name: 'process', message: RESTRICTED }] }),
    },
  })),
);
