import { Readability } from '@mozilla/readability';
import type { Article } from './article';

export type { Article, ArticleImage } from './article';
export { ARTICLE_FIELDS } from './article';

/**
 * Extract the Article record from a Document.
 *
 * Pure and DOM-generic: works on the live page, happy-dom and linkedom documents. Never mutates `doc`
 * (Readability's parse() rewrites the DOM it is given, so it runs on a clone).
 *
 * @param doc the page Document (not modified)
 * @param url the page URL, used to resolve relative links and for URL-shape evidence
 * @returns the Article; `isArticle` is false when the page is not an article (never throws on odd pages)
 */
export function extractArticle(doc: Document, url: string): Article {
  // Baseline scaffold: plain Readability. The CJK engine (issue 3) replaces this.
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability(clone).parse();
  const text = (parsed?.textContent ?? '').trim();
  const charCount = text.replace(/\s/g, '').length;
  return {
    isArticle: !!parsed,
    confidence: parsed ? 0.5 : 0,
    url,
    canonicalUrl: null,
    siteName: parsed?.siteName ?? null,
    title: parsed?.title ?? doc.title ?? '',
    published: parsed?.publishedTime ?? null,
    source: null,
    authors: parsed?.byline ? [parsed.byline] : [],
    editors: [],
    section: [],
    lang: parsed?.lang ?? null,
    excerpt: parsed?.excerpt ?? '',
    contentHtml: parsed?.content ?? '',
    textContent: text,
    charCount,
    readingMinutes: Math.max(1, Math.round(charCount / 400)),
    images: [],
    rule: 'generic',
    nextPageUrl: null,
  };
}
