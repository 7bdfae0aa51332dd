import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { allNotes, openNotesDb } from '../../src/notes/db';
import { loadIndex } from '../../src/notes/search-cache';
import { NotesIndex } from '../../src/notes/search';
import type { Note } from '../../src/shared/notes-types';
import { importNotes, saveArticle } from '../../src/notes/write';
import { annotationOn, withAnnotations } from './annotation-helpers';
import { corpusArticle, dbName } from './notes-helpers';

let plain: Note[];
let annotated: Note;

/** A comment word and an orphaned quote that no corpus note holds anywhere. */
const COMMENT = '值得追问统计口径';
const ORPHAN = '这句原文已被编辑删去';

beforeAll(async () => {
  const db = await openNotesDb(dbName());
  await saveArticle(db, {
    article: await corpusArticle('corpus/pages/gscn-1.html', 'http://gansu.gscn.com.cn/system/2020/03/15/1.shtml'),
  });
  await saveArticle(db, { article: await corpusArticle('corpus/pages/people-1.html', 'http://people.com.cn/1') });
  plain = await allNotes(db);
  db.close();
  const g = plain.find((n) => n.article.textContent.includes('齿轮厂'))!;
  annotated = withAnnotations(
    g,
    annotationOn(g.article.textContent, '齿轮厂', `${COMMENT}\n第二行`, 'green'),
    annotationOn(g.article.textContent, ORPHAN, '', 'pink'),
  );
});

describe('search covers highlights and comments', () => {
  it('finds a note by a word of a highlight comment and by an orphaned highlight quote, not before', () => {
    const before = new NotesIndex();
    before.addAll(plain);
    expect(before.search(COMMENT)).toEqual([]);
    expect(before.search(ORPHAN)).toEqual([]);
    const index = new NotesIndex();
    index.addAll(plain.map((n) => (n.id === annotated.id ? annotated : n)));
    expect(index.search(COMMENT)).toEqual([annotated.id]);
    expect(index.search('统计口径')).toEqual([annotated.id]);
    expect(index.search(ORPHAN)).toEqual([annotated.id]);
  });

  it('the search rows an import writes carry them (the notes page restores its index from those rows)', async () => {
    const db = await openNotesDb(dbName());
    await importNotes(db, [annotated]);
    const { index } = await loadIndex(db);
    expect(index.search(COMMENT)).toEqual([annotated.id]);
    expect(index.search(ORPHAN)).toEqual([annotated.id]);
    db.close();
  });
});

describe('result snippets', () => {
  it('shows the matched highlight and comment when the match is there, else the body', async () => {
    const { resultSnippet } = await import('../../src/notes/annotations');
    expect(resultSnippet(annotated, '统计口径')).toEqual({ text: `“齿轮厂” ${COMMENT} 第二行`, from: 'annotation' });
    expect(resultSnippet(annotated, ORPHAN)).toEqual({ text: `“${ORPHAN}”`, from: 'annotation' });
    const body = resultSnippet(annotated, '兰州');
    expect(body.from).toBe('body');
    expect(body.text).toContain('兰州');
  });

  it('never cuts a surrogate pair, and finds the match after text that toLowerCase() lengthens (İ)', async () => {
    const { resultSnippet } = await import('../../src/notes/annotations');
    const on = (exact: string): Note => ({ ...annotated, annotations: [annotationOn('', exact, '', 'yellow')] });
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    for (const [before, after] of [
      [29, 60],
      [30, 61],
      [31, 59],
    ]) {
      const text = resultSnippet(on('😀'.repeat(before) + '目标词' + '😀'.repeat(after)), '目标词').text;
      expect(text).toContain('目标词');
      expect(lone.test(text), `${before} + ${after}: ${JSON.stringify(text)}`).toBe(false);
    }
    const turkish = resultSnippet(on('İ'.repeat(100) + ' target word here ' + 'x'.repeat(100)), 'Target').text;
    expect(turkish).toMatch(/^…İ+ target word here x+…$/);
    // The body path the same way, and cut around the match for ordinary text.
    const body = {
      ...annotated,
      annotations: [],
      article: { ...annotated.article, textContent: '𠀀'.repeat(50) + 'ABC' },
    };
    expect(lone.test(resultSnippet(body, 'abc').text)).toBe(false);
    const text = annotated.article.textContent;
    const at = text.indexOf('兰州');
    expect(resultSnippet(annotated, '兰州').text).toBe(
      `${at > 40 ? '…' : ''}${text.slice(Math.max(0, at - 40), at + 80).replace(/\s+/g, ' ')}…`,
    );
  });
});

/** A comment that tests the backup's lossless claim: newlines, both quote kinds, emoji, traditional characters. */
const HARD_COMMENT = '第一行「引文」\n第二行 "double" \'single\' “中文引号”\r\n\n🧐👍🏽 繁體：齒輪廠與臺灣';

/** The gscn-1 note with three highlights (one with HARD_COMMENT, one orphaned, one with a `<`-bearing quote). */
function threeAnnotated(): Note {
  const text = annotated.article.textContent;
  return withAnnotations(
    { ...annotated, annotations: [] },
    annotationOn(text, '齿轮厂', HARD_COMMENT, 'green', '2026-12-01T08:00:00.000Z'),
    annotationOn(text, ORPHAN, '', 'pink', '2026-12-01T08:05:00.000Z'),
    annotationOn(text, text.slice(40, 60), '短评', 'blue', '2026-12-01T08:10:00.000Z'),
  );
}

describe('JSON backup keeps annotations losslessly', () => {
  it('export → import → export is identical, with several annotations and a hard comment', async () => {
    const { exportJson } = await import('../../src/notes/export');
    const { parseNotesExport } = await import('../../src/notes/import');
    const db = await openNotesDb(dbName());
    const people = plain.find((n) => n.id !== annotated.id)!;
    const notes = [threeAnnotated(), people];
    await importNotes(db, notes);
    const now = new Date('2026-12-05T00:00:00Z');
    const first = exportJson(await allNotes(db), now);
    const db2 = await openNotesDb(dbName());
    await importNotes(db2, parseNotesExport(first));
    const second = exportJson(await allNotes(db2), now);
    expect(second).toBe(first);
    const back = (await allNotes(db2)).find((n) => n.id === annotated.id)!;
    expect(back.annotations).toEqual(notes[0].annotations);
    expect(back.annotations![0].bodyValue).toBe(HARD_COMMENT);
    // A note without the field stays without it (old notes have none).
    expect('annotations' in (await allNotes(db2)).find((n) => n.id === people.id)!).toBe(false);
    db.close();
    db2.close();
  });

  const spoilers: [string, (a: Record<string, unknown>) => void, string][] = [
    ['an unknown colour', (a) => (a.color = 'red'), 'annotations[1].color'],
    ['no target', (a) => delete a.target, 'annotations[1].target.selector'],
    [
      'one selector',
      (a) => ((a.target as { selector: unknown[] }).selector.length = 1),
      'annotations[1].target.selector',
    ],
    [
      'an empty quote',
      (a) => ((a.target as { selector: { exact: string }[] }).selector[0].exact = ''),
      'annotations[1].target.selector[0]',
    ],
    [
      'a negative position',
      (a) => ((a.target as { selector: { start: number }[] }).selector[1].start = -1),
      'annotations[1].target.selector[1]',
    ],
    ['a comment that is not text', (a) => (a.bodyValue = 7), 'annotations[1].bodyValue'],
    ['a bad time', (a) => (a.created = 'yesterday'), 'annotations[1].created'],
    ['an unknown motivation', (a) => (a.motivation = 'bookmarking'), 'annotations[1].motivation'],
    [
      'a whitespace-only quote',
      (a) => ((a.target as { selector: { exact: string }[] }).selector[0].exact = ' \n\t\u3000'),
      'annotations[1].target.selector[0]',
    ],
    [
      'a lone-surrogate quote',
      (a) => ((a.target as { selector: { exact: string }[] }).selector[0].exact = '正文\ud83d'),
      'annotations[1].target.selector[0]',
    ],
    [
      'a position far beyond any text',
      (a) => Object.assign((a.target as { selector: object[] }).selector[1], { start: 1e15, end: 9e15 }),
      'annotations[1].target.selector[1]',
    ],
    ['a duplicate annotation id', (a) => (a.id = 'dup'), 'annotations[2].id "dup" = annotations[1].id'],
  ];
  for (const [what, spoil, field] of spoilers)
    it(`refuses an import with ${what}, naming the note and the field`, async () => {
      const { exportJson } = await import('../../src/notes/export');
      const { ImportError, parseNotesExport } = await import('../../src/notes/import');
      const file = JSON.parse(exportJson([plain[0], threeAnnotated()]));
      spoil(file.notes[1].annotations[1]);
      if (what.includes('duplicate')) spoil(file.notes[1].annotations[2]);
      let error: unknown;
      try {
        parseNotesExport(JSON.stringify(file));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ImportError);
      expect((error as InstanceType<typeof ImportError>).subs).toEqual(['2', field]);
      expect((error as Error).message).toContain(`第 2 条笔记的字段 ${field} 缺失或类型不对`);
    });

  it('refuses more than MAX_ANNOTATIONS on one note; normalizes a motivation that disagrees with the comment', async () => {
    const { exportJson } = await import('../../src/notes/export');
    const { MAX_ANNOTATIONS, parseNotesExport } = await import('../../src/notes/import');
    const file = JSON.parse(exportJson([threeAnnotated()]));
    const [one] = file.notes[0].annotations;
    file.notes[0].annotations = Array.from({ length: MAX_ANNOTATIONS + 1 }, (_, i) => ({ ...one, id: `id${i}` }));
    expect(() => parseNotesExport(JSON.stringify(file))).toThrow(/字段 annotations \(10001 > 10000\) 缺失/);
    file.notes[0].annotations = JSON.parse(exportJson([threeAnnotated()])).notes[0].annotations;
    file.notes[0].annotations[0].motivation = 'highlighting'; // it has a comment
    file.notes[0].annotations[1].motivation = 'commenting'; // it has none
    const [back] = parseNotesExport(JSON.stringify(file));
    expect(back.annotations!.map((a) => a.motivation)).toEqual(['commenting', 'highlighting', 'commenting']);
  });

  it('refuses annotations that are not a list, or an entry that is not an object', async () => {
    const { exportJson } = await import('../../src/notes/export');
    const { parseNotesExport } = await import('../../src/notes/import');
    const file = JSON.parse(exportJson([threeAnnotated()]));
    file.notes[0].annotations = 'x';
    expect(() => parseNotesExport(JSON.stringify(file))).toThrow(/字段 annotations 缺失/);
    file.notes[0].annotations = [null];
    expect(() => parseNotesExport(JSON.stringify(file))).toThrow(/字段 annotations\[0\] 缺失/);
  });
});

describe('Markdown export writes the highlights', () => {
  it('renders highlight text and comments literally in CommonMark: no image, link, heading, HTML or entity', async () => {
    const { annotationsMarkdown } = await import('../../src/notes/annotations-markdown');
    const { HtmlRenderer, Parser } = await import('commonmark');
    const quote = '看![](http://tracker.example/p.gif)和[点我](http://evil.example/) &copy; *强* `c` ~~s~~';
    const comment = '<img src=x onerror=alert(1)>\n## 正文\n==c==\n1. 一\n- 二\n    代码\n===';
    const list = [
      annotationOn('', quote, '', 'yellow'),
      annotationOn('', 'x=', '', 'green'),
      annotationOn('', '正常', comment, 'blue'),
    ];
    for (const style of ['quote', 'mark'] as const) {
      const html = new HtmlRenderer().render(new Parser().parse(annotationsMarkdown(list, style)));
      const text = html.replace(/<(\/?)(p|blockquote|h2|em|br \/)>/g, '');
      expect(html, style).not.toMatch(/<(img|a|h1|h3|ol|ul|li|pre|code|strong|del)\b/);
      expect(html.match(/<h2>/g), style).toHaveLength(1); // the section's own ## 标注
      expect(text, style).not.toMatch(/<(?!\/)/); // every other < is &lt;: no raw HTML from the highlights
      expect(html, style).toContain(
        '看![](http://tracker.example/p.gif)和[点我](http://evil.example/) &amp;copy; *强* `c` ~~s~~',
      );
      expect(html, style).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html, style).toContain('## 正文');
      expect(html, style).toContain(style === 'mark' ? '==x===' : 'x=');
    }
  });

  it('as > quote blocks by default, with comment (line breaks kept), colour and time, in order', async () => {
    const { toMarkdown } = await import('../../src/notes/export');
    const n = threeAnnotated();
    const md = toMarkdown(n);
    const section = md.slice(md.indexOf('## 标注'), md.indexOf('## 正文'));
    expect(section).toContain(
      '## 标注\n\n> 齿轮厂\n\n批注：第一行「引文」\\\n第二行 "double" \'single\' “中文引号”\n\n🧐👍🏽 繁體：齒輪廠與臺灣\n\n*绿色 · 2026-12-01 08:00 UTC*',
    );
    expect(section).toContain(`> ${ORPHAN}\n\n*粉色 · 2026-12-01 08:05 UTC*`);
    expect(section.indexOf('齿轮厂')).toBeLessThan(section.indexOf(ORPHAN));
    expect(section).not.toContain('==');
    expect(toMarkdown(plain[0])).not.toContain('## 标注');
  });

  it('as ==text== on request; page text cannot open HTML or end the mark early', async () => {
    const { toMarkdown, markdownZip } = await import('../../src/notes/export');
    const { strFromU8, unzipSync } = await import('fflate');
    const n = withAnnotations(
      { ...annotated, annotations: [] },
      annotationOn('', '<img src=x>a==b\n\n第二段', '', 'yellow'),
    );
    const md = toMarkdown(n, 'mark');
    expect(md).toContain('## 标注\n\n==\\<img src\\=x\\>a\\=\\=b==\n\n==第二段==\n\n*黄色 ·');
    expect(toMarkdown(n)).toContain('## 标注\n\n> \\<img src\\=x\\>a\\=\\=b\n>\n> 第二段\n\n*黄色 ·');
    const zipped = Object.values(unzipSync(markdownZip([n, plain[1]], undefined, 'mark'))).map((b) => strFromU8(b));
    expect(zipped.find((f) => f.includes('## 标注'))).toContain('==第二段==');
  });
});
