/**
 * Bridge from the engine to the metadata module (metadata.ts, owned separately), plus the one metadata signal that
 * detection reads: does the page's own markup call it an article (og:type, article:published_time, JSON-LD type)?
 */
import type { Article } from './article';
import type { SiteRule } from '../sites/types';
import { extractMetadata } from './metadata';

/** The metadata fields of the Article plus the detection signal. */
export type PageMeta = Pick<Article, 'canonicalUrl' | 'siteName' | 'title' | 'published' | 'source' | 'authors' | 'editors' | 'section' | 'lang'> & {
  metaArticle: boolean;
};

/** og:type=article, article:published_time, or a JSON-LD *Article type. Read-only. */
export function metaSaysArticle(doc: Document): boolean {
  const og = doc.querySelector('meta[property="og:type"]')?.getAttribute('content') ?? '';
  if (/article|news/i.test(og)) return true;
  if (doc.querySelector('meta[property="article:published_time"]')) return true;
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]'))
    if (/"@type"\s*:\s*"(News)?Article"/.test(s.textContent ?? '')) return true;
  return false;
}

/**
 * Metadata of the page (metadata.ts) plus the detection signal. `content` is the chosen body before cleaning: the
 * element of `doc` itself when the density pass chose it (metadata.ts reads it and never mutates it, and finding it in
 * `doc` is then free), or Readability's detached output on the fallback path.
 */
export function pageMetadata(doc: Document, url: string, content: Element | null, rule: SiteRule | null): PageMeta {
  return { ...extractMetadata(doc, url, content, rule), metaArticle: metaSaysArticle(doc) };
}
