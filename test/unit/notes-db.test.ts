import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/extract/article';
import { allNotes, getRevision, openNotesDb } from '../../src/notes/db';
import { sha256Hex } from '../../src/notes/hash';
import { LATEST_REVISION, MIGRATIONS, migrate } from '../../src/notes/migrations/index';
import { clearNotes, deleteNote, describeWriteError, editNote, restoreNote, saveArticle } from '../../src/notes/write';
import { corpusArticle, dbName } from './notes-helpers';

let gscn: Article;
let people: Article;
beforeAll(async () => {
  gscn = await corpusArticle('corpus/pages/gscn-1.html', 'http://gansu.gscn.com.cn/system/2020/03/15/012345.shtml');
  people = await corpusArticle('corpus/pages/people-1.html', 'http://politics.people.com.cn/n1/2020/0101/c1.html');
});

describe('notes schema', () => {
  it('creates the latest revision from nothing, with the indexes the list, filters and search use', async () => {
    const name = dbName();
    const db = await openNotesDb(name);
    expect(db.version).toBe(LATEST_REVISION);
    const tx = db.transaction('notes');
    expect([...tx.store.indexNames].sort()).toEqual(['canonicalUrl', 'createdAt', 'site', 'tags']);
    expect(tx.store.index('canonicalUrl').unique).toBe(true);
    expect(tx.store.index('tags').multiEntry).toBe(true);
    expect([...db.objectStoreNames].sort()).toEqual(['assets', 'meta', 'notes', 'search']);
    expect([...db.transaction('search').store.indexNames]).toEqual(['rev']);
    expect([...db.transaction('assets').store.indexNames]).toEqual(['noteId']);
    expect(db.transaction('assets').store.keyPath).toEqual(['noteId', 'url']);
    db.close();
  });

  it('runs only the migrations newer than the stored version, in order', async () => {
    const ran: number[] = [];
    const fake = [1, 2, 3].map((revision) => ({
      revision,
      upgrade: () => {
        ran.push(revision);
      },
    }));
    migrate(null as never, 1, null as never, fake);
    expect(ran).toEqual([2, 3]);
    expect(MIGRATIONS.map((m) => m.revision)).toEqual([...MIGRATIONS.map((m) => m.revision)].sort((a, b) => a - b));
  });

  it('closes its connection when a newer schema is requested elsewhere, so that upgrade is not blocked', async () => {
    const name = dbName();
    let closed = 0;
    const db = await openNotesDb(name, () => {
      closed++;
    });
    const newer = await openDB(name, LATEST_REVISION + 1, {
      upgrade: (d) => {
        d.createObjectStore('later');
      },
    });
    expect(newer.version).toBe(LATEST_REVISION + 1);
    expect(closed).toBe(1);
    newer.close();
    db.close();
  });

  it('opens a library written at revision 1 and keeps its notes', async () => {
    const name = dbName();
    const v1 = await openDB(name, 1, { upgrade: (db, old, _n, tx) => MIGRATIONS[0].upgrade(db as never, tx as never) });
    v1.close();
    const db = await openNotesDb(name);
    await saveArticle(db, { article: gscn });
    db.close();
    const again = await openNotesDb(name);
    expect((await allNotes(again)).length).toBe(1);
    again.close();
  });
});

describe('saving notes', () => {
  it('stores the full article, hash, canonical URL and times', async () => {
    const db = await openNotesDb(dbName());
    const now = new Date('2026-11-29T02:00:00Z');
    const r = await saveArticle(db, { article: gscn, now });
    expect(r.status).toBe('created');
    const [n] = await allNotes(db);
    expect(n.article).toEqual(gscn);
    expect(n.canonicalUrl).toBe(gscn.canonicalUrl);
    expect(n.textSha256).toBe(await sha256Hex(gscn.textContent));
    expect(n.accessedAt).toBe(now.toISOString());
    expect(n.createdAt).toBe(now.toISOString());
    expect(await getRevision(db)).toBe(1);
    db.close();
  });

  it('saving the same canonical URL again updates, keeps note and tags, and says so', async () => {
    const db = await openNotesDb(dbName());
    const first = await saveArticle(db, { article: gscn, now: new Date('2026-01-01T00:00:00Z') });
    await editNote(db, first.note.id, { note: '可引用', tags: ['工业', ' 甘肃 ', '工业'] });
    const changed = { ...gscn, url: gscn.url + '#comments', textContent: gscn.textContent + '补充' };
    const second = await saveArticle(db, { article: changed, quote: '齿轮厂', now: new Date('2026-02-01T00:00:00Z') });
    expect(second.status).toBe('updated');
    expect(second.note.id).toBe(first.note.id);
    expect(second.note.note).toBe('可引用');
    expect(second.note.tags).toEqual(['工业', '甘肃']);
    expect(second.note.quotes.map((q) => q.text)).toEqual(['齿轮厂']);
    expect(second.note.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(second.note.textSha256).not.toBe(first.note.textSha256);
    expect((await allNotes(db)).length).toBe(1);
    db.close();
  });

  it('loses nothing when many saves run at once (one transaction each)', async () => {
    const db = await openNotesDb(dbName());
    const articles = Array.from({ length: 20 }, (_, i) => ({ ...people, canonicalUrl: `http://example.cn/a/${i}` }));
    // Half the saves hit the same URL: they must merge into one note, never two.
    const results = await Promise.all([
      ...articles.map((article) => saveArticle(db, { article })),
      ...Array.from({ length: 10 }, (_, i) => saveArticle(db, { article: gscn, quote: `摘录${i}` })),
    ]);
    const notes = await allNotes(db);
    expect(notes.length).toBe(21);
    expect(results.filter((r) => r.status === 'created').length).toBe(21);
    const g = notes.find((n) => n.canonicalUrl === gscn.canonicalUrl)!;
    expect(g.quotes.length).toBe(10);
    expect(await getRevision(db)).toBe(30);
    db.close();
  });

  it('a refused write leaves no half-written note and nothing already saved changes', async () => {
    const db = await openNotesDb(dbName());
    await saveArticle(db, { article: gscn });
    const before = await allNotes(db);
    // A value IndexedDB cannot store makes put() throw inside the transaction, like a quota refusal would.
    const bad = { ...people, images: [{ src: 'x', alt: '', caption: '', f: () => 1 }] } as unknown as Article;
    await expect(saveArticle(db, { article: bad })).rejects.toMatchObject({ name: 'NotesWriteError', code: 'failed' });
    expect(await allNotes(db)).toEqual(before);
    expect(await getRevision(db)).toBe(1);
    db.close();
  });

  it('explains a quota refusal to the user', () => {
    const e = describeWriteError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(e.code).toBe('quota');
    expect(e.message).toMatch(/存储空间不足/);
    expect(e.message).toMatch(/nothing was saved/);
  });

  it('delete then undo gives back the identical note; clear empties the library', async () => {
    const db = await openNotesDb(dbName());
    const { note } = await saveArticle(db, { article: gscn });
    const removed = await deleteNote(db, note.id);
    expect(removed).toEqual(note);
    expect(await allNotes(db)).toEqual([]);
    await restoreNote(db, removed!);
    expect(await allNotes(db)).toEqual([note]);
    await saveArticle(db, { article: people });
    expect(await clearNotes(db)).toBe(2);
    expect(await allNotes(db)).toEqual([]);
    db.close();
  });

  it('editing a deleted note is refused with a message', async () => {
    const db = await openNotesDb(dbName());
    await expect(editNote(db, 'nope', { note: 'x' })).rejects.toThrow(/笔记不存在/);
    db.close();
  });
});
