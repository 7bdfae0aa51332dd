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
});
