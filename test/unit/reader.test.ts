// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/extract/article';
import { formatPublished, metaItems } from '../../src/shared/format';
import { createReader, HOST_ID } from '../../src/reader/mount';

const LABELS: Record<string, string> = {
  metaSource: '来源',
  metaAuthor: '作者',
  metaEditor: '编辑',
  readerClose: '关闭',
};
const t = (key: string, subs?: string[]) => (key === 'metaLabel' ? `${subs![0]}：${subs![1]}` : (LABELS[key] ?? key));

const article: Article = {
  isArticle: true,
  confidence: 0.9,
  url: 'http://gansu.gscn.com.cn/system/2020/03/15/012339876.shtml',
  canonicalUrl: null,
  siteName: '中国甘肃网',
  title: '安宁区齿轮厂社区:关心关爱弱势群体 让防疫充满温情',
  published: '2020-03-15T10:13:00+08:00',
  source: '中国甘肃网',
  authors: ['漆琳'],
  editors: ['刘宇非'],
  section: ['甘肃新闻', '来稿选登'],
  lang: 'zh-CN',
  excerpt: '',
  contentHtml: '<p>“谢谢你们又来看我”</p><p>尾段。</p>',
  textContent: '“谢谢你们又来看我”\n\n尾段。',
  charCount: 12,
  readingMinutes: 1,
  images: [],
  rule: 'gscn',
  nextPageUrl: null,
};

describe('reader meta line', () => {
  it('shows the page clock of the published time, date-only as is', () => {
    expect(formatPublished('2020-03-15T10:13:00+08:00')).toBe('2020-03-15 10:13');
    expect(formatPublished('2020-03-15')).toBe('2020-03-15');
  });

  it('lists time, 来源, 作者, 编辑 in that order and leaves out empty fields', () => {
    expect(metaItems(article, t).map((m) => m.field)).toEqual(['published', 'source', 'authors', 'editors']);
    expect(metaItems({ ...article, authors: [], source: null }, t).map((m) => m.field)).toEqual([
      'published',
      'editors',
    ]);
  });
});

describe('reader overlay', () => {
  it('mounts in an open shadow root at the end of body, and closing restores the page exactly', async () => {
    document.body.innerHTML = '<div class="page"><p>page text</p></div>';
    document.body.setAttribute('class', 'site');
    const before = { body: document.body.outerHTML, html: document.documentElement.getAttribute('style') };
    let closed = 0;
    const reader = createReader(document, t, () => closed++);
    reader.open(article);
    await new Promise((r) => setTimeout(r, 0)); // the first render waits for the stored prefs
    const host = document.getElementById(HOST_ID)!;
    expect(host.parentElement).toBe(document.body);
    expect(document.body.lastElementChild).toBe(host);
    const root = host.shadowRoot!;
    expect(root.querySelector('.qd-title')!.textContent).toBe(article.title);
    expect(root.querySelector('.qd-meta')!.textContent).toContain('来源：中国甘肃网');
    expect(root.querySelector('.qd-meta')!.textContent).toContain('编辑：刘宇非');
    // Sanitizing is checked in the real browser (test/e2e/runtime.test.ts): DOMPurify under happy-dom returns the
    // markup unsanitized, so it proves nothing here.
    expect(root.querySelector('.qd-body')!.textContent).toContain('尾段。');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(reader.isOpen()).toBe(false);
    expect(closed).toBe(1);
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(document.getElementById('qingdu-scroll-lock')).toBeNull();
    expect(document.body.outerHTML).toBe(before.body);
    expect(document.documentElement.getAttribute('style')).toBe(before.html);
  });

  it('mounts on <html> when the body would break a fixed overlay (a transform makes it the containing block)', async () => {
    document.body.innerHTML = '<p>page text</p>';
    document.body.setAttribute('style', 'transform: translateX(0px)');
    const before = document.body.outerHTML;
    const reader = createReader(document, t, () => undefined);
    reader.open(article);
    await new Promise((r) => setTimeout(r, 0));
    expect(document.getElementById(HOST_ID)!.parentElement).toBe(document.documentElement);
    expect(document.body.outerHTML).toBe(before);
    reader.close();
    expect(document.getElementById(HOST_ID)).toBeNull();
    document.body.removeAttribute('style');
  });
});
