/** Where a saved page's own address was read (the corpus labels' `url_from` terms, test/fixtures/corpus/README.md). */
export type AddressSource = 'given' | 'canonical' | 'og:url' | 'saved-from' | 'file';

/** A page address for extraction, and where it came from. */
export interface PageAddress {
  url: string;
  from: AddressSource;
}

/**
 * A comment at the top of a saved page naming its address: the browsers' `<!-- saved from url=(0058)http://… -->` or a
 * bare `<!-- http://… -->` (test/fixtures/corpus/pages/163-5.html, xinhuanet-1.html).
 */
const SAVED_FROM = /^\s*(?:<!doctype[^>]*>\s*)?<!--\s*(?:saved from url=\(\d+\))?\s*(https?:\/\/[^\s<>"]+?)\s*-->/i;

function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null; // a relative or broken address says nothing about the page's host
  }
}

/**
 * An article's own address: not a bare site root. Portals point og:url (china.com.cn, corpus chinacomcn-1) or the
 * canonical link at their front page; the engine refuses that as canonicalUrl (extract/page-meta.ts canonical), and a
 * page cited at the portal's front page is cited wrongly.
 */
function articleUrl(value: string | null | undefined): string | null {
  const url = httpUrl(value);
  if (!url) return null;
  const u = new URL(url);
  return (u.pathname === '/' || u.pathname === '') && !u.search ? null : url;
}

/**
 * The address a saved page states for itself, for a page extracted without `--url`: its `<link rel="canonical">`,
 * else `og:url`, else a saved-from comment at the top of the file; absolute http(s) URLs only, and a canonical or og:url that is a
 * bare site root is passed over (articleUrl). Null when the page
 * states none (the caller then falls back to the file's own URL). Read-only; never throws.
 * @param html the decoded page text (the saved-from comment is read from its first characters)
 * @param doc the parsed page
 */
export function statedAddress(html: string, doc: Document): PageAddress | null {
  const links = Array.from(doc.querySelectorAll('link[rel][href]'));
  const rel = links.find((l) => /(^|\s)canonical(\s|$)/i.test(l.getAttribute('rel') ?? ''));
  const canonical = articleUrl(rel?.getAttribute('href'));
  if (canonical) return { url: canonical, from: 'canonical' };
  const metas = Array.from(doc.querySelectorAll('meta[property][content]'));
  const og = articleUrl(
    metas.find((m) => m.getAttribute('property')?.toLowerCase() === 'og:url')?.getAttribute('content'),
  );
  if (og) return { url: og, from: 'og:url' };
  const saved = httpUrl(SAVED_FROM.exec(html.slice(0, 2000))?.[1]);
  return saved ? { url: saved, from: 'saved-from' } : null;
}
