import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/cli/dom';
import { decodeHtml } from '../../src/extract/decode';
import { extractArticle } from '../../src/extract/index';
import { printEdition, type PrintEdition } from '../../src/extract/print-edition';
import type { Article } from '../../src/extract/article';
import { allNotes, openNotesDb, type NotesDb } from '../../src/notes/db';
import { exportCitations, exportJson } from '../../src/notes/export';
import { ImportError, parseNotesExport } from '../../src/notes/import';
import { noteQuoteCitation } from '../../src/notes/note-citation';
import { annotateArticle, clearNotes, importNotes, saveArticle } from '../../src/notes/write';
import type { Note } from '../../src/shared/notes-types';
import { annotationOn } from './annotation-helpers';
import { corpusArticle, dbName } from './notes-helpers';

// A saved note keeps the print edition (版次) its page credits (Note.printEdition), and every citation the notes page
// makes from it (导出引文 BibTeX/RIS/CSL-JSON, 复制引用) is the printed article's, as the live page's: corpus people-2,
// a 人民日报 04版 reprint on finance.people.com.cn (`《 人民日报 》（ 2024年05月10日   04 版）`).
const PEOPLE_2 = 'test/fixtures/corpus/pages/people-2.html';
const URL_PEOPLE_2 = 'http://finance.people.com.cn/n1/2024/0510/c1004-40232587.html';
const ACCESSED = new Date('2026-12-05T02:00:00Z');

let db: NotesDb;
let article: Article;
let print: PrintEdition;

beforeAll(async () => {
  db = await openNotesDb(dbName());
  // what the content script does on the page: the Article and, beside it, the print edition
  const doc = parseDocument(decodeHtml(readFileSync(PEOPLE_2)).html, URL_PEOPLE_2);
  article = extractArticle(doc, URL_PEOPLE_2);
  print = printEdition(doc)!;
  expect(print).toEqual({ newspaper: '人民日报', date: '2024-05-10', page: '04' });
});

/** A saved note of people-2 (the library is emptied first). */
async function savedPeople2(withPrint: boolean): Promise<Note> {
  await clearNotes(db);
  return (await saveArticle(db, { article, print: withPrint ? print : null, now: ACCESSED })).note;
}

describe('the note keeps the print edition', () => {
  it('is written by a save, kept by a save that brings none, replaced by a new one; a malformed one is not kept', async () => {
    const saved = await savedPeople2(true);
    expect(saved.printEdition).toEqual(print);
    expect((await allNotes(db))[0].printEdition).toEqual(print);
    expect((await saveArticle(db, { article })).note.printEdition).toEqual(print);
    const other = { newspaper: '人民日报海外版', date: '2024-05-11', page: '3' };
    expect((await saveArticle(db, { article, print: other })).note.printEdition).toEqual(other);
    const bad = { newspaper: '人民日报', date: '2024-02-30', page: '04' };
    expect((await saveArticle(db, { article, print: bad })).note.printEdition).toEqual(other);
  });

  it('a page without one saves a note without the field; a highlight saves it with the article', async () => {
    const gscn = await corpusArticle('corpus/pages/gscn-1.html', 'http://gansu.gscn.com.cn/system/2020/03/15/1.shtml');
    expect('printEdition' in (await saveArticle(db, { article: gscn, print: null })).note).toBe(false);
    await clearNotes(db);
    const annotation = annotationOn(article.textContent, article.textContent.slice(0, 12));
    const r = await annotateArticle(db, { article, annotation, print });
    expect(r.status).toBe('created');
    expect(r.note.printEdition).toEqual(print);
  });
});

describe('JSON import of the print edition', () => {
  it('export → import keeps it losslessly; a note without it imports as it was', async () => {
    const withPrint = await savedPeople2(true);
    const gscn = await corpusArticle('corpus/pages/gscn-1.html', 'http://gansu.gscn.com.cn/system/2020/03/15/1.shtml');
    const without = (await saveArticle(db, { article: gscn })).note;
    const notes = await allNotes(db);
    const parsed = parseNotesExport(exportJson(notes));
    expect(parsed.find((n) => n.id === withPrint.id)!.printEdition).toEqual(print);
    expect('printEdition' in parsed.find((n) => n.id === without.id)!).toBe(false);
    await clearNotes(db);
    await importNotes(db, parsed);
    expect(await allNotes(db)).toEqual(notes);
  });

  const bad: [string, unknown, string][] = [
    ['null', null, 'printEdition'],
    ['a string', '人民日报 04版', 'printEdition'],
    ['no newspaper', { date: '2024-05-10', page: '04' }, 'printEdition.newspaper'],
    ['a newspaper with 《》', { newspaper: '《人民日报》', date: '2024-05-10', page: '04' }, 'printEdition.newspaper'],
    // a line break or tab, a run of spaces, a control character: parsePrintEdition makes none (it folds the page's
    // white space to one space), and GB/T 7714 and 复制引用 printed them as they are (a line break in a reference)
    ...['人民\r日报', '人民日报\u2028海外版', '人民\t日报', '人民  日报', '人民\u0000日报'].map(
      (newspaper): [string, unknown, string] => [
        `a newspaper ${JSON.stringify(newspaper)}`,
        { newspaper, date: '2024-05-10', page: '04' },
        'printEdition.newspaper',
      ],
    ),
    ['a day that does not exist', { newspaper: '人民日报', date: '2024-02-30', page: '04' }, 'printEdition.date'],
    ['a Chinese date', { newspaper: '人民日报', date: '2024年5月10日', page: '04' }, 'printEdition.date'],
    ['a page that is a number', { newspaper: '人民日报', date: '2024-05-10', page: 4 }, 'printEdition.page'],
    ['a page with 版', { newspaper: '人民日报', date: '2024-05-10', page: '第04版' }, 'printEdition.page'],
  ];
  for (const [what, value, field] of bad)
    it(`refuses a print edition that is ${what}, naming ${field}`, async () => {
      const note = await savedPeople2(true);
      const text = exportJson([{ ...note, printEdition: value as PrintEdition }]);
      let error: unknown;
      try {
        parseNotesExport(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).key).toBe('importNoteField');
      expect((error as ImportError).subs).toEqual(['1', field]);
    });
});

describe('citations made from a note', () => {
  const gbtN = () => `[1] 王乐文, 方敏. ${article.title}[N]. 人民日报, 2024-05-10(04).`;

  it('导出引文: BibTeX, RIS and CSL-JSON cite the printed article, as the live page', async () => {
    const note = await savedPeople2(true);
    const csl = JSON.parse(await exportCitations([note], 'csl-json'));
    expect(csl[0]).toMatchObject({ type: 'article-newspaper', 'container-title': '人民日报', page: '04' });
    expect(csl[0].issued).toEqual({ 'date-parts': [[2024, 5, 10]] });
    expect(await exportCitations([note], 'bibtex')).toMatch(
      /^@article\{[\s\S]*journaltitle = \{人民日报\}[\s\S]*pages = \{04\}/,
    );
    expect(await exportCitations([note], 'ris')).toMatch(/^TY {2}- NEWS[\s\S]*\nSP {2}- 04\n/);
  });

  it('复制引用: the quote and the GB/T 7714 [N] reference with the 版次', async () => {
    const note = await savedPeople2(true);
    const exact = article.textContent.slice(0, 12);
    expect(await noteQuoteCitation(annotationOn(article.textContent, exact), note)).toBe(`“${exact}”\n${gbtN()}`);
  });

  it('a note saved before print editions were kept cites the web page, as before', async () => {
    const note = await savedPeople2(false);
    expect('printEdition' in note).toBe(false);
    const exact = article.textContent.slice(0, 12);
    expect(await noteQuoteCitation(annotationOn(article.textContent, exact), note)).toMatch(
      /\[EB\/OL\]\. \(2024-05-10\)\[2026-12-05\]\. http:\/\/finance\.people\.com\.cn\//,
    );
    expect(await exportCitations([note], 'ris')).toMatch(/^TY {2}- ELEC/);
    expect(await exportCitations([note], 'ris')).not.toMatch(/\nSP {2}- /);
  });
});
