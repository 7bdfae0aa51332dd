import { readFileSync } from 'node:fs';

/**
 * Huge pages within the content script's limits (src/content/limits.ts: at most 30,000 elements, 256 levels), one of
 * each kind that makes page load costly: long English and long Chinese articles, 100,000 small nodes, deep nesting, a
 * giant table, thousands of reader comments. Generated (deterministic, no randomness) for `npm run bench:huge`
 * (scripts/bench-huge.ts) and test/e2e/huge.test.ts. Every page is an article with clutter around it (a 精彩推荐 block
 * and a share bar), so both the badge and the declutter have work to do.
 */

/** The host the pages are served under: one of the manifest's, so the content script runs at page load by itself. */
export const HUGE_HOST = 'huge.gscn.com.cn';

/** One generated page. */
export interface HugePage {
  name: string;
  /** What the page is, for the bench's table. */
  kind: string;
  html: string;
  /** Paragraphs of the article body (`<p>` inside the body container): what the Article must give back. */
  paragraphs: number;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The body paragraphs of a real news page (test/fixtures/hostile/article.txt, from corpus page gscn-1: its indented lines). */
const ZH = readFileSync('test/fixtures/hostile/article.txt', 'utf8')
  .split('\n')
  .filter((l) => /^\s{2}[^\s•]/.test(l))
  .map((l) => l.trim());

const EN_WORDS = (
  'the council said on monday that its new plan for the river district would bring housing schools and parks to ' +
  'thousands of families while critics warned that costs could rise sharply before the first homes are finished'
).split(' ');

/** English paragraph number `i` (about 120 characters, varied so no two neighbours are equal). */
function enParagraph(i: number): string {
  const words: string[] = [];
  for (let k = 0; k < 20; k++) words.push(EN_WORDS[(i * 7 + k * 3) % EN_WORDS.length]);
  const s = words.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}, paragraph ${i + 1}.`;
}

/** Chinese paragraph number `i` (a sentence of ZH with its number). */
const zhParagraph = (i: number): string => `${ZH[i % ZH.length]}（第${i + 1}段）`;

/** Clutter the declutter hides: a 精彩推荐 link list and a 分享到 bar (markers of src/extract/markers.ts). */
const CLUTTER = `<div class="share">分享到：<a href="/s/1">微信</a> <a href="/s/2">微博</a></div>
<div class="recommend"><h3>精彩推荐</h3><ul>${Array.from(
  { length: 8 },
  (_, i) => `<li><a href="/system/2020/03/1${i}/01234${i}.shtml">推荐新闻标题第${i + 1}条</a></li>`,
).join('')}</ul></div>`;

/**
 * A page around `body` (HTML of the body container's content): the page's own long-task observer (as the hostile
 * pages have, test/e2e/hostile-pages.ts), a headline, a dateline, the container, and the clutter.
 */
function page(title: string, lang: string, body: string, after = ''): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}_中国甘肃网</title>
<script>(function(){var d=document.documentElement,lt='';try{new PerformanceObserver(function(l){var es=l.getEntries();for(var i=0;i<es.length;i++){lt+=Math.round(es[i].startTime)+':'+Math.round(es[i].duration)+';'}d.setAttribute('data-longtasks',lt)}).observe({type:'longtask',buffered:true})}catch(e){}})();</script>
</head><body><div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a></div>
<h1>${escapeHtml(title)}</h1><div class="dateline">2026-12-05 10:13 来源：中国甘肃网</div>
<div class="article-body">${body}</div>${CLUTTER}${after}<div class="footer">版权所有 中国甘肃网</div></body></html>`;
}

const paragraphs = (n: number, text: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => `<p>${escapeHtml(text(i))}</p>`).join('\n');

/** 20,000 English paragraphs: a page only Readability reads (not CJK). */
function longEnglish(): HugePage {
  const body = paragraphs(20_000, enParagraph);
  return {
    name: 'long-en',
    kind: '20,000 English paragraphs',
    html: page('River district plan', 'en', body),
    paragraphs: 20_000,
  };
}

/** 20,000 Chinese paragraphs. */
function longChinese(): HugePage {
  const body = paragraphs(20_000, zhParagraph);
  return {
    name: 'long-zh',
    kind: '20,000 Chinese paragraphs',
    html: page('齿轮厂社区关爱老人', 'zh-CN', body),
    paragraphs: 20_000,
  };
}

/** About 100,000 small nodes: 1,000 paragraphs of 27 one-character spans, each with a text node and a comment after. */
function smallNodes(): HugePage {
  const p = (i: number) =>
    `<p>${ZH[i % ZH.length].slice(0, 6)}${Array.from({ length: 27 }, (_, k) => `<span>字${k}</span>，<!--c-->`).join('')}。</p>`;
  const body = Array.from({ length: 1_000 }, (_, i) => p(i)).join('\n');
  return {
    name: 'small-nodes',
    kind: '~100,000 small nodes',
    html: page('小节点新闻', 'zh-CN', body),
    paragraphs: 1_000,
  };
}

/** 100 chains of 240 nested divs, the article's 40 paragraphs at the bottom of the first. */
function deepNesting(): HugePage {
  const chain = (inner: string) => `${'<div>'.repeat(240)}${inner}${'</div>'.repeat(240)}`;
  const body = [
    chain(paragraphs(40, zhParagraph)),
    ...Array.from({ length: 99 }, (_, i) => chain(`<span>层${i}</span>`)),
  ];
  return {
    name: 'deep',
    kind: '100 chains 240 deep',
    html: page('深层嵌套新闻', 'zh-CN', body.join('\n')),
    paragraphs: 40,
  };
}

/** An article of 60 paragraphs with a table of 2,500 rows × 10 cells after it, inside the body container. */
function giantTable(): HugePage {
  const row = (r: number) => `<tr>${Array.from({ length: 10 }, (_, c) => `<td>第${r}行${c}列</td>`).join('')}</tr>`;
  const table = `<table><tbody>${Array.from({ length: 2_500 }, (_, r) => row(r)).join('\n')}</tbody></table>`;
  const body = paragraphs(60, zhParagraph) + table;
  return { name: 'table', kind: 'table 2,500 x 10', html: page('统计数据公布', 'zh-CN', body), paragraphs: 60 };
}

/**
 * An article of 30 paragraphs followed by 3,000 reader comments (user, text, IP location, time). The comment texts are
 * divs: as `<p>`s, 3,000 of them outweigh the article in the body pass, which then takes the comment list for the body
 * (the Article, cleaned, finds no text and overrules page load's verdict).
 */
function manyComments(): HugePage {
  const comment = (i: number) =>
    `<div class="comment-item"><span class="user">网友${i}</span><div class="comment-text">${escapeHtml(ZH[(i * 5) % ZH.length].slice(0, 30))}</div><span class="ip">IP属地：甘肃 ${i % 59}分钟前</span> <a href="#r${i}">回复</a></div>`;
  const comments = `<div class="comments"><h3>网友评论</h3>${Array.from({ length: 3_000 }, (_, i) => comment(i)).join('\n')}</div>`;
  return {
    name: 'comments',
    kind: '3,000 reader comments',
    html: page('社区评论热议', 'zh-CN', paragraphs(30, zhParagraph), comments),
    paragraphs: 30,
  };
}

/** Every huge page, in the bench's order. */
export function hugePages(): HugePage[] {
  return [longEnglish(), longChinese(), smallNodes(), deepNesting(), giantTable(), manyComments()];
}

/** The address a huge page is served at (an article URL of the host's CMS shape). */
export const hugeUrl = (p: HugePage): string =>
  `http://${HUGE_HOST}/system/2026/12/05/0${p.name.length}1234567.shtml?${p.name}`;
