import type { SiteRule } from './types';

/** 中国网 china.com.cn: `content_<id>.shtml` articles with the body in `div.article`. */
export const chinacomcn: SiteRule = {
  id: 'chinacomcn',
  hosts: ['china.com.cn'],
  siteName: '中国网',
  articleUrl: '/content_\\d+\\.s?html?$',
  fixtures: ['test/fixtures/corpus/pages/chinacomcn-1.html', 'test/fixtures/corpus/pages/chinacomcn-2.html'],
  selectors: {
    body: 'div.article',
    clutter: ['.editor'],
  },
};
