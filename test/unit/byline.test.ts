import { describe, it, expect } from 'vitest';
import {
  parseCredits,
  bracketedCredits,
  splitNames,
  trailingBareName,
  cleanSource,
  stripControls,
  isName,
  isOutlet,
  plausibleName,
  plausibleSource,
} from '../../src/extract/byline';

describe('parseCredits', () => {
  it('reads values that run together', () => {
    expect(parseCredits('2019-09-26 12:11来源：证券时报网作者：李在山')).toMatchObject({
      source: '证券时报网',
      authors: ['李在山'],
    });
    expect(parseCredits('责任编辑：李跃群校对：刘威')).toMatchObject({ chiefEditors: ['李跃群'], editors: [] });
    expect(parseCredits('来源：江川日报　作者：周航　责任编辑：林晓')).toMatchObject({
      source: '江川日报',
      authors: ['周航'],
      chiefEditors: ['林晓'],
    });
  });
  it('cuts counters and dates off a source', () => {
    expect(parseCredits('来源：澎湃新闻网1032人参与308评论').source).toBe('澎湃新闻网');
    expect(parseCredits('来源：人民日报2024-05-13').source).toBe('人民日报');
  });
  it('keeps 责任编辑 apart from a plain 编辑 and never as author', () => {
    const c = parseCredits('新京报记者 陆一夫编辑 刘晓阳 校对 李铭');
    expect(c.authors).toEqual(['陆一夫']);
    expect(c.editors).toEqual(['刘晓阳']);
    expect(c.outlet).toBe('新京报');
  });
  it('reads reporter bylines and several names', () => {
    expect(parseCredits('澎湃新闻记者 段彦超 廖艳').authors).toEqual(['段彦超', '廖艳']);
    expect(parseCredits('本报记者 王乐文 方  敏').authors).toEqual(['王乐文', '方敏']);
    expect(parseCredits('执笔/叨叨姐、胡一刀&李小飞刀').authors).toEqual(['叨叨姐', '胡一刀', '李小飞刀']);
    expect(parseCredits('文丨政能亮特约评论员 韩涵').authors).toEqual(['韩涵']);
    expect(parseCredits('石佳/中国青年报')).toMatchObject({ authors: ['石佳'], source: '中国青年报' });
  });
  it('ignores prose, photo credits and picture sources', () => {
    expect(parseCredits('记者在现场看到，新线车站普遍设置了无障碍电梯').authors).toEqual([]);
    expect(parseCredits('图为乘客在五号线站台候车。江川日报记者 周航 摄').authors).toEqual([]);
    expect(parseCredits('图片来源：未来科学大奖官网').source).toBeNull();
    expect(parseCredits('平台声明：该文观点仅代表作者本人').authors).toEqual([]);
  });
  it('reads a role after the name and rejects report words as names', () => {
    expect(parseCredits('张三/文 李四/图').authors).toEqual(['张三']);
    expect(parseCredits('记者调查 城中村改造').authors).toEqual([]);
  });
  it('accepts transliterated names and a labelled self-media account', () => {
    expect(parseCredits('记者 阿卜杜拉·买买提').authors).toEqual(['阿卜杜拉·买买提']);
    expect(parseCredits('作者：加拿大必读').authors).toEqual(['加拿大必读']);
    expect(parseCredits('作者：人民网评论员').authors).toEqual([]);
  });
  it('ends a value at review-chain labels', () => {
    expect(parseCredits('编辑：张三 编审：李四 终审：王五')).toMatchObject({ editors: ['张三'], authors: [] });
  });
  it('stops a value at an opening bracket and reads 稿源', () => {
    expect(parseCredits('责任编辑：张三（实习）').chiefEditors).toEqual(['张三']);
    expect(parseCredits('稿源：央广网').source).toBe('央广网');
  });
  it('takes the outlet of a dateline', () => {
    expect(parseCredits('江川日报讯（记者 周航 通讯员 许晴）3月15日').outlet).toBe('江川日报');
  });
});

describe('bracketedCredits', () => {
  it('reads bracketed credits in body text', () => {
    expect(bracketedCredits('……阻击战。”(通讯员 漆琳)').correspondents).toEqual(['漆琳']);
    expect(bracketedCredits('【1】【2】 (责编：汤诗瑶、丁涛)').chiefEditors).toEqual(['汤诗瑶', '丁涛']);
    expect(bracketedCredits('[责任编辑：韩保林 PK155]').chiefEditors).toEqual(['韩保林']);
    expect(bracketedCredits('新华社巴黎12月9日电（记者唐霁）法国9日').authors).toEqual(['唐霁']);
    expect(bracketedCredits('（实习生王金茹对此文亦有贡献）').authors).toEqual([]);
    expect(bracketedCredits('（编译/许晴）').authors).toEqual([]);
  });
});

describe('helpers', () => {
  it('splitNames joins padded two-character names and drops codes', () => {
    expect(splitNames('王乐文 方 敏')).toEqual(['王乐文', '方敏']);
    expect(splitNames('韩保林 PK155')).toEqual(['韩保林']);
    expect(splitNames('杨倩_NF4425')).toEqual(['杨倩']); // the name, not the staff code
    expect(splitNames('黄忆南 PN269')).toEqual(['黄忆南']);
    expect(splitNames('HN666')).toEqual(['HN666']);
  });
  it('trailingBareName takes a bracketed name closing the body, not an organisation', () => {
    expect(trailingBareName('256GB售6799元。(李楠)')).toEqual(['李楠']);
    expect(trailingBareName('结构趋稳趋优。（德清县发改局）')).toEqual([]);
  });
  it('cleanSource rejects non-sources', () => {
    expect(cleanSource('分享到')).toBeNull();
    expect(cleanSource('《人民日报》')).toBe('人民日报');
  });
});

describe('credit grammar: sources', () => {
  it('drops the preposition of 来源于 / 來源於 / 来源自, never returning it as the source', () => {
    expect(parseCredits('本文来源于新华网').source).toBe('新华网');
    expect(parseCredits('2024-03-15 10:20 来源于 中国江川网').source).toBe('中国江川网');
    expect(parseCredits('信息来源于：江川市粮食局').source).toBe('江川市粮食局');
    expect(parseCredits('文章來源於：港灣商報網').source).toBe('港灣商報網');
    expect(parseCredits('来源：自贡日报').source).toBe('自贡日报'); // a place that starts with 自 keeps it
  });
  it('reads reprint labels and refuses 来源 in prose', () => {
    expect(parseCredits('（本文转载自江川晚报）').source).toBe('江川晚报');
    expect(parseCredits('這篇報導轉載自港灣日報').source).toBeNull(); // 轉載自 after a Han character, no colon
    expect(parseCredits('这组文创的灵感来源于馆藏的宋代瓷器。').source).toBeNull();
    expect(parseCredits('作者：张三来源：新华网').source).toBe('新华网'); // run together, but with a colon
  });
  it('keeps a bracketed outlet whole and strips brackets only around the whole value', () => {
    expect(parseCredits('来源：江川网-《江川日报》　作者：周航').source).toBe('江川网-《江川日报》');
    expect(parseCredits('來源：港灣新聞網／《港灣日報》').source).toBe('港灣新聞網／《港灣日報》');
    expect(parseCredits('来源：《江川晚报》').source).toBe('江川晚报');
  });
  it('reads an e-paper credit line as the source', () => {
    expect(parseCredits('《江川日报》（2023年05月12日 05版）').source).toBe('江川日报');
    expect(parseCredits('《白沙晚报》（2023年05月12日 第 07 版）').source).toBe('白沙晚报');
    expect(parseCredits('《江川日报》报道了这件事（2023年05月12日）').source).toBeNull();
  });
  it('takes the outlet of agency datelines', () => {
    expect(parseCredits('新华社白沙3月15日电（记者 顾一帆 郑晓）')).toMatchObject({
      outlet: '新华社',
      authors: ['顾一帆', '郑晓'],
    });
    expect(parseCredits('中新网白沙3月15日电 (记者 冯一凡)').outlet).toBe('中新网');
    expect(parseCredits('（中央社台北15日電）')).toMatchObject({ outlet: '中央社', authors: [] });
    expect(parseCredits('本报北京3月15日电（记者 张三）')).toMatchObject({ outlet: null, authors: ['张三'] });
  });
});

describe('credit grammar: people', () => {
  it('reads traditional labels', () => {
    expect(parseCredits('來源：港灣財經　記者：陳家明　編輯：林美玲')).toMatchObject({
      source: '港灣財經',
      authors: ['陳家明'],
      editors: ['林美玲'],
    });
    expect(parseCredits('責任編輯：孫小雨　錢一鳴').chiefEditors).toEqual(['孫小雨', '錢一鳴']);
    expect(parseCredits('執筆人：蔡宜君').authors).toEqual(['蔡宜君']);
  });
  it('reads Taiwanese reporter bylines: 〔記者X／台北報導〕 and 中央社記者X台北15日電', () => {
    expect(bracketedCredits('〔記者林志明／台中報導〕縣政府今天宣布').authors).toEqual(['林志明']);
    expect(bracketedCredits('（中央社記者王大明、李小華台北15日電）台北市')).toMatchObject({
      outlet: '中央社',
      authors: ['王大明', '李小華'],
    });
    expect(parseCredits('中央社記者陳怡君台北15日電　颱風過境後，各地菜價上漲')).toMatchObject({
      outlet: '中央社',
      authors: ['陳怡君'],
    });
    expect(parseCredits('記者張雅琪、吳建宏／台中報導　縣政府今天宣布，').authors).toEqual(['張雅琪', '吳建宏']);
    expect(bracketedCredits('（記者黃思妤／綜合報導）').authors).toEqual(['黃思妤']);
    expect(bracketedCredits('（中央社記者周思涵東京15日專電）').authors).toEqual(['周思涵']);
    expect(parseCredits('本报记者 张三 北京3月15日电').authors).toEqual(['张三']);
  });
  it('reads 执笔人, 文／X, 作者︱X and two editors', () => {
    expect(parseCredits('执笔人：王丽娟　张建国').authors).toEqual(['王丽娟', '张建国']);
    expect(parseCredits('文／陳小華').authors).toEqual(['陳小華']);
    expect(parseCredits('作者︱春春').authors).toEqual(['春春']);
    expect(parseCredits('文/陈小舟　图/吴一凡').authors).toEqual(['陈小舟']);
    expect(parseCredits('编辑：孙小雨、钱一鸣').editors).toEqual(['孙小雨', '钱一鸣']);
    expect(parseCredits('文字：吴一凡　摄影：李二').authors).toEqual(['吴一凡']);
    expect(parseCredits('文字记者 张三').authors).toEqual(['张三']);
  });
  it('keeps compilers (整合, 整理, 综合：, 编译) apart from authors', () => {
    expect(parseCredits('来源：江川晚报　记者 孙一鸣　整合 钱二')).toMatchObject({
      authors: ['孙一鸣'],
      compilers: ['钱二'],
    });
    expect(parseCredits('作者：郑小雨　综合：何小舟')).toMatchObject({ authors: ['郑小雨'], compilers: ['何小舟'] });
    expect(bracketedCredits('（编译/林靖东）')).toMatchObject({ authors: [], compilers: ['林靖东'] });
    expect(parseCredits('江川综合频道').compilers).toEqual([]);
  });
  it('ends a labelled credit at a comma, but not an unlabelled one', () => {
    expect(parseCredits('本文来自微信公众号“江川观察”（ID：jcgc），作者：王一，经授权发布。').authors).toEqual([
      '王一',
    ]);
    expect(parseCredits('本报记者 张三 见习记者 李四').authors).toEqual(['张三', '李四']);
  });
  it('turns an outlet in the author slot into the outlet, and not 本报', () => {
    expect(parseCredits('作者：江川日报')).toMatchObject({ authors: [], outlet: '江川日报' });
    expect(parseCredits('文/本报记者 张三')).toMatchObject({ authors: ['张三'], outlet: null });
  });
});

describe('plausibility checks', () => {
  it('strips page controls glued to a name and refuses names holding them', () => {
    expect(stripControls('张海鸥关注')).toBe('张海鸥');
    expect(stripControls('李四海 + 关注')).toBe('李四海');
    expect(stripControls('林雅婷追蹤')).toBe('林雅婷');
    expect(stripControls('关山月')).toBe('关山月');
    expect(splitNames('赵一川订阅')).toEqual(['赵一川']);
    expect(isName('订阅')).toBe(false);
  });
  it('plausibleSource refuses function words, labels, channels, dates and controls', () => {
    for (const s of ['于', '自', '首页', '新闻', '综合', '国内新闻', '2024-03-15', '阅读原文', '分享'])
      expect(plausibleSource(s), s).toBe(false);
    for (const s of ['新华网', '36氪', '第一财经', '21世纪经济报道', '网络', 'TNW中文站', '江川网-《江川日报》'])
      expect(plausibleSource(s), s).toBe(true);
  });
  it('plausibleName refuses slogans, sentences and the source itself', () => {
    expect(plausibleName('张三')).toBe(true);
    expect(plausibleName('Devindra Hardawar')).toBe(true);
    expect(plausibleName('新华社', '新华社')).toBe(false);
    expect(plausibleName('限时特惠，全屋定制')).toBe(false);
  });
  it('isOutlet tells outlets from people', () => {
    for (const s of ['新华社', '央视新闻', '中央社', '寶島電視台', '21世纪经济报道', '36氪', 'TNW中文站', 'Reuters'])
      expect(isOutlet(s), s).toBe(true);
    for (const s of ['张三', '星空老陈', '加拿大必读', '关山月']) expect(isOutlet(s), s).toBe(false);
  });
});
