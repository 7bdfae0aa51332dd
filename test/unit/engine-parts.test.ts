import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { countChars, countHanKanaHangul, countPunct, readingMinutes } from '../../src/extract/cjk';
import { findNextPage } from '../../src/extract/next-page';
import { imageSource, isPlaceholder } from '../../src/extract/images';
import { isNoiseLine, cleanBody } from '../../src/extract/clean';
import { serializeBody, serializedChars } from '../../src/extract/serialize';
import { detectArticle } from '../../src/extract/detect';

const doc = (html: string) =>
  parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document as unknown as Document;

describe('cjk', () => {
  it('counts characters, CJK and clause punctuation', () => {
    expect(countChars(' 江川 地铁\u3000五号线 ')).toBe(7);
    expect(countHanKanaHangul('江川 Metro 5号线')).toBe(4);
    expect(countPunct('一，二。三, four;')).toBe(4);
  });
  it('reads CJK at about 400 characters a minute', () => {
    expect(readingMinutes('字'.repeat(1200))).toBe(3);
    expect(readingMinutes('')).toBe(0);
    expect(readingMinutes('短')).toBe(1);
  });
});

describe('next page', () => {
  const url = 'https://news.example.cn/a/2020/0315/100001.shtml';
  it('follows the _N numbering of the current URL', () => {
    const d = doc(
      '<div class="page"><a href="100001.shtml">1</a> <a href="100001_2.shtml">2</a> <a href="100001_3.shtml">3</a></div>',
    );
    expect(findNextPage(d, url)).toBe('https://news.example.cn/a/2020/0315/100001_2.shtml');
  });
  it('takes 下一页 and skips 下一篇 (the next article)', () => {
    const d = doc('<a href="/a/2020/0315/100777.shtml">下一篇</a><a href="/a/2020/0315/100001_2.shtml">下一页</a>');
    expect(findNextPage(d, url)).toBe('https://news.example.cn/a/2020/0315/100001_2.shtml');
    expect(findNextPage(doc('<a href="/a/2020/0315/100777.shtml">下一篇</a>'), url)).toBeNull();
  });
  it('follows a ?page=N series from the bare URL', () => {
    const d = doc('<a href="c.html?page=4">4</a><a href="c.html?page=2">2</a><a href="c.html?page=3">3</a>');
    expect(findNextPage(d, 'https://www.news.cn/20240515/abc/c.html')).toBe(
      'https://www.news.cn/20240515/abc/c.html?page=2',
    );
  });
  it('takes 【2】 next to 【1】 in a pager whose URLs have no series', () => {
    const d = doc(
      '<div class="pager"><span>【1】</span><a href="/show.php?id=77&amp;part=b">【2】</a><a href="/show.php?id=77&amp;part=c">【3】</a></div>',
    );
    expect(findNextPage(d, 'https://news.example.cn/show.php?id=77')).toBe(
      'https://news.example.cn/show.php?id=77&part=b',
    );
  });
  it('knows 0-based index_1.htm pagination', () => {
    const d = doc('<a href="index_1.htm">2</a><a href="index_2.htm">3</a>');
    expect(findNextPage(d, 'https://x.example.cn/list/index.htm')).toBe('https://x.example.cn/list/index_1.htm');
  });
});

describe('images', () => {
  const base = 'https://news.example.cn/a/1.shtml';
  it('prefers lazy sources over placeholders and resolves them', () => {
    const d = doc(
      '<img id="a" src="/images/blank.gif" data-original="//img.example.cn/a1.jpg"><img id="b" data-src="https://mmbiz.example.cn/x/640?wx_fmt=jpeg"><img id="c" src="data:image/gif;base64,R0lG">',
    );
    expect(imageSource(d.getElementById('a')!, base)).toBe('https://img.example.cn/a1.jpg');
    expect(imageSource(d.getElementById('b')!, base)).toBe('https://mmbiz.example.cn/x/640?wx_fmt=jpeg');
    expect(imageSource(d.getElementById('c')!, base)).toBeNull();
    expect(isPlaceholder('/static/loading.gif')).toBe(true);
    expect(
      imageSource(doc('<img id="i" src="/img/end_money.png" width="13" height="12">').getElementById('i')!, base),
    ).toBeNull();
    expect(isPlaceholder('/2020/photo.gif')).toBe(false);
  });
});

describe('cleaning', () => {
  it('knows noise lines and keeps prose that mentions the same words', () => {
    expect(isNoiseLine('（原标题：江川地铁开通）')).toBe(true);
    expect(isNoiseLine('本文来源：江川日报 责任编辑：林晓')).toBe(true);
    expect(isNoiseLine('免责声明：本文仅代表作者本人观点')).toBe(true);
    expect(isNoiseLine('2024-05-20 06:48')).toBe(true);
    expect(isNoiseLine('来源于群众的意见，被写进了规划。')).toBe(false);
    expect(isNoiseLine('2012年6月24日')).toBe(false);
    expect(isNoiseLine('您的浏览器不支持video标签。')).toBe(true);
    expect(isNoiseLine('更多精彩内容，请关注江川新闻客户端')).toBe(true);
    expect(isNoiseLine('长按识别二维码关注我们')).toBe(true);
    expect(isNoiseLine('新浪声明：此消息系转载自新浪合作媒体')).toBe(true);
    expect(isNoiseLine('发布时间：2020-03-15 浏览次数：128')).toBe(true);
    expect(isNoiseLine('【打印本页】【关闭窗口】')).toBe(true);
    expect(isNoiseLine('他在声明中表示，将继续推进改革。')).toBe(false);
    expect(isNoiseLine('Copyright © 2020 江川新闻网 版权所有')).toBe(true);
    expect(isNoiseLine('群众举报后，执法人员赶到现场。')).toBe(false);
  });
  it('drops related lists, pagers and credits, keeps images and their captions (as figcaptions, not text); serialises to allowed tags', () => {
    const d =
      doc(`<div id="b"><h1>标题</h1><p>正文第一段，内容很长很长。</p><p style="text-align:center"><img src="/p.jpg" onerror="x()"></p>
      <p style="text-align:center">图为候车的乘客。</p><p><script>evil()</script>正文第二段。</p><p>相关新闻：</p>
      <p><a href="/1">旧闻一</a></p><p><a href="/2">旧闻二</a></p><div class="page"><a href="_2.shtml">下一页</a></div><p>（责任编辑：林晓）</p></div>`);
    const root = d.getElementById('b')!.cloneNode(true) as Element;
    cleanBody(root, { title: '标题' });
    const s = serializeBody(root, 'https://n.example.cn/a/1.shtml');
    // an uncredited caption under its image describes the picture: shown in the HTML, not part of the text
    expect(s.paragraphs).toEqual(['正文第一段，内容很长很长。', '正文第二段。']);
    expect(s.html).toContain('<figcaption>图为候车的乘客。</figcaption>');
    expect(serializedChars(root)).toBe(countChars(s.paragraphs.join('')));
    expect(s.html).not.toMatch(/script|onerror|style=/);
    expect(s.images).toEqual([{ src: 'https://n.example.cn/p.jpg', alt: '', caption: '图为候车的乘客。' }]);
  });
});

describe('<br>-separated paragraphs', () => {
  it('are <p>s in the HTML as in the text (thepaper-1); a <br> inside an inline element stays a line break', () => {
    const d = doc(
      '<div id="b">正文第一段，内容很长很长。<br><div class="contheight"></div>正文第二段。<br><br><b>小标题<br>第二行</b><br>末段。</div>',
    );
    const s = serializeBody(d.getElementById('b')!.cloneNode(true) as Element, 'https://n.example.cn/');
    expect(s.html).toBe(
      '<p>正文第一段，内容很长很长。</p>\n<p>正文第二段。</p>\n<p><b>小标题<br>第二行</b></p>\n<p>末段。</p>\n',
    );
    expect(s.paragraphs).toEqual(['正文第一段，内容很长很长。', '正文第二段。', '小标题', '第二行', '末段。']);
  });
});

describe('noise text beside blocks', () => {
  it('drops a bare noise line in a container that also holds paragraphs', () => {
    const d = doc('<div id="b"><p>正文第一段，内容很长很长。</p>正在加载...<p>正文第二段，内容也很长。</p></div>');
    const root = d.getElementById('b')!.cloneNode(true) as Element;
    cleanBody(root);
    expect(serializeBody(root, 'https://n.example.cn/').paragraphs).toEqual([
      '正文第一段，内容很长很长。',
      '正文第二段，内容也很长。',
    ]);
  });
});

describe('trailing link lines', () => {
  it('drops links to other articles after the last prose, keeps a prose-led reference line', () => {
    const d = doc(
      '<div id="b"><p>正文第一段，内容很长很长。</p><p>此前报道：<a href="/1">港媒报道某事</a></p><p><a href="/2">江川老桥将进行维修加固</a></p><p><a href="/3">江川南岸新区规划公布</a></p></div>',
    );
    const root = d.getElementById('b')!.cloneNode(true) as Element;
    cleanBody(root);
    expect(serializeBody(root, 'https://n.example.cn/').paragraphs).toEqual([
      '正文第一段，内容很长很长。',
      '此前报道：港媒报道某事',
    ]);
  });
});

describe('detection', () => {
  const base = {
    url: 'https://n.example.cn/a/2020/0315/1.shtml',
    bodyScore: 80,
    bodyChars: 900,
    pageChars: 3000,
    pageLinkChars: 900,
    metaArticle: false,
    ruleUrl: null,
    dateline: true,
    listItems: 0,
    posts: 0,
    headline: false,
  };
  it('takes a CJK body of short paragraphs as an article', () => {
    expect(detectArticle(base).isArticle).toBe(true);
  });
  it('rejects a link list on a list URL even with an article-like URL host', () => {
    const d = detectArticle({
      ...base,
      url: 'https://n.example.cn/list/index.shtml',
      bodyScore: 5,
      bodyChars: 40,
      pageLinkChars: 2700,
      dateline: false,
    });
    expect(d.isArticle).toBe(false);
    expect(d.reasons.join(' ')).toMatch(/link density/);
  });
  it('URL shape alone is not proof', () => {
    expect(detectArticle({ ...base, bodyScore: 10, bodyChars: 30, dateline: false }).isArticle).toBe(false);
  });
});

describe('odd pages never throw', () => {
  for (const html of [
    '',
    'plain text only',
    '<html><head><title>t</title></head></html>',
    '<frameset><frame src="a.html"></frameset>',
    '<body><p>江川</p></body>',
    '<svg><text>x</text></svg>',
  ]) {
    it(JSON.stringify(html.slice(0, 30)), async () => {
      const { extractArticle } = await import('../../src/extract/index');
      const { parseDocument } = await import('../../src/cli/dom');
      const a = extractArticle(parseDocument(html, 'https://n.example.cn/'), 'https://n.example.cn/');
      expect(a.isArticle).toBe(false);
      expect(typeof a.contentHtml).toBe('string');
    });
  }
});
