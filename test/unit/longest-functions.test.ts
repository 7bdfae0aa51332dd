import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { expect, it } from 'vitest';
import { functionLengths, sourceFiles } from '../../scripts/longest-functions.mjs';

// scripts/longest-functions.mjs (`npm run functions`) must count as the lint rule counts, or its list and
// `npm run lint` would disagree about which functions are too long.

it('counts every function of src/ as max-lines-per-function does, with the options of eslint.config.js', async () => {
  const config = await new ESLint().calculateConfigForFile('src/extract/index.ts');
  const [, options] = config.rules['max-lines-per-function'];
  expect(options).toMatchObject({ max: 120 });
  const eslint = new ESLint({
    overrideConfig: { rules: { 'max-lines-per-function': ['error', { ...options, max: 0 }] } },
    ruleFilter: ({ ruleId }) => ruleId === 'max-lines-per-function',
  });
  const byRule: Record<string, number[]> = {};
  for (const r of await eslint.lintFiles(['src'])) {
    const file = r.filePath.slice(process.cwd().length + 1);
    byRule[file] = r.messages.map((m) => Number(/\((\d+)\)/.exec(m.message)![1])).sort((a, b) => a - b);
  }
  const byScript: Record<string, number[]> = {};
  for (const file of sourceFiles('src'))
    byScript[file] = functionLengths(file, readFileSync(file, 'utf8'))
      .map((f) => f.lines)
      .sort((a, b) => a - b);
  expect(Object.values(byScript).flat().length).toBeGreaterThan(500);
  expect(byScript).toEqual(byRule);
}, 120_000); // parses all of src/ twice

it('names a function by where it sits', () => {
  const code = [
    'export function top() {', // 1
    '  const inner = () => 1;', // 2
    '  useEffect(() => {', // 3
    '    (async () => { await 0; })();', // 4: an IIFE, not counted on its own
    '  }, []);', // 5
    '  return <button onClick={() => inner()} />;', // 6
    '}', // 7
    'class Store {', // 8
    '  open() {', // 9
    '    // a comment line', // 10
    '', // 11
    '    return 1;', // 12
    '  }', // 13
    '}', // 14
    'const handlers = { save: function () {}, load() {} };', // 15
    'window.onload = function () {};', // 16
    'const memoized = memo(() => null);', // 17
  ].join('\n');
  const found = functionLengths('x.tsx', code).map((f) => `${f.line} ${f.lines} ${f.name}`);
  expect(found).toEqual([
    '1 7 top',
    '2 1 top › inner',
    '3 3 top › useEffect(…)',
    '6 1 top › <button onClick>',
    '9 3 Store.open',
    '15 1 handlers.save',
    '15 1 handlers.load',
    '16 1 window.onload',
    '17 1 memoized = memo(…)',
  ]);
  expect(functionLengths('x.tsx', code, { raw: true }).find((f) => f.name === 'Store.open')?.lines).toBe(5);
});
