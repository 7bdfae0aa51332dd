import { Readability } from '@mozilla/readability';
import type { Article } from './article';
import type { Detection } from './detect';
import * as engine from './engine';

/**
 * The extraction engine with Readability bundled: what the CLI, the eval, the reader's multi-page part and the tests
 * use. The content script uses `./engine` directly and loads Readability only on pages that need it (see
 * engine.ts ReadabilitySource).
 */
export type { Article, ArticleImage } from './article';
export { ARTICLE_FIELDS } from './article';
export { hasDateline, makeExcerpt, runPhases, type ExtractPhase, type PageLoad } from './engine';

/** The bundled library, as a ReadabilitySource (never throws). */
const bundled: engine.ReadabilitySource = () => Readability;

/**
 * Extract the Article record from a Document; see engine.ts extractArticle.
 * @param doc the page Document (not modified)
 * @param url the page URL: resolves relative links and image sources (linkedom has no base URL), URL-shape evidence
 * @returns the Article; `isArticle` is false when the page is not an article (never throws on odd pages)
 */
export function extractArticle(doc: Document, url: string): Article {
  return engine.extractArticle(doc, url, bundled);
}

/** extractArticle with the detection evidence (`reasons`), for debugging, the eval and the popup. */
export function extractDetailed(doc: Document, url: string): { article: Article; detection: Detection } {
  return engine.extractDetailed(doc, url, bundled);
}

/** engine.ts extractPhases with the bundled Readability. */
export function extractPhases(doc: Document, url: string): Generator<engine.ExtractPhase, { article: Article; detection: Detection }, void> {
  return engine.extractPhases(doc, url, bundled);
}

/** engine.ts loadPhases with the bundled Readability. */
export function loadPhases(doc: Document, url: string, opts: { lazy: boolean }): Generator<engine.ExtractPhase, engine.PageLoad, void> {
  return engine.loadPhases(doc, url, { ...opts, readability: bundled });
}
