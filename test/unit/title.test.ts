import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/cli/dom';
import {
  headlineBeforeDate,
  isKeywordList,
  keywordSet,
  notHeadline,
  stripTitleSuffix,
  titleWithoutKeywords,
  weakTitle,
} from '../../src/extract/title';

const URL = 'https://news.example.cn/a/2024/0501/100001.shtml';
const doc = (body: string) => parseDocument(`<html><head><title>t</title></head><body>${body}</body></html>`, URL);
const none = new Set<string>();

describe('keyword lists in titles (kinds title-keyword-*)', () => {
  it('drops a keyword-list segment after the headline', () => {
    expect(titleWithoutKeywords('江川稻田音乐节开幕-稻田音乐节,江川县,文旅融合,乡村振兴', none)).toBe(
      '江川稻田音乐节开幕',
    );
    expect(titleWithoutKeywords('大河镇万人共赏稻田音乐节_稻田音乐节 江川县 文旅融合_江川新闻网', none)).toBe(
      '大河镇万人共赏稻田音乐节_江川新闻网',
    );
    expect(titleWithoutKeywords('嘉義燈會開幕｜燈會、嘉義市、觀光、元宵節', none)).toBe('嘉義燈會開幕');
  });

  it('drops the keywords meta appended after a comma, three items or more', () => {
    const kw = keywordSet('稻田音乐节,江川县,文旅融合,乡村振兴');
    expect(titleWithoutKeywords('稻田音乐节带火乡村游,稻田音乐节,江川县,文旅融合', kw)).toBe('稻田音乐节带火乡村游');
    expect(titleWithoutKeywords('记者探访：稻田音乐节带火乡村游,文旅融合,乡村振兴', kw)).toBe(
      '记者探访：稻田音乐节带火乡村游,文旅融合,乡村振兴',
    );
  });

  it('keeps headline clauses, single-character lists and Latin site names', () => {
    expect(isKeywordList('烟火气回来了,人气也回来了', none)).toBe(false);
    expect(isKeywordList('米,面,油,肉都有保障', none)).toBe(false);
    expect(isKeywordList('The New York Times', none)).toBe(false);
    expect(isKeywordList('记者：春耕,育秧,插秧', none)).toBe(false);
    expect(isKeywordList('夜市 消费', keywordSet('夜市,消费'))).toBe(true);
    const raw = 'Screenshot : «Vape Wave», «6 Days» - Culture / Next';
    expect(titleWithoutKeywords(raw, keywordSet('Culture, Next'))).toBe(raw);
  });
});

describe('site-first titles (kinds title-logo-h1-text, title-logo-site-first-trad)', () => {
  it('takes the headline after a leading site name', () => {
    expect(stripTitleSuffix('江川新闻网_大河镇办起稻田音乐节')).toEqual({
      title: '大河镇办起稻田音乐节',
      site: '江川新闻网',
    });
    expect(stripTitleSuffix('港島日報 - 維港煙花今晚登場', '港島日報')).toEqual({
      title: '維港煙花今晚登場',
      site: '港島日報',
    });
  });

  it('leaves headline-first titles alone', () => {
    expect(stripTitleSuffix('大河镇建成乡村电视台_江川新闻网').title).toBe('大河镇建成乡村电视台');
    expect(stripTitleSuffix('大河镇建成乡村电视台_今日头条').title).toBe('大河镇建成乡村电视台');
    expect(stripTitleSuffix('大河镇新建文化活动中心_大河镇人民政府').title).toBe('大河镇新建文化活动中心');
  });
});

describe('plausibility of headline candidates', () => {
  it('names the reason a candidate is no headline', () => {
    const d = doc(
      '<h1 class="logo"><a href="/">江川新闻网</a></h1><h1><a href="/">港島日報</a></h1>' +
        '<div class="list-title">首页 &gt; 政务公开 &gt; 乡镇动态</div><h2>江川新闻网记者走进稻田音乐节后台</h2>' +
        '<h2>Screenshot : «Vape Wave», «6 Days», «Alphonse Président»</h2>',
    );
    const [logo, home, crumb, word, french] = [...d.querySelectorAll('h1, div, h2')];
    expect(notHeadline(logo, '江川新闻网', '江川新闻网')).toBe('site name');
    expect(notHeadline(home, '港島日報', null)).toBe('logo');
    expect(notHeadline(crumb, '首页 > 政务公开 > 乡镇动态', null)).toBe('breadcrumb');
    expect(notHeadline(word, '江川新闻网记者走进稻田音乐节后台', '江川新闻网')).toBeNull();
    expect(notHeadline(french, squashed(french), null)).toBeNull();
  });

  it('finds the headline before the info line when the title is only the site name', () => {
    const d = doc(
      '<h1><a href="/"><img alt="江川新闻网"></a></h1><h3><a href="/a/1.html">江川夜市重开人气回来了</a></h3><p>2024-05-01</p>' +
        '<h2>大河镇稻田音乐节吸引两万游客</h2><div>来源：江川日报　发布时间：2024-05-02 11:05</div><p>正文</p>',
    );
    expect(headlineBeforeDate(d, '江川新闻网')?.text).toBe('大河镇稻田音乐节吸引两万游客');
    expect(weakTitle('江川新闻网', null, null)).toBe(true);
    expect(weakTitle('大河镇稻田音乐节吸引两万游客', null, null)).toBe(false);
  });

  it('keeps a short headline that has the info line after it', () => {
    const d = doc('<h1>春节快乐</h1><div>2024-02-10 08:00 来源：江川日报</div><p>正文</p>');
    expect(weakTitle('春节快乐', null, d.querySelector('h1'))).toBe(false);
  });
});

function squashed(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}
