import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { allNotes, noteBatches, openNotesDb, type NotesDb } from '../../src/notes/db';
import {
  exportCitations,
  exportFileName,
  exportJson,
  exportJsonBlob,
  fileName,
  markdownZip,
  markdownZipAsync,
  toMarkdown,
  uniqueNames,
} from '../../src/notes/export';
import { ImportError, parseNotesExport, previewImport } from '../../src/notes/import';
import type { Note } from '../../src/shared/notes-types';
import { clearNotes, editNote, importNotes, saveArticle } from '../../src/notes/write';
import { corpusArticle, dbName } from './notes-helpers';

let db: NotesDb;
let notes: Note[];
beforeAll(async () => {
  db = await openNotesDb(dbName());
  const g = await saveArticle(db, {
    article: await corpusArticle('corpus/pages/gscn-1.html', 'http://gansu.gscn.com.cn/system/2020/03/15/1.shtml'),
  });
  await editNote(db, g.note.id, { note: '笔记：第一段\n第二行 "引号"', tags: ['工业', 'to-read'] });
  await saveArticle(db, {
    article: await corpusArticle('corpus/pages/people-1.html', 'http://people.com.cn/1'),
    quote: '一段摘录',
  });
  notes = await allNotes(db);
});

describe('JSON export and import', () => {
  it('round trip: export, clear, import gives back identical notes', async () => {
    const json = exportJson(notes);
    await clearNotes(db);
    expect(await allNotes(db)).toEqual([]);
    const parsed = parseNotesExport(json);
    expect(await importNotes(db, parsed)).toMatchObject({
      added: 2,
      replaced: 0,
      skipped: 0,
      ids: notes.map((n) => n.id),
    });
    expect(await allNotes(db)).toEqual(notes);
  });

  it('de-duplicates by canonical URL: preview, skip by default, replace on request', async () => {
    const parsed = parseNotesExport(exportJson(notes));
    const preview = previewImport(parsed, new Set(notes.map((n) => n.canonicalUrl)));
    expect(preview.fresh.length).toBe(0);
    expect(preview.duplicates.length).toBe(2);
    expect(await importNotes(db, parsed)).toMatchObject({ added: 0, replaced: 0, skipped: 2, ids: [], rows: [] });
    const changed = parsed.map((n) => ({ ...n, id: crypto.randomUUID(), note: '改过' }));
    expect(await importNotes(db, changed, true)).toMatchObject({ added: 0, replaced: 2, skipped: 0 });
    const after = await allNotes(db);
    expect(after.map((n) => n.note)).toEqual(['改过', '改过']);
    expect(after.map((n) => n.id)).toEqual(notes.map((n) => n.id));
    await importNotes(db, notes, true);
    expect(await allNotes(db)).toEqual(notes);
  });

  it('the streamed JSON export (batches of notes into a Blob) is byte for byte exportJson, also when empty', async () => {
    const at = new Date('2026-12-05T08:00:00Z');
    for (const size of [1, 2, 500]) {
      const { blob, count } = await exportJsonBlob(noteBatches(db, size), at);
      expect(count).toBe(notes.length);
      expect(await blob.text()).toBe(exportJson(await allNotes(db), at));
    }
    const empty = await openNotesDb(dbName());
    const none = await exportJsonBlob(noteBatches(empty), at);
    expect(await none.blob.text()).toBe(exportJson([], at));
    expect(parseNotesExport(await none.blob.text())).toEqual([]);
    empty.close();
  });

  it('a large import (several rounds of lookups) keeps file order, skips a URL met twice, renames taken ids', async () => {
    const lib = await openNotesDb(dbName());
    const base = notes[0];
    const make = (i: number, id = `id-${i}`): Note => ({ ...base, id, canonicalUrl: `${base.canonicalUrl}?n=${i}` });
    await importNotes(lib, [make(-1, 'stored')]);
    const file = Array.from({ length: 1_100 }, (_, i) => make(i));
    file[10] = make(10, 'id-5'); // taken by a note written earlier in the same round
    file[600] = make(600, 'id-6'); // taken by a note written in an earlier round
    file[1_050] = make(1_050, 'stored'); // taken by a stored note
    file[700] = { ...make(3, 'id-700') }; // the URL of note 3 again: skipped
    const r = await importNotes(lib, file);
    expect(r).toMatchObject({ added: 1_099, replaced: 0, skipped: 1 });
    expect(r.rows.map((row) => row.id)).toEqual(r.ids);
    const byUrl = new Map((await allNotes(lib)).map((n) => [n.canonicalUrl, n.id]));
    expect(byUrl.size).toBe(1_100);
    expect(byUrl.get(`${base.canonicalUrl}?n=-1`)).toBe('stored');
    expect(byUrl.get(`${base.canonicalUrl}?n=5`)).toBe('id-5');
    expect(byUrl.get(`${base.canonicalUrl}?n=3`)).toBe('id-3');
    for (const i of [10, 600, 1_050])
      expect(byUrl.get(`${base.canonicalUrl}?n=${i}`)).not.toMatch(/^(id-5|id-6|stored)$/);
    const order = file.filter((_, i) => i !== 700).map((n) => byUrl.get(n.canonicalUrl));
    expect(r.ids).toEqual(order);
    lib.close();
  });

  const refusals: [string, (json: string) => string, RegExp][] = [
    ['truncated', (j) => j.slice(0, Math.floor(j.length / 2)), /文件不完整/],
    ['not JSON', () => '<html>not json</html>', /不是有效的 JSON/],
    ['foreign JSON', () => JSON.stringify({ items: [] }), /不是清读笔记导出文件/],
    ['CSL-JSON array', () => '[{"type":"webpage"}]', /不是清读笔记导出文件/],
    ['newer version', (j) => j.replace('"version": 1', '"version": 2'), /不支持的导出版本 2/],
    [
      'a note without its hash',
      (j) => j.replace(/"textSha256": "[0-9a-f]+"/, '"textSha256": 5'),
      /第 1 条笔记的字段 textSha256/,
    ],
    [
      'an article field of the wrong type',
      (j) => j.replace(/"authors": \[[^\]]*\]/, '"authors": "某人"'),
      /article\.authors/,
    ],
    ['empty', () => '', /文件是空的/],
  ];
  for (const [what, spoil, message] of refusals)
    it(`refuses a ${what} file with a message and leaves the library unchanged`, async () => {
      const before = await allNotes(db);
      const bad = spoil(exportJson(notes));
      let error: unknown;
      try {
        await importNotes(db, parseNotesExport(bad));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toMatch(message);
      expect(await allNotes(db)).toEqual(before);
    });
});

describe('Markdown export', () => {
  it('has YAML front matter with the metadata and the body as Markdown', () => {
    const g = notes.find((n) => n.tags.includes('工业'))!;
    const md = toMarkdown(g);
    const front = md.split('---\n')[1];
    expect(front).toContain(`title: ${JSON.stringify(g.article.title)}`);
    expect(front).toContain(`url: ${JSON.stringify(g.canonicalUrl)}`);
    expect(front).toContain('tags:\n  - "工业"\n  - "to-read"');
    expect(front).toContain(`sha256: "${g.textSha256}"`);
    expect(md).toContain('## 笔记\n\n笔记：第一段');
    expect(md).toContain('齿轮厂');
    expect(md).not.toMatch(/<p>|<div/);
  });

  it('file names keep Chinese readable and drop characters file systems refuse', () => {
    const n = {
      ...notes[0],
      article: { ...notes[0].article, title: '标题: "甘肃"/兰州 <齿轮厂>?', published: '2020-03-15T10:13:00+08:00' },
    };
    expect(fileName(n, 'md')).toBe('2020-03-15 标题_ _甘肃__兰州 _齿轮厂__.md');
    expect(uniqueNames(['a.md', 'a.md', 'a.md'])).toEqual(['a.md', 'a (2).md', 'a (3).md']);
  });

  it('zips many notes with UTF-8 Chinese file names', async () => {
    const files = unzipSync(markdownZip(notes));
    const names = Object.keys(files);
    expect(names.length).toBe(2);
    expect(unzipSync(await markdownZipAsync(notes, 1))).toEqual(files);
    expect(names.every((n) => /[\u4e00-\u9fff]/.test(n) && n.endsWith('.md'))).toBe(true);
    expect(
      strFromU8(files[names.find((n) => n.includes(notes.find((x) => x.tags.length)!.article.title.slice(0, 4)))!]),
    ).toContain('齿轮厂');
  });

  it('marks its entries as made on Unix with mode 0644, so unzip keeps the Chinese names', () => {
    const zip = markdownZip(notes);
    // every central directory header (PK\x01\x02): "version made by" high byte 3 (Unix), the UTF-8 flag, mode 0644
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const headers: number[] = [];
    for (let i = 0; i + 46 <= zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) headers.push(i);
    expect(headers.length).toBe(2);
    for (const h of headers) {
      expect(zip[h + 5]).toBe(3);
      expect(view.getUint16(h + 8, true) & 0x800).toBe(0x800);
      expect(view.getUint32(h + 38, true) >>> 16).toBe(0o100644);
    }
    // Info-ZIP's own listing, where it is installed (Debian: unzip)
    if (existsSync('/usr/bin/unzip')) {
      const dir = mkdtempSync(join(tmpdir(), 'qingdu-zip-'));
      writeFileSync(join(dir, 'n.zip'), zip);
      const listed = execFileSync('/usr/bin/unzip', ['-Z1', join(dir, 'n.zip')], { encoding: 'utf8' })
        .trim()
        .split('\n');
      expect(listed.sort()).toEqual(Object.keys(unzipSync(zip)).sort());
    }
  });
});

describe('citation export', () => {
  it('CSL-JSON, BibTeX and RIS of every note through src/cite', async () => {
    const csl = JSON.parse(await exportCitations(notes, 'csl-json'));
    expect(csl.map((i: { URL: string }) => i.URL)).toEqual(notes.map((n) => n.canonicalUrl));
    expect((await exportCitations(notes, 'bibtex')).match(/^@/gm)?.length).toBe(2);
    expect((await exportCitations(notes, 'ris')).match(/^TY {2}-/gm)?.length).toBe(2);
  });
  it('the backup and the CSL-JSON export have distinct file names', () => {
    const names = (['backup', 'csl-json', 'bibtex', 'ris', 'markdown'] as const).map((k) =>
      exportFileName('qingdu-notes', '2026-12-05', k),
    );
    expect(names).toEqual([
      'qingdu-notes-2026-12-05-backup.json',
      'qingdu-notes-2026-12-05-csl.json',
      'qingdu-notes-2026-12-05.bib',
      'qingdu-notes-2026-12-05.ris',
      'qingdu-notes-2026-12-05.zip',
    ]);
  });
  it('importing a CSL-JSON export says it is one, not a Qingdu backup', async () => {
    const csl = await exportCitations(notes, 'csl-json');
    let error: unknown;
    try {
      parseNotesExport(csl);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).key).toBe('importCslJson');
    expect((error as Error).message).toContain('This is a CSL-JSON export, not a Qingdu backup');
    // one item alone, as other reference managers write it, too
    expect(() => parseNotesExport(JSON.stringify(JSON.parse(csl)[0]))).toThrow(/CSL-JSON/);
  });
});
