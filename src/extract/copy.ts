import type { Article } from './article';
import { cleanBody } from './clean';
import type { Detection } from './detect';
import type { ArticleMetadata, HeadlineStage } from './metadata';
import { detectWith, settledVerdict, type PageScan, type PageVerdict } from './scan';
import { serializedChars } from './serialize';

/**
 * The body's cleaned copy and the verdict it gives: what page load needs of cleaning when the scan's bounds do not
 * settle the verdict (a short body). Without the metadata code (title.ts, dates.ts …): the content script carries
 * this file and loads stage two (build.ts, src/content/complete-part.ts) only when cleaning asks for the headline.
 */

/** The body copied and cleaned (a detached copy: the page is not touched), with what was read before cleaning. */
export interface CleanCopy {
  /** The cleaned copy, or null when there is no body at all. */
  content: Element | null;
  /** Repeated headline/timestamp items counted before cleaning (Readability's path; else the scan's). */
  listItems: number;
  /** The headline stage of metadata when cleaning needed the title already (or Readability's path read it). */
  headline: HeadlineStage | null;
  /** The metadata, read before cleaning on Readability's path (cleaning changes its container in place). */
  metadata: ArticleMetadata | null;
  /** The serialised body, made at once on Readability's path (its verdict counts it), else null until stage two. */
  serialized: SerializedBody | null;
}

/** The serialised body: HTML, paragraphs, images, and the text with its count. */
export interface SerializedBody {
  html: string;
  paragraphs: string[];
  images: Article['images'];
  textContent: string;
  charCount: number;
}

/** An error in how a stage was called (not a page problem): e.g. Readability missing on a page that needs it. */
export class ExtractionUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExtractionUsageError';
  }
}

/**
 * A fresh document without a browsing context, to hold copies of page elements. A plain `cloneNode` on the live page
 * keeps the copy in the page's document, where it starts image/video loads and runs the page's `onerror`/`onload`
 * handlers on the detached copy (test/fixtures/hostile/xss-everywhere.html); a copy imported into an inert document
 * does neither. Null where the DOM has no `createHTMLDocument` (linkedom; never on browsers).
 */
function inertDocument(doc: Document): Document | null {
  try {
    return doc.implementation?.createHTMLDocument('') ?? null;
  } catch {
    return null;
  }
}

/** A deep copy of the body containers in an inert document (see inertDocument), or a plain clone where there is none. */
export function copyContainers(doc: Document, containers: Element[]): Element | null {
  if (!containers.length) return null;
  const inert = inertDocument(doc);
  const copy = (el: Element): Element => (inert ? inert.importNode(el, true) : (el.cloneNode(true) as Element));
  if (containers.length === 1) return copy(containers[0]);
  const joined = (inert ?? doc).createElement('div');
  for (const c of containers) joined.appendChild(copy(c));
  return joined;
}

/** Clean `content` in place: generic and site-rule clutter, on CJK pages or under a site rule (clean.ts). */
export function cleanContent(scan: PageScan, content: Element | null, title: () => string): void {
  if (!content || !(scan.cjkPage || scan.body.byRule)) return;
  const clutter = scan.rule?.selectors?.clutter ?? [];
  cleanBody(content, { clutter, title, pageTitle: scan.doc.querySelector('title')?.textContent ?? '' });
}

/**
 * Page load's verdict: the bounds' when they settle it, else the exact count of the cleaned copy (its serialised text
 * on Readability's path; else not serialised: serialize.ts serializedChars counts what serialisation would keep).
 * @throws ExtractionUsageError when the bounds do not settle it and no copy is given
 */
export function pageVerdict(scan: PageScan, copy: CleanCopy | null): PageVerdict {
  const settled = settledVerdict(scan);
  if (settled) return settled;
  if (!copy) throw new ExtractionUsageError('the verdict needs the cleaned copy (cleanCopy) on this page');
  const chars = copy.serialized?.charCount ?? (copy.content ? serializedChars(copy.content) : 0);
  return { detection: detectCleaned(scan, copy, chars), exact: true };
}

/** The detection for the cleaned copy's `chars` characters, with the list items it counted before cleaning. */
export function detectCleaned(scan: PageScan, copy: CleanCopy, chars: number): Detection {
  return detectWith({ body: scan.body, evidence: { ...scan.evidence, listItems: copy.listItems } }, chars);
}

/** Thrown by cleanCopyAtLoad's headline: cleaning asked for the headline, which only stage two reads. */
class HeadlineNeeded extends Error {}

/**
 * Page load's cleaned copy of the live body (not on Readability's path), without stage two's code: null when cleaning
 * asks for the headline (a leading block could repeat it; then stage two's cleanCopy, build.ts, makes the copy). The
 * copy is the one stage two's cleanCopy would make (test/unit/lazy-load.test.ts).
 */
export function cleanCopyAtLoad(scan: PageScan): CleanCopy | null {
  const content = copyContainers(scan.doc, scan.body.containers);
  try {
    cleanContent(scan, content, () => {
      throw new HeadlineNeeded();
    });
  } catch (e) {
    if (e instanceof HeadlineNeeded) return null;
    throw e;
  }
  return { content, listItems: scan.evidence.listItems, headline: null, metadata: null, serialized: null };
}
