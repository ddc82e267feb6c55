import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const restrict = (patterns) => ['error', { patterns }];

const MARKUP =
  'Set text with textContent or JSX; parsing strings as HTML lets markup in names run.';
/** The ways a string becomes markup in a page: each is refused wherever it appears. */
const MARKUP_SINKS = [
  { selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]', message: MARKUP },
  {
    selector:
      "CallExpression[callee.property.name=/^(write|writeln)$/][callee.object.name='document']",
    message: MARKUP,
  },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: MARKUP },
  { selector: "CallExpression[callee.property.name='createContextualFragment']", message: MARKUP },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: MARKUP },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public/samples', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Class and file names are the user's: text goes in as text, never parsed as markup.
      'no-restricted-syntax': ['error', ...MARKUP_SINKS],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([
        {
          group: [
            '@tensorflow/tfjs',
            '@tensorflow/tfjs-core',
            '@tensorflow/tfjs-backend-*',
            '@tensorflow/tfjs-layers',
          ],
          message: 'The UI never imports tfjs; send the worker a command.',
        },
        {
          group: ['@tensorflow/tfjs-vis', 'vega*'],
          message:
            "Draw charts with React or a canvas: Vega compiles expressions with Function, which the studio's Content-Security-Policy refuses.",
        },
        {
          group: ['**/worker/*', '!**/worker/engine.worker*'],
          message: 'The UI talks to the worker only through src/shared/protocol.',
        },
      ]),
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['react', 'react-dom', 'zustand', '**/ui/**'],
          message: 'Worker code must not import React, stores or UI.',
        },
      ]),
    },
  },
  {
    files: ['src/shared/**/*.ts', 'src/model/**/*.ts', 'src/data/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: [
            '@tensorflow/*',
            'react',
            'react-dom',
            'zustand',
            '**/ui/**',
            '**/worker/**',
            'node:*',
          ],
          message:
            'shared/, model/ and data/ are pure: no tfjs, no React, no Node, no UI or worker code.',
        },
      ]),
    },
  },
);
