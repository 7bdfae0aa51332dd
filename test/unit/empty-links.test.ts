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

describe('empty links in the Article (serialize.ts)', () => {
  it('are unwrapped when the body is serialized, so the reader and saved notes never carry them (xinhuanet-2)', async () => {
    const { parseDocument } = await import('../../src/cli/dom');
    const { extractArticle } = await import('../../src/extract/index');
    const url = 'http://www.news.cn/2024/0315/c.html';
    const prose = '某市今天召开会议，研究部署下一阶段的重点工作，会议要求各部门加强协作，确保各项任务按期完成。';
    const html = `<html><head><title>某市召开会议_新华网</title></head><body><h1>某市召开会议</h1><div id="c">
      <p>${prose}<a href="http://www.news.cn/c.html?page=4"></a></p><p><a href="/p.html"><img src="/x.png" alt=""></a></p>
      <p>${prose}<a href="/more.html">原文链接</a></p><p><a href="/y.html"><img src="/y.png" alt="会场"></a></p><p>${prose}</p></div></body></html>`;
    const a = extractArticle(parseDocument(html, url), url);
    expect(a.contentHtml).not.toContain('page=4');
    expect(a.contentHtml).not.toContain('href="http://www.news.cn/p.html"');
    expect(a.contentHtml).toContain('x.png');
    expect(a.contentHtml).toContain('<a href="http://www.news.cn/more.html">原文链接</a>');
    expect(a.contentHtml).toContain('<a href="http://www.news.cn/y.html"><img');
  });
});
