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
