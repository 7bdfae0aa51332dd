import type { SiteRule } from './types';

/**
 * 中国甘肃网 gscn.com.cn: two article templates (`div.a-container` with a `div.info` line; `#content` with
 * `#pubtime_baidu`/`#source_baidu`/`#author_baidu`/`#editor_baidu`) and a list template (`#content ul li` with a
 * pager). See test/fixtures/corpus/README.md.
 */
export const gscn: SiteRule = {
  id: 'gscn',
  hosts: ['gscn.com.cn'],
  siteName: '中国甘肃网',
  articleUrl: '/system/\\d{4}/\\d{2}/\\d{2}/\\d+\\.shtml$',
  fixtures: ['test/fixtures/corpus/pages/gscn-1.html', 'test/fixtures/corpus/pages/gscn-2.html'],
  selectors: {
    title: '.a-header h1, #title',
    info: 'div.info, .pages-date',
    published: '#pubtime_baidu, span.m-frt',
    source: '#source_baidu',
    author: '#author_baidu',
    editor: '#editor_baidu',
    body: 'div.a-container, #content',
    nextPage: '#page a.next, a.next',
    clutter: ['.recommend', '.ranking', '.follow', '.copyright', '.bdsharebuttonbox'],
  },
};
