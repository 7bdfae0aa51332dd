import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNotesDb, type NotesDb } from '../../src/notes/db';
import { listNotes, NO_FILTERS, type Filters } from '../../src/notes/library';
import { loadMore, loadScreen } from '../../src/notes/use-library';
import { editNote, saveArticle } from '../../src/notes/write';
import { corpusArticle, dbName } from './notes-helpers';

let db: NotesDb;

// 13 notes: five saved in the same millisecond (2026-03-01), four in another (2026-02-01), so with pages of 2 or 3
// rows the page boundary falls between notes sharing one createdAt; two sites and two tags for the filtered reads.
beforeAll(async () => {
  db = await openNotesDb(dbName());
  const base = await corpusArticle('corpus/pages/gscn-1.html', 'http://gansu.gscn.com.cn/x');
  const days = ['2026-03-01', '2026-03-01', '2026-01-10', '2026-03-01', '2026-02-01', '2026-03-01', '2026-02-01'];
  const all = [...days, '2026-03-01', '2026-02-01', '2026-02-01', '2026-04-02', '2026-01-11', '2026-03-02'];
  for (const [i, day] of all.entries()) {
    const r = await saveArticle(db, {
      article: {
        ...base,
        title: `第${i}篇`,
        siteName: i % 2 ? '人民网' : '中国甘肃网',
        canonicalUrl: `http://x.cn/${i}`,
      },
      now: new Date(`${day}T08:00:00Z`),
    });
    await editNote(db, r.note.id, { tags: i % 3 ? ['待读'] : ['工业', '待读'] });
  }
});

/** The whole list read page by page, each page after the last row of the one before (as 更多 reads it). */
async function paged(f: Filters, size: number): Promise<string[]> {
  const out: { id: string; createdAt: string }[] = [];
  // At most 20 pages: a read that ignored `after` would never end.
  for (let k = 0; k < 20; k++) {
    const page = await listNotes(db, f, size, out[out.length - 1]);
    out.push(...page);
    if (page.length < size) break;
  }
  return out.map((n) => n.id);
}

const FILTERS: Filters[] = [
  NO_FILTERS,
  { ...NO_FILTERS, tag: '待读' },
  { ...NO_FILTERS, site: '人民网' },
  { ...NO_FILTERS, tag: '工业', site: '中国甘肃网' },
  { ...NO_FILTERS, from: '2026-02-01', to: '2026-03-01' },
  { ...NO_FILTERS, tag: '待读', from: '2026-02-01', to: '2026-03-01' },
];

describe('更多: the next page after the last row', () => {
  it('gives exactly the rows of one full read, in order, across notes sharing one createdAt', async () => {
    for (const f of FILTERS) {
      const full = (await listNotes(db, f)).map((n) => n.id);
      expect(full.length).toBeGreaterThan(2);
      for (const size of [1, 2, 3]) expect(await paged(f, size), `${JSON.stringify(f)} by ${size}`).toEqual(full);
    }
  });

  it('a date range that ends before it starts selects no note (it threw a DataError), with or without tag and site', async () => {
    const backwards = { ...NO_FILTERS, from: '2026-03-02', to: '2026-03-01' };
    for (const f of [backwards, { ...backwards, tag: '待读' }, { ...backwards, site: '人民网' }])
      expect(await listNotes(db, f, 2), JSON.stringify(f)).toEqual([]);
  });

  it('a filtered list keeps the order of the unfiltered one (same-millisecond notes included)', async () => {
    const all = (await listNotes(db, NO_FILTERS)).map((n) => n.id);
    const tagged = new Set((await listNotes(db, { ...NO_FILTERS, tag: '待读' })).map((n) => n.id));
    expect((await listNotes(db, { ...NO_FILTERS, tag: '待读' })).map((n) => n.id)).toEqual(
      all.filter((id) => tagged.has(id)),
    );
  });

  it('loadMore adds the next rows to a screen, as one larger read shows them, keeping facets and count', async () => {
    const noSearch = async () => null;
    for (const f of FILTERS) {
      const view = { filters: f, query: '', limit: 2 };
      let screen = await loadScreen(db, noSearch, view);
      for (let limit = 4; limit <= 16; limit += 2) screen = await loadMore(db, noSearch, { ...view, limit }, screen);
      const whole = await loadScreen(db, noSearch, { ...view, limit: 16 });
      expect(screen).toEqual(whole);
    }
  });
});
