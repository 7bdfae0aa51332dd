import type { Article } from '../extract/article';

/**
 * 发布时间 as written on the page: `2020-03-15T10:13:00+08:00` → `2020-03-15 10:13` (the publisher's wall clock, no
 * time-zone conversion), a date-only value unchanged.
 */
export function displayTime(published: string): string {
  const m = published.match(/^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/);
  if (!m) return published;
  return m[2] ? `${m[1]} ${m[2]}` : m[1];
}

/**
 * The plain metadata block copied by 复制信息 (one `键：值` line each, in this order): 标题, 来源, 作者, 编辑, 发布时间,
 * 链接. A line whose value is unknown is left out. 来源 falls back to the site name; 链接 is the canonical URL, else url.
 * Synchronous and dependency-free: the popup imports it eagerly, unlike the CSL formatters.
 */
export function metadataBlock(article: Article): string {
  const lines: [string, string | null | undefined][] = [
    ['标题', article.title.trim()],
    ['来源', article.source?.trim() || article.siteName?.trim()],
    ['作者', article.authors.join('、')],
    ['编辑', article.editors.join('、')],
    ['发布时间', article.published ? displayTime(article.published) : null],
    ['链接', article.canonicalUrl || article.url],
  ];
  return lines
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}：${v}`)
    .join('\n');
}
