import type { Article } from './article';
import type { Detection } from './detect';
import { buildDetailed, type ReadabilityClass } from './build';
import { scanPage, type ScanOptions } from './scan';

/**
 * The extraction engine in two stages, without Readability bundled (the content script loads Readability and stage
 * two as parts, src/content/readability-part.ts and complete-part.ts; src/extract/index.ts binds the bundled library
 * for everything else).
 *
 * 1. `scanPage(doc, url) → PageScan` (scan.ts): site rule, body location, page statistics, clutter marker texts,
 *    detection evidence, the bounds of the verdict, whether Readability is needed. Read-only; what page load needs.
 * 2. `buildArticle(scan, { readability, copy }) → Article` (build.ts): body copied and cleaned (`cleanCopy`),
 *    metadata, serialisation, images, excerpt, next page. On the first request.
 * Between them, `pageVerdict(scan, copy)` gives page load's verdict: from the bounds when they settle it, else from
 * the cleaned copy (`cleanCopy`), which stage two then reuses.
 */
export type { Article, ArticleImage } from './article';
export { ARTICLE_FIELDS } from './article';
export type { Detection } from './detect';
export {
  scanPage,
  settledVerdict,
  hasDateline,
  type ScanOptions,
  type PageScan,
  type BodyLocation,
  type VerdictBounds,
} from './scan';
export {
  buildArticle,
  buildDetailed,
  cleanCopy,
  pageVerdict,
  makeExcerpt,
  ExtractionUsageError,
  type CleanCopy,
  type PageVerdict,
  type ReadabilityClass,
} from './build';

/**
 * Extract the Article record from a Document: both stages in a row.
 *
 * Pure and DOM-generic: works on the live page, happy-dom and linkedom documents, and never mutates `doc`: the body is
 * located by a read-only density pass over `doc` (body.ts), then only that container is copied and cleaned. Pages that
 * are not CJK, or where the pass finds no candidate, go through Readability on a clone of the whole document.
 * @param doc the page Document (not modified)
 * @param url the page URL: resolves relative links and image sources (linkedom has no base URL), URL-shape evidence
 * @param readability the Readability class (used only on pages without a body of our own)
 * @param options scan options (`siteRules: false`: the generic engine alone)
 * @returns the Article and the detection evidence (`reasons`); `isArticle` is false when the page is not an article
 *   (never throws on odd pages)
 */
export function extractDetailed(
  doc: Document,
  url: string,
  readability: ReadabilityClass,
  options: ScanOptions = {},
): { article: Article; detection: Detection } {
  return buildDetailed(scanPage(doc, url, options), { readability });
}
