// ESLint (flat config): the recommended rules of ESLint and typescript-eslint, no `any` in the
// library, and the layer rule of ARCHITECTURE.md as import restrictions per directory (the same rule
// test/layers.test.ts checks by reading the imports). `npm run lint`; test/lint.test.ts keeps it at zero.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Relative imports that reach one of these top-level places (by a path segment such as `../lang/`). */
const into = (...places) => `(^|/)(${places.join('|')})/`;
/** Bare package imports other than `node:` built-ins and the listed packages. */
const packagesExcept = (...allowed) => `^(?!\\.|node:${allowed.map((p) => `|${p.replace('.', '\\.')}(/|$)`).join('')})`;

/** The layer rule: for each place, the imports it must not make (see ARCHITECTURE.md). */
const layers = [
  { files: ['src/math/**'], regex: [into('geometry', 'networks', 'lang', 'repl', 'cli', 'grammar'), packagesExcept()] },
  { files: ['src/geometry/**'], regex: [into('networks', 'lang', 'repl', 'cli', 'grammar'), packagesExcept()] },
  { files: ['src/networks/**'], regex: [into('lang', 'repl', 'cli', 'grammar'), packagesExcept()] },
  { files: ['grammar/**'], regex: [into('src'), packagesExcept('chevrotain')] },
  { files: ['src/lang/**'], regex: [into('repl', 'cli'), packagesExcept('chevrotain', 'big.js', 'fraction.js')] },
  { files: ['src/cli/**'], regex: [into('geometry', 'networks', 'grammar'), packagesExcept()] },
  { files: ['src/repl/**'], regex: [into('geometry', 'networks'), packagesExcept('ink', 'react', 'ink-testing-library')] },
  // The library entry reaches the language and the engine, never the REPL (so it loads no ink or react).
  { files: ['src/index.ts'], regex: [into('repl', 'cli'), packagesExcept()] },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'docs/**', 'coverage/**'] },
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
  ...layers.map(({ files, regex }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: regex.map((r) => ({ regex: r, message: 'the layer rule: see ARCHITECTURE.md (each layer imports only from the layers below it)' })) },
      ],
    },
  })),
);
