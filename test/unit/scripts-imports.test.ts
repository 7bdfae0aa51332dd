import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The product's scripts (`npm start`, benchmarks, packaging) do not depend on test code: no file under scripts/
 * imports a module under test/. What both need (the browser driver, the page server) lives in scripts/lib/.
 * Reading a fixture file as data (the sample page of `npm start`) is not an import.
 */
const ROOT = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(m?[jt]s|cjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Module specifiers of static imports, re-exports, `import()` and `require()` calls. */
export function importSpecifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]);
  return out;
}

describe('scripts/ imports nothing from test/', () => {
  it('finds the specifiers it checks (static, dynamic and type imports)', () => {
    expect(
      importSpecifiers(`import { a } from './lib/a';\nimport type { B } from "../test/b";\nconst c = await import('./c.ts');
      import 'side-effect';\nexport { d } from './d';`),
    ).toEqual(['./lib/a', '../test/b', './d', 'side-effect', './c.ts']);
  });
  for (const file of sourceFiles(join(ROOT, 'scripts'))) {
    it(relative(ROOT, file), () => {
      const intoTest = importSpecifiers(readFileSync(file, 'utf8'))
        .filter((s) => s.startsWith('.'))
        .filter((s) => relative(ROOT, resolve(dirname(file), s)).split(/[\\/]/)[0] === 'test');
      expect(intoTest).toEqual([]);
    });
  }
});
