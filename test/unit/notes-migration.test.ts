import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { allNotes, getRevision, openNotesDb } from '../../src/notes/db';
import { exportJson } from '../../src/notes/export';
import { MIGRATIONS, migrate } from '../../src/notes/migrations/index';
import { loadIndex } from '../../src/notes/search-cache';
import type { SearchRow } from '../../src/notes/search-row';
import type { Note } from '../../src/shared/notes-types';
import { corpusArticle, dbName } from './notes-helpers';

/** Notes as revision 1 stored them (the store's records are Note objects, written here without the current code). */
async function v1Notes(): Promise<Note[]> {
  const pages = [
    ['corpus/pages/gscn-1.html', 'http://gansu.gscn.com.cn/system/2020/03/15/012339876.shtml'],
    ['corpus/pages/people-1.html', 'http://politics.people.com.cn/n1/2020/0101/c1.html'],
    ['corpus/pages/sina-1.html', 'http://news.sina.com.cn/c/2020-01-01/doc-1.shtml'],
  ];
  return Promise.all(
    pages.map(async ([file, url], i) => {
      const article = await corpusArticle(file, url);
      const at = new Date(Date.UTC(2025, 0, 1 + i)).toISOString();
      return {
        id: `v1-${i}`,
        canonicalUrl: url,
        article,
        site: article.siteName ?? new URL(url).host,
        accessedAt: at,
        textSha256: '0'.repeat(64),
        note: i === 0 ? '兰州工业史料' : '',
        tags: i === 0 ? ['工业'] : [],
        quotes: i === 2 ? [{ text: 'Hello World 引用', savedAt: at }] : [],
        createdAt: at,
        updatedAt: at,
      };
    }),
  );
}

describe('a library written by schema revision 1', () => {
  it('opens at the latest revision with its notes, search and export unchanged', async () => {
    const name = dbName();
    const notes = await v1Notes();
    const v1 = await openDB(name, 1, { upgrade: (db, _o, _n, tx) => MIGRATIONS[0].upgrade(db as never, tx as never) });
    for (const n of notes) await v1.put('notes', n);
    await v1.put('meta', 3, 'revision');
    await v1.put('meta', { revision: 3, json: '{"documentCount":3}' }, 'searchIndex');
    const before = exportJson(await allNotes(v1), new Date(0));
    v1.close();

    const db = await openNotesDb(name);
    expect(db.version).toBe(MIGRATIONS[MIGRATIONS.length - 1].revision);
    expect(await allNotes(db)).toEqual([...notes].reverse());
    expect(exportJson(await allNotes(db), new Date(0))).toBe(before);
    expect(await getRevision(db)).toBe(3);
    // Every note has its search row; the revision-1 MiniSearch snapshot is gone.
    const rows = (await db.getAll('search')) as SearchRow[];
    expect(rows.map((r) => r.id).sort()).toEqual(notes.map((n) => n.id).sort());
    expect(await db.get('meta', 'searchIndex')).toBeUndefined();
    const { index, from } = await loadIndex(db);
    expect(from).toBe('snapshot');
    expect(index.search('齿轮厂')).toEqual(['v1-0']);
    expect(index.search('工业史料')).toEqual(['v1-0']);
    expect(index.search('hello world')).toEqual(['v1-2']);
    db.close();
  });

  it('an upgrade that fails leaves the revision-1 library as it was', async () => {
    const name = dbName();
    const notes = await v1Notes();
    const v1 = await openDB(name, 1, { upgrade: (db, _o, _n, tx) => MIGRATIONS[0].upgrade(db as never, tx as never) });
    // A record the search row cannot be made from (no article): the upgrade aborts instead of indexing part.
    await v1.put('notes', { ...notes[0], article: undefined });
    v1.close();
    await expect(openNotesDb(name)).rejects.toThrow();
    const again = await openDB(name);
    expect(again.version).toBe(1);
    expect([...again.objectStoreNames].sort()).toEqual(['meta', 'notes']);
    expect((await again.getAll('notes')).length).toBe(1);
    again.close();
  });
});

describe('a library written by schema revision 2', () => {
  it('opens at revision 3 with notes, search rows, snapshot, search and export unchanged, and no assets', async () => {
    const name = dbName();
    const notes = await v1Notes();
    // Written with the revision-1 and revision-2 migrations only: revision 2 builds the rows and the snapshot.
    const upTo = (rev: number) => (db: unknown, old: number, _n: unknown, tx: unknown) =>
      migrate(db as never, old, tx as never, MIGRATIONS.slice(0, rev));
    const v1 = await openDB(name, 1, { upgrade: upTo(1) });
    for (const n of notes) await v1.put('notes', n);
    await v1.put('meta', 3, 'revision');
    v1.close();
    const v2 = await openDB(name, 2, { upgrade: upTo(2) });
    const before = {
      export: exportJson(await allNotes(v2), new Date(0)),
      rows: await v2.getAll('search'),
      snapshot: await v2.get('meta', 'searchSnapshot'),
    };
    expect(before.rows).toHaveLength(3);
    expect(before.snapshot).toBeDefined();
    v2.close();

    const db = await openNotesDb(name);
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual(['assets', 'meta', 'notes', 'search']);
    expect(await db.count('assets')).toBe(0);
    expect(await allNotes(db)).toEqual([...notes].reverse());
    expect(exportJson(await allNotes(db), new Date(0))).toBe(before.export);
    expect(await db.getAll('search')).toEqual(before.rows);
    expect(await db.get('meta', 'searchSnapshot')).toEqual(before.snapshot);
    expect(await getRevision(db)).toBe(3);
    const { index, from } = await loadIndex(db);
    expect(from).toBe('snapshot');
    expect(index.search('齿轮厂')).toEqual(['v1-0']);
    expect(index.search('工业史料')).toEqual(['v1-0']);
    expect(index.search('hello world')).toEqual(['v1-2']);
    db.close();
  });
});
