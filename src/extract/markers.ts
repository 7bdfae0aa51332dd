/**
 * Chinese marker texts of page clutter, as data. A block whose heading (or own short text) starts with one of these
 * is clutter. Used both to hide clutter in place (content script) and to drop it from the extracted body.
 * Sources: the 中国甘肃网 templates (../shared/corpus gscn-*), the corpus `must_not_contain` / `body_noise` labels,
 * and the failure kinds of ../shared/cases (16-related-news-inside-body, 03-short-sentences-vs-disclaimer).
 */
export const CLUTTER_HEADINGS: readonly string[] = [
  '分享到', '分享至', '分享让更多人看到', '精彩推荐', '为您推荐', '猜你喜欢', '相关新闻', '相关阅读', '相关文章', '相关链接', '延伸阅读',
  '推荐阅读', '新闻排行', '热点新闻', '热门文章', '排行榜', '点击排行', '24小时排行', '关注我们', '扫一扫',
  '版权声明', '免责声明', '特别声明', '网友评论', '热门评论', '最新评论', '广告',
];

/** Generic CSS selectors of clutter that holds no article text on Chinese portals (share widgets, ads, comments). */
export const CLUTTER_SELECTORS: readonly string[] = [
  '.bdsharebuttonbox', '.bdshare', '[class*="share-bar"]', '[class*="sharebar"]', '.share', '#share',
  '[id^="ad_"]', '[class^="ad-"]', '.advert', '.adv', 'ins.adsbygoogle', '.copyright', '#copyright',
];
