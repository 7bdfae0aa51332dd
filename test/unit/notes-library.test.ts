import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/extract/article';
import { openNotesDb, type NotesDb } from '../../src/notes/db';
import { facet, listNotes, NO_FILTERS, notesByIds, storedUrls } from '../../src/notes/library';
import { editNote, saveArticle } from '../../src/notes/write';
import { corpusArticle, dbName } from './notes-helpers';

let db: NotesDb;
const titles = (ns: { article: Article }[]) => ns.map((n) => n.article.title);

beforeAll(async () => {
  db = await openNotesDb(dbName());
  const base = await corpusArticle('corpus/pages/gscn-1.html', 'http://gansu.gscn.com.cn/x');
  const specs = [
    ['甲', '中国甘肃网', '2026-01-05', ['工业']],
    ['乙', '人民网', '2026-02-10', ['工业', '待读']],
    ['丙', '中国甘肃网', '2026-03-15', []],
    ['丁', '人民网', '2026-03-20', ['待读']],
  ] as const;
  for (const [title, siteName, day, tags] of specs) {
    const r = await saveArticle(db, {
      article: { ...base, title, siteName, canonicalUrl: `http://x.cn/${title}` },
      now: new Date(`${day}T08:00:00Z`),
    });
    if (tags.length) await editNote(db, r.note.id, { tags: [...tags] });
  }
});

describe('notes list', () => {
  it('lists newest first, with a limit', async () => {
    expect(titles(await listNotes(db, NO_FILTERS))).toEqual(['丁', '丙', '乙', '甲']);
    expect(titles(await listNotes(db, NO_FILTERS, 2))).toEqual(['丁', '丙']);
  });

  it('filters by site, tag and date range, alone and together', async () => {
    expect(titles(await listNotes(db, { ...NO_FILTERS, site: '人民网' }))).toEqual(['丁', '乙']);
    expect(titles(await listNotes(db, { ...NO_FILTERS, tag: '工业' }))).toEqual(['乙', '甲']);
    expect(titles(await listNotes(db, { ...NO_FILTERS, from: '2026-02-10', to: '2026-03-15' }))).toEqual(['丙', '乙']);
    expect(titles(await listNotes(db, { ...NO_FILTERS, tag: '待读', from: '2026-03-01' }))).toEqual(['丁']);
    expect(titles(await listNotes(db, { site: '中国甘肃网', tag: '待读', from: '', to: '' }))).toEqual([]);
  });

  it('gives facets, URLs and notes by id in the given order', async () => {
    expect(await facet(db, 'site')).toEqual(['人民网', '中国甘肃网'].sort((a, b) => a.localeCompare(b, 'zh')));
    expect(await facet(db, 'tags')).toEqual(['待读', '工业'].sort((a, b) => a.localeCompare(b, 'zh')));
    expect((await storedUrls(db)).has('http://x.cn/甲')).toBe(false); // URLs are stored normalized (percent-encoded)
    expect((await storedUrls(db)).has(new URL('http://x.cn/甲').href)).toBe(true);
    const all = await listNotes(db, NO_FILTERS);
    const ids = [all[2].id, 'gone', all[0].id];
    expect(titles(await notesByIds(db, ids, NO_FILTERS))).toEqual(['乙', '丁']);
  });
});
