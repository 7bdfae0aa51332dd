import type { SiteRule } from './types';

/** 凤凰网 ifeng.com: React template (hashed `text-XXXX` body class) and the older `#main_content` template. */
export const ifeng: SiteRule = {
  id: 'ifeng',
  hosts: ['ifeng.com'],
  siteName: '凤凰网',
  articleUrl: '^/c/\\w{8,}$|/a/\\d{8}/\\d+_\\d+\\.shtml$',
  fixtures: ['test/fixtures/corpus/pages/ifeng-1.html', 'test/fixtures/corpus/pages/ifeng-3.html'],
  selectors: {
    title: 'h1[class^="topic-"], #artical_topic',
    body: 'div[class^="text-"], #main_content, .js_selection_area',
    clutter: ['[class^="index_author_"]'],
  },
};
