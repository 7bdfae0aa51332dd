import type { SiteRule } from './types';

/** 今日头条 toutiao.com: `div.article-content` body, `/a<id>/` and `/article/<id>/` URLs. */
export const toutiao: SiteRule = {
  id: 'toutiao',
  hosts: ['toutiao.com'],
  siteName: '今日头条',
  articleUrl: '^/(a|i|article/)\\d+/?$',
  fixtures: ['test/fixtures/corpus/pages/toutiao-1.html'],
  selectors: {
    body: 'div.article-content',
  },
};
