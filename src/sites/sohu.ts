import type { SiteRule } from './types';

/** 搜狐 sohu.com: 搜狐号 template `article#mp-editor.article` (`/a/<id>_<account>`). */
export const sohu: SiteRule = {
  id: 'sohu',
  hosts: ['sohu.com'],
  siteName: '搜狐',
  articleUrl: '^/a/\\d+_\\d+',
  fixtures: ['test/fixtures/corpus/pages/sohu-1.html'],
  selectors: {
    title: '.text-title h1',
    info: '.article-info',
    body: 'article#mp-editor, article.article',
    clutter: ['#backsohucom', '[data-role="editor-name"]', '.statement'],
  },
};
