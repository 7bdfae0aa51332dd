// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNotesDb, type NotesDb } from '../../src/notes/db';
import { dataUri, exportHtml, HTML_EXPORT_CSP, type Label } from '../../src/notes/export-html';
import type { Asset, Note } from '../../src/shared/notes-types';
import { dbName } from './notes-helpers';
import { solidPng } from './solid-png';
import { annotationOn, withAnnotations } from './annotation-helpers';

/** The zh_CN strings the notes page would pass (`$1` substituted), so the file is checked with its real labels. */
const zh = JSON.parse(readFileSync('public/_locales/zh_CN/messages.json', 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;
const label: Label = (key, subs) => {
  const m = zh[key];
  if (!m) throw new Error(`no message ${key}`);
  const values = [subs ?? []].flat();
  return m.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
    const n = Number(m.placeholders?.[name]?.content.slice(1));
    return values[n - 1] ?? '';
  });
};

const IMG_A = 'http://img.gscn.com.cn/a 1.png';
// Sources as bodies have them (a space, a relative path with Chinese); the archive keys its copies by the absolute,
// encoded URL (image-urls.ts archivableUrl), which the export must resolve them to.
const IMG_B = '/图片/b.png';
const ARTICLE_URL = 'http://gansu.gscn.com.cn/system/2020/03/15/n1.shtml';
const key = (src: string) => new URL(src, ARTICLE_URL).href;
const IMG_GONE = 'http://img.gscn.com.cn/gone.jpg';
const IMG_HTML = 'http://img.gscn.com.cn/error-page.png';
const HOSTILE =
  '<p onclick="alert(1)">第一段　齿轮厂社区</p><script>alert("s")</script>' +
  `<p><img src="${IMG_A}" alt="社区志愿者" onerror="alert(2)"></p>` +
  `<figure><img src="${IMG_B}" alt="第二张"><figcaption>图注</figcaption></figure>` +
  `<p><img src="${IMG_GONE}" alt="未存档"><img src="${IMG_HTML}" alt="不是图片"></p>` +
  '<p><a href="javascript:alert(3)">坏链接</a> <a href="http://www.gscn.com.cn/">好链接</a></p>' +
  '<iframe src="http://evil.example/"></iframe><form action="http://evil.example/"><input name="q"></form>' +
  '<svg><script>alert(4)</script><image href="http://evil.example/x.png"></image></svg>' +
  '<style>body{background:url(http://evil.example/bg.png)}</style>' +
  '<table background="http://evil.example/t.png"><tr><td>表</td></tr></table>' +
  '<picture><source srcset="http://evil.example/s.webp"><img src="' +
  IMG_A +
  '" alt="picture 里的图"></picture>';

const at = '2026-12-05T08:30:00.000Z';
function note(id: string, title: string, contentHtml: string, extra: Partial<Note> = {}): Note {
  return {
    id,
    canonicalUrl: `http://gansu.gscn.com.cn/system/2020/03/15/${id}.shtml`,
    site: '中国甘肃网',
    accessedAt: at,
    textSha256: 'a'.repeat(64),
    note: '',
    tags: [],
    quotes: [],
    createdAt: at,
    updatedAt: at,
    article: {
      isArticle: true,
      confidence: 1,
      url: `http://gansu.gscn.com.cn/system/2020/03/15/${id}.shtml`,
      canonicalUrl: null,
      siteName: '中国甘肃网',
      title,
      published: '2020-03-15T10:13:00+08:00',
      source: '兰州晚报',
      authors: ['漆琳'],
      editors: ['王雪'],
      section: [],
      lang: 'zh-CN',
      excerpt: '',
      contentHtml,
      textContent: '',
      charCount: 0,
      readingMinutes: 1,
      images: [],
      rule: 'generic',
      nextPageUrl: null,
    },
    ...extra,
  };
}

const PNG_A = solidPng(4, 3, [200, 30, 30]);
const PNG_B = solidPng(2, 2, [30, 30, 200]);
const asset = (noteId: string, url: string, bytes: Uint8Array, type = 'image/png'): Asset => ({
  noteId,
  url,
  type,
  bytes: bytes.length,
  // Node's Blob: fake-indexeddb clones it as a browser's IndexedDB does (happy-dom's comes back without arrayBuffer)
  blob: new NodeBlob([bytes], { type }) as Blob,
  fetchedAt: at,
});

let db: NotesDb;
const hostile = note('n1', '标题<img src=x onerror=alert(5)>', HOSTILE, {
  note: '我的笔记：<b>不是标签</b>\n第二行',
  tags: ['工业', '社区'],
  quotes: [{ text: '一段摘录 <script>', savedAt: at }],
});
beforeAll(async () => {
  db = await openNotesDb(dbName());
  for (const a of [
    asset('n1', key(IMG_A), PNG_A),
    asset('n1', key(IMG_B), PNG_B),
    asset('n1', IMG_HTML, new TextEncoder().encode('<html>404</html>'), 'text/html'),
    asset('other', IMG_GONE, PNG_A),
  ])
    await db.put('assets', a);
});

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('single-file HTML export', () => {
  it('carries no script, no handler, no javascript: URL and nothing that loads from the network', async () => {
    const html = await exportHtml(db, [hostile], { label, now: new Date(at) });
    // (the title and the quote hold such text too, escaped: only markup counts, i.e. inside a `<…>`)
    expect(html).not.toMatch(/<script|<iframe|<form|<input|<style>body|<[^>]*\son[a-z]+\s*=|<[^>]*javascript:/i);
    expect(html).not.toContain('evil.example');
    for (const el of Array.from(parse(html).querySelectorAll('*')))
      expect(el.getAttributeNames().filter((a) => /^on/i.test(a))).toEqual([]);
    const doc = parse(html);
    expect(doc.querySelectorAll('script, iframe, form, object, embed, link, base, source').length).toBe(0);
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      for (const attr of ['srcset', 'poster', 'background']) expect(el.hasAttribute(attr)).toBe(false);
      if (el.hasAttribute('src')) expect(el.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      if (el.hasAttribute('href')) expect(el.getAttribute('href')).toMatch(/^(https?:\/\/|#note-)/);
    }
    // The title with markup in it is text, in the <title> and the heading.
    expect(doc.title).toBe('标题<img src=x onerror=alert(5)>');
    expect(doc.querySelector('h1')?.textContent).toBe('标题<img src=x onerror=alert(5)>');
    expect(doc.querySelector('.user-note')?.textContent).toContain('我的笔记：<b>不是标签</b>\n第二行');
  });

  it('declares the strict CSP first thing in its head', async () => {
    const html = await exportHtml(db, [hostile], { label, now: new Date(at) });
    const head = parse(html).head;
    expect(head.children[0].outerHTML).toBe('<meta charset="utf-8">');
    expect(head.children[1].getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(head.children[1].getAttribute('content')).toBe(HTML_EXPORT_CSP);
    expect(HTML_EXPORT_CSP).toMatch(/^default-src 'none'; img-src data:; style-src 'unsafe-inline'/);
  });

  it('inlines the archived images from their bytes and marks the others with their address', async () => {
    const doc = parse(await exportHtml(db, [hostile], { label, now: new Date(at) }));
    const imgs = Array.from(doc.querySelectorAll('.body img'));
    expect(imgs.map((i) => i.getAttribute('alt'))).toEqual(['社区志愿者', '第二张', 'picture 里的图']);
    const bytes = (src: string) => Uint8Array.from(atob(src.split(',')[1]), (c) => c.charCodeAt(0));
    expect(bytes(imgs[0].getAttribute('src')!)).toEqual(PNG_A);
    expect(bytes(imgs[1].getAttribute('src')!)).toEqual(PNG_B);
    // Not archived for this note (another note's copy does not count), and an "image" that is an HTML error page.
    const missing = Array.from(doc.querySelectorAll('.missing-image'));
    expect(missing.map((m) => m.querySelector('a')?.getAttribute('href'))).toEqual([IMG_GONE, IMG_HTML]);
    expect(missing[0].textContent).toContain('图片未存档');
    expect(missing[0].textContent).toContain('未存档');
  });

  it('writes the metadata header: site, 来源, authors, published, URL, 访问日期, tags, note, quotes', async () => {
    const doc = parse(await exportHtml(db, [hostile], { label, now: new Date(at) }));
    const meta = Object.fromEntries(
      Array.from(doc.querySelectorAll('.note-meta dt')).map((dt) => [
        dt.textContent,
        dt.nextElementSibling?.textContent,
      ]),
    );
    expect(meta).toEqual({
      网站: '中国甘肃网',
      来源: '兰州晚报',
      作者: '漆琳',
      编辑: '王雪',
      发布时间: '2020-03-15 10:13',
      网址: 'http://gansu.gscn.com.cn/system/2020/03/15/n1.shtml',
      访问日期: '2026-12-05 08:30 UTC',
      标签: '工业、社区',
    });
    expect(doc.querySelector('.quotes blockquote')?.textContent).toBe('一段摘录 <script>');
    expect(doc.querySelector('article')?.getAttribute('lang')).toBe('zh-CN');
    expect(doc.querySelector('footer')?.textContent).toContain('2026-12-05 08:30 UTC');
  });

  it('lists the highlights (标注) with colour, comment and time, all as text', async () => {
    const text = hostile.article.textContent;
    const note = withAnnotations(
      hostile,
      annotationOn(text, text.slice(0, 6), '批注 <img src=x onerror=alert(1)>\n第二行', 'green'),
      annotationOn(text, '<b>不在正文</b>', '', 'pink'),
    );
    const doc = parse(await exportHtml(db, [note], { label, now: new Date(at) }));
    const items = Array.from(doc.querySelectorAll('.annotations li'));
    expect(doc.querySelector('.annotations h2')?.textContent).toBe('标注');
    expect(items.map((li) => li.querySelector('blockquote')?.textContent)).toEqual([
      text.slice(0, 6),
      '<b>不在正文</b>',
    ]);
    expect(items[0].querySelector('.comment')?.textContent).toBe('批注 <img src=x onerror=alert(1)>\n第二行');
    expect(items[0].querySelector('.when')?.textContent).toContain('绿');
    expect(doc.querySelector('.annotations img, .annotations b')).toBeNull();
    // a note without highlights has no such section
    expect(
      parse(await exportHtml(db, [hostile], { label, now: new Date(at) })).querySelector('.annotations'),
    ).toBeNull();
  });

  it('gives several notes a collection title and a table of contents linking to each', async () => {
    const second = note('n2', '第二篇', '<p>第二篇正文</p>', { canonicalUrl: 'javascript:alert(6)' });
    const doc = parse(await exportHtml(db, [hostile, second], { label, now: new Date(at) }));
    expect(doc.title).toBe('清读笔记（2 篇）');
    const links = Array.from(doc.querySelectorAll('.toc a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#note-1', '#note-2']);
    for (const href of links) expect(doc.querySelector(href!)?.tagName).toBe('ARTICLE');
    expect(doc.querySelector('#note-2 h2')?.textContent).toBe('第二篇');
    // An imported note whose URL is no web address shows it as text, never as a link.
    expect(doc.querySelector('#note-2 .note-meta a')).toBeNull();
    expect(doc.querySelector('#note-2 .note-meta')?.textContent).toContain('javascript:alert(6)');
  });

  it('refuses an empty selection and inlines only image types', async () => {
    await expect(exportHtml(db, [], { label })).rejects.toThrow(/no notes/);
    expect(await dataUri(new Blob(['<svg/>']), 'text/html; charset=utf-8')).toBeNull();
    expect(await dataUri(new Blob([PNG_B as BlobPart]), 'IMAGE/PNG; x=1')).toMatch(/^data:image\/png;base64,iVBOR/);
  });
});
