// The lint tooling that needs the TypeScript 5 JS API. The root `typescript` is the native 7.x compiler (no JS API),
// so typescript-eslint and typescript-estree live in this workspace package with their own `typescript` 5.9; the root
// eslint.config.js and scripts/longest-functions.mjs import them from here.
import { parse } from '@typescript-eslint/typescript-estree';
import tseslint from 'typescript-eslint';
import commentRefs from './rules/comment-refs.js';
import disableReason from './rules/disable-reason.js';

/** The repository's own rules, as the `qingdu` plugin. */
export const qingdu = {
  meta: { name: 'qingdu' },
  rules: { 'comment-refs': commentRefs, 'disable-reason': disableReason },
};

export { parse, tseslint };
