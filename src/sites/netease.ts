import type { SiteRule } from './types';

/** 网易 163.com: PC article template (`div.post_body` > `#endText.post_text`), source line `.ep-source`/`.post_time_source`. */
export const netease: SiteRule = {
  id: '163',
  hosts: ['163.com'],
  siteName: '网易',
  articleUrl: '/\\d{2}/\\d{4}/\\d{2}/\\w+\\.html$',
  fixtures: ['test/fixtures/corpus/pages/163-1.html', 'test/fixtures/corpus/pages/163-3.html'],
  selectors: {
    title: '.post_content_main h1',
    info: '.post_time_source',
    body: '#endText, .post_body .post_text, .post_body',
    clutter: ['.ep-source', '.post_topshare', '.gg200x300', '.video-wrapper'],
  },
};
