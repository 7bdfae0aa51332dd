import type { SiteRule } from './types';

/** 新浪 sina.com.cn: `#artibody` (news, finance, tech) / `#article`, info in `.date-source`. */
export const sina: SiteRule = {
  id: 'sina',
  hosts: ['sina.com.cn'],
  siteName: '新浪网',
  articleUrl: '/doc-i\\w+\\.shtml$',
  fixtures: ['test/fixtures/corpus/pages/sina-1.html', 'test/fixtures/corpus/pages/sina-3.html'],
  selectors: {
    title: 'h1.main-title, #artibodyTitle',
    info: '.date-source, .artInfo',
    body: '#artibody, #article',
    clutter: ['.article-editor', '.show_author', '.keywords'],
  },
};
