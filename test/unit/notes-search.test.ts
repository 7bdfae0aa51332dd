import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { allNotes, openNotesDb } from '../../src/notes/db';
import { snippetAround } from '../../src/notes/annotations';
import { highlight, NotesIndex } from '../../src/notes/search';
import { termCode, termsOf, tokenize } from '../../src/notes/tokenize';
import type { Note } from '../../src/shared/notes-types';
import { deleteNote, editNote, importNotes, saveArticle } from '../../src/notes/write';
import { corpusArticle, dbName } from './notes-helpers';

let notes: Note[];
let index: NotesIndex;
const byTitle = (ids: string[]) => ids.map((id) => notes.find((n) => n.id === id)!.article.title);

beforeAll(async () => {
  const db = await openNotesDb(dbName());
  const g = await saveArticle(db, {
    article: await corpusArticle('corpus/pages/gscn-1.html', 'http://gansu.gscn.com.cn/system/2020/03/15/1.shtml'),
  });
  await editNote(db, g.note.id, { note: '兰州工业史料', tags: ['工业'] });
  for (const [file, url] of [
    ['corpus/pages/people-1.html', 'http://people.com.cn/1'],
    ['corpus/pages/163-1.html', 'http://163.com/1'],
    ['corpus/pages/sina-1.html', 'http://sina.com.cn/1'],
  ])
    await saveArticle(db, {
      article: await corpusArticle(file, url),
      quote: file.includes('sina') ? 'Hello World 引用' : undefined,
    });
  notes = await allNotes(db);
  index = new NotesIndex();
  index.addAll(notes);
  db.close();
});

describe('tokenize', () => {
  it('splits CJK runs into overlapping bigrams and keeps Latin words whole', () => {
    expect(tokenize('兰州齿轮厂 GDP增长5%')).toEqual(['兰州', '州齿', '齿轮', '轮厂', 'gdp', '增长', '5']);
  });
});

describe('termsOf', () => {
  it('gives the distinct terms tokenize and termCode give, on every note field and on mixed scripts', () => {
    const slow = (text: string) => {
      const terms = Array.from(new Set(tokenize(text)));
      return {
        codes: terms.map(termCode).filter(Boolean).sort(),
        words: terms.filter((t) => !termCode(t)).sort(),
      };
    };
    const texts = [
      ...notes.flatMap((n) => [n.article.title, n.article.textContent, n.note]),
      '兰州齿轮厂 GDP增长5% 𠀋𠀌字 한국어 カタカナ 齿',
    ];
    for (const text of texts) {
      const fast = termsOf(text);
      expect({ codes: Array.from(fast.codes).sort(), words: (fast.words ? fast.words.split(' ') : []).sort() }).toEqual(
        slow(text),
      );
    }
  });
});

describe('Chinese search', () => {
  it('齿轮厂 finds the gscn-1 note (a word in its body) and nothing without it', () => {
    const ids = index.search('齿轮厂');
    expect(ids.length).toBe(1);
    expect(notes.find((n) => n.id === ids[0])!.article.textContent).toContain('齿轮厂');
    // Result rows come from fields stored in the index (no IndexedDB read per hit).
    const g = notes.find((n) => n.id === ids[0])!;
    expect(index.hits('齿轮厂')).toEqual([
      {
        id: g.id,
        title: g.article.title,
        site: g.site,
        published: g.article.published,
        createdAt: g.createdAt,
        tags: ['工业'],
        userNote: '兰州工业史料',
      },
    ]);
  });

  it('every hit contains the query, for words from each note body', () => {
    for (const n of notes) {
      const word = n.article.textContent.replace(/\s/g, '').slice(20, 24);
      const ids = index.search(word);
      expect(ids).toContain(n.id);
      for (const id of ids) {
        const hit = notes.find((x) => x.id === id)!;
        expect(hit.article.textContent.replace(/\s/g, '') + hit.article.title).toContain(word);
      }
    }
  });

  it('a query in traditional characters also searches its simplified form (OpenCC, as the worker does)', async () => {
    const OpenCC = await import('opencc-js/t2cn');
    const copy = NotesIndex.fromSnapshot(index.toSnapshot(1));
    expect(copy.search('齒輪廠')).toEqual([]);
    const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
    copy.variants = (q) => [toSimplified(q)];
    expect(copy.queryForms('齒輪廠')).toEqual(['齒輪廠', '齿轮厂']);
    expect(copy.queryForms('齿轮厂')).toEqual(['齿轮厂']);
    expect(copy.search('齒輪廠')).toEqual(index.search('齿轮厂'));
    expect(copy.search('齒輪廠 量子纠缠计算机')).toEqual([]);
  });

  it('searches the user note, tags, quotes and metadata; a missing word finds nothing', () => {
    expect(byTitle(index.search('工业史料')).length).toBe(1);
    expect(index.search('工业').length).toBeGreaterThan(0);
    expect(index.search('hello world').length).toBe(1);
    expect(index.search('中国甘肃网').length).toBeGreaterThan(0);
    expect(index.search('量子纠缠计算机')).toEqual([]);
    expect(index.search('  ')).toEqual([]);
  });

  it('a lone CJK character matches the bigrams that hold it, first or second', () => {
    const g = notes.find((n) => n.article.textContent.includes('齿轮厂'))!;
    expect(index.search('齿')).toContain(g.id);
    expect(index.search('厂')).toContain(g.id);
    expect(index.search('齾')).toEqual([]);
  });

  it('ranks notes holding every term in the title above notes holding them only in the body', () => {
    const word = notes[0].article.title.slice(0, 3);
    const ids = index.search(word);
    expect(ids[0]).toBe(notes[0].id);
  });

  it('survives a snapshot round trip and follows edits and removals', () => {
    const copy = NotesIndex.fromSnapshot(index.toSnapshot(1));
    expect(copy.search('齿轮厂')).toEqual(index.search('齿轮厂'));
    const g = notes.find((n) => n.article.textContent.includes('齿轮厂'))!;
    copy.put({ ...g, note: '新的批注内容' });
    expect(copy.search('新的批注')).toEqual([g.id]);
    copy.remove(g.id);
    expect(copy.search('齿轮厂')).toEqual([]);
    // Removed notes' postings are dropped at the next add, and the rest still answer.
    copy.put(notes[1]);
    expect(copy.search('新的批注')).toEqual([]);
    expect(copy.size).toBe(notes.length - 1);
    expect(NotesIndex.fromSnapshot(copy.toSnapshot(2)).search('hello world')).toEqual(index.search('hello world'));
    // A short note added to a large index is kept aside (not merged) and is found, also after a snapshot.
    const short = {
      ...g,
      id: 'short',
      note: '',
      quotes: [],
      article: { ...g.article, title: '短讯', textContent: '齿轮厂' },
    };
    copy.put(short);
    expect(copy.search('齿轮厂')).toEqual(['short']);
    expect(NotesIndex.fromSnapshot(copy.toSnapshot(3)).search('齿轮厂')).toEqual(['short']);
  });
});

describe('highlight', () => {
  it('marks every occurrence of the typed terms', () => {
    expect(highlight('兰州齿轮厂是齿轮厂', '齿轮厂')).toEqual([
      { text: '兰州', hit: false },
      { text: '齿轮厂', hit: true },
      { text: '是', hit: false },
      { text: '齿轮厂', hit: true },
    ]);
    expect(
      highlight('GDP 增长', 'gdp')
        .filter((p) => p.hit)
        .map((p) => p.text),
    ).toEqual(['GDP']);
    expect(snippetAround('a'.repeat(100) + '齿轮厂' + 'b'.repeat(100), /齿轮厂/iu, 10)).toBe(
      `…${'a'.repeat(10)}齿轮厂${'b'.repeat(17)}…`,
    );
  });
});

describe('search index snapshot', () => {
  it('is reused while the library revision is unchanged, brought up to date after writes, rebuilt when corrupt', async () => {
    const { loadIndex } = await import('../../src/notes/search-cache');
    const db = await openNotesDb(dbName());
    const a = await saveArticle(db, { article: notes[0].article });
    // (a new library's upgrade stored an empty snapshot: the save is added to it)
    const first = await loadIndex(db);
    expect(first.from).toBe('snapshot+rows');
    const again = await loadIndex(db);
    expect(again.from).toBe('snapshot');
    expect(again.index.search('齿轮厂')).toEqual(first.index.search('齿轮厂'));
    await saveArticle(db, { article: notes[1].article });
    await deleteNote(db, a.note.id);
    const after = await loadIndex(db);
    expect(after.from).toBe('snapshot+rows');
    expect(after.index.ids()).toEqual([(await allNotes(db))[0].id]);
    await db.put('meta', { revision: 0, docs: [], termCodes: new Uint32Array(3) }, 'searchSnapshot');
    const rebuilt = await loadIndex(db);
    expect(rebuilt.from).toBe('rows');
    expect(rebuilt.index.size).toBe(1);
    db.close();
  });

  it('an import extends the snapshot with the rows it wrote, when the snapshot was current or the library empty', async () => {
    const { loadIndex, snapshotAfterImport } = await import('../../src/notes/search-cache');
    const db = await openNotesDb(dbName());
    const first = await importNotes(db, [notes[0]]);
    expect(await snapshotAfterImport(db, first)).toBe(true);
    const a = await loadIndex(db);
    expect(a.from).toBe('snapshot');
    expect(a.index.search(notes[0].article.title)).toEqual(first.ids);
    const second = await importNotes(db, [notes[1], notes[2]]);
    expect(await snapshotAfterImport(db, second)).toBe(true);
    const b = await loadIndex(db);
    expect(b.from).toBe('snapshot');
    expect(b.index.size).toBe(3);
    // A write between the snapshot and the import: the page brings the snapshot up to date instead.
    await saveArticle(db, { article: notes[3].article });
    const third = await importNotes(db, [{ ...notes[3], canonicalUrl: 'http://other.example/' }]);
    expect(await snapshotAfterImport(db, third)).toBe(false);
    const c = await loadIndex(db);
    expect(c.from).toBe('snapshot+rows');
    expect(c.index.size).toBe(5);
    db.close();
  });
});
