import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { expect, it } from 'vitest';

// Imports run downward: sites ← extract ← cite ← shared ← the UI folders (content, reader, popup, notes, background)
// and cli. No UI folder imports another, except background → notes (the notes store); what two of them need lives in
// src/shared. Each folder of src/ lists the folders it may import besides itself; a folder missing here fails too.
const UI_MAY = ['shared', 'cite', 'extract', 'sites'];
const MAY_IMPORT: Record<string, readonly string[]> = {
  sites: [],
  extract: ['sites'],
  cite: ['extract', 'sites'],
  shared: ['cite', 'extract', 'sites'],
  content: UI_MAY,
  reader: UI_MAY,
  popup: UI_MAY,
  notes: UI_MAY,
  background: [...UI_MAY, 'notes'],
  cli: ['shared', 'cite', 'extract', 'sites'],
};

const SRC = resolve('src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|tsx|mts)$/.test(n) ? [p] : [];
  });
}

/**
 * The module specifiers a source imports: `import … from`, `export … from`, `import '…'` and `import('…')`, over
 * several lines too. Comments that start a line are dropped first, so a docstring that shows an import is not one
 * (only those: a comment opener also occurs inside strings, such as a match pattern that ends in a slash and a star).
 */
export function specifiers(text: string): string[] {
  const code = text.replace(/^\s*\/\*[\s\S]*?\*\//gm, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  for (const re of [
    // (quotes may come before `from`: `import { 'name' as alias } from …`)
    /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"`]([^'"`$]+)['"`]\s*\)/g,
  ]) {
    for (const m of code.matchAll(re)) out.push(m[1]);
  }
  return out;
}

/** The top folder of src/ a path lies in, or `outside src` (`../test/x` imported from src/ is an import too). */
function folderOf(path: string): string {
  const rel = relative(SRC, path);
  return rel.startsWith('..') || rel === '' ? 'outside src' : rel.split(sep)[0];
}

interface Edge {
  from: string;
  to: string;
  file: string;
  spec: string;
}

/** Every relative import under `root` that crosses from one top folder of src/ to another. */
function crossingImports(root: string): Edge[] {
  return files(root).flatMap((file) =>
    specifiers(readFileSync(file, 'utf8'))
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => ({
        from: folderOf(file),
        to: folderOf(resolve(dirname(file), spec)),
        file: relative('.', file),
        spec,
      }))
      .filter((e) => e.from !== e.to),
  );
}

/** The edges that run back up or sideways, as `file: spec (from -> to)`. */
export function violations(edges: readonly Edge[]): string[] {
  return edges
    .filter((e) => !(MAY_IMPORT[e.from] ?? []).includes(e.to))
    .map((e) => `${e.file}: ${e.spec} (${e.from} -> ${e.to})`);
}

it('finds every form of import, and only imports', () => {
  const text =
    `import a from './a';\nimport type { B } from "../b/b";\nimport {\n  c,\n  d,\n} from '../c';\nexport { e } from './e';\n` +
    `import './side-effect';\nconst f = await import('../f/index');\n/** see \`import x from '../content/no'\` */\n// import y from '../reader/no';\n` +
    `const s = "import z from '../popup/no'";\nimport pkg from 'preact';\n`;
  const glob = `const all = '*://*/*';\nconst g = await import('../g/index');\n`;
  const quoted = `import { 'name' as alias } from '../q/index';\nexport { 'other' as o } from '../r/index';\nawait import(\`../t/index\`);\n`;
  expect(specifiers(text + glob).sort()).toEqual(
    ['./a', '../b/b', '../c', './e', './side-effect', '../f/index', '../g/index', 'preact'].sort(),
  );
  expect(specifiers(quoted).sort()).toEqual(['../q/index', '../r/index', '../t/index']);
});

it('flags imports that run back up or sideways, and allows the downward ones', () => {
  const edge = (from: string, to: string): Edge => ({ from, to, file: `src/${from}/x.ts`, spec: `../${to}/y` });
  expect(
    violations([
      edge('extract', 'content'),
      edge('shared', 'notes'),
      edge('reader', 'content'),
      edge('popup', 'notes'),
      edge('sites', 'extract'),
      edge('cite', 'shared'),
      edge('cli', 'content'),
      edge('extract', 'outside src'),
      edge('new', 'shared'),
    ]),
  ).toEqual([
    'src/extract/x.ts: ../content/y (extract -> content)',
    'src/shared/x.ts: ../notes/y (shared -> notes)',
    'src/reader/x.ts: ../content/y (reader -> content)',
    'src/popup/x.ts: ../notes/y (popup -> notes)',
    'src/sites/x.ts: ../extract/y (sites -> extract)',
    'src/cite/x.ts: ../shared/y (cite -> shared)',
    'src/cli/x.ts: ../content/y (cli -> content)',
    'src/extract/x.ts: ../outside src/y (extract -> outside src)',
    'src/new/x.ts: ../shared/y (new -> shared)',
  ]);
  expect(
    violations([edge('extract', 'sites'), edge('background', 'notes'), edge('content', 'shared'), edge('cli', 'cite')]),
  ).toEqual([]);
});

it('src/ imports run downward only', () => {
  const edges = crossingImports(SRC);
  const counts = new Map<string, number>();
  for (const e of edges) counts.set(`${e.from} -> ${e.to}`, (counts.get(`${e.from} -> ${e.to}`) ?? 0) + 1);
  const list = [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([edge, n]) => `${edge} (${n} import${n === 1 ? '' : 's'})`);
  console.log(`folder edges of src/ (${edges.length} imports across folders):\n  ${list.join('\n  ')}`);
  expect(Object.keys(MAY_IMPORT).sort()).toEqual(
    readdirSync(SRC)
      .filter((n) => statSync(join(SRC, n)).isDirectory())
      .sort(),
  );
  expect(violations(edges)).toEqual([]);
});
