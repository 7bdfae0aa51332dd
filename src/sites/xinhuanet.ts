import type { SiteRule } from './types';

/** 新华网 news.cn / xinhuanet.com: `#detail` (2020+ template, `/YYYYMMDD/<hash>/c.html`) and `#p-detail`. */
export const xinhuanet: SiteRule = {
  id: 'xinhuanet',
  hosts: ['news.cn', 'xinhuanet.com'],
  siteName: '新华网',
  articleUrl: '/\\d{8}/[0-9a-f]{32}/c\\.html$|/c_\\d+\\.htm$',
  fixtures: ['test/fixtures/corpus/pages/xinhuanet-2.html'],
  selectors: {
    info: '.info',
    body: '#detail, #p-detail',
    clutter: ['.editor', '.tiyi1', '.share', '#articleEdit'],
  },
};
