import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExtract } from '../../src/cli/extract';
import { articleToMarkdown, bodyMarkdown, capNesting, frontMatter } from '../../src/cite/markdown';
import type { Article } from '../../src/extract/article';
import { toMarkdown } from '../../src/notes/export';
import type { Note } from '../../src/shared/notes-types';
import { CORPUS_DIR, corpusLabels, labelUrl, sharedArticle } from './engine-helpers';

// Markdown of an Article (src/cite/markdown.ts): the CLI's `--format markdown` and the notes export.

/** A paragraph of prose, so that a bold line beside it is a small share of the body. */
const PROSE = `<p>${'某市今天召开会议，研究部署下一阶段的重点工作。'.repeat(6)}</p>`;

const page = (name: string): Article => {
  const label = corpusLabels().find((l) => l.file === `pages/${name}.html`)!;
  return sharedArticle(join(CORPUS_DIR, label.file), labelUrl(label));
};

describe('body', () => {
  it('turns bold subhead paragraphs into headings (people-2: three subheads written as <p><strong>)', () => {
    const a = page('people-2');
    // the engine's body cleaning makes them h2 already (subheads.ts promoteSubheads); a note saved before that keeps the
    // <p><strong> form, which the Markdown reads the same way (the next test)
    expect(a.contentHtml).toMatch(/<h2>扛稳粮食安全重任/);
    const saved = a.contentHtml.replace(/<h2>(.*?)<\/h2>/g, '<p><strong>$1</strong></p>');
    expect(
      bodyMarkdown(saved)
        .split('\n')
        .filter((l) => l.startsWith('#')),
    ).toHaveLength(3);
    const heads = bodyMarkdown(a.contentHtml)
      .split('\n')
      .filter((l) => l.startsWith('#'));
    expect(heads).toEqual([
      '## 扛稳粮食安全重任，加快建设农业强省',
      '## 系统谋划推进改革，科技创新跑出加速度',
      '## 生态优先、绿色发展，推进黄河生态保护治理',
    ]);
    // under the notes export's `## 正文` they sit one level down
    expect(bodyMarkdown(a.contentHtml, 3)).toContain('\n### 扛稳粮食安全重任');
  });
  it('writes text that reads as markup on the page as text, never as live HTML (break-it trial)', () => {
    const md = bodyMarkdown(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; 与 a &lt; b</p><p><strong>&lt;img src=x onerror=alert(1)&gt;</strong></p>',
    );
    expect(md).not.toMatch(/<script|<img/);
    expect(md).toContain('&lt;script>alert(1)&lt;/script> 与 a &lt; b');
  });
  it('keeps bold sentences, bylines and attributions as bold text', () => {
    const html =
      '<p><strong>西方世界的一些反华分子正试图串联起来。</strong></p><p><strong>澎湃新闻记者 段彦超</strong></p>' +
      '<p><strong>——（宋）陆游</strong></p><p>正文里<strong>加粗</strong>的词</p>' +
      `<p><strong>${'很长的加粗段落'.repeat(8)}</strong></p>`;
    expect(bodyMarkdown(html)).not.toMatch(/^#/m);
    const centred = `${PROSE}<p style="text-align:center"><b>　一、加强组织领导　</b></p>${PROSE}`;
    expect(bodyMarkdown(centred)).toContain('\n\n## 一、加强组织领导\n\n');
  });
  it('reads bold subheads of a note saved before promotion as the engine does (src/extract/subheads.ts)', () => {
    // centred and plain bold lines in one body: h2 and h3, as the engine gives them (test/unit/subheads.test.ts)
    const mixed = `${PROSE}<p align="center"><strong>第一部分</strong></p>${PROSE}<p><strong>小节标题</strong></p>${PROSE}`;
    expect(bodyMarkdown(mixed).match(/^#+ .*/gm)).toEqual(['## 第一部分', '### 小节标题']);
    // bold lines that are a quarter of the body or more are text, not headings (the engine's share limit)
    expect(bodyMarkdown('<h2>上篇</h2><p><strong>小节</strong></p><p>正文。</p>')).toBe(
      '## 上篇\n\n**小节**\n\n正文。',
    );
  });
  it('gives a saved <p><strong> body the Markdown of the promoted body, on every corpus article with subheads', () => {
    let compared = 0;
    for (const label of corpusLabels().filter((l) => l.is_article)) {
      const a = sharedArticle(join(CORPUS_DIR, label.file), labelUrl(label));
      if (!/<h[23]>/.test(a.contentHtml)) continue;
      const saved = a.contentHtml.replace(/<(h[23])>(.*?)<\/\1>/g, '<p><strong>$2</strong></p>');
      expect(bodyMarkdown(saved), label.file).toBe(bodyMarkdown(a.contentHtml));
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
  it('writes image captions as an italic line under the image (▲ lines, photo credits, figcaptions)', () => {
    const img = '<p><img src="https://img.example.cn/1.jpg" alt=""></p>';
    expect(bodyMarkdown(`${img}<p>▲ 3月15日，工人在车间里作业。</p>${PROSE}`)).toMatch(
      /^!\[\]\(https:\/\/img\.example\.cn\/1\.jpg\)\n\n\*▲ 3月15日，工人在车间里作业。\*\n\n某市/,
    );
    expect(bodyMarkdown(`${img}<p>（摄影：张三）</p>`)).toContain(')\n\n*（摄影：张三）*');
    expect(
      bodyMarkdown('<figure><img src="https://img.example.cn/2.jpg"><figcaption>图为新建的大桥</figcaption></figure>'),
    ).toBe('![](https://img.example.cn/2.jpg)\n\n*图为新建的大桥*');
    // the image and its caption in one paragraph: the image, then the caption line
    expect(bodyMarkdown('<p><img src="https://img.example.cn/3.jpg">（记者 李四 摄）</p>')).toBe(
      '![](https://img.example.cn/3.jpg)\n\n*（记者 李四 摄）*',
    );
    // a credit that stands under no image is text
    expect(bodyMarkdown(`${PROSE}<p>（记者 李四 摄）</p>`)).toMatch(/\n\n（记者 李四 摄）$/);
  });
  it('marks the captions of corpus 163-4 (a ▲ line) and youth-peer (图为…, figcaptions) as italic lines', () => {
    expect(bodyMarkdown(page('163-4').contentHtml)).toMatch(/\)\n\n\*▲图片来自视频截图。\*$/m);
    expect(bodyMarkdown(page('youth-peer').contentHtml).match(/^\*图为.+\*$/gm)).toHaveLength(3);
  });
  it('drops the full-width indent of Chinese paragraphs (sina-3 has 117 of them)', () => {
    const a = page('sina-3');
    expect(a.contentHtml).toContain('\u3000\u3000');
    expect(bodyMarkdown(a.contentHtml)).not.toMatch(/^[\u3000\u00a0]/m);
  });
  it('converts a 1000-deep nested list without a stack overflow and keeps every item', () => {
    const html = `${'<ul><li>项'.repeat(1000)}${'</li></ul>'.repeat(1000)}`;
    const md = bodyMarkdown(html);
    expect(md.match(/项/g)?.length).toBe(1000);
    expect(capNesting(html, 10).match(/<ul>/g)?.length).toBe(5);
    const p = '<p title="a>b">x<br><img src="y"></p>';
    expect(capNesting(p, 2)).toBe(p);
    expect(capNesting(p, 1)).toBe('<p title="a>b">x</p>');
  });
});

describe('front matter', () => {
  it('is the same from the CLI and from the notes page for the same Article', () => {
    const a = page('gscn-1');
    const note = {
      id: 'n1',
      canonicalUrl: a.canonicalUrl ?? a.url,
      site: a.siteName ?? '',
      accessedAt: '2026-12-05T01:02:03.000Z',
      textSha256: '0'.repeat(64),
      note: '',
      tags: ['甘肃'],
      quotes: [],
      createdAt: '2026-12-05T01:02:03.000Z',
      updatedAt: '2026-12-05T01:02:03.000Z',
      article: a,
    } as Note;
    const cli = frontMatter(a);
    const notes = toMarkdown(note).split('\n---\n')[0] + '\n---\n';
    expect(notes.startsWith(cli.slice(0, -'---\n'.length))).toBe(true);
    expect(notes).toContain('tags:\n  - "甘肃"');
    expect(articleToMarkdown(a).startsWith(cli)).toBe(true);
  });
});

describe('qingdu extract --format markdown', () => {
  it('prints a 1000-deep nested list page instead of failing', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'qingdu-md-')), 'deep.html');
    const body = '<p>这是一段足够长的正文内容，用来让页面被识别为文章，内容包括很多汉字。</p>'.repeat(20);
    writeFileSync(
      file,
      `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>深层列表</title></head><body>` +
        `<h1>深层列表</h1><div class="article">${body}${'<ul><li>项'.repeat(1000)}${'</li></ul>'.repeat(1000)}</div></body></html>`,
    );
    let out = '';
    let err = '';
    const write = process.stdout.write.bind(process.stdout);
    const writeErr = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
    process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
    try {
      expect(await runExtract([file, '--format', 'markdown'])).toBe(0);
    } finally {
      process.stdout.write = write;
      process.stderr.write = writeErr;
    }
    expect(err).toBe('');
    expect(out).toMatch(/^---\ntitle: "深层列表"/);
  });
});
