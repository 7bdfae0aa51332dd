import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// web-ext lint (addons.mozilla.org) must report no warning from our own code (issue 7). The bundles are minified, so
// its warnings cannot be told apart by file; this keeps the patterns it reports out of src/ instead. What remains in
// the Firefox build comes from preact, DOMPurify, Readability and citation-js (README "Packaging").
// src/cli runs on Node only and is not part of the extension.
const UNSAFE = [
  { name: 'innerHTML/outerHTML assignment', re: /\.(inner|outer)HTML\s*(\+)?=(?!=)/ },
  { name: 'insertAdjacentHTML', re: /\binsertAdjacentHTML\s*\(/ },
  { name: 'document.write', re: /\bdocument\.write(ln)?\s*\(/ },
  { name: 'eval', re: /(^|[^.\w])eval\s*\(/ },
  { name: 'new Function', re: /\bnew\s+Function\s*\(/ },
  { name: 'string timer', re: /\bset(Timeout|Interval)\s*\(\s*['"`]/ },
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return p === join('src', 'cli') ? [] : files(p);
    return /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

/** Lines of a source that match one of UNSAFE, comments skipped: `file:line pattern`. */
export function unsafeLines(file: string, text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    if (/^\s*(\*|\/\*)/.test(code)) return;
    for (const u of UNSAFE) if (u.re.test(code)) out.push(`${file}:${i + 1} ${u.name}`);
  });
  return out;
}

it('the scan finds what AMO reports', () => {
  expect(unsafeLines('x.ts', 'a.innerHTML = b;\nconst same = a.innerHTML === b;\nel.outerHTML += s;\n// a.innerHTML = c\nwindow.eval("1")\nsetTimeout("x()", 1)\nnew Function("x")'))
    .toEqual(['x.ts:1 innerHTML/outerHTML assignment', 'x.ts:3 innerHTML/outerHTML assignment', 'x.ts:6 string timer', 'x.ts:7 new Function']);
});

it('src/ has none of the patterns web-ext lint warns about', () => {
  const found = files('src').flatMap((f) => unsafeLines(f, readFileSync(f, 'utf8')));
  expect(found).toEqual([]);
});
