import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { decodeHtml } from '../../src/extract/decode';
import { parseDocument } from '../../src/cli/dom';
import {
  CLUTTER_ATTR,
  declutterCss,
  findBodyElement,
  findClutterBlocks,
  markerOf,
  safeSelectors,
} from '../../src/extract/clutter';
import { CLUTTER_SELECTORS } from '../../src/extract/markers';

const URL1 = 'http://gansu.gscn.com.cn/system/2020/03/15/012339876.shtml';
const REQUIRED = ['精彩推荐', '新闻排行', '关注我们', '分享到', '版权声明'];

function happy(html: string, url = URL1): Document {
  const win = new Window({ url });
  win.document.write(html);
  return win.document as unknown as Document;
}
function fixture(name: string): string {
  return decodeHtml(new Uint8Array(readFileSync(`test/fixtures/corpus/pages/${name}`))).html;
}
/** The body text as extraction reports it: paragraphs separated by blank lines. */
function bodyText(doc: Document, sel: string): string {
  return Array.from(doc.querySelectorAll(`${sel} p`))
    .map((p) => p.textContent)
    .join('\n\n');
}

describe('markerOf', () => {
  it('accepts a marker alone or followed by punctuation, rejects prose that starts with it', () => {
    expect(markerOf('精彩推荐')).toBe('精彩推荐');
    expect(markerOf('  版权声明:凡注有稿件来源为“中国甘肃网”')).toBe('版权声明');
    expect(markerOf('分享到 微博')).toBe('分享到');
    expect(markerOf('广告业的发展很快')).toBeNull();
    expect(markerOf('连日来,社区工作人员')).toBeNull();
  });
});

describe.each([
  ['gscn-1.html', '.a-container', 'happy-dom'],
  ['gscn-2.html', '#content', 'happy-dom'],
  ['gscn-1.html', '.a-container', 'linkedom'],
  ['gscn-2.html', '#content', 'linkedom'],
])('%s (%s, %s)', (file, bodySel, dom) => {
  const html = fixture(file);
  const load = () => (dom === 'linkedom' ? parseDocument(html, URL1) : happy(html));

  it('locates the body element from the extracted text', () => {
    const doc = load();
    expect(findBodyElement(doc, bodyText(doc, bodySel))).toBe(doc.querySelector(bodySel));
  });

  it('finds every required clutter block by marker text, never the body or an ancestor of it', () => {
    const doc = load();
    const body = doc.querySelector(bodySel)!;
    const before = doc.documentElement.outerHTML;
    const blocks = findClutterBlocks(doc, body);
    expect(doc.documentElement.outerHTML).toBe(before); // read only
    for (const b of blocks) expect(b.contains(body) || body.contains(b)).toBe(false);
    const classes = blocks.map((b) => b.className);
    expect(classes).toEqual(expect.arrayContaining(['copyright', 'recommend', 'bdsharebuttonbox share']));
    // Each marker's text sits inside some block.
    for (const m of REQUIRED) {
      const holder = Array.from(doc.querySelectorAll('div')).find((d) =>
        d.firstChild?.textContent?.trim().startsWith(m),
      );
      expect(holder, m).toBeTruthy();
      expect(
        blocks.some((b) => b.contains(holder!)),
        m,
      ).toBe(true);
    }
  });

  it('keeps only selectors that do not hit the body, its ancestors, html or body', () => {
    const doc = load();
    const body = doc.querySelector(bodySel)!;
    const kept = safeSelectors(
      doc,
      [...CLUTTER_SELECTORS, '.main', '.left', 'body', bodySel, 'div[', '.ranking'],
      body,
    );
    expect(kept).toContain('.copyright');
    expect(kept).toContain('.ranking');
    expect(kept).not.toContain('.main');
    expect(kept).not.toContain('.left');
    expect(kept).not.toContain('body');
    expect(kept).not.toContain(bodySel);
    expect(kept).not.toContain('div[');
  });
});

describe('guards', () => {
  it('never returns a wrapper that holds the body, even when its first text is a marker', () => {
    const doc =
      happy(`<body><div id="wrap"><div class="tit">分享到</div><div id="body"><p>${'正文内容。'.repeat(40)}</p>
      <p>最后一段。</p></div></div><div id="side"><h3>相关新闻</h3><ul><li>a</li></ul></div></body>`);
    const body = findBodyElement(doc, `${'正文内容。'.repeat(40)}\n\n最后一段。`)!;
    expect(body.id).toBe('body');
    const blocks = findClutterBlocks(doc, body);
    expect(blocks.map((b) => b.id || b.className)).toEqual(['tit', 'side']);
  });

  it('returns null when the body text is not on the page (then nothing is hidden)', () => {
    const doc = happy('<body><p>别的内容</p></body>');
    expect(findBodyElement(doc, '不在页面上的正文')).toBeNull();
  });

  it('builds one rule that also hides the marker attribute', () => {
    expect(declutterCss(['.a', '#b'])).toBe(`.a,\n#b,\n[${CLUTTER_ATTR}]{display:none!important}`);
  });
});
