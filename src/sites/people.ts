import type { SiteRule } from './types';

/** 人民网 people.com.cn: `.rm_txt_con` (2020 template) and `#rwb_zw.box_con` (older). */
export const people: SiteRule = {
  id: 'people',
  hosts: ['people.com.cn'],
  siteName: '人民网',
  articleUrl: '/n\\d?/\\d{4}/\\d{4}/c\\d+-\\d+\\.html$',
  fixtures: ['test/fixtures/corpus/pages/people-2.html'],
  selectors: {
    title: '.rm_txt h1, .text_title h1',
    body: '.rm_txt_con, #rwb_zw',
    clutter: ['.edit', '.zdfy', '.box_pic', '.paper_num'],
  },
};
