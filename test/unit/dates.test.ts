import { describe, it, expect } from 'vitest';
import { findDate, parseDateValue, dateFromUrl } from '../../src/extract/dates';

describe('findDate', () => {
  const cases: [string, number | null, string | null][] = [
    ['2020-03-15 10:13', null, '2020-03-15T10:13:00+08:00'],
    ['发布时间：2020年03月15日 10:13', null, '2020-03-15T10:13:00+08:00'],
    ['2020年3月15日10时13分', null, '2020-03-15T10:13:00+08:00'],
    ['20-03-15 10:13　江川日报', null, '2020-03-15T10:13:00+08:00'],
    ['2020/03/15', null, '2020-03-15'],
    ['2024 05/09 22:27:02', null, '2024-05-09T22:27:02+08:00'],
    ['发布时间：10-0812:00优质原创作者', 2019, '2019-10-08T12:00:00+08:00'],
    ['10-08 12:00', null, null],
    ['2019-09-26 12:11来源：证券时报网', null, '2019-09-26T12:11:00+08:00'],
    ['2012-12-10T09:24:01+00:00', null, '2012-12-10T17:24:01+08:00'],
    ['2019-09-07T13:43:45+08:00', null, '2019-09-07T13:43:45+08:00'],
    ['2020-02-30 10:00', null, null],
    ['2024 05 / 09 22:27:02', null, '2024-05-09T22:27:02+08:00'],
    ['2024年5月10日 星期五 10:13', null, '2024-05-10T10:13:00+08:00'],
    ['2019年11月25日 16:04:30来源：澎湃新闻网', null, '2019-11-25T16:04:30+08:00'],
    ['共1032人参与', null, null],
    // 12-hour clock, weekday forms (kinds date-pm-12-hour, date-am-midnight, date-hk-paren-weekday)
    ['2024年3月10日 週日 下午 9:45', null, '2024-03-10T21:45:00+08:00'],
    ['2024年5月4日 周六 上午12:20', null, '2024-05-04T00:20:00+08:00'],
    ['2024-05-01 中午12:30', null, '2024-05-01T12:30:00+08:00'],
    ['2024年5月1日 下午2時30分', null, '2024-05-01T14:30:00+08:00'],
    ['2024年5月1日（星期三） 16:45', null, '2024-05-01T16:45:00+08:00'],
    ['2024-01-05 10:13 PM2.5浓度', null, '2024-01-05T10:13:00+08:00'],
    // Republic of China calendar (kinds date-roc-*)
    ['發布日期：民國113年2月20日', null, '2024-02-20'],
    ['中華民國113年5月1日 下午2時30分', null, '2024-05-01T14:30:00+08:00'],
    ['發布日期：113/02/21 14:30', null, '2024-02-21T14:30:00+08:00'],
    ['113-05-01', null, '2024-05-01'],
    ['會議編號：113-05-01', null, null],
    ['113年度第5次市政會議', null, null],
    // English months (kinds date-english-month-*)
    ['Published: 03 Jun 2024 11:20 AM', null, '2024-06-03T11:20:00+08:00'],
    ['May 17, 2024, 3:05 pm', null, '2024-05-17T15:05:00+08:00'],
    ['posted on April 21, 2015, at 11:29 a.m.', null, '2015-04-21T11:29:00+08:00'],
    ['Wed, 01 May 2024 06:30:00 GMT', null, '2024-05-01T14:30:00+08:00'],
    ['January 18, 2017 11:00 PM PST', null, '2017-01-19T15:00:00+08:00'],
    ['you may 5 times a day', null, null],
    // relative times are no date (kind date-relative-ignored)
    ['3小时前', 2024, null],
    ['昨天 14:30', 2024, null],
  ];
  for (const [text, year, want] of cases)
    it(JSON.stringify(text), () => expect(findDate(text, year)?.iso ?? null).toBe(want));

  it('marks a year taken from the reference', () => {
    expect(findDate('01-14 17:58', 2020)).toMatchObject({ iso: '2020-01-14T17:58:00+08:00', yearGuessed: true });
  });
});

describe('parseDateValue', () => {
  it('reads meta forms', () => {
    expect(parseDateValue('2019-9-7 21:30:50')?.iso).toBe('2019-09-07T21:30:50+08:00');
    expect(parseDateValue(' 2024-05-13')?.iso).toBe('2024-05-13');
    expect(parseDateValue('2020年09月11日 18:05')?.iso).toBe('2020-09-11T18:05:00+08:00');
    expect(parseDateValue('1584238380')?.iso).toBe('2020-03-15T10:13:00+08:00');
    expect(parseDateValue('')).toBeNull();
  });
  it('refuses an ISO date with an offset outside 1990–2100, as every other form (break-it trial)', () => {
    expect(parseDateValue('9999-12-31T23:59:59-12:00')).toBeNull();
    expect(parseDateValue('1900-01-01T00:00:00Z')).toBeNull();
    expect(parseDateValue('2020-03-15T02:13:00Z')?.iso).toBe('2020-03-15T10:13:00+08:00');
  });
});

describe('dateFromUrl', () => {
  const cases: [string, string | null][] = [
    ['http://gansu.gscn.com.cn/system/2020/03/15/012339876.shtml', '2020-03-15'],
    ['https://news.example.cn/a/2020/0315/100001.shtml', '2020-03-15'],
    ['http://news.china.com.cn/2024-05/13/content_117184963.shtml', '2024-05-13'],
    ['https://news.sina.com.cn/c/2019-11-25/doc-iihnzahi3275702.shtml', '2019-11-25'],
    ['http://nb.ifeng.com/a/20200911/14526474_0.shtml', '2020-09-11'],
    ['http://www.gov.cn/zhengce/content/t20200315_123.htm', '2020-03-15'],
    ['https://www.sohu.com/a/780060546_458722', null],
  ];
  for (const [url, want] of cases) it(url, () => expect(dateFromUrl(url)?.iso ?? null).toBe(want));
});
