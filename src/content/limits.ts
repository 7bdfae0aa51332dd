import type { Unreadable } from '../shared/messages';

/**
 * Pages the content script does not analyse, because one pass over them would hold the page's main thread far beyond
 * the 50 ms task budget (test/e2e/hostile.test.ts): measured in Chromium on the hostile pages, extraction took ~2 s on a page of 100,000
 * elements, did not finish in minutes on a script-built tree 10,000 elements deep, and took 80 ms in one phase on a
 * markup tree at the parser's depth cap (512 in Chromium). The 52 corpus pages have at most 7,931 elements and a depth
 * of 27, so the limits leave real news pages a margin of about 4× and 10×.
 */
export const MAX_ELEMENTS = 30_000;
export const MAX_DEPTH = 256;

/**
 * Readability's `parse()` is one call that cannot be split into tasks; it costs about 16 µs an element in Chromium
 * and 38 µs in Firefox ESR (the 20,000-paragraph English page of scripts/lib/huge-pages.ts: 330 and 758 ms). On a page
 * only Readability reads that has more elements than this (about 50 ms in Firefox), page load leaves the verdict to
 * the first request (popup, reader, notes), which builds the Article and sets the badge then. Of the corpus pages only
 * 163-9 (7,930 elements) is over it; the pages that need it at page load and are under it have 149–1,175.
 */
export const READABILITY_AT_LOAD = 1_500;

/** Does page load run Readability on `doc` (READABILITY_AT_LOAD), for a page only Readability reads? */
export const readabilityAtLoad = (doc: Document): boolean =>
  doc.getElementsByTagName('*').length <= READABILITY_AT_LOAD;

/**
 * An element MAX_DEPTH + 1 levels below the root element exists exactly when some element is nested deeper than
 * MAX_DEPTH: one native selector match, about 10× cheaper than a script walk over the elements at page load (the page-load budget's
 * budget; measured in Chromium on the corpus: 0.1–0.3 ms against 0.7–5 ms cold).
 */
const TOO_DEEP = `:root${' > *'.repeat(MAX_DEPTH + 1)}`;

/**
 * Check the page against MAX_ELEMENTS and MAX_DEPTH. Cost: one native element count, then (under the element limit)
 * one native selector match (TOO_DEEP), or, where the selector is refused, an element walk that stops as soon as the
 * depth limit is passed. Read-only.
 * @returns the reason the page is not analysed, or null when it may be
 */
export function unreadable(doc: Document): Unreadable | null {
  if (doc.getElementsByTagName('*').length > MAX_ELEMENTS) return 'too-large';
  const root = doc.documentElement;
  if (!root) return null;
  try {
    return doc.querySelector(TOO_DEEP) ? 'too-deep' : null;
  } catch {
    /* a selector engine without :root or this long a selector: walk */
  }
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  let depth = 0;
  for (;;) {
    if (walker.firstChild()) {
      if (++depth > MAX_DEPTH) return 'too-deep';
      continue;
    }
    while (!walker.nextSibling()) {
      if (!walker.parentNode() || --depth < 0) return null;
    }
  }
}
