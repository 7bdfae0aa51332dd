import DOMPurify from 'dompurify';
import type { Article } from '../extract/article';
import { isCaptionLine } from '../extract/caption-lines';
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
  splitDoubleBreaks(inert);
  markCaptionLines(inert.body);
  return inert.body.innerHTML;
}

/** Is `n` a <br>, or whitespace text between line breaks? */
const isBr = (n: Node | null): boolean => !!n && n.nodeType === 1 && (n as Element).tagName === 'BR';
const isBlank = (n: Node | null): boolean => !!n && n.nodeType === 3 && !/\S/.test(n.nodeValue ?? '');

/**
 * Paragraphs a page separates only with `<br><br>` (corpus thepaper-1: one <div> of lines) become <p>s of their own,
 * so spacing and the 2-em indent apply to each; a single <br> stays a line break.
 */
function splitDoubleBreaks(doc: Document): void {
  for (const p of Array.from(doc.body.querySelectorAll('p'))) {
    const brs = Array.from(p.querySelectorAll(':scope > br'));
    if (!brs.some((br) => isBr(nextNonBlank(br)))) continue;
    const parts: Node[][] = [[]];
    for (let n: Node | null = p.firstChild; n;) {
      const next = n.nextSibling;
      if (isBr(n) && isBr(nextNonBlank(n))) {
        let m: Node | null = n;
        while (m && (isBr(m) || isBlank(m))) m = m.nextSibling;
        parts.push([]);
        n = m;
        continue;
      }
      parts[parts.length - 1].push(n);
      n = next;
    }
    for (const nodes of parts) {
      while (nodes.length && (isBr(nodes[nodes.length - 1]) || isBlank(nodes[nodes.length - 1]))) nodes.pop();
      if (!nodes.length) continue;
      const q = doc.createElement('p');
      for (const n of nodes) q.appendChild(n);
      p.parentNode!.insertBefore(q, p);
    }
    p.remove();
  }
}

function nextNonBlank(n: Node): Node | null {
  let m = n.nextSibling;
  while (m && isBlank(m)) m = m.nextSibling;
  return m;
}

/** Mark caption lines under an image (caption-lines.ts isCaptionLine) with the reader's caption style, `.qd-caption`. */
function markCaptionLines(body: HTMLElement): void {
  for (const p of Array.from(body.querySelectorAll('p'))) if (isCaptionLine(p)) p.classList.add('qd-caption');
}

/** A heading of the body, for the table of contents. */
export interface BodyHeading {
  id: string;
  level: 2 | 3;
  text: string;
}

/**
 * Give the body's h2/h3 headings ids (`qd-h-N`) and list them, for the table of contents (ArticleView.tsx); the HTML
 * is sanitized already (bodyHtml), the ids are ours.
 */
export function withHeadingIds(html: string): { html: string; headings: BodyHeading[] } {
  if (!/<h[23][\s>]/i.test(html)) return { html, headings: [] };
  const inert = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  const headings: BodyHeading[] = [];
  for (const h of Array.from(inert.body.querySelectorAll('h2, h3'))) {
    const text = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    h.id = `qd-h-${headings.length + 1}`;
    headings.push({ id: h.id, level: h.tagName === 'H2' ? 2 : 3, text });
  }
  return { html: inert.body.innerHTML, headings };
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
