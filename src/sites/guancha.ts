import type { SiteRule } from './types';

/** 观察者网 guancha.cn: `div.content.all-txt` body; related blocks `.img-special`, `#post-member` after it. */
export const guancha: SiteRule = {
  id: 'guancha',
  hosts: ['guancha.cn'],
  siteName: '观察者网',
  articleUrl: '/\\d{4}_\\d{2}_\\d{2}_\\d+(_\\d+)?\\.shtml$',
  fixtures: ['test/fixtures/corpus/pages/guancha-1.html', 'test/fixtures/corpus/pages/guancha-2.html'],
  selectors: {
    body: 'div.all-txt',
    nextPage: '#select_page a.next',
    clutter: ['.key-word', '.article-other'],
  },
};
