import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/cli/dom';
import { extractArticle } from '../../src/extract/index';

// Subhead promotion (subheads.ts promoteSubheads), on invented pages in the shape of corpus people-2 (whole-bold
// paragraphs) and of centred bold lines: headings in contentHtml, the same textContent as without them.
const URL = 'http://news.example.cn/2024/0315/1.html';
const PROSE = `<p>${'某市今天召开会议，研究部署下一阶段的重点工作。'.repeat(6)}</p>`;

function page(body: string): string {
  return `<html><head><title>某市召开重点工作会议_某某网</title></head><body><h1>某市召开重点工作会议</h1>
    <div class="info">2024-03-15 10:13 来源：某某日报</div><div id="content">${body}</div></body></html>`;
}
const extract = (body: string) => extractArticle(parseDocument(page(body), URL), URL);

describe('subheads become headings (subheads.ts promoteSubheads)', () => {
  it('promotes whole-bold short paragraphs to h2, keeping the text', () => {
    const a = extract(
      `${PROSE}<p>　　<strong>一、扛稳粮食安全重任</strong></p>${PROSE}<p><b>二、推进改革</b></p>${PROSE}`,
    );
    expect(a.contentHtml).toContain('<h2>一、扛稳粮食安全重任</h2>');
    expect(a.contentHtml).toContain('<h2>二、推进改革</h2>');
    const plain = extract(`${PROSE}<p>一、扛稳粮食安全重任</p>${PROSE}<p>二、推进改革</p>${PROSE}`);
    expect(a.textContent).toBe(plain.textContent);
    expect(plain.contentHtml).not.toContain('<h2>');
  });

  it('makes centred bold lines h2 and the other bold lines h3 when an article has both', () => {
    const a = extract(
      `${PROSE}<p style="text-align:center"><strong>第一部分</strong></p>${PROSE}<p><strong>小节标题</strong></p>${PROSE}`,
    );
    expect(a.contentHtml).toContain('<h2>第一部分</h2>');
    expect(a.contentHtml).toContain('<h3>小节标题</h3>');
  });

  it('leaves bold sentences, bylines, dates, attributions, partly bold lines and long lines as paragraphs', () => {
    const lines = [
      '<p><strong>这是一句加粗的话。</strong></p>',
      '<p><strong>澎湃新闻记者 段彦超</strong></p>',
      '<p><strong>2012年6月24日</strong></p>',
      '<p><strong>——（宋）陆游</strong></p>',
      '<p><strong>加粗</strong>后面是普通文字</p>',
      `<p><strong>${'很长的一行加粗文字'.repeat(6)}</strong></p>`,
      '<p style="text-align:right"><strong>某某公司</strong></p>',
      '<p><strong>嗯，“不是国军不努力，而是共军太狡猾！”</strong></p>',
    ];
    const a = extract(PROSE + lines.join(PROSE) + PROSE);
    expect(a.contentHtml).not.toMatch(/<h[23]>/);
  });

  it('promotes subheads that ask a question (sina-3, qq-2, youth-peer: `债券市场存在泡沫吗？`)', () => {
    const a = extract(
      `${PROSE}<p><strong>债券市场存在泡沫吗？</strong></p>${PROSE}<p><b>会有破坏性的崩盘吗?</b></p>${PROSE}`,
    );
    expect(a.contentHtml).toContain('<h2>债券市场存在泡沫吗？</h2>');
    expect(a.contentHtml).toContain('<h2>会有破坏性的崩盘吗?</h2>');
  });

  it('promotes nothing when the bold lines are a large share of the body (a list of bold lines is text)', () => {
    const bold = Array.from({ length: 12 }, (_, i) => `<p><strong>第${i + 1}项重点工作安排</strong></p>`).join('');
    const a = extract(`<p>${'某市今天召开会议。'.repeat(4)}</p>${bold}`);
    expect(a.contentHtml).not.toMatch(/<h[23]>/);
  });
});
