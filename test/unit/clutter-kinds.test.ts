import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { parseDocument } from '../../src/cli/dom';
import { findClutterBlocks, findSpineClutter, guardedSelectors, isGuarded, pageGuard } from '../../src/extract/clutter';
import { CLUTTER_SELECTORS } from '../../src/extract/markers';
import { markerOf } from '../../src/extract/markers';
import { shownText } from '../../src/extract/text';
import { CLUTTER_HEADINGS } from '../../src/extract/vocabulary';

/**
 * Kinds of clutter the structure pass beside the body missed on the corpus, each on an invented page (invented text,
 * markup in the style of the templates named): what is found, and what stays.
 */
const URL = 'http://news.example.cn/2024/0315/1.html';
const PROSE = `<p>${'某市今天召开会议，研究部署下一阶段的重点工作。'.repeat(8)}</p>`;

function page(beside: string, after = ''): string {
  return `<html><head><title>某市召开重点工作会议_某某网</title></head><body>
    <div class="nav"><a href="/">首页</a><a href="/a">国内</a><a href="/b">国际</a><a href="/c">财经</a></div>
    <div class="wrap"><div class="left"><h1>某市召开重点工作会议</h1>
      <div class="info"><span>2024-03-15 10:13</span> 来源：某某日报</div>
      <div id="body">${PROSE}${PROSE}</div>${after}</div>
    ${beside}</div>
    <div class="footer"><p>Copyright © 某某网 版权所有 京ICP备00000000号</p></div></body></html>`;
}

const engines: [string, (html: string) => Document][] = [
  ['linkedom', (html) => parseDocument(html, URL)],
  [
    'happy-dom',
    (html) => {
      const win = new Window({ url: URL });
      win.document.write(html);
      return win.document as unknown as Document;
    },
  ],
];

/** The class names of what the structure pass finds beside the body. */
function spine(doc: Document): string[] {
  const guard = pageGuard(doc, doc.getElementById('body')!);
  return findSpineClutter(doc, guard).map((e) => e.getAttribute('class') ?? e.tagName);
}

describe.each(engines)('clutter beside the body (%s)', (_engine, parse) => {
  it('reads a list of links without the source of its script and style (youth-peer, hexun-1)', () => {
    const items = ['一条新闻的标题文字', '又一条新闻的标题', '第三条新闻的标题'].map(
      (t, i) => `<li><a href="/${i}">${t}</a></li>`,
    );
    const code = `<script>getNewsByRef("${'x'.repeat(300)}");</script><style>.rank li{margin:0 ${'1px '.repeat(60)}}</style>`;
    const doc = parse(page(`<div class="rank"><ul>${code}${items.join('')}</ul></div>`));
    expect(shownText(doc.querySelector('.rank')!)).not.toContain('getNewsByRef');
    expect(spine(doc)).toContain('rank');
  });

  it('hides a tool bar of short controls with a feedback word (huanqiu-1), not a row of tags', () => {
    const bar = `<div class="tools"><span>阅读数(1234)</span><a href="#">不感兴趣</a><ul><li>广告软文</li><li>重复、旧闻</li>
      <li>感谢您的反馈，我们将会减少此类推荐</li></ul><a href="mailto:a@b.cn">投诉</a></div>`;
    const tags = `<div class="tags"><span>城市</span><span>会议</span><span>工作</span><span>部署</span></div>`;
    const found = spine(parse(page('', bar + tags)));
    expect(found).toContain('tools');
    expect(found).not.toContain('tags');
  });

  it('hides the font-size control beside the info line and the print/close bar of a government page', () => {
    const font = '<span class="font">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span>';
    const tools = '<div class="print"><a href="#">【打印本页】</a><a href="#">【关闭窗口】</a></div>';
    const doc = parse(page('', tools).replace('来源：某某日报</div>', `来源：某某日报${font}</div>`));
    const found = spine(doc);
    expect(found).toEqual(expect.arrayContaining(['font', 'print']));
    expect(found).not.toContain('info');
  });

  it('keeps an unnamed navigation with a 关注我们 link before the headline, hides a share bar there (break-it trial)', () => {
    const nav =
      '<div id="top"><ul><li><a href="/">首页</a></li><li><a href="/a">国内</a></li><li><a href="/b">国际</a></li><li><a href="/g">关注我们</a></li></ul></div>';
    const share = '<div class="sh">分享到：<a href="#">微博</a><a href="#">微信</a><a href="#">QQ空间</a></div>';
    const doc = parse(page('').replace('<div class="wrap">', `${nav}${share}<div class="wrap">`));
    const found = spine(doc);
    expect(found).not.toContain('DIV');
    expect(found).toContain('sh');
  });

  it('hides a QR follow block inside the footer, never the footer text (cmse-1)', () => {
    const html = page('').replace(
      '<div class="footer">',
      '<div class="footer"><div class="qr"><a><img src="/q.png"><span>某某官方微信</span></a></div>',
    );
    const doc = parse(html);
    expect(spine(doc)).toEqual(expect.arrayContaining(['qr']));
    expect(spine(doc)).not.toContain('footer');
  });

  it('does not keep a side column for a footer-named box without links or footer text (sina-2)', () => {
    const side = `<div class="right"><div class="live"><h2>7X24小时</h2><p>加载中</p></div>
      <div class="footer-wrap"><a href="/fb">意见反馈留言板</a></div></div>`;
    const doc = parse(page(side));
    const guard = pageGuard(doc, doc.getElementById('body')!);
    expect(isGuarded(guard, doc.querySelector('.right')!)).toBe(false);
    // a real footer, by class, with its links, stays guarded
    expect(isGuarded(guard, doc.querySelector('.nav')!)).toBe(true);
  });

  it('takes a year alone, not a promo line starting with a year, for the info line (qq-2, sina-2)', () => {
    const promo = '<p class="promo"><a href="/p">“2018十大人物评选”火热进行中！</a></p>';
    const html = page('').replace('<div class="info">', `${promo}<div class="info"><span class="y">2024</span>`);
    const doc = parse(html);
    const guard = pageGuard(doc, doc.getElementById('body')!);
    expect(isGuarded(guard, doc.querySelector('.promo')!)).toBe(false);
    expect(isGuarded(guard, doc.querySelector('.y')!)).toBe(true);
  });
});

describe.each(engines)('marker blocks inside the body (%s)', (_engine, parse) => {
  it('hides a block under a heading of its own, teasers with prose included (163-4), not a paragraph opening with a marker word', () => {
    const related = `<div class="tag"><div class="tag_ttl">延伸 · 推荐</div><div class="cnt"><p><a href="/r">另一条新闻的标题</a></p>
      <p>${'近日，某地一位民警在开展核查工作时，平均每天拨打一百余个电话。'.repeat(2)}</p></div></div>`;
    const ad = `<p class="ad"><strong>广告</strong>投放方面，${'某市今年的广告投放总额比去年增长了一成以上。'.repeat(3)}</p>`;
    const doc = parse(page('').replace(`${PROSE}${PROSE}</div>`, `${PROSE}${ad}${PROSE}${related}</div>`));
    const found = findClutterBlocks(doc, doc.getElementById('body')!).map((e) => e.getAttribute('class'));
    expect(found).toContain('tag');
    expect(found).not.toContain('ad');
  });

  it('keeps an article photo whose caption opens with a marker word (break-it trial)', () => {
    const fig =
      '<figure class="photo"><img src="/p.jpg"><figcaption>扫一扫：市民在地铁站扫码进站。</figcaption></figure>';
    const doc = parse(page('').replace(`${PROSE}${PROSE}</div>`, `${PROSE}${fig}${PROSE}</div>`));
    const found = findClutterBlocks(doc, doc.getElementById('body')!);
    expect(found.filter((e) => e.closest('figure'))).toEqual([]);
  });
});

describe.each(engines)('clutter class names on article matter inside the body (%s)', (_engine, parse) => {
  it('keeps a photo credit in .copyright and a captioned chart in .adv; still hides the linked banner', () => {
    const body = `<p class="pic"><img src="/p1.jpg"></p><p class="copyright">图：新华社记者 王晓明 摄</p>${PROSE}
      <div class="adv"><img src="/chart.png"><p>近十年黄河兰州段开河日期变化示意图。</p></div>${PROSE}
      <div class="adv"><a href="https://ad.example.com/x"><img src="/banner.gif"></a></div>`;
    const doc = parse(page('').replace(`${PROSE}${PROSE}</div>`, `${body}</div>`));
    const guard = pageGuard(doc, doc.getElementById('body')!);
    const { sheet, marked } = guardedSelectors(doc, CLUTTER_SELECTORS, guard);
    expect(sheet).not.toContain('.copyright');
    expect(sheet).not.toContain('.adv');
    expect(marked.some((e) => e.querySelector('img[src="/banner.gif"]'))).toBe(true);
    expect(marked.some((e) => /王晓明|示意图/.test(e.textContent ?? ''))).toBe(false);
  });
});

describe('markers', () => {
  it('reads a short heading spaced out with dots or spaces (163-4)', () => {
    expect(markerOf('延伸 · 推荐')).toBe('延伸推荐');
    expect(markerOf('相 关 新 闻')).toBe('相关新闻');
    expect(markerOf('点击进入专题：')).toBe('点击进入专题');
    expect(markerOf('关注公众号：某某财经')).toBe('关注公众号');
    // prose is not spaced out, and a long line is not a heading
    expect(markerOf('相关 部门 今天 表示 将 加强 管理 工作 确保 安全')).toBeNull();
    expect(CLUTTER_HEADINGS).toContain('延伸推荐');
  });
});
