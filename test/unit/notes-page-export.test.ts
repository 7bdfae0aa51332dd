// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { strFromU8, unzipSync } from 'fflate';
import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/extract/article';
import { App } from '../../src/notes/App';
import { allNotes, openNotesDb, type NotesDb } from '../../src/notes/db';
import { NotesIndex } from '../../src/notes/search';
import type { NotesServices } from '../../src/notes/services';
import { saveArticle } from '../../src/notes/write';
import { dbName } from './notes-helpers';
import { solidPng } from './solid-png';

// The export buttons of the notes page (LibraryTools, NoteView) on a library in fake-indexeddb, with archived images
// put into the `assets` store as the save path stores them. UI strings as `key|sub1|sub2`.
vi.mock('webextension-polyfill', () => ({
  default: { i18n: { getMessage: (k: string, s?: string | string[]) => [k, ...[s ?? []].flat()].join('|') } },
}));

const IMG = 'https://a.cn/img/社区 (1).png';
const article = (n: number, title: string, body: string): Article => ({
  isArticle: true,
  confidence: 1,
  url: `https://a.cn/a/${n}`,
  canonicalUrl: `https://a.cn/a/${n}`,
  siteName: 'a.cn',
  title,
  published: `2026-01-0${n}T08:00:00+08:00`,
  source: null,
  authors: [],
  editors: [],
  section: [],
  lang: 'zh-CN',
  excerpt: '',
  contentHtml: body,
  textContent: title,
  charCount: 10,
  readingMinutes: 1,
  images: [],
  rule: 'generic',
  nextPageUrl: null,
});

function fakeServices(db: NotesDb) {
  const downloads: { name: string; data: string | Uint8Array | Blob }[] = [];
  const services: NotesServices = {
    openDb: async () => db,
    send: (async () => null) as unknown as NotesServices['send'],
    startSearch(library, onEvent) {
      const index = new NotesIndex();
      const built = allNotes(library).then((all) => {
        index.addAll(all);
        onEvent({ type: 'ready', ms: 0, sinceStart: 0, fromSnapshot: false, size: all.length });
      });
      return { search: async (q) => (await built, { hits: index.hits(q), forms: index.queryForms(q) }), close() {} };
    },
    watchLibrary: () => () => {},
    download: (name, data) => void downloads.push({ name, data }),
  };
  return { services, downloads };
}

async function until<T>(probe: () => T, what: string, ms = 5000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('notes page exports', () => {
  const root = document.createElement('div');
  document.body.append(root);
  afterEach(() => render(null, root));
  const $ = (sel: string) => root.querySelector<HTMLElement>(sel);

  it('导出 HTML for the list and the open note; Markdown zips a note with archived images', async () => {
    const db = await openNotesDb(dbName());
    const png = solidPng(2, 2, [1, 2, 3]);
    const withImage = await saveArticle(db, { article: article(1, '有图', `<p>正文</p><img src="${IMG}" alt="图">`) });
    await saveArticle(db, { article: article(2, '无图', '<p>只有文字</p>') });
    const blob = new NodeBlob([png], { type: 'image/png' }) as Blob;
    await db.put('assets', {
      noteId: withImage.note.id,
      url: new URL(IMG).href,
      type: 'image/png',
      bytes: 4,
      blob,
      fetchedAt: '',
    });
    const { services, downloads } = fakeServices(db);
    render(h(App, { services }), root);
    await until(() => root.querySelectorAll('#note-list li').length === 2 && $('#export-html'), 'the list');

    $('#export-html')!.click();
    const all = await until(() => downloads[0], 'the HTML of the list');
    expect(all.name).toMatch(/^notesFilePrefix-\d{4}-\d{2}-\d{2}\.html$/);
    const doc = new DOMParser().parseFromString(all.data as string, 'text/html');
    expect(Array.from(doc.querySelectorAll('.toc a')).map((a) => a.textContent)).toEqual(['无图', '有图']);
    expect(doc.querySelector('.body img')?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect($('.notice')?.textContent ?? root.textContent).toContain('notesExportedHtml|2');

    // The open note: 导出 HTML gives its own file; 导出 Markdown a zip with its image, as the note has one archived.
    (root.querySelectorAll('#note-list li button')[1] as HTMLElement).click();
    await until(() => $('#note-export-html'), 'the open note');
    $('#note-export-html')!.click();
    const one = await until(() => downloads[1], 'the HTML of the note');
    expect(one.name).toBe('2026-01-01 有图.html');
    expect(one.data).toContain('<title>有图</title>');
    Array.from(root.querySelectorAll<HTMLElement>('.note-actions button'))
      .find((b) => b.textContent === 'notesExportMarkdown')!
      .click();
    const md = await until(() => downloads[2], 'the Markdown of the note');
    expect(md.name).toBe('2026-01-01 有图.zip');
    const zip = unzipSync(md.data as Uint8Array);
    expect(zip['assets/2026-01-01 有图/社区 (1).png']).toEqual(png);
    expect(strFromU8(zip['2026-01-01 有图.md'])).toContain('![图](assets/2026-01-01%20有图/社区%20%281%29.png)');
  });
});
