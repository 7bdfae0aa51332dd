import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// i18n: every UI string lives in public/_locales for zh_CN (default), zh_TW and en. This fails when a key is
// missing in one locale, or when code/manifest asks for a key that no locale has.
const LOCALES = ['zh_CN', 'zh_TW', 'en'] as const;

type Messages = Record<
  string,
  { message: string; description?: string; placeholders?: Record<string, { content: string }> }
>;

const messages = Object.fromEntries(
  LOCALES.map((l) => [l, JSON.parse(readFileSync(`public/_locales/${l}/messages.json`, 'utf8')) as Messages]),
);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|html)$/.test(n) ? [p] : [];
  });
}

/**
 * Message keys asked for in the source: `t('key'` / `getMessage('key'` / `label('key'` calls, `labelled(t, 'key'`, and
 * `__MSG_key__` in the manifest and extension HTML. Keys built at run time cannot be seen here.
 */
export function usedKeys(sources: Record<string, string>): Map<string, string> {
  const used = new Map<string, string>();
  const patterns = [
    /\b(?:t|getMessage|label)\(\s*['"]([A-Za-z0-9_@]+)['"]/g,
    /\blabelled\(\s*\w+\s*,\s*['"]([A-Za-z0-9_@]+)['"]/g,
    /__MSG_([A-Za-z0-9_@]+)__/g,
  ];
  for (const [file, text] of Object.entries(sources))
    for (const re of patterns) for (const m of text.matchAll(re)) if (!used.has(m[1])) used.set(m[1], file);
  return used;
}

/**
 * Hard-coded Chinese in the UI of a `.tsx` file: Han characters in JSX text (`<b>保存</b>`), in a string literal that
 * is a whole JSX expression (`{'保存'}`), or in a user-facing attribute (`title`, `aria-label`, `placeholder`, `alt`).
 * Comments are removed first; other strings (data such as marker texts, regexes, CSS) are not looked at. A plain
 * text scan, not a parser: `>…<` with no braces between is taken as JSX text.
 * @returns one `file:line: text` entry per hit
 */
export function hardCodedCjk(file: string, text: string): string[] {
  const han = /\p{Script=Han}/u;
  const code = text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const patterns = [
    />([^<>{}]*)</g,
    /\{\s*(['"`])((?:(?!\1)[^\\]|\\.)*)\1\s*\}/g,
    /\b(?:title|aria-label|placeholder|alt)\s*=\s*\{?\s*(['"`])((?:(?!\1)[^\\]|\\.)*)\1/g,
  ];
  const hits = new Map<string, number>(); // a hit may match two patterns (aria-label={'…'}): reported once
  for (const re of patterns)
    for (const m of code.matchAll(re)) {
      const s = m[m.length - 1];
      const line = code.slice(0, m.index).split('\n').length;
      if (han.test(s)) hits.set(`${file}:${line}: ${s.trim()}`, line);
    }
  return [...hits].sort((x, y) => x[1] - y[1]).map(([h]) => h);
}

const sources = Object.fromEntries([...files('src'), 'manifest.json'].map((f) => [f, readFileSync(f, 'utf8')]));

describe('locales', () => {
  it('the key scan finds what it should (so the checks below can fail)', () => {
    const found = usedKeys({
      a: "t('popupSave'); browser.i18n.getMessage('x1'); labelled(t, 'metaSource', v)",
      b: '"__MSG_extName__"',
    });
    expect([...found.keys()].sort()).toEqual(['extName', 'metaSource', 'popupSave', 'x1']);
    expect(usedKeys(sources).size).toBeGreaterThan(10);
  });

  it.each(LOCALES)('%s has every key of the other locales, each with a non-empty message', (l) => {
    const all = new Set(LOCALES.flatMap((o) => Object.keys(messages[o])));
    const missing = [...all].filter((k) => !messages[l][k]);
    expect(missing).toEqual([]);
    const empty = Object.entries(messages[l])
      .filter(([, v]) => !v.message?.trim())
      .map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('every key used in src/ and manifest.json exists in every locale', () => {
    const missing: string[] = [];
    for (const [key, file] of usedKeys(sources))
      for (const l of LOCALES) if (!messages[l][key]) missing.push(`${key} (${file}) missing in ${l}`);
    expect(missing).toEqual([]);
  });

  it('the hard-coded-Chinese scan flags JSX text and UI attributes, not comments or data (so the next check can fail)', () => {
    const sample = [
      '// 注释 <b>注释</b>',
      '/* <i>注释</i> */',
      "const MARKERS = ['责任编辑'];",
      "<p>{t('ok')}</p>",
      '<h1>清读笔记</h1>',
      "<span>{' · 访问于 '}</span>",
      '<input placeholder="搜索…" />',
      "<button aria-label={'关闭'} title={t('x')}>x</button>",
    ].join('\n');
    expect(hardCodedCjk('a.tsx', sample)).toEqual([
      'a.tsx:5: 清读笔记',
      'a.tsx:6: · 访问于',
      'a.tsx:7: 搜索…',
      'a.tsx:8: 关闭',
    ]);
  });

  it('no hard-coded Chinese in the UI of src/notes, src/popup, src/reader (.tsx): every string comes from _locales', () => {
    const tsx = ['src/notes', 'src/popup', 'src/reader'].flatMap(files).filter((f) => f.endsWith('.tsx'));
    expect(tsx.length).toBeGreaterThan(5);
    expect(tsx.flatMap((f) => hardCodedCjk(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('every key an ImportError / NotesWriteError carries (translated where it is shown) exists in every locale', () => {
    // Those errors name their message key as a plain string argument, which the t('…') scan above cannot see.
    const keys = ['src/notes/import.ts', 'src/notes/write.ts'].flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/'((?:import|write)[A-Z]\w+)'/g)].map((m) => m[1]),
    );
    expect(new Set(keys).size).toBeGreaterThanOrEqual(15);
    const missing = keys.flatMap((k) => LOCALES.filter((l) => !messages[l][k]).map((l) => `${k} missing in ${l}`));
    expect(missing).toEqual([]);
  });

  it('placeholders are the same in every locale', () => {
    for (const key of Object.keys(messages.en)) {
      const names = LOCALES.map((l) =>
        Object.keys(messages[l][key]?.placeholders ?? {})
          .map((n) => n.toLowerCase())
          .sort()
          .join(','),
      );
      expect(new Set(names).size, key).toBe(1);
    }
  });

  it('the extension name and description are localized (manifest uses __MSG_ keys)', () => {
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;
    expect(manifest.name).toMatch(/^__MSG_\w+__$/);
    expect(manifest.description).toMatch(/^__MSG_\w+__$/);
    expect(manifest.default_locale).toBe('zh_CN');
    // zh_TW is written in traditional characters, not a copy of zh_CN.
    expect(messages.zh_TW.extDescription.message).not.toBe(messages.zh_CN.extDescription.message);
  });
});
