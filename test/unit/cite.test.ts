import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/cli/extract';
import { formatCitation, toCslItem, uniqueKeys } from '../../src/cite/index';
import { metadataBlock } from '../../src/cite/metadata-block';
import type { Article } from '../../src/extract/article';

const SEED_URL = 'http://gansu.gscn.com.cn/system/2020/03/15/012339876.shtml';
const SEED_GBT = `[1] 漆琳. 安宁区齿轮厂社区:关心关爱弱势群体 让防疫充满温情[EB/OL]. (2020-03-15)[2026-11-29]. ${SEED_URL}.`;

function article(over: Partial<Article> = {}): Article {
  return {
    isArticle: true,
    confidence: 1,
    url: SEED_URL,
    canonicalUrl: null,
    siteName: '中国甘肃网',
    title: '安宁区齿轮厂社区:关心关爱弱势群体 让防疫充满温情',
    published: '2020-03-15T10:13:00+08:00',
    source: '中国甘肃网',
    authors: ['漆琳'],
    editors: ['刘宇非'],
    section: ['甘肃新闻', '来稿选登'],
    lang: 'zh-CN',
    excerpt: '',
    contentHtml: '',
    textContent: '',
    charCount: 0,
    readingMinutes: 1,
    images: [],
    rule: 'gscn',
    nextPageUrl: null,
    ...over,
  };
}

describe('seed article, GB/T 7714 numeric', () => {
  it('formats a hand-built Article exactly', async () => {
    expect(await formatCitation(article(), 'gbt7714-numeric', { accessed: '2026-11-29' })).toBe(SEED_GBT);
  });
  it('numbers the entry', async () => {
    const text = await formatCitation(article(), 'gbt7714-numeric', { accessed: '2026-11-29', number: 7 });
    expect(text).toBe(SEED_GBT.replace('[1]', '[7]'));
  });
  it('accepts a Date as the access date', async () => {
    const text = await formatCitation(article(), 'gbt7714-numeric', { accessed: new Date(2026, 10, 29, 12) });
    expect(text).toBe(SEED_GBT);
  });
  for (const file of ['gscn-1.html', 'gscn-2.html']) {
    it(`formats ${file} through the real extraction path`, async () => {
      const page = new URL(`../fixtures/corpus/pages/${file}`, import.meta.url).pathname;
      const a = await extractFile({ file: page, url: SEED_URL });
      expect(await formatCitation(a, 'gbt7714-numeric', { accessed: '2026-11-29' })).toBe(SEED_GBT);
    });
  }
});

describe('toCslItem', () => {
  it('keeps Chinese names whole and splits Latin names', () => {
    const item = toCslItem(
      article({ authors: ['漆琳', '欧阳 修', 'John Smith', 'Doe, Jane', '新华社'] }),
      '2026-11-29',
    );
    expect(item.author).toEqual([
      { literal: '漆琳' },
      { literal: '欧阳修' },
      { family: 'Smith', given: 'John' },
      { family: 'Doe', given: 'Jane' },
      { literal: '新华社' },
    ]);
  });
  it('maps site, source, dates and URL', () => {
    const item = toCslItem(
      article({
        siteName: '网易',
        source: '新京报',
        canonicalUrl: 'https://www.163.com/news/article/ABC.html',
        published: '2020-03-15T00:30:00+08:00',
      }),
      '2026-11-29',
    );
    expect(item).toMatchObject({
      type: 'webpage',
      'container-title': '网易',
      publisher: '新京报',
      URL: 'https://www.163.com/news/article/ABC.html',
      issued: { 'date-parts': [[2020, 3, 15]] },
      accessed: { 'date-parts': [[2026, 11, 29]] },
      language: 'zh-CN',
      'citation-key': '163_2020_03_15',
    });
  });
  it('leaves the desk editor (编辑) out of citations', async () => {
    expect(toCslItem(article(), '2026-11-29')).not.toHaveProperty('editor');
    const noAuthor = article({ authors: [] });
    for (const style of ['gbt7714-numeric', 'apa', 'mla', 'chicago', 'bibtex', 'ris'] as const)
      expect(await formatCitation(noAuthor, style, { accessed: '2026-11-29' })).not.toContain('刘宇非');
  });
  it('drops a 来源 that names the site itself', () => {
    expect(toCslItem(article(), '2026-11-29').publisher).toBeUndefined();
    expect(
      toCslItem(article({ siteName: '人民网', source: '人民网-文化频道' }), '2026-11-29').publisher,
    ).toBeUndefined();
  });
  it('types a newspaper site article-newspaper and a portal webpage', () => {
    expect(toCslItem(article({ siteName: '北京青年报' }), '2026-11-29').type).toBe('article-newspaper');
    expect(
      toCslItem(
        article({ siteName: null, url: 'http://paper.people.com.cn/rmrb/html/2013-01/12/nw.htm' }),
        '2026-11-29',
      ).type,
    ).toBe('article-newspaper');
    expect(toCslItem(article({ siteName: '新浪网', source: '新京报' }), '2026-11-29').type).toBe('webpage');
  });
  it('prints a newspaper site article in the standard [N/OL] form', async () => {
    const text = await formatCitation(article({ siteName: '北京青年报', source: null }), 'gbt7714-numeric', {
      accessed: '2026-11-29',
    });
    expect(text).toBe(
      `[1] 漆琳. 安宁区齿轮厂社区:关心关爱弱势群体 让防疫充满温情[N/OL]. 北京青年报, 2020-03-15[2026-11-29]. ${SEED_URL}.`,
    );
  });
  it('rejects a malformed access date', () => {
    expect(() => toCslItem(article(), 'yesterday')).toThrow(/ISO 8601/);
  });
});

describe('roles and punctuation in APA, MLA and Chicago', () => {
  const reprint = article({
    siteName: '网易',
    source: '参考消息',
    authors: [],
    title: '多地项目连环爆雷 狂奔的龙湖集团"暗伤"曝露？',
    url: 'https://money.163.com/19/0907/13/EOFOC8MJ00258105.html',
  });
  it('starts with the title when no person is named, never with the site or the 来源 outlet', async () => {
    expect(await formatCitation(reprint, 'apa', { accessed: '2026-11-29' })).toBe(
      '多地项目连环爆雷 狂奔的龙湖集团"暗伤"曝露？ (2020, March 15). 网易. https://money.163.com/19/0907/13/EOFOC8MJ00258105.html',
    );
    expect(await formatCitation(reprint, 'chicago', { accessed: '2026-11-29' })).toBe(
      '“多地项目连环爆雷 狂奔的龙湖集团"暗伤"曝露？” 网易. 参考消息, March 15, 2020. https://money.163.com/19/0907/13/EOFOC8MJ00258105.html.',
    );
    expect(await formatCitation(reprint, 'mla', { accessed: '2026-11-29' })).toBe(
      '“多地项目连环爆雷 狂奔的龙湖集团"暗伤"曝露？” 网易, 参考消息, 15 Mar. 2020, https://money.163.com/19/0907/13/EOFOC8MJ00258105.html.',
    );
  });
  it('keeps the style period outside a closing Chinese quote of the title', async () => {
    const quoted = article({ title: '女童眼睛被塞几十片纸，“无法用科学解释”', authors: ['段彦超'] });
    const apa = await formatCitation(quoted, 'apa', { accessed: '2026-11-29' });
    expect(apa).toContain('女童眼睛被塞几十片纸，“无法用科学解释”. 中国甘肃网.');
    const mla = await formatCitation(quoted, 'mla', { accessed: '2026-11-29' });
    expect(mla).toContain('段彦超. “女童眼睛被塞几十片纸，‘无法用科学解释’.” 中国甘肃网,');
    for (const style of ['apa', 'mla', 'chicago'] as const)
      expect(await formatCitation(reprint, style, { accessed: '2026-11-29' })).not.toMatch(/？[.,]/);
  });
});

describe('a page with no headline (Article.title empty)', () => {
  const untitled = article({
    title: '',
    authors: [],
    textContent: '3月15日，安宁区齿轮厂社区开展关爱弱势群体活动，为困难家庭送去生活物资。\n\n第二段。',
  });
  it('cites the first words of the text in brackets in every style, BibTeX, RIS and CSL-JSON', async () => {
    const supplied = '[3月15日，安宁区齿轮厂社区开展关爱弱势…]';
    expect(toCslItem(untitled, '2026-11-29').title).toBe(supplied);
    expect(await formatCitation(untitled, 'gbt7714-numeric', { accessed: '2026-11-29' })).toBe(
      `[1] ${supplied}[EB/OL]. (2020-03-15)[2026-11-29]. ${SEED_URL}.`,
    );
    for (const style of ['gbt7714-author-date', 'apa', 'mla', 'chicago'] as const) {
      const text = await formatCitation(untitled, style, { accessed: '2026-11-29' });
      expect(text, style).toContain(supplied);
      expect(text, style).not.toMatch(/^[.,“"]*[.,]|\.\s*\[EB\/OL\]/);
    }
    expect(await formatCitation(untitled, 'bibtex', { accessed: '2026-11-29' })).toContain(`title = {${supplied}}`);
    expect(await formatCitation(untitled, 'ris', { accessed: '2026-11-29' })).toContain(`TI  - ${supplied}`);
  });
  it('MLA and Chicago print the supplied title as a description, not in quotes; APA and GB/T quote no title', async () => {
    const supplied = '[3月15日，安宁区齿轮厂社区开展关爱弱势…]';
    const cite = (a: Article, style: 'apa' | 'mla' | 'chicago') => formatCitation(a, style, { accessed: '2026-11-29' });
    expect(await cite(untitled, 'mla')).toBe(`${supplied}. 中国甘肃网, 15 Mar. 2020, ${SEED_URL}.`);
    expect(await cite(untitled, 'chicago')).toBe(`${supplied}. 中国甘肃网, March 15, 2020. ${SEED_URL}.`);
    expect(await cite(untitled, 'apa')).toBe(`${supplied}. (2020, March 15). 中国甘肃网. ${SEED_URL}`);
    // with an author, and with quotes inside the description: they stay as written (inside MLA's quotes citeproc
    // would have made them single)
    const quoted = article({ title: '', textContent: '他说“好”。后文。', source: '新华社' });
    expect(await cite(quoted, 'mla')).toBe(`漆琳. [他说“好”。]. 中国甘肃网, 新华社, 15 Mar. 2020, ${SEED_URL}.`);
    expect(await cite(quoted, 'chicago')).toBe(`漆琳. [他说“好”。]. 中国甘肃网. 新华社, March 15, 2020. ${SEED_URL}.`);
    // a headline keeps its quotes
    expect(await cite(article(), 'mla')).toContain(
      '漆琳. “安宁区齿轮厂社区:关心关爱弱势群体 让防疫充满温情.” 中国甘肃网,',
    );
    expect(await cite(article(), 'chicago')).toContain(
      '漆琳. “安宁区齿轮厂社区:关心关爱弱势群体 让防疫充满温情.” 中国甘肃网, March 15, 2020.',
    );
  });
  it('a U+2063 (the supplied title stand-in) in the page text, site or author is not taken for the stand-in', async () => {
    const cite = (a: Article, style: 'gbt7714-numeric' | 'apa' | 'mla' | 'chicago') =>
      formatCitation(a, style, { accessed: '2026-11-29' });
    // in the description: GB/T and APA printed it twice (the description put in at its own U+2063)
    const inText = article({ title: '', authors: [], textContent: '齿轮厂\u2063社区。后文。' });
    expect(await cite(inText, 'gbt7714-numeric')).toBe(
      `[1] [齿轮厂\u2063社区。][EB/OL]. (2020-03-15)[2026-11-29]. ${SEED_URL}.`,
    );
    expect(await cite(inText, 'apa')).toBe(`[齿轮厂\u2063社区。]. (2020, March 15). 中国甘肃网. ${SEED_URL}`);
    // in the site and the author: MLA and Chicago printed the description inside them (中国[社区。]甘肃网)
    const inSite = article({
      title: '',
      siteName: '中国\u2063甘肃网',
      source: '',
      authors: ['漆\u2063琳'],
      textContent: '社区。',
    });
    expect(await cite(inSite, 'mla')).toBe(`漆琳. [社区。]. 中国甘肃网, 15 Mar. 2020, ${SEED_URL}.`);
    expect(await cite(inSite, 'chicago')).toBe(`漆琳. [社区。]. 中国甘肃网, March 15, 2020. ${SEED_URL}.`);
  });
  it('a title of zero-width spaces is no headline: cited under the supplied title (it was an invisible title)', async () => {
    const supplied = '[3月15日，安宁区齿轮厂社区开展关爱弱势…]';
    const invisible = { ...untitled, title: '\u200b \ufeff' };
    expect(toCslItem(invisible, '2026-11-29').title).toBe(supplied);
    for (const style of ['gbt7714-numeric', 'apa', 'mla', 'chicago', 'ris'] as const)
      expect(await formatCitation(invisible, style, { accessed: '2026-11-29' }), style).toBe(
        await formatCitation(untitled, style, { accessed: '2026-11-29' }),
      );
  });
  it('ends the supplied title at the first sentence when it is short, and says 无题 when there is no text', () => {
    expect(toCslItem(article({ title: '', textContent: '短讯一则。后文很长很长。' }), '2026-11-29').title).toBe(
      '[短讯一则。]',
    );
    expect(toCslItem(article({ title: '  ', textContent: '' }), '2026-11-29').title).toBe('[无题]');
  });
});

describe('citation keys', () => {
  it('are the site and the date, unique within a file', () => {
    const items = [article(), article(), article({ published: null })].map((a) => toCslItem(a, '2026-11-29'));
    expect(uniqueKeys(items).map((i) => [i.id, i['citation-key']])).toEqual([
      ['gscn_2020_03_15', 'gscn_2020_03_15'],
      ['gscn_2020_03_15a', 'gscn_2020_03_15a'],
      ['gscn_nd', 'gscn_nd'],
    ]);
  });
});

describe('BibTeX and RIS entries', () => {
  it('BibTeX: biblatex @online with ISO dates, or @article with journaltitle for a newspaper', async () => {
    const web = await formatCitation(article({ source: '新京报', title: '华为5G' }), 'bibtex', {
      accessed: '2026-11-29',
    });
    expect(web).toMatch(/^@online\{gscn_2020_03_15,$/m);
    expect(web).toContain('date = {2020-03-15}');
    expect(web).toContain('urldate = {2026-11-29}');
    expect(web).toContain('title = {华为{5G}}');
    expect(web).not.toMatch(/month|note/);
    const paper = await formatCitation(article({ siteName: '北京青年报' }), 'bibtex', { accessed: '2026-11-29' });
    expect(paper).toMatch(/^@article\{/);
    expect(paper).toContain('journaltitle = {北京青年报}');
    expect(paper).toContain('entrysubtype = {newspaper}');
  });
  it('RIS: ELEC or NEWS with zero-padded dates and the access date in Y2', async () => {
    const web = await formatCitation(article({ published: '2020-03-05' }), 'ris', { accessed: '2026-01-09' });
    expect(web.split('\n')).toEqual([
      'TY  - ELEC',
      'ID  - gscn_2020_03_05',
      'AU  - 漆琳',
      'TI  - 安宁区齿轮厂社区:关心关爱弱势群体 让防疫充满温情',
      'T2  - 中国甘肃网',
      'PY  - 2020',
      'DA  - 2020/03/05/',
      'Y2  - 2026/01/09/',
      'LA  - zh-CN',
      `UR  - ${SEED_URL}`,
      'ER  - ',
    ]);
    const paper = await formatCitation(article({ siteName: '北京青年报' }), 'ris', { accessed: '2026-01-09' });
    expect(paper).toMatch(/^TY {2}- NEWS\n/);
    expect(paper).toContain('AU  - 漆琳');
    expect(paper).toContain('DA  - 2020/03/15/');
  });
});

describe('other formats', () => {
  it('Markdown link escapes brackets and parentheses', async () => {
    const a = article({ title: '[视频] 标题', url: 'http://x.cn/a_(1).html' });
    expect(await formatCitation(a, 'markdown')).toBe('[\\[视频\\] 标题](http://x.cn/a_%281%29.html)');
  });
  it('metadata block', () => {
    expect(metadataBlock(article())).toBe(
      `标题：安宁区齿轮厂社区:关心关爱弱势群体 让防疫充满温情\n来源：中国甘肃网\n作者：漆琳\n编辑：刘宇非\n发布时间：2020-03-15 10:13\n链接：${SEED_URL}`,
    );
    expect(metadataBlock(article({ authors: [], editors: [], published: null, source: null, siteName: null }))).toBe(
      `标题：安宁区齿轮厂社区:关心关爱弱势群体 让防疫充满温情\n链接：${SEED_URL}`,
    );
  });
  it('rejects an unknown style', async () => {
    await expect(formatCitation(article(), 'harvard' as never)).rejects.toThrow(/style/);
  });
});
// Reading BibTeX and RIS back (citation-js and a second parser, every corpus article): cite-roundtrip.test.ts.
