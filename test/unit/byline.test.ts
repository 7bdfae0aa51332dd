import { describe, it, expect } from 'vitest';
import { parseCredits, bracketedCredits, splitNames, trailingBareName, cleanSource } from '../../src/extract/byline';

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
