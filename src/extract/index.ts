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
 * Extract the Article record from a Document (scan.ts scanPage, then build.ts buildArticle).
 * @param doc the page Document (not modified)
 * @param url the page URL: resolves relative links and image sources (linkedom has no base URL), URL-shape evidence
 * @param options `siteRules: false` runs the generic engine alone (no rule of src/sites applies)
 * @returns the Article; `isArticle` is false when the page is not an article (never throws on odd pages)
 */
export function extractArticle(doc: Document, url: string, options: ScanOptions = {}): Article {
  return engine.extractDetailed(doc, url, Readability, options).article;
}

/** extractArticle with the detection evidence (`reasons`), for debugging, the eval and the popup. */
export function extractDetailed(
  doc: Document,
  url: string,
  options: ScanOptions = {},
): { article: Article; detection: Detection } {
  return engine.extractDetailed(doc, url, Readability, options);
}
