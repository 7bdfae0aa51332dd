// ESLint flat config: `npm run lint` (a step of `npm test`). typescript-eslint comes from the eslint/ workspace package,
// which gives it the TypeScript 5 JS API (the root `typescript` is the native 7.x compiler used by `tsc`).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import { qingdu, tseslint } from 'qingdu-eslint';

/** What web-ext lint (addons.mozilla.org) warns about, kept out of the extension's own code (src/, not src/cli). */
const AMO_SYNTAX = [
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(inner|outer)HTML$/]',
    message: 'AMO warns on innerHTML/outerHTML assignment: build nodes, or sanitize with DOMPurify and use RETURN_DOM.',
  },
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.value=/^(inner|outer)HTML$/]',
    message: 'AMO warns on innerHTML/outerHTML assignment: build nodes, or sanitize with DOMPurify and use RETURN_DOM.',
  },
];
const AMO_PROPERTIES = [
  { property: 'insertAdjacentHTML', message: 'AMO warns on insertAdjacentHTML: build nodes instead.' },
  { object: 'document', property: 'write', message: 'AMO warns on document.write.' },
  { object: 'document', property: 'writeln', message: 'AMO warns on document.writeln.' },
];

export default defineConfig([
  globalIgnores([
    'dist/',
    'dist-*/',
    'out/',
    'test-results/',
    'web-ext-artifacts/',
    '.vite/',
    '.exp/',
    'test/fixtures/',
    'public/csl/',
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { qingdu },
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    rules: {
      'qingdu/comment-refs': 'error',
      'qingdu/disable-reason': 'error',
      // The ideographic space U+3000 is ordinary Chinese text: portals indent paragraphs with it and separate the
      // info line's fields with it, so it appears in regexes, templates, JSX text and comments that describe those
      // pages (src/extract/metadata.ts, src/reader/styles.ts, test/unit/metadata.test.ts). Between tokens it is still
      // an error.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true, skipJSXText: true },
      ],
      // A regex class of control characters (\u0000-\u001f) is how titles become file names (src/notes/export.ts):
      // deliberate, and the only thing this rule finds here.
      'no-control-regex': 'off',
      // `_name` marks a parameter a signature requires (a migration's unused transaction); a rest sibling
      // (`const { a: _a, ...rest } = x`) is how an object drops a key.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Code lines only: long strings (Chinese sample text, selectors), template literals, regexes, URLs and comments
      // are left to the reader's judgement; Prettier wraps the code itself at the same width.
      'max-len': [
        'error',
        {
          code: 120,
          ignoreComments: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignoreUrls: true,
        },
      ],
    },
  },
  {
    // The JavaScript files (bin/, scripts/*.mjs, eslint/, this config) run on Node.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // The extension's pages and scripts run in the browser, the CLI on Node. TypeScript checks names (no-undef is off
    // for .ts); the globals tell scope-aware rules such as no-eval and no-implied-eval what `window` and `setTimeout` are.
    files: ['src/**'],
    ignores: ['src/cli/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/cli/**'],
    languageOptions: { globals: globals.node },
  },
  {
    // A function fits on a screen (STYLE.md "Size, names, comments"); `npm run functions` lists the longest.
    files: ['src/**'],
    rules: {
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The extension's own code (not the Node-only CLI): the patterns web-ext lint warns about. What remains in the
    // Firefox build comes from preact, DOMPurify, Readability and citation-js (README "Packaging").
    files: ['src/**'],
    ignores: ['src/cli/**'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...AMO_SYNTAX],
      'no-restricted-properties': ['error', ...AMO_PROPERTIES],
    },
  },
]);
