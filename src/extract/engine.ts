import type { Readability } from '@mozilla/readability';
import type { Article } from './article';
import { chooseBody, type MarkerTexts, type NodeStats } from './body';
import { countChars, readingMinutes } from './cjk';
import { cleanBody } from './clean';
import { detectArticle, listItems, type Detection } from './detect';
import { findNextPage } from './next-page';
import { serializeBody, serializedChars } from './serialize';
import { ruleFor, type SiteRule } from '../sites/index';
import { metaSaysArticle } from './page-meta';
import { finishMetadata, headlineStage, type ArticleMetadata, type HeadlineStage } from './metadata';
import { squash } from './text';

export type { Article, ArticleImage } from './article';
export { ARTICLE_FIELDS } from './article';

/**
 * Page load takes a body of at least LONG_BODY characters (counted before cleaning) as an article without cleaning it,
 * when the page would still be one with only SURE_CHARS characters of body left: the other evidence (URL shape, page
 * metadata, dateline, body score) then carries the verdict. Set on the fixtures (corpus, cases, peer, engine, hostile:
 * no verdict differs from the cleaned one; lazy-load.test.ts): cleaning leaves 0.43–1.00 of the body of every
 * fixture that is an article before cleaning, and the bodies it empties (list pages, 0.01–0.02) are no article
 * before cleaning already.
 */
const LONG_BODY = 800;
const SURE_CHARS = 100;

/** A page is treated as CJK when at least this share of its text characters are CJK. */
const CJK_PAGE_SHARE = 0.2;

/** An info or credit line (not an excerpt): `2020年03月15日 10:13 来源：…`, `发布时间：…`, `作者：…`, `执笔/…`, `原创：…`. */
const META_LINE = /^[（(【[]?\s*(\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}|发布时间|来源|作者|记者|编辑|责任编辑|时间|执笔|撰文|文\s*[/／:：|]|原创\s*[:：]|图\s*[/／:：]|摄影|通讯员)[\s\S]{0,80}$/;

function firstMatch(doc: ParentNode, selector: string | undefined): Element | null {
  if (!selector) return null;
  try {
    return doc.querySelector(selector);
  } catch {
    return null;
  }
}

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

/** Date (with time) or 发布时间/来源 label: the info line of an article template. */
const DATELINE = /((19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s*\d{1,2}:\d{2})|发布时间|来源\s*[:：]/;

/**
 * Is there a dateline in the ~300 characters of text just before `body` (previous siblings of the body and of its
 * nearest ancestors). Read-only.
 */
export function hasDateline(body: Element): boolean {
  let budget = 300;
  for (let el: Element | null = body, level = 0; el && level < 5; el = el.parentElement, level++) {
    for (let s = el.previousElementSibling; s && budget > 0; s = s.previousElementSibling) {
      const t = s.textContent ?? '';
      if (DATELINE.test(t.slice(-400))) return true;
      budget -= countChars(t);
    }
  }
  // the dateline may also open the body container itself
  return DATELINE.test((body.textContent ?? '').slice(0, 200));
}

/**
 * A fresh document without a browsing context, to hold copies of page elements. A plain `cloneNode` on the live page
 * keeps the copy in the page's document, where it starts image/video loads and runs the page's `onerror`/`onload`
 * handlers on the detached copy (found by the hostile-page suite, issue 8); a copy imported into an inert document does
 * neither. Null where the DOM has no `createHTMLDocument` (linkedom; never on browsers).
 */
function inertDocument(doc: Document): Document | null {
  try {
    return doc.implementation?.createHTMLDocument('') ?? null;
  } catch {
    return null;
  }
}

/** A deep copy of `el` in an inert document (see inertDocument), or a plain clone where there is none (linkedom). */
function inertCopy(doc: Document, el: Element): Element {
  const inert = inertDocument(doc);
  return inert ? inert.importNode(el, true) : (el.cloneNode(true) as Element);
}

/** Readability's class (the library's `Readability` export), as a ReadabilitySource hands it out. */
export type ReadabilityClass = typeof Readability;

/**
 * Where the engine gets Readability, which only pages whose body our density pass cannot take need (not CJK, or no
 * candidate): `src/extract/index.ts` hands out the bundled library; the content script leaves the library out of its
 * own script (issue 8: compiling it cost every page load about 1 ms) and loads it as a part when a page needs it.
 * @throws ReadabilityMissing when the library is not loaded (yet)
 */
export type ReadabilitySource = () => ReadabilityClass;

/** Thrown by a ReadabilitySource whose library is not loaded: load it and run the extraction again. */
export class ReadabilityMissing extends Error {
  constructor() {
    super('Readability is not loaded');
    this.name = 'ReadabilityMissing';
  }
}

/** Body element by Readability (on a clone) when our density pass has no candidate or the page is not CJK. */
function readabilityBody(doc: Document, Readability: ReadabilityClass): Element | null {
  const clone = doc.cloneNode(true) as Document;
  // The serializer hands back Readability's own container instead of its innerHTML (no HTML string round trip, and
  // no innerHTML assignment for AMO's linter); our allow-list walk serialises it later.
  const parsed = new Readability<Element>(clone, { serializer: (node) => node as Element }).parse();
  return parsed?.content ?? null;
}

/**
 * Extract the Article record from a Document.
 *
 * Pure and DOM-generic: works on the live page, happy-dom and linkedom documents, and never mutates `doc`: the body is
 * chosen by a read-only density pass over `doc` (body.ts), then only that container is cloned and cleaned. Pages that
 * are not CJK, or where the pass finds no candidate, go through Readability on a clone of the whole document.
 * Pipeline: site rule → body choice → metadata (on the uncleaned body clone) → clean → serialise → detection.
 *
 * @param doc the page Document (not modified)
 * @param url the page URL: resolves relative links and image sources (linkedom has no base URL), URL-shape evidence
 * @returns the Article; `isArticle` is false when the page is not an article (never throws on odd pages)
 */
export function extractArticle(doc: Document, url: string, readability: ReadabilitySource): Article {
  return extractDetailed(doc, url, readability).article;
}

/** extractArticle with the detection evidence (`reasons`), for debugging, the eval and the popup. */
export function extractDetailed(doc: Document, url: string, readability: ReadabilitySource): { article: Article; detection: Detection } {
  return runPhases(extractPhases(doc, url, readability));
}

/** Run extractPhases or loadPhases to the end in one go (no yielding to a page between phases): its result. */
export function runPhases<T>(steps: Generator<ExtractPhase, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The phase of extractPhases / loadPhases that has just ended (lazy mode: `body`, and `clean` on articles), or
 * `readability`: the page needs Readability next (a caller that loads it on demand does so now; see ReadabilitySource).
 */
export type ExtractPhase = 'body' | 'metadata' | 'clean' | 'readability';

/**
 * extractDetailed in phases, for a caller that gives the page its main thread back between them (the content script
 * yields after each, so no single task holds the page for the whole extraction; issue 8). Each `yield` names the phase
 * that just ended (`body`: site rule, body choice and its copy; `metadata`; `clean`: cleaning and serialising); the
 * generator returns what extractDetailed returns (the last phase, detection, runs before that).
 */
export function* extractPhases(doc: Document, url: string, readability: ReadabilitySource): Generator<ExtractPhase, { article: Article; detection: Detection }, void> {
  const load = yield* loadPhases(doc, url, { lazy: false, readability });
  return { article: load.complete(), detection: load.detection };
}

/** What page load needs (the badge and the declutter), and the rest of the Article on demand. */
export interface PageLoad {
  /** The page URL extraction ran with. */
  url: string;
  /**
   * The verdict at page load. Eager mode, and pages without a body element of their own (Readability's path): the
   * Article's own. Lazy mode: the body's length is first counted on the page's body element before cleaning (an
   * upper bound: cleaning only removes text), then, for a short article, on the cleaned copy (see `exact`);
   * lazy-load.test.ts checks the verdict equals the Article's on every corpus page, case, peer page and engine,
   * hostile and no-article fixture but one made to differ. The Article's `isArticle` is always the exact verdict.
   */
  detection: Detection;
  /**
   * True when `detection` is the Article's verdict (eager mode, Readability's path, pages that are no article even
   * before cleaning, and articles confirmed with the cleaned count); false when a long body was taken as an article
   * from its count before cleaning (see loadPhases), which `complete()` may still overrule.
   */
  exact: boolean;
  /**
   * The live element holding the article body (the chosen container, or the parent of a body split into sibling
   * containers), for the declutter's guard; null when the body came from Readability's copy (see bodyText).
   */
  bodyElement: Element | null;
  /** The cleaned body text when page load already has it (eager mode, Readability's path), else null. */
  bodyText: string | null;
  /**
   * The text nodes of the page body that start with a clutter marker, as the body pass found them (body.ts
   * MarkerTexts): the declutter grows clutter blocks from them instead of reading the page's text again.
   */
  markerTexts: MarkerTexts;
  /**
   * The whole Article (same value as extractArticle): in lazy mode the body copy, cleaning, serialisation, the
   * metadata, the excerpt and the next-page link are done on the first call, on the document as it is then; later
   * calls return the same object.
   */
  complete(): Article;
}

/** The cleaned body: what the clean phase produces. */
interface CleanBody {
  html: string;
  paragraphs: string[];
  images: Article['images'];
  textContent: string;
  charCount: number;
}

/**
 * The phases of extraction with the Article completed on demand. `lazy: false` is extractPhases (body, metadata,
 * clean, detection, all at once). `lazy: true` is the content script's page load (issue 8's budget: page load pays only
 * for what the badge and the declutter need): body choice and detection on the live page, read-only, plus a cleaned
 * copy of a short article's body to count it (yielded as `clean`); serialisation and all metadata wait for
 * `complete()`. Pages whose body only Readability finds (no CJK body container) run eagerly in both modes. The Article
 * is the same in both modes; see PageLoad.detection and PageLoad.exact for the page-load verdict.
 * @param opts.readability where Readability comes from, for pages whose body only it finds: the generator yields
 *   `readability` just before it asks, so a caller that loads the library on demand can do so then
 * @throws nothing of its own on odd pages (as extractArticle); ReadabilityMissing from `opts.readability`; DOM
 *   exceptions of a broken environment propagate
 */
export function* loadPhases(doc: Document, url: string, opts: { lazy: boolean; readability: ReadabilitySource }): Generator<ExtractPhase, PageLoad, void> {
  const rule: SiteRule | null = ruleFor(url, doc);
  const clutter = rule?.selectors?.clutter ?? [];
  const choice = chooseBody(doc);
  const page: NodeStats = choice.page;
  const cjkPage = page.chars > 0 && page.cjk / page.chars >= CJK_PAGE_SHARE;

  // A rule's body container is used when it holds text; another template of the same portal falls back to the
  // generic choice.
  let source: Element | null = firstMatch(doc, rule?.selectors?.body);
  if (source && countChars(source.textContent ?? '') < 100) source = null;
  const viaRule = !!source;
  if (!source && cjkPage) source = choice.element;
  // a body split into sibling containers is read as their sequence (the page is not touched)
  const parts: Element[] = source && !viaRule && choice.siblings.length ? choice.siblings : source ? [source] : [];
  // Readability's container when there is no body element of our own: cleaning changes it in place, so it is made
  // (and its metadata read) before the rest, eagerly.
  let readabilityContent: Element | null = null;
  if (!source) {
    yield 'readability';
    readabilityContent = readabilityBody(doc, opts.readability());
  }
  yield 'body';

  const listSize = parts.length ? listItems(parts) : readabilityContent ? listItems(readabilityContent) : 0; // before cleaning drops the link-heavy items
  const metaArticle = metaSaysArticle(doc);
  let ruleUrl: boolean | null = null;
  if (rule?.articleUrl) {
    try {
      ruleUrl = new RegExp(rule.articleUrl).test(new URL(url).pathname);
    } catch {
      ruleUrl = null;
    }
  }
  const dateline = source ? hasDateline(source) : false;
  const detect = (charCount: number): Detection => detectArticle({
    url,
    bodyScore: viaRule ? Math.max(choice.score, 60) : source ? choice.score : charCount / 10,
    bodyChars: charCount,
    pageChars: page.chars,
    pageLinkChars: page.linkChars,
    metaArticle,
    ruleUrl,
    dateline,
    listItems: listSize,
  });

  let stage: HeadlineStage | null = null;
  let meta: ArticleMetadata | null = null;
  let cleanedContent: Element | null | undefined;
  let body: CleanBody | null = null;
  /** Metadata reads the body before cleaning: the page's own element, or Readability's container. */
  const headline = (): HeadlineStage => (stage ??= headlineStage(doc, url, source ?? readabilityContent, rule));
  const metadata = (): ArticleMetadata => (meta ??= finishMetadata(headline()));
  /** The body copied and cleaned (a detached copy; the page is not touched), once. */
  const cleaned = (): Element | null => {
    if (cleanedContent !== undefined) return cleanedContent;
    let content: Element | null = readabilityContent;
    if (parts.length > 1) {
      content = (inertDocument(doc) ?? doc).createElement('div');
      for (const part of parts) content.appendChild(inertCopy(doc, part));
    } else if (parts.length) content = inertCopy(doc, parts[0]);
    if (content && (cjkPage || viaRule)) cleanBody(content, { clutter, title: () => squash(headline().title), pageTitle: doc.querySelector('title')?.textContent ?? '' });
    return (cleanedContent = content);
  };
  const clean = (): CleanBody => {
    if (body) return body;
    const content = cleaned();
    const ser = content ? serializeBody(content, url) : { html: '', paragraphs: [], images: [] };
    const textContent = ser.paragraphs.join('\n\n');
    return (body = { ...ser, textContent, charCount: countChars(textContent) });
  };

  const deferred = opts.lazy && !!source;
  let detection: Detection;
  /** Did page load confirm its verdict with the cleaned body's exact count (see PageLoad.exact). */
  let exact = !deferred;
  if (deferred) {
    // Upper bound first: the body's characters as the body pass counted them on the page (cleaning only removes
    // text; on the fixtures the cleaned count is 0.01–1.00 of it). A page that is no article with it is none after
    // cleaning either. A long body that stays an article even if cleaning left only SURE_CHARS of it is taken as
    // one without cleaning; any other article is confirmed with the exact count of the cleaned copy.
    let chars = 0;
    // (an element the pass kept no record of has no text; a rule's container may lie where the pass does not go)
    for (const part of parts) chars += choice.stats.get(part)?.chars ?? (viaRule ? countChars(part.textContent ?? '') : 0);
    detection = detect(chars);
    exact = !detection.isArticle;
    if (detection.isArticle && !(chars >= LONG_BODY && detect(SURE_CHARS).isArticle)) {
      const content = cleaned();
      detection = detect(content ? serializedChars(content) : 0);
      exact = true;
      yield 'clean';
    }
  } else {
    metadata();
    yield 'metadata';
    clean();
    yield 'clean';
    detection = detect(body!.charCount);
  }

  let article: Article | null = null;
  const complete = (): Article => {
    if (article) return article;
    // A single-page site may have replaced the body element since page load (hostile fixture spa-rewrite): the
    // deferred work would then read a detached element, so the Article is extracted afresh from the page as it is.
    if (deferred && parts.some((p) => p.isConnected === false)) return (article = extractArticle(doc, url, opts.readability));
    const m = metadata();
    const b = clean();
    const det = deferred ? detect(b.charCount) : detection;
    article = {
      isArticle: det.isArticle,
      confidence: det.confidence,
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
      nextPageUrl: det.isArticle ? findNextPage(doc, url, rule?.selectors?.nextPage) : null,
    };
    return article;
  };
  const bodyElement = parts.length > 1 ? parts[0].parentElement : (parts[0] ?? null);
  return { url, detection, exact, bodyElement, bodyText: body ? (body as CleanBody).textContent : null, markerTexts: choice.markers, complete };
}
