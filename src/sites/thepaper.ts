import type { SiteRule } from './types';

/** 澎湃新闻 thepaper.cn: `.news_txt` (older) template; `newsDetail_forward_<id>` URLs. */
export const thepaper: SiteRule = {
  id: 'thepaper',
  hosts: ['thepaper.cn'],
  siteName: '澎湃新闻',
  articleUrl: '/newsDetail_forward_\\d+',
  fixtures: ['test/fixtures/corpus/pages/thepaper-1.html', 'test/fixtures/corpus/pages/thepaper-2.html'],
  selectors: {
    title: 'h1.news_title',
    info: '.news_about',
    body: '.news_txt',
    clutter: ['.hide_word', '.news_keyword'],
  },
};
