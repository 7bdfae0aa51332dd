import { buildArticle, cleanCopy } from '../extract/build';
import { parts } from '../shared/parts';

/**
 * Extraction's stage two (src/extract/build.ts: cleaning, serialisation, metadata, byline, dates, images, breadcrumb,
 * next page), injected on demand (src/shared/parts.ts loadPart) into the tab's isolated world: on the first request
 * (popup, reader, notes), or at page load on the few pages whose verdict needs a copy cleaned with the headline at
 * hand (extract/copy.ts cleanCopyAtLoad) or read by Readability. The content script's own file carries only what the
 * badge and the declutter need, so most page loads do not compile this code (test/e2e/huge.test.ts).
 */
parts().complete ??= { buildArticle, cleanCopy };
