import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../src/cli/dom';
import { extractArticle, scanPage } from '../../src/extract/index';
import { findClutterBlocks } from '../../src/extract/clutter';

/** Pages of the break-it trial (test/fixtures/breakit/README.md), under a URL of a chinanews article. */
const DIR = 'test/fixtures/breakit';
const URL = 'http://www.chinanews.com.cn/gn/2024/03-15/10021002.shtml';
const load = (file: string) => parseDocument(readFileSync(join(DIR, file), 'utf8'), URL);

describe('declutter never hides what the Article keeps', () => {
  for (const file of ['inline-marker.html', 'inline-comma.html', 'split-siblings.html', 'title-marker.html']) {
    it(file, () => {
      const article = extractArticle(load(file), URL);
      expect(article.isArticle).toBe(true);
      const doc = load(file);
      const scan = scanPage(doc, URL);
      const blocks = findClutterBlocks(doc, scan.body.holder!);
      const hidden = blocks.map((b) => (b.textContent ?? '').replace(/\s+/g, ''));
      // every paragraph of the Article and the headline stay visible
      for (const p of [...article.textContent.split('\n\n'), article.title!])
        for (const h of hidden)
          expect(h.includes(p.replace(/\s+/g, '').slice(0, 12)), `${p.slice(0, 12)} hidden`).toBe(false);
      // the real clutter still goes
      for (const marker of ['精彩推荐', '新闻排行', '关注我们'])
        expect(
          hidden.some((h) => h.startsWith(marker)),
          marker,
        ).toBe(true);
    });
  }
});

describe('a comment thread with a 分享到 in every comment', () => {
  it('gives one block per comment (ancestor checks, not every block against every other)', () => {
    const comments = Array.from(
      { length: 3000 },
      (_, i) =>
        `<div class="c"><p>网友${i}：说得好。</p><div class="op"><a href="#">分享到</a> <a href="#">回复</a></div></div>`,
    ).join('');
    const doc = parseDocument(
      `<html><body><div id="body"><p>${'正文内容，'.repeat(60)}</p></div><div class="comments">${comments}</div></body></html>`,
      URL,
    );
    const blocks = findClutterBlocks(doc, doc.querySelector('#body')!);
    expect(blocks).toHaveLength(3000);
    expect(blocks.every((b) => b.className === 'op')).toBe(true);
  });
});

describe('an article inside a <form>', () => {
  it('keeps its paragraphs (a form holding most of the body is unwrapped, not dropped)', () => {
    const article = extractArticle(load('form-body.html'), URL);
    expect(article.isArticle).toBe(true);
    expect(article.textContent.split('\n\n')).toHaveLength(5);
    expect(article.textContent).toContain('为科学灌溉和抗旱保苗提供数据支撑和决策参考。');
  });
});
