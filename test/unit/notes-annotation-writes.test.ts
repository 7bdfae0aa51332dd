import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/extract/article';
import { allNotes, getRevision, openNotesDb } from '../../src/notes/db';
import { searchRow } from '../../src/notes/search-row';
import { MAX_POSITION } from '../../src/notes/annotation-checks';
import {
  annotateArticle,
  removeAnnotation,
  saveArticle,
  updateAnnotation,
  type AnnotationInput,
} from '../../src/notes/write';
import { corpusArticle, dbName } from './notes-helpers';

let gscn: Article;
let people: Article;
beforeAll(async () => {
  gscn = await corpusArticle('corpus/pages/gscn-1.html', 'http://gansu.gscn.com.cn/system/2020/03/15/012345.shtml');
  people = await corpusArticle('corpus/pages/people-1.html', 'http://politics.people.com.cn/n1/2020/0101/c1.html');
});

/** A highlight of `article`'s text from `start`, `length` characters long. */
function highlight(article: Article, start: number, length: number, bodyValue = ''): AnnotationInput {
  const text = article.textContent;
  return {
    bodyValue,
    color: 'yellow',
    target: {
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: text.slice(start, start + length),
          prefix: text.slice(Math.max(0, start - 32), start),
          suffix: text.slice(start + length, start + length + 32),
        },
        { type: 'TextPositionSelector', start, end: start + length },
      ],
    },
  };
}

/** The search row stored for a note (written in the same transaction as the note). */
async function storedRow(db: Awaited<ReturnType<typeof openNotesDb>>, id: string) {
  return db.get('search', id);
}

describe('annotation writes', () => {
  it('a highlight on an unsaved article saves the article with it, in one write', async () => {
    const db = await openNotesDb(dbName());
    const r = await annotateArticle(db, { article: gscn, annotation: highlight(gscn, 10, 12, '要点') });
    expect(r.status).toBe('created');
    expect(r.annotation).toMatchObject({ motivation: 'commenting', bodyValue: '要点', color: 'yellow' });
    expect(r.annotation.id).toMatch(/^[0-9a-f-]{36}$/);
    const [note] = await allNotes(db);
    expect(note.article).toEqual(gscn);
    expect(note.annotations).toEqual([r.annotation]);
    expect(await getRevision(db)).toBe(1);
    expect(await storedRow(db, note.id)).toEqual(searchRow(note, 1));
    db.close();
  });

  it('adds to a saved note without re-saving its article, then updates and removes one highlight', async () => {
    const db = await openNotesDb(dbName());
    const saved = await saveArticle(db, { article: gscn, now: new Date('2026-01-01T00:00:00Z') });
    const changedLive = { ...gscn, title: '页面上的新标题' };
    const a = await annotateArticle(db, { article: changedLive, annotation: highlight(gscn, 0, 8) });
    const b = await annotateArticle(db, { article: changedLive, annotation: highlight(gscn, 40, 6, '存疑') });
    expect(b.status).toBe('updated');
    expect(b.note.id).toBe(saved.note.id);
    expect(b.note.article.title).toBe(gscn.title);
    expect(b.note.annotations!.map((x) => x.id)).toEqual([a.annotation.id, b.annotation.id]);
    expect(a.annotation.motivation).toBe('highlighting');

    const later = new Date('2026-02-01T00:00:00Z');
    const edited = await updateAnnotation(db, saved.note.id, a.annotation.id, {
      bodyValue: '补充',
      color: 'blue',
      now: later,
    });
    const e = edited.annotations![0];
    expect(e).toMatchObject({
      bodyValue: '补充',
      color: 'blue',
      motivation: 'commenting',
      modified: later.toISOString(),
    });
    expect(e.created).toBe(a.annotation.created);
    expect(e.target).toEqual(a.annotation.target);

    const after = await removeAnnotation(db, saved.note.id, b.annotation.id);
    expect(after.annotations!.map((x) => x.id)).toEqual([a.annotation.id]);
    const [stored] = await allNotes(db);
    expect(stored).toEqual(after);
    expect(await storedRow(db, stored.id)).toEqual(searchRow(stored, await getRevision(db)));
    db.close();
  });

  it('re-saving the article keeps its highlights', async () => {
    const db = await openNotesDb(dbName());
    const a = await annotateArticle(db, { article: people, annotation: highlight(people, 5, 10, '注') });
    const resaved = await saveArticle(db, { article: { ...people, textContent: people.textContent + '（更新）' } });
    expect(resaved.status).toBe('updated');
    expect(resaved.note.annotations).toEqual([a.annotation]);
    expect((await allNotes(db))[0].annotations).toEqual([a.annotation]);
    db.close();
  });

  it('an old note without annotations stays without the field when re-saved', async () => {
    const db = await openNotesDb(dbName());
    await saveArticle(db, { article: people });
    const again = await saveArticle(db, { article: people });
    expect('annotations' in again.note).toBe(false);
    db.close();
  });

  it('refuses a malformed highlight or an unknown one, and changes nothing', async () => {
    const db = await openNotesDb(dbName());
    const { note, annotation } = await annotateArticle(db, { article: gscn, annotation: highlight(gscn, 3, 4) });
    const before = await allNotes(db);
    const bad = { ...highlight(gscn, 3, 4), color: 'red' } as unknown as AnnotationInput;
    await expect(annotateArticle(db, { article: gscn, annotation: bad })).rejects.toMatchObject({
      code: 'failed',
      key: 'writeBadAnnotation',
    });
    const empty = highlight(gscn, 3, 0);
    await expect(annotateArticle(db, { article: gscn, annotation: empty })).rejects.toMatchObject({
      key: 'writeBadAnnotation',
    });
    // What an import would refuse, a write refuses too (one check, annotation-checks.ts): a blank quote, half a
    // surrogate pair, an offset beyond MAX_POSITION.
    const [quote, position] = highlight(gscn, 3, 4).target.selector;
    for (const selector of [
      [{ ...quote, exact: '  ' }, position],
      [{ ...quote, exact: '\ud83d' }, position],
      [quote, { ...position, end: MAX_POSITION + 1 }],
    ]) {
      const annotation = { ...highlight(gscn, 3, 4), target: { selector } } as AnnotationInput;
      await expect(annotateArticle(db, { article: gscn, annotation })).rejects.toMatchObject({
        key: 'writeBadAnnotation',
      });
    }
    await expect(updateAnnotation(db, note.id, 'nope', { bodyValue: 'x' })).rejects.toMatchObject({
      key: 'writeNoAnnotation',
    });
    await expect(updateAnnotation(db, 'gone', annotation.id, { bodyValue: 'x' })).rejects.toMatchObject({
      key: 'writeNoNote',
    });
    await expect(
      updateAnnotation(db, note.id, annotation.id, { color: 'black' as unknown as 'blue' }),
    ).rejects.toMatchObject({ key: 'writeBadAnnotation' });
    await expect(removeAnnotation(db, 'gone', annotation.id)).rejects.toMatchObject({ key: 'writeNoNote' });
    expect(await allNotes(db)).toEqual(before);
    db.close();
  });
});
