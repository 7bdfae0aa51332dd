// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { dropEmptyLinks } from '../../src/notes/empty-links';

describe('dropEmptyLinks (notes view)', () => {
  it('unwraps links without a name, as xinhuanet-2 keeps them (`<a href="…?page=4"></a>`), keeping their content', () => {
    const html =
      '<p>正文<a href="http://www.he.news.cn/c.html?page=4"></a></p>' +
      '<p><a href="http://www.ifeng.com/"><img src="x.png" alt=""></a></p>' +
      '<p><a href="http://a/"> </a>尾</p>';
    expect(dropEmptyLinks(html)).toBe('<p>正文</p><p><img src="x.png" alt=""></p><p> 尾</p>');
  });
  it('keeps links with text, an image with alt, aria-label or title, and leaves HTML without empty links as it was', () => {
    const html =
      '<p><a href="http://a/">原文</a><a href="http://b/"><img src="y.png" alt="图"></a>' +
      '<a href="http://c/" title="下一页"></a><a href="http://d/" aria-label="返回"></a></p>';
    expect(dropEmptyLinks(html)).toBe(html);
  });
});
