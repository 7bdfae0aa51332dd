import type { Readability } from '@mozilla/readability';
import type { Article } from './article';
import { countChars, readingMinutes } from './cjk';
import { cleanBody } from './clean';
import { listItems, type Detection } from './detect';
import { findNextPage } from './next-page';
import { serializeBody, serializedChars } from './serialize';
import { finishMetadata, headlineStage, type ArticleMetadata, type HeadlineStage } from './metadata';
import { squash } from './text';
import { detectWith, settledVerdict, type PageScan, type PageVerdict } from './scan';

/**
 * Stage two of extraction: from a PageScan (scan.ts) to the Article — the body copied and cleaned, the metadata, the
 * serialised body, images, excerpt and next page. Runs on the first request in the content script, at once in the CLI.
 */

/** Readability's class (the library's `Readability` export). */
export type ReadabilityClass = typeof Readability;

/** The body copied and cleaned (a detached copy: the page is not touched), with what was read before cleaning. */
export interface CleanCopy {
  /**
   * The cleaned copy, or null when there is no body at all, or once serialised (Readability's path: its container
   * lives in Readability's clone of the whole page, which a copy kept until the first request would keep alive;
   * `serialized` and `metadata` hold all the Article takes from it).
   */
  content: Element | null;
  /** Repeated headline/timestamp items counted before cleaning (Readability's path; else the scan's). */
  listItems: number;
  /** The headline stage of metadata when cleaning needed the title already (null on Readability's path: see content). */
  headline: HeadlineStage | null;
  /** The metadata, read before cleaning on Readability's path (cleaning changes its container in place). */
  metadata: ArticleMetadata | null;
  /** The serialised body, made at once on Readability's path (its verdict counts it), else null until stage two. */
  serialized: SerializedBody | null;
}

/** The serialised body: HTML, paragraphs, images, and the text with its count. */
interface SerializedBody {
  html: string;
  paragraphs: string[];
  images: Article['images'];
  textContent: string;
  charCount: number;
}

export type { PageVerdict } from './scan';

/** An error in how stage two was called (not a page problem): e.g. Readability missing on a page that needs it. */
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
function copyContainers(doc: Document, containers: Element[]): Element | null {
  if (!containers.length) return null;
  const inert = inertDocument(doc);
  const copy = (el: Element): Element => (inert ? inert.importNode(el, true) : (el.cloneNode(true) as Element));
  if (containers.length === 1) return copy(containers[0]);
  const joined = (inert ?? doc).createElement('div');
  for (const c of containers) joined.appendChild(copy(c));
  return joined;
}

/**
 * Readability walks up from its best paragraph until it meets <body>, and throws (`reading 'tagName'` of null) when
 * that paragraph is not inside it: content a script appended to <html> (browser extensions put their panels there),
 * or a DOM whose parser left content beside <body>. So, on Readability's clone only, the element children of <html>
 * other than head, body and frameset move into <body> (made when missing), where a browser's parser puts such markup
 * (test/unit/fuzz.test.ts, test/unit/cli-dom.test.ts).
 */
function strayIntoBody(clone: Document): void {
  const root = clone.documentElement;
  if (!root) return;
  const kids = Array.from(root.children);
  const stray = kids.filter((el) => !['HEAD', 'BODY', 'FRAMESET'].includes(el.tagName.toUpperCase()));
  if (!stray.length) return;
  let body = kids.find((el) => el.tagName.toUpperCase() === 'BODY');
  if (!body) body = root.appendChild(clone.createElement('body'));
  // Before the body at its start, after it at its end, in document order.
  const before = stray.filter((el) => kids.indexOf(el) < kids.indexOf(body));
  for (const el of before.reverse()) body.insertBefore(el, body.firstChild);
  for (const el of stray.filter((el) => !before.includes(el))) body.appendChild(el);
}

/** Body element by Readability (on a clone of the whole document): the path for pages without a body of our own. */
function readabilityContainer(doc: Document, Readability: ReadabilityClass): Element | null {
  const clone = doc.cloneNode(true) as Document;
  strayIntoBody(clone);
  // The serializer hands back Readability's own container instead of its innerHTML (no HTML string round trip, and
  // no innerHTML assignment for AMO's linter); our allow-list walk serialises it later.
  const parsed = new Readability<Element>(clone, { serializer: (node) => node as Element }).parse();
  return parsed?.content ?? null;
}

/** Clean `content` in place: generic and site-rule clutter, on CJK pages or under a site rule (clean.ts). */
function cleanContent(scan: PageScan, content: Element | null, title: () => string): void {
  if (!content || !(scan.cjkPage || scan.body.byRule)) return;
  const clutter = scan.rule?.selectors?.clutter ?? [];
  cleanBody(content, { clutter, title, pageTitle: scan.doc.querySelector('title')?.textContent ?? '' });
}

/**
 * Copy and clean the body: the live containers copied into an inert document, or, on a page that needs it,
 * Readability's container (whose list items and metadata are read first, since cleaning changes it in place). The
 * headline (for cleaning's repeated-title check) is read only when cleaning asks for it.
 * @param readability the Readability class; needed only when `scan.needsReadability`
 * @throws ExtractionUsageError when the page needs Readability and none is given (load it first)
 */
export function cleanCopy(scan: PageScan, readability: ReadabilityClass | null): CleanCopy {
  const { doc, url, rule } = scan;
  if (scan.needsReadability) {
    if (!readability) throw new ExtractionUsageError('this page needs Readability: load it before cleanCopy');
    const content = readabilityContainer(doc, readability);
    const headline = headlineStage(doc, url, content, rule);
    const metadata = finishMetadata(headline);
    const items = content ? listItems(content) : 0;
    cleanContent(scan, content, () => squash(headline.title));
    // (nothing keeps Readability's clone alive past this call: the content script holds the copy until the first
    // request, scripts/bench.ts retained heap)
    return { content: null, listItems: items, headline: null, metadata, serialized: serialize(content, url) };
  }
  const content = copyContainers(doc, scan.body.containers);
  let headline: HeadlineStage | null = null;
  // metadata reads the live container (never the copy), so it may be read before, during or after cleaning
  cleanContent(scan, content, () => squash((headline ??= headlineStage(doc, url, scan.body.element, rule)).title));
  return { content, listItems: scan.evidence.listItems, headline, metadata: null, serialized: null };
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
function detectCleaned(scan: PageScan, copy: CleanCopy, chars: number): Detection {
  return detectWith({ body: scan.body, evidence: { ...scan.evidence, listItems: copy.listItems } }, chars);
}

/** Serialise the cleaned body (serialize.ts) with its text and count. */
function serialize(content: Element | null, url: string): SerializedBody {
  const ser = content ? serializeBody(content, url) : { html: '', paragraphs: [], images: [] };
  const textContent = ser.paragraphs.join('\n\n');
  return { ...ser, textContent, charCount: countChars(textContent) };
}

/** An info or credit line (not an excerpt): `2020年03月15日 10:13 来源：…`, `发布时间：…`, `作者：…`, `执笔/…`, `原创：…`. */
const META_LINE =
  /^[（(【[]?\s*(\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}|发布时间|来源|作者|记者|编辑|责任编辑|时间|执笔|撰文|文\s*[/／:：|]|原创\s*[:：]|图\s*[/／:：]|摄影|通讯员)[\s\S]{0,80}$/;

/** The first sentences of the body: the first paragraph that is not an info line, cut near 200 characters. */
export function makeExcerpt(paragraphs: string[]): string {
  for (const p of paragraphs) {
    const t = p.replace(/\s+/g, ' ').trim();
    if (countChars(t) < 15 || META_LINE.test(t)) continue;
    if (t.length <= 200) return t;
    const cut = t.slice(0, 200);
    const end = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('！'), cut.lastIndexOf('？'), cut.lastIndexOf('. '));
    return end > 40 ? cut.slice(0, end + 1) : `${cut}…`;
  }
  return '';
}

/**
 * Stage two: the Article of a scanned page, with the detection behind its verdict. Reads the page as it is now (the
 * caller rescans a page whose body element was replaced since the scan: the content script does).
 * @param opts.readability the Readability class, needed only when `scan.needsReadability`
 * @param opts.copy page load's cleaned copy when it made one (else it is made now)
 * @throws ExtractionUsageError when the page needs Readability and none is given; never on odd pages
 */
export function buildDetailed(
  scan: PageScan,
  opts: { readability: ReadabilityClass | null; copy?: CleanCopy | null },
): { article: Article; detection: Detection } {
  const { doc, url, rule } = scan;
  const copy = opts.copy ?? cleanCopy(scan, opts.readability);
  const m = copy.metadata ?? finishMetadata(copy.headline ?? headlineStage(doc, url, scan.body.element, rule));
  const b = copy.serialized ?? serialize(copy.content, url);
  const detection = detectCleaned(scan, copy, b.charCount);
  const article: Article = {
    isArticle: detection.isArticle,
    confidence: detection.confidence,
    url,
    canonicalUrl: m.canonicalUrl,
    siteName: m.siteName ?? rule?.siteName ?? null,
    title: m.title,
    published: m.published,
    source: m.source,
    authors: m.authors,
    editors: m.editors,
    section: m.section,
    lang: m.lang,
    excerpt: makeExcerpt(b.paragraphs),
    contentHtml: b.html,
    textContent: b.textContent,
    charCount: b.charCount,
    readingMinutes: readingMinutes(b.textContent),
    images: b.images,
    rule: rule?.id ?? 'generic',
    nextPageUrl: detection.isArticle ? findNextPage(doc, url, rule?.selectors?.nextPage) : null,
  };
  return { article, detection };
}

/** buildDetailed's Article. */
export function buildArticle(
  scan: PageScan,
  opts: { readability: ReadabilityClass | null; copy?: CleanCopy | null },
): Article {
  return buildDetailed(scan, opts).article;
}
