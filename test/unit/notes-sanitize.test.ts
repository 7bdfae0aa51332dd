import { describe, expect, it } from 'vitest';
import { stripHandlers } from '../../src/notes/sanitize';

describe('stripHandlers (pre-filter before DOMPurify in the notes page)', () => {
  it('removes every on* attribute, in HTML, SVG and media elements, and keeps the rest', () => {
    const out = stripHandlers(
      '<p class="a">正文</p><img src="x" alt="图" onerror="p()"><details open ontoggle="p()"><summary>s</summary>d</details>' +
        '<svg><animate onbegin="p()" attributeName="x"></animate></svg><video><source src="v" ONERROR="p()"></video><a href="/x" onclick=p()>链接</a>',
    );
    expect(out).not.toMatch(/\son[a-z]+=/i);
    expect(out).toContain('<p class="a">正文</p>');
    expect(out).toMatch(/<img src="x" alt="图"/);
    expect(out).toContain('<details open');
    expect(out).toContain('<a href="/x">链接</a>');
    expect(out).toContain('attributeName="x"');
  });

  it('drops script and raw-text elements with their content (a handler hidden in <svg><style> is parsed by browsers)', () => {
    const out = stripHandlers(
      '<p>a</p><script>p()</script><svg><style><img src=x onerror=p()></style></svg><noscript><img onerror=p()></noscript><p>b</p>',
    );
    expect(out).not.toMatch(/onerror|<script|<style|<noscript|p\(\)/);
    expect(out).toContain('<p>a</p>');
    expect(out).toContain('<p>b</p>');
  });
});
