import type { SiteRule } from './types';

/** 腾讯网 qq.com: `.content-article` (new) and `#Cnt-Main-Article-QQ` (old) article templates. */
export const qq: SiteRule = {
  id: 'qq',
  hosts: ['qq.com'],
  siteName: '腾讯网',
  articleUrl: '/(rain/)?a/\\d{8}/\\w+\\.html?$|/omn/\\d{8}/\\w+\\.html?$',
  fixtures: ['test/fixtures/corpus/pages/qq-1.html', 'test/fixtures/corpus/pages/qq-2.html'],
  selectors: {
    title: '.LEFT h1, .qq_article h1',
    info: '.a_Info',
    body: '.content-article, #Cnt-Main-Article-QQ',
    clutter: ['#backqqcom', '.article-status'],
  },
};
