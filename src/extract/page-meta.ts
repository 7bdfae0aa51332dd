/**
 * The one metadata signal that detection reads: does the page's own markup call it an article (og:type,
 * article:published_time, JSON-LD type)?
 */

/** og:type=article, article:published_time, or a JSON-LD *Article type. Read-only. */
export function metaSaysArticle(doc: Document): boolean {
  const og = doc.querySelector('meta[property="og:type"]')?.getAttribute('content') ?? '';
  if (/article|news/i.test(og)) return true;
  if (doc.querySelector('meta[property="article:published_time"]')) return true;
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]'))
    if (/"@type"\s*:\s*"(News)?Article"/.test(s.textContent ?? '')) return true;
  return false;
}
