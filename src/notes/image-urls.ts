import type { Article } from '../extract/article';

/**
 * The images an article references, as the archive fetches them: `article.images[].src` and the `<img src>` of
 * `article.contentHtml` (the article's body only, so the page's ads and recommendation thumbnails, which extraction
 * cut, are never fetched). contentHtml is the extractor's serialized output (attributes double-quoted, `&` as `&amp;`),
 * so one pattern reads its sources without a DOM: the background service worker has none.
 */

const IMG_SRC = /<img\b[^>]*?\ssrc="([^"]*)"/gi;

const decode = (s: string) =>
  s.replace(/&(amp|quot|lt|gt|#39);/g, (_m, e: string) => ({ amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" })[e]!);

/** An absolute http(s) URL string (the key an Asset is stored under), or null for anything else (data:, blob:, bad). */
export function archivableUrl(src: string, base: string): string | null {
  try {
    const u = new URL(src, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * The distinct image URLs of an article, in reading order (body images first, then images[] not in the body), each
 * absolute (resolved against the article's URL). `skipped` counts sources that are not http(s) (data:, blob:).
 */
export function articleImageUrls(article: Pick<Article, 'url' | 'contentHtml' | 'images'>): {
  urls: string[];
  skipped: number;
} {
  const raw = [...(article.contentHtml ?? '').matchAll(IMG_SRC)].map((m) => decode(m[1]));
  raw.push(...(article.images ?? []).map((i) => i.src));
  const urls = new Set<string>();
  const other = new Set<string>();
  for (const src of raw.filter(Boolean)) {
    const url = archivableUrl(src, article.url);
    if (url) urls.add(url);
    else other.add(src);
  }
  return { urls: [...urls], skipped: other.size };
}

/**
 * The hosts (lowercase hostnames) an article references: its page's (url, canonicalUrl) and its images'
 * (articleImageUrls). An image fetch redirected to any other host is refused (notes/assets-write.ts).
 */
export function referencedHosts(
  article: Pick<Article, 'url' | 'canonicalUrl' | 'contentHtml' | 'images'>,
): Set<string> {
  const hosts = new Set<string>();
  for (const u of [article.url, article.canonicalUrl ?? '', ...articleImageUrls(article).urls]) {
    const url = archivableUrl(u, article.url);
    if (url) hosts.add(new URL(url).hostname);
  }
  return hosts;
}
