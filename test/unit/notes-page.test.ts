// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/extract/article';
import { App } from '../../src/notes/App';
import { allNotes, openNotesDb, type NotesDb } from '../../src/notes/db';
import { NO_FILTERS } from '../../src/notes/library';
import { chunks, foundCount, searchRows } from '../../src/notes/rows';
import { NotesIndex, type SearchHit } from '../../src/notes/search';
import type { NotesServices } from '../../src/notes/services';
import type { Note } from '../../src/shared/notes-types';
import { deleteNote, restoreNote, saveArticle } from '../../src/notes/write';
import { dbName } from './notes-helpers';

// UI strings as `key|sub1|sub2`, so a test can tell which message the page shows and with what.
vi.mock('webextension-polyfill', () => ({
  default: { i18n: { getMessage: (k: string, s?: string | string[]) => [k, ...[s ?? []].flat()].join('|') } },
}));

const hit = (id: string, site: string, createdAt: string, tags: string[] = []): SearchHit => ({
  id,
  title: id,
  site,
  published: null,
  createdAt,
  tags,
  userNote: '',
});

describe('notes list logic (rows.ts)', () => {
  it('searchRows keeps the rank order of the hits that pass the filters, at most limit', () => {
    const hits = [
      hit('c', 'b.cn', '2026-01-03T00:00:00Z'),
      hit('a', 'a.cn', '2026-01-01T00:00:00Z', ['x']),
      hit('b', 'a.cn', '2026-01-02T00:00:00Z'),
    ];
    expect(searchRows(hits, NO_FILTERS, 10).map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(searchRows(hits, { ...NO_FILTERS, site: 'a.cn' }, 10).map((r) => r.id)).toEqual(['a', 'b']);
    expect(searchRows(hits, { ...NO_FILTERS, tag: 'x' }, 10).map((r) => r.id)).toEqual(['a']);
    expect(searchRows(hits, { ...NO_FILTERS, from: '2026-01-02' }, 10).map((r) => r.id)).toEqual(['c', 'b']);
    expect(searchRows(hits, NO_FILTERS, 2).map((r) => r.id)).toEqual(['c', 'a']);
  });

  it('foundCount adds + only when the screen is full', () => {
    expect(foundCount(3, 40)).toBe('3');
    expect(foundCount(40, 40)).toBe('40+');
  });

  it('chunks splits in order into runs of at most size, and nothing for an empty list', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([1, 2], 2)).toEqual([[1, 2]]);
    expect(chunks([], 200)).toEqual([]);
  });
});

const article = (n: number, site: string, title: string): Article => ({
  isArticle: true,
  confidence: 1,
  url: `https://${site}/a/${n}`,
  canonicalUrl: `https://${site}/a/${n}`,
  siteName: site,
  title,
  published: `2026-01-0${n}T08:00:00+08:00`,
  source: null,
  authors: [],
  editors: [],
  section: [],
  lang: 'zh-CN',
  excerpt: '',
  contentHtml: `<p>${title}的正文。</p>`,
  textContent: `${title}的正文。`,
  charCount: 10,
  readingMinutes: 1,
  images: [],
  rule: 'generic',
  nextPageUrl: null,
});

/**
 * Services of a page without an extension: the library in fake-indexeddb, writes applied directly (as the background
 * would) and announced to the page, the real search index built in-process, downloads recorded.
 */
function fakeServices(db: NotesDb) {
  const sent: [string, unknown][] = [];
  const downloads: { name: string; data: string | Uint8Array | Blob }[] = [];
  let changed = () => {};
  const send = async (name: string, data: unknown) => {
    sent.push([name, data]);
    if (name === 'notesDelete') await deleteNote(db, (data as { id: string }).id);
    if (name === 'notesRestore') await restoreNote(db, (data as { note: Note }).note);
    changed();
    return null;
  };
  const services: NotesServices = {
    openDb: async () => db,
    send: send as NotesServices['send'],
    startSearch(library, onEvent) {
      const index = new NotesIndex();
      const built = allNotes(library).then((all) => {
        index.addAll(all);
        onEvent({ type: 'ready', ms: 0, sinceStart: 0, fromSnapshot: false, size: all.length });
      });
      return { search: async (q) => (await built, { hits: index.hits(q), forms: index.queryForms(q) }), close() {} };
    },
    watchLibrary: (onChange) => {
      changed = onChange;
      return () => {
        changed = () => {};
      };
    },
    download: (name, data) => void downloads.push({ name, data }),
  };
  return { services, sent, downloads };
}

/** Wait until `probe` returns a truthy value (the page loads from IndexedDB asynchronously). */
async function until<T>(probe: () => T, what: string, ms = 3000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('notes page with its services passed in', () => {
  const root = document.createElement('div');
  document.body.append(root);
  afterEach(() => render(null, root));
  const $ = (sel: string) => root.querySelector<HTMLElement>(sel);
  const titles = () => Array.from(root.querySelectorAll('#note-list li h2')).map((e) => e.textContent);
  const setValue = (sel: string, value: string, type: 'change' | 'input') => {
    const el = $(sel) as HTMLInputElement;
    el.value = value;
    el.dispatchEvent(new Event(type, { bubbles: true }));
  };

  it('lists, filters, searches, exports, deletes with undo, without a background', async () => {
    const db = await openNotesDb(dbName());
    await saveArticle(db, { article: article(1, 'a.cn', '齿轮厂社区关爱老人'), now: new Date('2026-01-01T00:00:00Z') });
    await saveArticle(db, { article: article(2, 'b.cn', '兰州春季植树'), now: new Date('2026-01-02T00:00:00Z') });
    const { services, sent, downloads } = fakeServices(db);
    render(h(App, { services }), root);

    await until(() => titles().length === 2, 'the list');
    expect(titles()).toEqual(['兰州春季植树', '齿轮厂社区关爱老人']); // newest first
    // (the count is read after the rows are on screen: use-library.ts loadCounts)
    await until(() => $('#count')!.textContent === 'notesTotal|2', 'the count');
    await until(() => $('.index-state')!.dataset.state === 'ready', 'the index');

    setValue('#filter-site', 'a.cn', 'change');
    await until(() => titles().length === 1, 'the site filter');
    expect(titles()).toEqual(['齿轮厂社区关爱老人']);
    setValue('#filter-site', '', 'change');
    await until(() => titles().length === 2, 'no filter');

    setValue('#search', '植树', 'input');
    await until(() => $('#count')!.dataset.mode === 'search' && titles().length === 1, 'the search');
    expect(titles()).toEqual(['兰州春季植树']);
    expect($('#count')!.textContent).toBe('notesFound|1');
    expect(Array.from(root.querySelectorAll('#note-list mark')).map((m) => m.textContent)).toContain('植树');

    $('#export-md')!.click();
    await until(() => downloads.length === 1, 'the Markdown export of the search');
    expect(downloads[0].name).toMatch(/\.md$/); // one note selected: one file, not a zip
    setValue('#search', '', 'input');
    await until(() => titles().length === 2, 'the whole list again');
    $('#export-json')!.click();
    await until(() => downloads.length === 2, 'the JSON export');
    expect(
      JSON.parse(await (downloads[1].data as Blob).text())
        .notes.map((n: Note) => n.article.title)
        .sort(),
    ).toEqual(['兰州春季植树', '齿轮厂社区关爱老人']);

    const planting = (await allNotes(db)).find((n) => n.article.title === '兰州春季植树')!;
    (root.querySelector('#note-list li') as HTMLElement).click();
    await until(() => $('.note-view h1')?.textContent === '兰州春季植树', 'the open note');
    $('#note-delete')!.click();
    await until(() => $('#undo'), 'the undo button');
    expect(sent).toEqual([['notesDelete', { id: planting.id }]]);
    await until(() => titles().length === 1, 'the list after the deletion');
    await until(() => $('#count')!.textContent === 'notesTotal|1', 'the count after the deletion');
    expect($('#notice')!.textContent).toContain('notesDeleted|兰州春季植树');
    $('#undo')!.click();
    await until(() => titles().length === 2, 'the restored note');
    await until(() => $('#count')!.textContent === 'notesTotal|2', 'the count after the undo');
    expect(sent.map(([name]) => name)).toEqual(['notesDelete', 'notesRestore']);
    db.close();
  });
});
