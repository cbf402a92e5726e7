// ESLint 9 flat config: typescript-eslint's recommended rules, the rules of hooks, and the import
// boundaries of ARCHITECTURE.md (renderer → shared ← electron; core never imports Electron).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));

/** Renderer and shared code run in a sandboxed page: no Electron, no Node, nothing from electron/. */
const noElectronNoNode = [
  { regex: '^electron(/|$)', message: 'Renderer and shared code never import Electron: go through the contract (api.ts).' },
  {
    // A regex, not gitignore-style groups: those would also match relative files such as './util'.
    regex: `^(node:|(${nodeBuiltins.map((m) => m.replace(/[/]/g, '\\/')).join('|')})(/|$))`,
    message: 'No Node built-ins outside electron/: this code runs in the sandboxed renderer.',
  },
  { regex: '^(\\.\\.?/)+(.*/)?electron(/|$)', message: 'Do not import main-process code (electron/…) here; share types and schemas through shared/.' },
];

export default tseslint.config(
  {
    ignores: ['out/**', 'node_modules/**', 'test-results/**', 'dist/**', 'release/**', 'coverage/**', 'bench-results/**', '.qcdc-data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // File-name checks deliberately match control characters.
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-throw-literal': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-unmodified-loop-condition': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-empty-function': 'off',
      // Style, not bugs: warnings (auto-fixable with --fix).
      '@typescript-eslint/consistent-type-imports': ['warn', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-import-type-side-effects': 'warn',
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}', '**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Build scripts, configs and tests run in Node.
    files: ['scripts/**', '*.config.{js,ts,cjs,mjs}', 'postcss.config.cjs', 'tests/**', 'electron/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: noElectronNoNode }] },
  },
  {
    // shared/ is pure TypeScript + zod: it is imported by both sides.
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noElectronNoNode,
            { group: ['**/renderer/**', '**/renderer'], message: 'shared/ must not depend on the renderer.' },
            { regex: '^(?!zod(/|$)|\\.{1,2}/)', message: 'shared/ imports only zod and relative shared files.' },
          ],
        },
      ],
    },
  },
  {
    // The core runs in plain Node tests and in the harness: never Electron, never main/preload/harness.
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/core never imports Electron: ask through the Platform interface.' }],
          patterns: [
            { regex: '^electron/', message: 'electron/core never imports Electron.' },
            { regex: '^(\\.\\./)+(main|preload|harness)(/|$)', message: 'electron/core must not depend on main, preload or the harness.' },
            { group: ['**/renderer/**', '**/renderer'], message: 'electron/core must not depend on the renderer.' },
          ],
        },
      ],
    },
  },
  {
    // The sandboxed preload can require only 'electron' (and what is bundled into it).
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!electron$|\\./)', message: 'The sandboxed preload imports only electron and its own files.' }] },
      ],
    },
  },
  {
    files: ['tests/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
