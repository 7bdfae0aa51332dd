// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import type { Article } from '../../src/extract/article';
import { keyAction, type KeyInfo } from '../../src/reader/keys';
import { convertHtml, convertedLang, direction } from '../../src/reader/convert';
import { HIGHLIGHTS, PALETTES, contrast } from '../../src/reader/themes';
import { ANNOTATION_COLORS } from '../../src/shared/notes-types';
import {
  DEFAULT_READER_PREFS,
  FONT_SIZES,
  THEMES,
  cycle,
  loadReaderPrefs,
  readerPrefsWithDefaults,
  saveReaderPrefs,
  step,
} from '../../src/shared/reader-prefs';
import { fetchFollowingPages, MAX_PAGES } from '../../src/reader/multipage';
import { builtFile, isPartName, PARTS, READER_BUNDLE } from '../../src/shared/part-files';
import { readFileSync } from 'node:fs';

const key = (k: string, mods: Partial<KeyInfo> = {}): KeyInfo => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});
const el = (html: string) => {
  const d = document.createElement('div');
  d.innerHTML = html;
  return d.firstElementChild!;
};

describe('reader keys', () => {
  const body = [document.body];
  it('maps the documented keys', () => {
    expect(['Escape', '+', '=', '-', 't', 'j', 'k', ' ', 's', 'c', '?'].map((k) => keyAction(key(k), body))).toEqual([
      'close',
      'bigger',
      'bigger',
      'smaller',
      'theme',
      'down',
      'up',
      'pageDown',
      'save',
      'cite',
      'help',
    ]);
    expect(keyAction(key(' ', { shiftKey: true }), body)).toBe('pageUp');
    expect(keyAction(key('x'), body)).toBeNull();
    expect(keyAction(key('h'), body)).toBe('highlight');
    // Space on a focused highlight (a mark with the button role) opens it, it does not scroll.
    expect(keyAction(key(' '), [el('<mark role="button" tabindex="0">字</mark>'), document.body])).toBeNull();
  });
  it('never fires while typing or with modifier keys', () => {
    for (const tag of [
      '<input>',
      '<input type="search">',
      '<textarea></textarea>',
      '<div contenteditable="true"></div>',
    ])
      expect(keyAction(key('t'), [el(tag), document.body]), tag).toBeNull();
    expect(keyAction(key('t'), [el('<input type="checkbox">')])).toBe('theme');
    expect(keyAction(key('c', { ctrlKey: true }), body)).toBeNull();
    expect(keyAction(key('t', { metaKey: true }), body)).toBeNull();
    expect(keyAction(key('s', { isComposing: true }), body)).toBeNull();
  });
  it('on a focused select: Esc closes and t switches the theme; its own keys (arrows, Space, letters) stay its', () => {
    const select = el('<select><option>a</option><option>b</option></select>');
    const path = [select, document.body];
    expect(['Escape', 't', 'T'].map((k) => keyAction(key(k), path))).toEqual(['close', 'theme', 'theme']);
    for (const k of ['ArrowDown', 'ArrowUp', ' ', 'j', 'k', 's', 'c', '+', '?'])
      expect(keyAction(key(k), path), k).toBeNull();
    expect(keyAction(key('Escape', { altKey: true }), path)).toBeNull();
  });
  it('leaves Space to a focused button', () => {
    expect(keyAction(key(' '), [el('<button>x</button>')])).toBeNull();
  });
});

describe('reader prefs', () => {
  it('defaults, and ignores stored values of the wrong type or out of range', () => {
    expect(readerPrefsWithDefaults(undefined)).toEqual(DEFAULT_READER_PREFS);
    expect(
      readerPrefsWithDefaults({ fontSize: 17, theme: 'neon', indent: 'yes', convert: true, width: 'wide' }),
    ).toEqual({ ...DEFAULT_READER_PREFS, convert: true, width: 'wide' });
  });
  it('steps clamp, themes cycle', () => {
    expect(step(FONT_SIZES, 20, 1)).toBe(22);
    expect(step(FONT_SIZES, FONT_SIZES[FONT_SIZES.length - 1], 1)).toBe(FONT_SIZES[FONT_SIZES.length - 1]);
    expect(step(FONT_SIZES, 14, -1)).toBe(14);
    expect(THEMES.reduce<string[]>((acc) => [...acc, cycle(THEMES, (acc.at(-1) ?? 'light') as never)], [])).toEqual([
      'sepia',
      'dark',
      'system',
      'light',
    ]);
  });
  it('round-trips through a storage area', async () => {
    const store: Record<string, unknown> = {};
    const area = {
      get: async (k: string) => ({ [k]: store[k] }),
      set: async (o: Record<string, unknown>) => {
        Object.assign(store, o);
      },
    };
    await saveReaderPrefs(area, { ...DEFAULT_READER_PREFS, theme: 'dark', fontSize: 24 });
    expect(await loadReaderPrefs(area)).toEqual({ ...DEFAULT_READER_PREFS, theme: 'dark', fontSize: 24 });
    expect(await loadReaderPrefs({ get: () => Promise.reject(new Error('x')), set: area.set })).toEqual(
      DEFAULT_READER_PREFS,
    );
  });
});

describe('theme contrast (WCAG 2.x AA)', () => {
  it('computes known ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
  it.each(Object.entries(PALETTES))('%s: text ≥ 4.5:1, controls and focus ring ≥ 3:1', (_, p) => {
    expect(contrast(p.fg, p.bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.muted, p.bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.accent, p.bg)).toBeGreaterThanOrEqual(4.5); // links are text too
    expect(contrast(p.fg, p.control)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.border, p.bg)).toBeGreaterThanOrEqual(3);
    expect(contrast(p.border, p.control)).toBeGreaterThanOrEqual(3);
    expect(contrast(p.accent, p.control)).toBeGreaterThanOrEqual(3);
    expect(contrast(p.bg, p.fg)).toBeGreaterThanOrEqual(4.5); // pressed buttons and the toast swap fg/bg
  });
  it.each(Object.entries(PALETTES))(
    '%s: highlighted text, links and captions ≥ 4.5:1, its underline ≥ 3:1',
    (theme, p) => {
      const inks = HIGHLIGHTS[theme as keyof typeof PALETTES];
      expect(Object.keys(inks)).toEqual([...ANNOTATION_COLORS]);
      for (const c of ANNOTATION_COLORS) {
        expect(contrast(p.fg, inks[c].bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(p.muted, inks[c].bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(p.accent, inks[c].bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(inks[c].edge, p.bg)).toBeGreaterThanOrEqual(3); // the line under a highlight (WCAG 1.4.11)
      }
    },
  );
});

describe('simplified ↔ traditional (OpenCC)', () => {
  const cn2t = OpenCC.Converter({ from: 'cn', to: 'tw' });
  it('converts text nodes only, phrase-level', () => {
    const out = convertHtml('<p title="齿轮厂">安宁区齿轮厂社区</p><a href="/齿轮厂">后来</a>', cn2t, document);
    expect(out).toBe('<p title="齿轮厂">安寧區齒輪廠社區</p><a href="/齿轮厂">後來</a>');
  });
  it('chooses the direction and the lang of the result from the Article lang', () => {
    expect([direction('zh-CN'), direction(null), direction('zh-TW'), direction('zh-Hant-HK')]).toEqual([
      'cn2t',
      'cn2t',
      't2cn',
      't2cn',
    ]);
    expect([convertedLang('zh-CN'), convertedLang('zh-TW')]).toEqual(['zh-TW', 'zh-CN']);
  });
});

describe('multi-page merge', () => {
  const base = {
    isArticle: true,
    url: 'http://a.example/p1.html',
    canonicalUrl: null,
    contentHtml: '<p>1</p>',
  } as Article;
  /** A site of pages: path → [body, next link]. */
  function site(pages: Record<string, [string, string | null] | number>, headers: Record<string, string> = {}) {
    const fetched: string[] = [];
    return {
      fetched,
      deps: {
        fetch: async (url: string) => {
          fetched.push(url);
          const p = pages[new URL(url).pathname];
          if (typeof p === 'number' || !p) return new Response('x', { status: typeof p === 'number' ? p : 404 });
          return new Response(`<html><body data-next="${p[1] ?? ''}">${p[0]}</body></html>`, {
            headers: headers[new URL(url).pathname] ? { 'content-type': headers[new URL(url).pathname] } : {},
          });
        },
        parse: (html: string) => new DOMParser().parseFromString(html, 'text/html'),
        extract: (doc: Document, url: string) => {
          const next = doc.body.getAttribute('data-next');
          return {
            ...base,
            url,
            contentHtml: doc.body.innerHTML,
            nextPageUrl: next ? new URL(next, url).href : null,
          } as Article;
        },
      },
    };
  }
  const run = async (s: ReturnType<typeof site>, first: Article) => {
    const got: string[] = [];
    const r = await fetchFollowingPages(first, { ...s.deps, onPage: (p) => got.push(`${p.n}:${p.contentHtml}`) });
    return { ...r, got };
  };

  it('appends following pages in order and ends where there is no next link', async () => {
    const s = site({ '/p2.html': ['<p>2</p>', '/p3.html'], '/p3.html': ['<p>3</p>', null] });
    expect(await run(s, { ...base, nextPageUrl: 'http://a.example/p2.html' })).toEqual({
      stop: 'end',
      pages: 2,
      got: ['2:<p>2</p>', '3:<p>3</p>'],
    });
  });
  it('stops at a loop, another origin, a failure, and the limit', async () => {
    const loop = site({ '/p2.html': ['<p>2</p>', '/p1.html'] });
    expect((await run(loop, { ...base, nextPageUrl: '/p2.html' })).stop).toBe('loop');
    const cross = site({ '/p2.html': ['<p>2</p>', 'http://b.example/p3.html'] });
    expect(await run(cross, { ...base, nextPageUrl: '/p2.html' })).toMatchObject({ stop: 'cross-origin', pages: 1 });
    const broken = site({ '/p2.html': ['<p>2</p>', '/p3.html'], '/p3.html': 500 });
    expect(await run(broken, { ...base, nextPageUrl: '/p2.html' })).toMatchObject({
      stop: 'failed',
      pages: 1,
      error: expect.stringContaining('HTTP 500'),
    });
    const endless: Record<string, [string, string]> = {};
    for (let i = 2; i < 40; i++) endless[`/p${i}.html`] = [`<p>${i}</p>`, `/p${i + 1}.html`];
    const many = site(endless);
    const r = await run(many, { ...base, nextPageUrl: '/p2.html' });
    expect(r).toMatchObject({ stop: 'limit', pages: MAX_PAGES });
    expect(many.fetched).toHaveLength(MAX_PAGES);
  });
  it('decodes GBK pages with the declared charset', async () => {
    // 第二页 in GBK bytes, declared by the HTTP header only.
    const gbk = new Uint8Array([0xb5, 0xda, 0xb6, 0xfe, 0xd2, 0xb3]);
    const html = new Uint8Array([
      ...new TextEncoder().encode('<html><body><p>'),
      ...gbk,
      ...new TextEncoder().encode('</p></body></html>'),
    ]);
    const deps = {
      fetch: async () => new Response(html, { headers: { 'content-type': 'text/html; charset=GBK' } }),
      parse: (h: string) => new DOMParser().parseFromString(h, 'text/html'),
      extract: (doc: Document, url: string) =>
        ({ ...base, url, contentHtml: doc.body.innerHTML, nextPageUrl: null }) as Article,
    };
    const got: string[] = [];
    await fetchFollowingPages(
      { ...base, nextPageUrl: '/p2.html' },
      { ...deps, onPage: (p) => got.push(p.contentHtml) },
    );
    expect(got).toEqual(['<p>第二页</p>']);
  });
});

describe('the list of lazily loaded parts (src/shared/part-files.ts)', () => {
  it('names each part after what its script registers, and the reader bundle exists', () => {
    for (const [name, file] of Object.entries(PARTS))
      expect(readFileSync(file, 'utf8'), file).toContain(`parts().${name} ??=`);
    expect(readFileSync(READER_BUNDLE, 'utf8')).toContain('createReader');
  });
  it('knows a part only by its own names, and where its script is built', () => {
    expect(['opencc', 'cite', 'pages', 'readability'].every(isPartName)).toBe(true);
    for (const n of ['toString', '__proto__', 'inject', '', 1, null]) expect(isPartName(n), String(n)).toBe(false);
    expect(builtFile(PARTS.opencc)).toBe('src/reader/opencc-part.js');
    expect(builtFile(READER_BUNDLE)).toBe('src/reader/inject.js');
  });
});
