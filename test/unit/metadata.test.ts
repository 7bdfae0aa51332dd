import { describe, it, expect } from 'vitest';
import { Window } from 'happy-dom';
import { parseDocument } from '../../src/cli/dom';
import { extractMetadata } from '../../src/extract/metadata';

/**
 * Generic metadata behaviour on small pages in the shapes Chinese portals use (not corpus pages), run on both DOMs
 * the engine supports, and a check that the document is never modified.
 */
const URL0 = 'https://www.example-news.cn/a/2021/0506/123.shtml';

function page(head: string, body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

const P = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>第${i + 1}段：市民在公园里散步锻炼，工作人员介绍了今年的改造计划和具体安排，预计年底前全部完成并对外开放。</p>`,
  ).join('');

const doms: [string, (html: string, url: string) => Document][] = [
  ['linkedom', (html, url) => parseDocument(html, url)],
  [
    'happy-dom',
    (html, url) => {
      const w = new Window({ url });
      return new w.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    },
  ],
];

for (const [name, parse] of doms) {
  describe(`extractMetadata on ${name}`, () => {
    const meta = (html: string, url = URL0, content?: (d: Document) => Element | null) => {
      const doc = parse(html, url);
      const before = doc.documentElement.outerHTML;
      const m = extractMetadata(doc, url, content ? content(doc) : null, null);
      expect(doc.documentElement.outerHTML).toBe(before); // never mutates the document
      return m;
    };

    it('never returns the site name as title when <title> is only the site', () => {
      const m = meta(
        page('<title>江川新闻网</title>', `<h1>江川新区公园改造完成</h1><div class="content">${P(4)}</div>`),
      );
      expect(m.title).toBe('江川新区公园改造完成');
    });

    it('strips `--` and ` | ` suffixes when there is no headline element', () => {
      expect(
        meta(page('<title>江川新区公园改造完成--江川新闻网</title>', `<div class="content">${P(4)}</div>`)).title,
      ).toBe('江川新区公园改造完成');
      expect(
        meta(page('<title>江川新区公园改造完成 | 江川新闻网</title>', `<div class="content">${P(4)}</div>`)).title,
      ).toBe('江川新区公园改造完成');
    });

    it('prefers the on-page headline when <title>, og:title and JSON-LD disagree', () => {
      const m = meta(
        page(
          '<title>江川新区公园改造完成 年底开放_社会_江川新闻网</title><meta property="og:title" content="江川新区公园改造完成">' +
            '<script type="application/ld+json">{"@type":"NewsArticle","headline":"公园改造"}</script>',
          `<h1>江川新区公园改造完成 年底开放</h1><div class="content">${P(4)}</div>`,
        ),
      );
      expect(m.title).toBe('江川新区公园改造完成 年底开放');
      expect(m.siteName).toBe('江川新闻网');
    });

    it('reads a labelled info line with values run together', () => {
      const m = meta(
        page(
          '<title>t</title>',
          `<h1>江川新区公园改造完成</h1><div class="info">发布时间：2024 05/09 22:27:02来源：人民日报作者：方  敏 李明</div><div class="content">${P(4)}</div>`,
        ),
      );
      expect(m.published).toBe('2024-05-09T22:27:02+08:00');
      expect(m.source).toBe('人民日报');
      expect(m.authors).toEqual(['方敏', '李明']);
    });

    it('gives a date only when the page gives no time, and cuts the date off the source', () => {
      const m = meta(
        page(
          '<title>t</title>',
          `<h1>江川新区公园改造完成</h1><p class="src">来源：人民日报2021-05-06</p><div class="content">${P(4)}</div>`,
        ),
        'https://x.example.cn/news/123.html',
      );
      expect(m.source).toBe('人民日报');
      expect(m.published).toBe('2021-05-06');
    });

    it('takes the year of a year-less time from the URL', () => {
      const m = meta(
        page(
          '<title>t</title>',
          `<h1>江川新区公园改造完成</h1><div class="info"><span>江川观察</span> 05-06 09:30</div><div class="content">${P(4)}</div>`,
        ),
      );
      expect(m.published).toBe('2021-05-06T09:30:00+08:00');
    });

    it('converts an offset time to Beijing time', () => {
      const m = meta(
        page(
          '<title>t</title><meta property="article:published_time" content="2020-03-15T02:13:00Z">',
          `<h1>江川新区公园改造完成</h1><div class="content">${P(4)}</div>`,
        ),
      );
      expect(m.published).toBe('2020-03-15T10:13:00+08:00');
    });

    it('never takes a date from related lists, comments or scripts; falls back to the URL date', () => {
      const m = meta(
        page(
          '<title>t</title><script>var pubtime = "2019-01-01 08:00";</script>',
          `<h1>江川新区公园改造完成</h1><div class="content">${P(4)}</div><div class="related"><h3>相关新闻</h3><ul><li><a href="/x">旧闻</a> 2018-02-03 10:00</li></ul></div><div class="comment"><p>网友：好 2022-01-01 12:00</p></div>`,
        ),
      );
      expect(m.published).toBe('2021-05-06');
    });

    it('reads bracketed credits in the body and never reports the editor as author', () => {
      const m = meta(
        page(
          '<title>t</title>',
          `<h1>江川新区公园改造完成</h1><div class="content"><p>本报讯（记者 张晓 李明）${P(1)}</p>${P(3)}<p>【责任编辑：王五】</p></div>`,
        ),
        URL0,
        (d) => d.querySelector('.content'),
      );
      expect(m.authors).toEqual(['张晓', '李明']);
      expect(m.editors).toEqual(['王五']);
    });

    it('reports 通讯员 only when no reporter is named', () => {
      const m = meta(
        page(
          '<title>t</title>',
          `<h1>江川新区公园改造完成</h1><div class="content">${P(4)}<p>（通讯员 漆琳）</p><p>(责编：刘宇)</p></div>`,
        ),
        URL0,
        (d) => d.querySelector('.content'),
      );
      expect(m.authors).toEqual(['漆琳']);
      expect(m.editors).toEqual(['刘宇']);
    });

    it('reads the breadcrumb after the site name without 正文', () => {
      const m = meta(
        page(
          '<title>江川新区公园改造完成_江川新闻网</title>',
          `<div class="nav">当前位置：<a href="/">江川新闻网</a> &gt; <a href="/sh/">社会</a> &gt; <a href="/sh/ms/">民生</a> &gt; 正文</div><h1>江川新区公园改造完成</h1><div class="content">${P(4)}</div>`,
        ),
      );
      expect(m.section).toEqual(['社会', '民生']);
    });

    it('reads an info line printed above the headline, split over spans (新华网 2024 shape)', () => {
      const m = meta(
        page(
          '<title>江川新区公园改造完成-新华网</title>',
          `<div class="header-time"><span class="year"><em> 2024</em></span><span class="day"><em> 05</em>/<em>10</em></span><span class="time"> 10:13:41</span></div><div class="source">来源：新华网</div><h1>江川新区公园改造完成</h1><div id="detail">${P(4)}<p>【责任编辑:王五】</p></div>`,
        ),
        'http://www.news.cn/politics/20240510/abc/c.html',
      );
      expect(m).toMatchObject({
        published: '2024-05-10T10:13:41+08:00',
        source: '新华网',
        editors: ['王五'],
        siteName: '新华网',
      });
    });

    it('reads an editor credit after the body and an arrow breadcrumb (中新网 shape)', () => {
      const m = meta(
        page(
          '<title>江川新区公园改造完成-中新网</title>',
          `<div id="nav">您当前的位置 ：<a>首页</a> → <a>国内</a></div><h1>江川新区公园改造完成</h1><div class="time">2024-05-10 10:13:41　来源：中国新闻网　<a>大字体</a></div><div class="left_zw">${P(4)}<p>　　(完)</p></div><div class="left_name">【编辑:张燕玲】</div>`,
        ),
      );
      expect(m).toMatchObject({
        published: '2024-05-10T10:13:41+08:00',
        source: '中国新闻网',
        editors: ['张燕玲'],
        authors: [],
        section: ['国内'],
      });
    });

    it('takes the speaker line at the top of a transcript as the author', () => {
      const m = meta(
        page(
          '<title>t</title>',
          `<h1>江川新区公园改造新闻发布会</h1><div class="c"><p>2024年5月10日</p><p>江川市政府新闻发言人 周航</p>${P(4)}</div>`,
        ),
        URL0,
        (d) => d.querySelector('.c'),
      );
      expect(m.authors).toEqual(['周航']);
    });

    it("does not take a top bar's current date", () => {
      const m = meta(
        page(
          '<title>江川新区公园改造完成_江川网</title>',
          `<div class="top">今天是2024年05月11日 星期六</div><div class="t">江川新区公园改造完成</div><div class="c">${P(5)}</div>`,
        ),
        'https://www.example.cn/news/123.html',
      );
      expect(m.published).toBeNull();
    });

    it('resolves a relative canonical URL and detects the script of an undeclared page', () => {
      const trad =
        '<p>這個公園的改造工作已經完成，市民們對於新設施的評價很高，預計將於年底前全部開放。記者從有關部門了解到，這項工程還包括周邊道路與停車場的整修。</p>'.repeat(
          4,
        );
      const m = meta(
        page(
          '<title>t</title><link rel="canonical" href="/a/2021/0506/123.shtml">',
          `<h1>公園改造完成</h1><div class="content">${trad}</div>`,
        ).replace('<html>', '<html>'),
      );
      expect(m.canonicalUrl).toBe('https://www.example-news.cn/a/2021/0506/123.shtml');
      expect(m.lang).toBe('zh-TW');
      expect(
        meta(page('<title>t</title>', `<h1>江川新区公园改造完成</h1><div class="content">${P(4)}</div>`)).lang,
      ).toBe('zh-CN');
    });
  });
}

describe('title suffixes', () => {
  it('keeps hyphens inside Latin words and ranges', async () => {
    const { stripTitleSuffix } = await import('../../src/extract/title');
    expect(stripTitleSuffix('Doctors test new X-ray scanner - BBC News').title).toBe('Doctors test new X-ray scanner');
    expect(stripTitleSuffix('1-10月德清县固定资产投资结构趋稳趋优').title).toBe('1-10月德清县固定资产投资结构趋稳趋优');
    expect(stripTitleSuffix('交通运输部：着力打造京津冀区域综合立体交通网络-股票频道-和讯网')).toEqual({
      title: '交通运输部：着力打造京津冀区域综合立体交通网络',
      site: '和讯网',
    });
    expect(stripTitleSuffix('安宁区齿轮厂社区:关心关爱弱势群体 让防疫充满温情_来稿选登_中国甘肃网').title).toBe(
      '安宁区齿轮厂社区:关心关爱弱势群体 让防疫充满温情',
    );
  });
});

describe('JSON-LD authors joined in one string', () => {
  it('reads "周明远, 林小雨" as two names and leaves other strings whole', async () => {
    const { splitJoinedNames } = await import('../../src/extract/metadata-credits');
    expect(splitJoinedNames('周明远, 林小雨')).toEqual(['周明远', '林小雨']);
    expect(splitJoinedNames('张三、李四，王五')).toEqual(['张三', '李四', '王五']);
    expect(splitJoinedNames('Smith, John')).toEqual(['Smith, John']);
    expect(splitJoinedNames('新华社, 人民日报客户端记者')).toEqual(['新华社, 人民日报客户端记者']);
    expect(splitJoinedNames('周明远')).toEqual(['周明远']);
  });

  it('gives the Article both names (test/fixtures/kinds/credit-jsonld-joined-authors.html)', async () => {
    const { readFileSync } = await import('node:fs');
    const { extractArticle } = await import('../../src/extract/index');
    const url = 'https://finance.mouwang.cn/a/20230609/100234.html';
    const html = readFileSync('test/fixtures/kinds/credit-jsonld-joined-authors.html', 'utf8');
    expect(extractArticle(parseDocument(html, url), url).authors).toEqual(['周明远', '林小雨']);
  });
});
