import { ESLint } from 'eslint';
import { expect, it } from 'vitest';

// web-ext lint (addons.mozilla.org) must report no warning from our own code. The bundles are minified, so its
// warnings cannot be told apart by file; eslint.config.js keeps the patterns it reports out of src/ instead (`npm run
// lint`), and this test proves the config still catches each of them. What remains in the Firefox build comes from
// preact, DOMPurify, Readability and citation-js (README "Packaging"); scripts/lint-firefox.mjs runs web-ext lint on
// it. src/cli runs on Node only and is not part of the extension.
const eslint = new ESLint();

/** `line rule` for each problem ESLint reports on `code` as if it were the file `filePath`. */
async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.line} ${m.ruleId ?? m.message}`);
}

const UNSAFE = [
  'export function f(a: HTMLElement, b: string, s: string) {',
  '  a.innerHTML = b;', // 2
  '  const same = a.innerHTML === b;', // 3: a comparison, not an assignment
  "  a['outerHTML'] += s;", // 4
  '  // a.innerHTML = c', // 5: a comment
  "  a.insertAdjacentHTML('beforeend', s);", // 6
  '  document.write(s);', // 7
  "  window.eval('1');", // 8
  "  setTimeout('x()', 1);", // 9
  "  return [same, new Function('x')];", // 10
  '}',
].join('\n');

it('the lint config reports what AMO reports in src/', async () => {
  expect(await problems(UNSAFE, 'src/content/x.ts')).toEqual([
    '2 no-restricted-syntax',
    '4 no-restricted-syntax',
    '6 no-restricted-properties',
    '7 no-restricted-properties',
    '8 no-eval',
    '9 no-implied-eval',
    '10 no-new-func',
  ]);
});

it('the Node-only CLI is not held to the extension rules', async () => {
  expect(await problems(UNSAFE, 'src/cli/x.ts')).toEqual([]);
});
