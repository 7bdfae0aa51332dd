// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/extract/article';
import { App, type ReaderServices } from '../../src/reader/App';
import type { FollowingPage, StopReason } from '../../src/shared/parts';
import { pagesStopNote } from '../../src/reader/use-reader';
import { DEFAULT_READER_PREFS, type ReaderPrefs } from '../../src/shared/reader-prefs';

// UI strings as `key|sub1|sub2`, so a test can tell which message the reader shows and with what.
const t = (key: string, subs: string[] = []) => [key, ...subs].join('|');

const article: Article = {
  isArticle: true,
  confidence: 0.9,
  url: 'http://example.cn/a/1.html',
  canonicalUrl: null,
  siteName: '示例网',
  title: '简体标题',
  published: '2020-03-15T10:13:00+08:00',
  source: '示例网',
  authors: ['漆琳'],
  editors: [],
  section: [],
  lang: 'zh-CN',
  excerpt: '',
  contentHtml: '<p>第一页正文。</p>',
  textContent: '第一页正文。',
  charCount: 6,
  readingMinutes: 1,
  images: [],
  rule: 'generic',
  nextPageUrl: null,
};
const nothing: Article = { ...article, contentHtml: '', textContent: '' };

describe('reader following pages status (use-reader.ts pagesStopNote)', () => {
  it('names the pages read at the end and at the limit, and the next page when it stopped early', () => {
    const note = (stop: StopReason, error?: string) => pagesStopNote({ stop, pages: 2, error }, t);
    expect(note('end')).toBe('readerPagesDone|3');
    expect(note('limit')).toBe('readerPagesLimit|3');
    expect(note('loop')).toBe('readerPagesLoop|4');
    expect(note('cross-origin')).toBe('readerPagesCrossOrigin|4');
    expect(note('failed', 'HTTP 404')).toBe('readerPagesFailed|4|HTTP 404');
  });
});

/** Services without storage, background or network: every call recorded. */
function fakeServices(over: Partial<ReaderServices> = {}) {
  const calls: string[] = [];
  const saved: ReaderPrefs[] = [];
  const services: ReaderServices = {
    savePrefs: (p) => void saved.push(p),
    save: async (a) => (calls.push(`save ${a.title}`), 'saved!'),
    cite: async (a) => (calls.push(`cite ${a.title}`), `CITATION of ${a.title}`),
    copy: async (text) => void calls.push(`copy ${text}`),
    converter: async (dir) => (calls.push(`converter ${dir}`), (s: string) => s.replace(/简体/g, '簡體')),
    followPages: async () => ({ stop: 'end', pages: 0 }),
    ...over,
  };
  return { services, calls, saved };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Wait until `probe` holds (preact runs effects after the next frame, and services answer asynchronously). */
async function until(probe: () => unknown, what: string, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('reader App with its services passed in', () => {
  const host = document.createElement('div');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const mountPoint = document.createElement('div');
  shadow.append(mountPoint);
  afterEach(() => render(null, mountPoint));
  const $ = (sel: string) => shadow.querySelector<HTMLElement>(sel);

  function open(a: Article, services: ReaderServices, prefs: ReaderPrefs = DEFAULT_READER_PREFS, readAnyway = false) {
    const keys: { current: ((e: KeyboardEvent) => void) | null } = { current: null };
    let closed = 0;
    render(h(App, { article: a, prefs, services, t, keys, onClose: () => closed++, readAnyway }), mountPoint);
    const press = (key: string) => keys.current!(new KeyboardEvent('keydown', { key }));
    return { press, closed: () => closed };
  }

  it('c cites and copies, s saves, + grows the text and is remembered, Esc closes', async () => {
    const { services, calls, saved } = fakeServices();
    const reader = open(article, services);
    expect($('.qd-title')!.textContent).toBe('简体标题');
    expect($('.qd-meta [data-field="source"]')!.textContent).toBe('metaLabel|metaSource|示例网');
    reader.press('c');
    await until(() => $('.qd-toast')!.textContent, 'the cite toast');
    expect(calls).toEqual(['cite 简体标题', 'copy CITATION of 简体标题']);
    expect($('.qd-toast')!.textContent).toBe('readerCited|CITATION of 简体标题');
    reader.press('s');
    await until(() => $('.qd-toast')!.textContent === 'saved!', 'the save toast');
    expect(calls.at(-1)).toBe('save 简体标题');
    expect($('.qd-toast')!.textContent).toBe('saved!');
    reader.press('+');
    await until(() => saved.length, 'the remembered prefs');
    await tick();
    expect(saved.at(-1)!.fontSize).toBeGreaterThan(DEFAULT_READER_PREFS.fontSize);
    expect($('.qd-overlay')!.getAttribute('style')).toContain(`--qd-size: ${saved.at(-1)!.fontSize}px`);
    reader.press('Escape');
    expect(reader.closed()).toBe(1);
  });

  it('a page without an article: no body, Save and Cite disabled, s and c only say so', async () => {
    const { services, calls } = fakeServices();
    const reader = open(nothing, services);
    expect($('.qd-body')).toBeNull();
    expect($('.qd-empty')!.textContent).toBe('readerNoArticle');
    expect(($('[data-action="save"]') as HTMLButtonElement).disabled).toBe(true);
    expect(($('[data-action="cite"]') as HTMLButtonElement).disabled).toBe(true);
    reader.press('s');
    reader.press('c');
    await until(() => $('.qd-toast')!.textContent, 'the cite toast');
    expect(calls).toEqual([]);
    expect($('.qd-toast')!.textContent).toBe('readerNoArticle');
  });

  it('a page detection says is no article: the notice and 仍然阅读 first, then the body marked, Save asks first', async () => {
    const { services, calls } = fakeServices();
    const reader = open({ ...article, isArticle: false, title: '频道页' }, services);
    expect($('.qd-body')).toBeNull();
    expect($('.qd-not-article[data-gate="offer"] p')!.textContent).toBe('readerNotArticle');
    expect(($('[data-action="save"]') as HTMLButtonElement).disabled).toBe(true);
    $('[data-action="read-anyway"]')!.click();
    await until(() => $('.qd-body'), 'the body');
    expect($('[data-gate="anyway"]')!.textContent).toBe('readerAnywayBanner');
    reader.press('s');
    await until(() => $('.qd-confirm'), 'the confirmation');
    expect(calls).toEqual([]);
    reader.press('Escape');
    await until(() => !$('.qd-confirm'), 'the confirmation to go');
    expect(reader.closed()).toBe(0);
    reader.press('c');
    await until(() => $('.qd-confirm'), 'the confirmation');
    $('[data-action="confirm-yes"]')!.click();
    await until(() => calls.length === 2, 'the citation');
    expect(calls).toEqual(['cite 频道页', 'copy CITATION of 频道页']);
  });

  it('opened with readAnyway (仍然阅读 chosen in the popup): the body under the banner at once, Save still asks', async () => {
    const { services, calls } = fakeServices();
    const reader = open({ ...article, isArticle: false, title: '频道页' }, services, DEFAULT_READER_PREFS, true);
    await until(() => $('.qd-body'), 'the body');
    expect($('[data-gate="offer"]')).toBeNull();
    expect($('[data-gate="anyway"]')!.textContent).toBe('readerAnywayBanner');
    reader.press('s');
    await until(() => $('.qd-confirm'), 'the confirmation');
    expect(calls).toEqual([]);
  });

  it('three headings give a table of contents; the meta line gives the reading time', async () => {
    const { services } = fakeServices();
    // led by filler paragraphs: happy-dom's DOMParser drops the element right after `<body>` (body-html.ts parses twice)
    const body = '<p>前言。</p><p>前言。</p><h2>一</h2><p>甲。</p><h2>二</h2><p>乙。</p><h3>三</h3><p>丙。</p>';
    open({ ...article, contentHtml: body, readingMinutes: 3 }, services);
    await until(() => $('.qd-toc'), 'the table of contents');
    expect(Array.from(shadow.querySelectorAll('.qd-toc button')).map((b) => b.textContent)).toEqual(['一', '二', '三']);
    expect($('[data-field="readingMinutes"]')!.textContent).toBe('readerReadingMinutes|3');
    render(null, mountPoint);
    open(
      { ...article, contentHtml: '<p>前言。</p><p>前言。</p><h2>一</h2><p>甲。</p><h2>二</h2><p>乙。</p>' },
      services,
    );
    await tick();
    expect($('.qd-toc')).toBeNull();
  });

  it('appends following pages after a page marker and says why it stopped', async () => {
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { services } = fakeServices({
      followPages: async (_a, onPage: (p: FollowingPage) => void) => {
        await gate;
        onPage({ n: 2, url: 'http://example.cn/a/1_2.html', contentHtml: '<p>第二页正文。</p>' });
        return { stop: 'limit', pages: 1 };
      },
    });
    open({ ...article, nextPageUrl: 'http://example.cn/a/1_2.html' }, services);
    await until(() => $('.qd-pages-status'), 'the loading note');
    expect($('.qd-pages-status')!.textContent).toBe('readerPagesLoading|2');
    release();
    await until(() => $('.qd-pages-status')!.textContent!.startsWith('readerPagesLimit'), 'the stop note');
    expect($('.qd-page-marker[data-page="2"]')!.textContent).toBe('readerPageMarker|2');
    expect($('.qd-body')!.textContent).toBe('第一页正文。readerPageMarker|2第二页正文。');
    expect($('.qd-pages-status')!.textContent).toBe('readerPagesLimit|2');
  });

  it('繁/简 on: the converter is loaded once and the title is shown converted, in zh-TW', async () => {
    const { services, calls } = fakeServices();
    open(article, services, { ...DEFAULT_READER_PREFS, convert: true });
    await until(() => $('.qd-overlay')!.getAttribute('lang') === 'zh-TW', 'the conversion');
    expect(calls).toEqual(['converter cn2t']);
    expect($('.qd-title')!.textContent).toBe('簡體标题');
    expect($('.qd-overlay')!.getAttribute('lang')).toBe('zh-TW');
  });
});
