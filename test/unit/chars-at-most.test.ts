import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { countChars } from '../../src/extract/cjk';
import { charsAtMost } from '../../src/extract/text';

// charsAtMost stands for `countChars(el.textContent) <= max` where the element may hold a huge body (the declutter's
// title and footer tests, src/extract/clutter-spine.ts withHeadings, clutter-guard.ts footerElements): same answer.
const FRAGMENTS = [
  '<div></div>',
  '<div>  \u3000 \n</div>',
  '<div class="tit">热新闻</div>',
  '<div><span>分享</span> <b>到</b>：<!-- 注释不算 --><i>微博</i></div>',
  '<div>版权所有<script>var a = "脚本也在 textContent 里";</script><style>.a{}</style></div>',
  '<div><p>第一段\u00a0文字。</p><p>第二段 text with spaces.</p><p>\u200b第三段\ufeff</p></div>',
];

describe('charsAtMost agrees with countChars(textContent) <= max', () => {
  it.each(FRAGMENTS)('%s', (html) => {
    const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
    const el = document.body.firstElementChild!;
    const chars = countChars(el.textContent ?? '');
    for (const max of [0, 1, chars - 1, chars, chars + 1, 100])
      expect([max, charsAtMost(el, max)]).toEqual([max, chars <= max]);
    const text = el.firstChild;
    if (text) expect(charsAtMost(text, chars)).toBe(countChars(text.textContent ?? '') <= chars);
  });

  it('stops reading once past max (a body of 20,000 paragraphs, long-zh of scripts/lib/huge-pages.ts)', () => {
    const { document } = parseHTML(
      `<!DOCTYPE html><html><body><div>${'<p>一段正文。</p>'.repeat(20_000)}</div></body></html>`,
    );
    const el = document.body.firstElementChild!;
    let read = 0;
    for (const p of Array.from(el.children).slice(5)) {
      const t = p.firstChild!;
      Object.defineProperty(t, 'nodeValue', {
        get: () => {
          read++;
          return '一段正文。';
        },
      });
    }
    expect(charsAtMost(el, 10)).toBe(false);
    expect(read).toBe(0);
  });
});
