// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Imports that would tie `shared/` to one runtime. `shared/` runs in the renderer,
 * the Electron main process and the HQ server, so it may use only pure libraries. */
const sharedAllowedPackages = [
  'zod',
  'pinyin-pro',
  'uuidv7',
  'fflate',
  '@noble/hashes',
  '@noble/curves',
  '@noble/ciphers',
  '@scure/bip39',
];

/** The renderer has no Node and never imports main-process code. */
const rendererPatterns = [
  {
    regex: '^(node:|electron$|fs$|path$|child_process$|os$|crypto$)',
    message: 'The renderer has no Node: go through the preload API (renderer/src/platform).',
  },
  { regex: '^(\\.\\./)+electron/', message: 'The renderer never imports main-process code.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!(\\.{1,2}/|@shared/|(${sharedAllowedPackages.join('|')})(/|$)))`,
              message:
                'shared/ is pure TypeScript: no DOM, Node, Electron, Dexie or UI imports (see docs/architecture.md).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'localStorage',
          'indexedDB',
          'navigator',
          'process',
          'require',
          'Buffer',
          '__dirname',
        ].map((name) => ({ name, message: 'shared/ may not touch runtime globals.' })),
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: rendererPatterns }],
    },
  },
  {
    // The county console (issue #14): a browser page talking to HQ's /v1/console only.
    files: ['console/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: rendererPatterns }],
    },
  },
  {
    // UI code reads and writes only through the repositories (renderer/src/db/repositories).
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: [
      'renderer/src/db/**',
      'renderer/src/platform/**',
      'renderer/src/state/**',
      'renderer/src/sync/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererPatterns,
            {
              regex: '^dexie$|/db/(database|writePath|schema|deviceState|invariants)$',
              message: 'UI code never touches tables: use the repositories in renderer/src/db.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/**/*.ts',
      'build/**/*.{js,mjs}',
      'test/**/*.{ts,mjs}',
      'hq/**/*.ts',
      '*.config.{js,ts}',
      'renderer/vite.config.ts',
      'console/vite.config.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
