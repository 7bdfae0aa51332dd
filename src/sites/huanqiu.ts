import type { SiteRule } from './types';

/** 环球网 huanqiu.com: `div.a-con` body, `/article/<id>` URLs. */
export const huanqiu: SiteRule = {
  id: 'huanqiu',
  hosts: ['huanqiu.com'],
  siteName: '环球网',
  articleUrl: '^/article/\\w+$',
  fixtures: ['test/fixtures/corpus/pages/huanqiu-1.html'],
  selectors: {
    body: 'div.a-con',
  },
};
