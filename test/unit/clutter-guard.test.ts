import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { decodeHtml } from '../../src/extract/decode';
import { parseDocument } from '../../src/cli/dom';
import { scanPage } from '../../src/extract/scan';
import { CLUTTER_ATTR, findSpineClutter, guardedSelectors, isGuarded, pageGuard } from '../../src/extract/clutter';
import { precedes } from '../../src/extract/text';
import { applyDeclutter } from '../../src/content/declutter';
import { readDeclutterLabels, servedAddresses } from '../../scripts/lib/declutter-labels';

/**
 * The declutter's guard on the corpus (test/fixtures/corpus, labels.jsonl): with the whole in-place declutter applied
 * to each article page (linkedom), no `keep`/`keep_site`/body string is left only inside hidden elements, and most
 * labelled clutter is hidden. "Hidden" here is by the sheet's selectors and the marker attribute (no layout: the
 * rendering engine's measure is scripts/eval-declutter.ts).
 */
const CORPUS = 'test/fixtures/corpus';
const labels = readDeclutterLabels(CORPUS);
const addresses = servedAddresses(labels);
const squeeze = (s: string) => s.replace(/\s+/g, '');
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

function load(name: string, file: string): { doc: Document; url: string } {
  const url = addresses.get(name)!;
  return { doc: parseDocument(decodeHtml(new Uint8Array(readFileSync(`${CORPUS}/${file}`))).html, url), url };
}

/** The innermost elements holding `s` (whitespace ignored). */
function holders(doc: Document, s: string): Element[] {
  const want = squeeze(s);
  const out: Element[] = [];
  const walk = (el: Element) => {
    const kids = Array.from(el.children).filter(
      (c) => !SKIP.has(c.tagName) && squeeze(c.textContent ?? '').includes(want),
    );
    if (kids.length) kids.forEach(walk);
    else out.push(el);
  };
  if (doc.body && squeeze(doc.body.textContent ?? '').includes(want)) walk(doc.body);
  return out;
}

/** Hidden by the declutter: the element or an ancestor carries the attribute or matches the sheet. */
function hiddenBy(doc: Document): (el: Element) => boolean {
  const css = doc.getElementById('qingdu-declutter')?.textContent ?? '';
  const sheet = css.replace(/\{display:none!important\}$/, '').split(',\n');
  return (el) => {
    for (let a: Element | null = el; a; a = a.parentElement) {
      if (a.hasAttribute(CLUTTER_ATTR)) return true;
      if (sheet.some((sel) => a!.matches(sel))) return true;
    }
    return false;
  };
}

describe('the declutter on the corpus article pages (site rules on, linkedom)', () => {
  const articles = labels.filter((l) => l.isArticle);
  let hidden = 0;
  let total = 0;
  it.each(articles.map((l) => [l.name, l] as const))('%s: never hides a string to keep', (_name, l) => {
    const { doc, url } = load(l.name, l.file);
    const scan = scanPage(doc, url);
    expect(applyDeclutter(doc, { url, bodyElement: scan.body.holder, bodyText: null })).toBe(true);
    const hiddenEl = hiddenBy(doc);
    const keptHidden = l.keep.filter((s) => {
      const at = holders(doc, s);
      return at.length > 0 && at.every(hiddenEl);
    });
    expect(keptHidden).toEqual([]);
    for (const c of l.clutter) {
      const at = holders(doc, c);
      if (!at.length) continue;
      total++;
      if (at.every(hiddenEl)) hidden++;
    }
  });
  it('hides most labelled clutter of the article pages', () => {
    // measured 264 of 284 here when written; the rendering engine's count is scripts/eval-declutter.ts
    expect(hidden).toBeGreaterThanOrEqual(Math.floor(total * 0.85));
  });
});

describe('guard', () => {
  const html = `<html><head><title>某地发生一件大事_新闻_某某网</title></head><body>
    <div class="nav"><a href="/">首页</a><a href="/a">国内</a><a href="/b">国际</a><a href="/c">财经</a></div>
    <div class="main"><h1>某地发生一件大事</h1>
      <div class="info"><span>2020-03-15 10:13</span> 来源：某某日报 <div class="share">分享到：微博 微信</div></div>
      <div id="body"><p>${'正文内容，'.repeat(30)}。</p><p class="share">责任编辑：张三</p></div>
      <div class="related"><h3>相关新闻</h3><ul><li><a href="/1">一条新闻的标题</a></li><li><a href="/2">又一条新闻的标题</a>
      </li><li><a href="/3">第三条新闻的标题</a></li></ul></div></div>
    <div class="side"><a href="/4">排行第一的新闻</a><a href="/5">排行第二的新闻</a><a href="/6">排行第三的新闻</a></div>
    <div class="copyright">Copyright © 某某网 版权所有 京ICP备00000000号</div></body></html>`;
  const docs: [string, () => Document][] = [
    ['linkedom', () => parseDocument(html, 'http://news.example.cn/a/1.html')],
    [
      'happy-dom',
      () => {
        const win = new Window({ url: 'http://news.example.cn/a/1.html' });
        win.document.write(html);
        return win.document as unknown as Document;
      },
    ],
  ];
  it.each(docs)(
    'keeps headline, info line, credit, nav and footer; hides share, related and ranking (%s)',
    (_n, make) => {
      const doc = make();
      const body = doc.getElementById('body')!;
      const guard = pageGuard(doc, body);
      expect(guard.headline?.tagName).toBe('H1');
      const { sheet, marked } = guardedSelectors(doc, ['.share', '.copyright', '.related'], guard);
      expect(sheet).toEqual(['.related']); // .share holds the credit line, .copyright is the footer
      expect(marked.map((e) => e.textContent)).toEqual(['分享到：微博 微信']);
      for (const sel of ['h1', '.info', '.nav', '.copyright', 'p.share', '#body']) {
        expect(isGuarded(guard, doc.querySelector(sel)!), sel).toBe(true);
      }
      const spine = findSpineClutter(doc, guard).map((e) => e.className);
      expect(spine).toEqual(expect.arrayContaining(['related', 'side']));
      expect(spine).not.toContain('nav');
      expect(spine).not.toContain('copyright');
    },
  );

  it('reads document order from the ancestor chains (linkedom too)', () => {
    const doc = parseDocument(
      '<body><div><h1>a</h1><span id="t">x</span></div><div id="b">y</div></body>',
      'http://x/',
    );
    const t = doc.getElementById('t')!;
    const b = doc.getElementById('b')!;
    expect(precedes(t, b)).toBe(true);
    expect(precedes(b, t)).toBe(false);
    expect(precedes(doc.body, t)).toBe(false);
  });
});
