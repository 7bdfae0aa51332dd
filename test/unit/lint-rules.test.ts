import { ESLint } from 'eslint';
import { expect, it } from 'vitest';

// The repository's own lint rules (eslint/rules/), run through eslint.config.js as `npm run lint` runs them.
const eslint = new ESLint();

/** `line rule` for each problem ESLint reports on `lines`, linted as the file `filePath`. */
async function problems(lines: string[], filePath = 'src/extract/x.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(lines.join('\n') + '\n', { filePath });
  return result.messages.map((m) => `${m.line} ${m.ruleId ?? m.message.replace(/ \(.*/, '')}`);
}

it('qingdu/comment-refs: comments name files in the repository, not issues or the folder beside it', async () => {
  const found = await problems([
    '// Reader preferences (issue 4): fonts.', // 1
    '/** The budget of issues 3 and 8. */', // 2
    '// see #12 for the history', // 3
    '// Weights were set on ../shared/corpus (52 pages).', // 4
    '/*', // 5
    ' * Sources: ../shared/cases 17.', // 6
    ' */', // 7
    "export const corpus = ['../shared/corpus', 'issue 4', '#12'];", // 8: strings, not comments
    '// The 163 fixture (test/fixtures/corpus/pages/163-1.html); colour #3a3a3a; 16 issues fixed.', // 9
    "// A relative import such as './shared/x' or 'src/shared/messages.ts' is inside the repository.", // 10
    '// issue#12, see PR#34', // 11
    '// https://github.com/o/r/issues/12', // 12
    '/* 参见#7 */', // 13
    '// issue no. 12; GH-12', // 14
    '// the entity &#12288; is a space', // 15: fine
  ]);
  expect(found).toEqual([
    '1 qingdu/comment-refs',
    '2 qingdu/comment-refs',
    '3 qingdu/comment-refs',
    '4 qingdu/comment-refs',
    '5 qingdu/comment-refs',
    '11 qingdu/comment-refs',
    '12 qingdu/comment-refs',
    '13 qingdu/comment-refs',
    '14 qingdu/comment-refs',
  ]);
});

it('qingdu/disable-reason: a disable comment names its rules and gives a reason', async () => {
  const found = await problems([
    '// eslint-disable-next-line prefer-const -- the binding is reassigned by a test hook', // 1: fine
    'let a = 1;',
    '// eslint-disable-next-line prefer-const', // 3: no reason
    'let b = 2;',
    '// eslint-disable-next-line -- no rule named', // 5
    'let c = 3;',
    'export const all = [a, b, c];',
  ]);
  expect(found).toEqual(['3 qingdu/disable-reason', '5 qingdu/disable-reason']);
  // an inline configuration turns a rule off for the whole file: it needs a reason too
  const inline = await problems(['/* eslint prefer-const: off */', 'let d = 4;', 'export const e = d;']);
  expect(inline).toEqual(['1 qingdu/disable-reason']);
  expect(
    await problems(['/* eslint prefer-const: off -- d is set by a test hook */', 'let d = 4;', 'export const e = d;']),
  ).toEqual([]);
});

it('a disable comment that turns off nothing is an error', async () => {
  const found = await problems(['// eslint-disable-next-line no-var -- stale', 'export const a = 1;']);
  expect(found).toEqual(['1 Unused eslint-disable directive']);
});

it('code lines are held to 120 characters, long strings and comments are not', async () => {
  const long = 'x'.repeat(120);
  const found = await problems([
    `export const s = '${long}';`, // a string
    `// ${long}`, // a comment
    `export const n = [${Array.from({ length: 40 }, (_, i) => i + 100).join(', ')}];`, // code
  ]);
  expect(found).toEqual(['3 max-len']);
});
