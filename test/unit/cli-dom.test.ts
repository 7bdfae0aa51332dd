import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/cli/dom';
import { extractArticle } from '../../src/extract/index';

// Content a browser's parser puts in <body> and linkedom left outside it: extraction then threw
// (`Cannot read properties of null (reading 'tagName')`, Readability walking up from a node outside <body>).
const URL = 'http://www.chinanews.com.cn/gn/2024/03-15/10021002.shtml';
const P = `<p>${'记者从市防汛指挥部获悉，全市各水库蓄水情况良好，今年汛期准备工作已经全面展开。'.repeat(2)}</p>`;

describe('parseDocument puts stray content in <body>, as browsers do', () => {
  it('content after </html>', () => {
    const doc = parseDocument(
      `<html><head><title>t</title></head><body><a href="/">首页</a></body></html><div><div>${P}${P}${P}</div></div>`,
      URL,
    );
    expect(doc.body.textContent).toContain('全市各水库');
    const article = extractArticle(doc, URL);
    expect(article.isArticle).toBe(true);
    expect(article.textContent.split('\n\n')).toHaveLength(3);
  });

  it('flow content inside <head> (the head ends at the first element that does not belong there)', () => {
    const english = `<p>${'The river towns began rebuilding their old ferry landings this spring. '.repeat(8)}</p>`;
    const doc = parseDocument(
      `<html><head><title>t</title><meta charset="utf-8">${english}${english}</head></html>`,
      'http://example.com/news/2024/ferry-landings',
    );
    expect(doc.head.querySelector('title')).not.toBeNull();
    expect(doc.head.querySelector('p')).toBeNull();
    expect(doc.body.querySelectorAll('p')).toHaveLength(2);
    expect(() => extractArticle(doc, 'http://example.com/news/2024/ferry-landings')).not.toThrow();
  });
});

// Old GB2312-era templates write tags and attributes in capitals; a browser's parser lowers attribute names, linkedom
// keeps them as written (found by a break-it trial: the canonical, the rule and the images were lost).
describe('parseDocument reads a page as a browser parses it', () => {
  it('attribute names in capitals', () => {
    const doc = parseDocument(
      `<HTML><HEAD><TITLE>春耕会议召开</TITLE><LINK REL="canonical" HREF="${URL}"></HEAD><BODY><H1>春耕会议召开</H1>${P}${P}${P}<P><IMG SRC="/a.jpg" ALT="图"></P></BODY></HTML>`,
      URL,
    );
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(URL);
    const article = extractArticle(doc, URL);
    expect(article.canonicalUrl).toBe(URL);
    expect(article.images.map((i) => i.src)).toEqual(['http://www.chinanews.com.cn/a.jpg']);
  });

  it('an unclosed <a> ends where the next link starts, and text a table cannot hold goes before the table', () => {
    const doc = parseDocument(
      `<html><body><div class="nav"><a href="/">首页<a href="/gn/">国内</a></div><table><tr><td>表</td></tr>${P}</table></body></html>`,
      URL,
    );
    expect(doc.querySelectorAll('a a')).toHaveLength(0);
    expect(doc.querySelectorAll('table p')).toHaveLength(0);
  });
});
