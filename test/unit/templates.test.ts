import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../../src/cli/dom';
import { extractArticle } from '../../src/extract/index';

/** Templates outside the corpus (test/fixtures/engine/README.md): generic heuristics, no site rule. */
const dir = fileURLToPath(new URL('../fixtures/engine/', import.meta.url));
const URL_ = 'https://www.example.cn/2020/03-15/9123456.shtml';
const load = (f: string) => extractArticle(parseDocument(readFileSync(dir + f, 'utf8'), URL_), URL_);

describe('templates outside the corpus', () => {
  it('WeChat article: body under visibility:hidden, data-src images without extension, promos dropped', () => {
    const a = load('wechat.html');
    expect(a.isArticle).toBe(true);
    expect(a.rule).toBe('generic');
    expect(a.textContent).toContain('五号线二期工程计划明年年底前建成');
    expect(a.textContent).not.toMatch(/二维码|公众号|阅读原文|在看/);
    expect(a.images).toEqual([
      { src: 'https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg', alt: '', caption: '图为开通仪式现场' },
    ]);
  });
  it('government table layout: the TRS_Editor body, short paragraphs, without navigation, print links or footer', () => {
    const a = load('gov.html');
    expect(a.isArticle).toBe(true);
    expect(a.textContent.split('\n\n')).toHaveLength(4);
    expect(a.textContent).not.toMatch(/打印本页|政务公开|版权所有|发布时间/);
    expect(a.images[0]?.src).toBe('https://www.example.cn/2020/03-15/W020200315123456.jpg');
  });
  it('chinanews-style page: in-body ad, editor line and related list left out', () => {
    const a = load('chinanews.html');
    expect(a.isArticle).toBe(true);
    expect(a.textContent).toContain('(完)');
    expect(a.textContent).not.toMatch(/编辑|相关新闻|客流突破百万|分享到/);
    expect(a.images).toEqual([]);
  });
  it('body split into two containers around a subheading and a picture: all parts, in order, without the related list', () => {
    const a = load('split.html');
    expect(a.isArticle).toBe(true);
    expect(a.textContent).toMatch(/荷载试验[\s\S]*通车后两岸通行时间缩短一半[\s\S]*合理安排出行路线/);
    expect(a.textContent).not.toMatch(/相关新闻|老桥将进行维修|版权所有/);
    expect(a.images.map((i) => i.src)).toEqual(['https://www.example.cn/2020/0315/bridge.jpg']);
  });
  for (const f of ['channel.html', 'forum.html', 'search.html']) {
    it(`${f} is not an article, even on an article-shaped URL`, () => {
      expect(load(f).isArticle).toBe(false);
    });
  }
});
