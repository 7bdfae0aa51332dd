import type { SiteRule } from './types';

/** 百家号 baijiahao.baidu.com: `div.article-content` body, `s?id=<digits>` URLs. */
export const baijiahao: SiteRule = {
  id: 'baijiahao',
  hosts: ['baijiahao.baidu.com'],
  siteName: '百家号',
  articleUrl: '^/s$',
  fixtures: ['test/fixtures/corpus/pages/baijiahao-1.html', 'test/fixtures/corpus/pages/baijiahao-2.html'],
  selectors: {
    body: 'div.article-content',
  },
};
