import { buildArticle, cleanCopy, pageVerdict } from '../extract/build';
import { parts } from '../shared/parts';

/**
 * Extraction's stage two (src/extract/build.ts: cleaning, serialisation, metadata, byline, dates, images, breadcrumb,
 * next page), injected on demand (src/shared/parts.ts loadPart) into the tab's isolated world: on the first request
 * (popup, reader, notes), or at page load on the few pages whose verdict needs a cleaned copy (a short body, or a page
 * only Readability reads: extract/scan.ts settledVerdict). The content script's own file carries only what the badge and
 * the declutter need, so most page loads do not compile this code (test/e2e/runtime.test.ts, lazily loaded stage two).
 */
parts().complete ??= { buildArticle, cleanCopy, pageVerdict };
