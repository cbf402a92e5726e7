// ESLint 9 flat config: typescript-eslint's recommended rules, the rules of hooks, and the import
// boundaries of docs/architecture.md (renderer → shared ← electron; core never imports Electron;
// the domain folders of electron/core import each other only downward, never in a cycle).
import fs from 'node:fs';
import path from 'node:path';
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

/*
 * layout/no-domain-cycle: a file of electron/core/<domain>/ may not import a domain folder that
 * (through any chain of imports) imports <domain> back. A small in-repo rule rather than
 * eslint-plugin-import-x's no-cycle: that one works file by file and would accept a cycle between
 * two folders made of files that do not form a file-level loop, which is exactly how the plans⇄tasks
 * kind of tangle grew. Domains are the first folder under electron/core, except in the grouping
 * folder safety/, whose subfolders (backup, trash, audit, users, dataDir) are the domains.
 */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'(\.{1,2}\/[^']*)'/gm;
const SOURCE = /\.(ts|tsx|mts)$/;

/** The domain of a path under `coreDir`, or null for the top-level files (registry, context…). */
export function domainOf(coreDir, file) {
  const parts = path.relative(coreDir, file).split(path.sep);
  if (parts[0] === '..' || parts.length < 2) return null;
  // safety/'s own top-level files (labels, maintenance gate, integrity, the handlers gathering) are
  // the group's shared level, like the top-level files of electron/core.
  if (parts[0] === 'safety') return parts.length > 2 ? `safety/${parts[1]}` : null;
  return parts[0];
}

/** domain → (imported domain → first file that imports it), read from the files on disk. */
export function domainGraph(coreDir) {
  const graph = new Map();
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (SOURCE.test(entry.name)) {
        const from = domainOf(coreDir, full);
        if (!from) continue;
        for (const m of fs.readFileSync(full, 'utf8').matchAll(SPECIFIER)) {
          const to = domainOf(coreDir, path.resolve(path.dirname(full), m[1]));
          if (!to || to === from) continue;
          if (!graph.has(from)) graph.set(from, new Map());
          if (!graph.get(from).has(to)) graph.get(from).set(to, path.relative(coreDir, full));
        }
      }
    }
  };
  visit(coreDir);
  return graph;
}

/** A path of domains from `from` back to `to` (both included), or null when there is none. */
export function pathBetween(graph, from, to) {
  const seen = new Set([from]);
  const queue = [[from]];
  while (queue.length) {
    const trail = queue.shift();
    for (const next of graph.get(trail[trail.length - 1])?.keys() ?? []) {
      if (next === to) return [...trail, next];
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...trail, next]);
      }
    }
  }
  return null;
}

/** Every cycle between domain folders, each as `a → b → … → a` (for the test and for humans). */
export function domainCycles(coreDir) {
  const graph = domainGraph(coreDir);
  const cycles = new Set();
  for (const [from, targets] of graph) {
    for (const to of targets.keys()) {
      const back = pathBetween(graph, to, from);
      if (back) cycles.add([from, ...back].join(' → '));
    }
  }
  return [...cycles];
}

const graphs = new Map();
export const layoutPlugin = {
  rules: {
    'no-domain-cycle': {
      meta: { type: 'problem', schema: [], messages: { cycle: 'Import cycle between domain folders of electron/core: {{cycle}}. Move the shared piece down (export/, db/, a lower domain) instead.' } },
      create(context) {
        const file = path.resolve(context.filename);
        const marker = `${path.sep}electron${path.sep}core${path.sep}`;
        const at = file.lastIndexOf(marker);
        if (at < 0) return {};
        const coreDir = file.slice(0, at + marker.length - 1);
        const own = domainOf(coreDir, file);
        if (!own) return {};
        if (!graphs.has(coreDir)) graphs.set(coreDir, domainGraph(coreDir));
        const graph = graphs.get(coreDir);
        const check = (node, source) => {
          if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
          const to = domainOf(coreDir, path.resolve(path.dirname(file), source.value));
          if (!to || to === own) return;
          const back = pathBetween(graph, to, own);
          if (back) context.report({ node, messageId: 'cycle', data: { cycle: [own, ...back].join(' → ') } });
        };
        return {
          ImportDeclaration: (node) => check(node, node.source),
          ExportNamedDeclaration: (node) => check(node, node.source),
          ExportAllDeclaration: (node) => check(node, node.source),
          ImportExpression: (node) => check(node, node.source),
        };
      },
    },
  },
};

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
    plugins: { layout: layoutPlugin },
    rules: {
      'layout/no-domain-cycle': 'error',
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
