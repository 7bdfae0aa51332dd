import DOMPurify from 'dompurify';
import type { Article } from '../extract/article';
import type { FollowingPage } from '../shared/parts';

type Translate = (key: string, substitutions?: string[]) => string;

/**
 * Sanitized body HTML for the reader. Page HTML is untrusted: it is sanitized again here, whatever extraction already
 * did (no script, no handler attribute, no javascript: URL; DOMPurify's defaults drop all three).
 * Leading spaces of a paragraph (portals indent with "　　" or &nbsp;, people-2 and sina-3 in the corpus) are dropped,
 * so the reader's own indent setting decides and paragraphs line up. Done on the sanitized string in an inert
 * document: with a fragment from DOMPurify (RETURN_DOM_FRAGMENT) instead, a hostile img's stripped onerror handler was
 * seen to run once its nodes were adopted into the page, in Chromium (test/e2e/runtime.test.ts, hostile body; cause
 * not pinned down).
 */
export function sanitizeBody(html: string): string {
  const safe = DOMPurify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'iframe', 'frame', 'object', 'embed'],
  });
  // An inert document from DOMParser (nothing runs or loads there; and no innerHTML assignment, which AMO's lint reports).
  const inert = new DOMParser().parseFromString(`<!doctype html><body>${safe}`, 'text/html');
  for (const p of Array.from(inert.body.querySelectorAll('p'))) {
    // The spaces may sit in the first text node or inside a leading <strong>/<span> (people-2's subheadings).
    const walker = inert.createTreeWalker(p, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      n.nodeValue = (n.nodeValue ?? '').replace(/^[\s\u3000\u00a0]+/, '');
      if (n.nodeValue) break;
    }
  }
  return inert.body.innerHTML;
}

const pageMarker = (n: number, t: Translate) =>
  `<div class="qd-page-marker" role="separator" data-page="${n}">${t('readerPageMarker', [String(n)])}</div>`;

/** The whole body: the article's page, then each following page after a 第 N 页 marker, all sanitized. */
export function bodyHtml(article: Article, pages: readonly FollowingPage[], t: Translate): string {
  let html = sanitizeBody(article.contentHtml);
  for (const p of pages) html += pageMarker(p.n, t) + sanitizeBody(p.contentHtml);
  return html;
}

/**
 * Nothing to read (a list page, an empty page, a frameset): the Article's text is blank and its body has no image.
 * The reader then says so and offers no Save or Cite (README, "A page without an article").
 */
export const nothingToRead = (article: Article, html: string): boolean =>
  !article.textContent.trim() && !/<img\b/i.test(html);

/** Hide images that fail to load (our own listener, not a page handler) and the figure around them when it is empty. */
export function hideBrokenImages(body: HTMLElement): void {
  const hide = (img: HTMLImageElement) => {
    img.hidden = true;
    const fig = img.closest('figure');
    if (fig && !fig.querySelector('img:not([hidden])')) fig.hidden = true;
  };
  for (const img of Array.from(body.querySelectorAll('img'))) {
    if (!img.getAttribute('src')) hide(img);
    else if (img.complete && img.naturalWidth === 0) hide(img);
    else img.addEventListener('error', () => hide(img), { once: true });
  }
}
