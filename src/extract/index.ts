import { Readability } from '@mozilla/readability';
import type { Article } from './article';
import type { Detection } from './detect';
import type { ScanOptions } from './scan';
import * as engine from './engine';

/**
 * The extraction engine with Readability bundled: what the CLI, the eval, the reader's multi-page part and the tests
 * use. The content script uses `./engine` directly and loads Readability only on pages that need it.
 */
export * from './engine';

/**
 * The reason a not-an-article record names when extraction itself threw (`extraction failed: TypeError: …`). No page
 * is meant to reach it: test/unit/fuzz.test.ts runs every fixture page and seeded mutations of each and fails on it.
 */
export const EXTRACTION_FAILED = 'extraction failed';

/**
 * Extract the Article record from a Document (scan.ts scanPage, then build.ts buildArticle).
 * @param doc the page Document (not modified)
 * @param url the page URL: resolves relative links and image sources (linkedom has no base URL), URL-shape evidence
 * @param options `siteRules: false` runs the generic engine alone (no rule of src/sites applies)
 * @returns the Article; `isArticle` is false when the page is not an article (never throws on odd pages)
 */
export function extractArticle(doc: Document, url: string, options: ScanOptions = {}): Article {
  return extractDetailed(doc, url, options).article;
}

/**
 * extractArticle with the detection evidence (`reasons`), for debugging, the eval and the popup. The one final guard:
 * a page on which the engine throws gives a not-an-article record whose reasons name the error (EXTRACTION_FAILED),
 * so one odd page cannot stop the CLI's run over many or the popup. A usage error (engine.ExtractionUsageError) and a
 * stack overflow (a RangeError on a page nested thousands deep, which the CLI names as such) are thrown.
 */
export function extractDetailed(
  doc: Document,
  url: string,
  options: ScanOptions = {},
): { article: Article; detection: Detection } {
  try {
    return engine.extractDetailed(doc, url, Readability, options);
  } catch (e) {
    // A usage error is the caller's; a stack overflow the CLI reports as a page nested too deeply (src/cli/extract.ts).
    if (e instanceof engine.ExtractionUsageError || e instanceof RangeError) throw e;
    const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return {
      article: notAnArticle(url),
      detection: { isArticle: false, confidence: 0, reasons: [`${EXTRACTION_FAILED}: ${why}`] },
    };
  }
}

/** The Article of a page extraction failed on: not an article, every field empty. */
function notAnArticle(url: string): Article {
  return {
    isArticle: false,
    confidence: 0,
    url,
    canonicalUrl: null,
    siteName: null,
    title: '',
    published: null,
    source: null,
    authors: [],
    editors: [],
    section: [],
    lang: null,
    excerpt: '',
    contentHtml: '',
    textContent: '',
    charCount: 0,
    readingMinutes: 0,
    images: [],
    rule: 'generic',
    nextPageUrl: null,
  };
}
