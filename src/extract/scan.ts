import { chooseBodySteps, type BodyChoice, type MarkerTexts, type NodeStats } from './body';
import { countChars } from './cjk';
import {
  detectArticle,
  headlineBefore,
  listItemsSteps,
  repeatedPosts,
  type DetectInput,
  type Detection,
} from './detect';
import { metaSaysArticle } from './page-meta';
import { ruleFor, type SiteRule } from '../sites/index';
import { ruleMatches, textStart } from './text';
import { NEVER_DUE, runToEnd, type Due, type Steps } from './slices';

/**
 * Stage one of extraction: what page load needs (the badge and the declutter) and nothing more. Read-only on the page.
 * Stage two (build.ts buildArticle) turns a PageScan into the Article on the first request.
 */

/**
 * Page load takes a body of at least LONG_BODY characters (counted before cleaning) as an article without cleaning it,
 * when the page would still be one with only SURE_CHARS characters of body left: the other evidence (URL shape, page
 * metadata, dateline, body score) then carries the verdict. Set on the fixtures (corpus, cases, peer, engine, hostile:
 * no verdict differs from the cleaned one; test/unit/lazy-load.test.ts): cleaning leaves 0.43–1.00 of the body of
 * every fixture that is an article before cleaning, and the bodies it empties (list pages, 0.01–0.02) are no article
 * before cleaning already.
 */
const LONG_BODY = 800;
const SURE_CHARS = 100;

/** A page is treated as CJK when at least this share of its text characters are CJK. */
const CJK_PAGE_SHARE = 0.2;

/** Where the body is on the live page (never modified). */
export interface BodyLocation {
  /** The chosen container (metadata reads its first and last lines), or null when only Readability finds the body. */
  element: Element | null;
  /** The live containers whose sequence is the body: `[element]`, or its sibling containers when the body is split. */
  containers: Element[];
  /** The element holding all containers (the container, or the parent of split siblings): the declutter's guard. */
  holder: Element | null;
  /** The container came from the site rule's body selector. */
  byRule: boolean;
  /** The density pass's paragraph score of the container (body.ts). */
  score: number;
  /** Characters of the containers before cleaning: an upper bound of the cleaned body's count. */
  rawChars: number;
}

/** Detection evidence that does not depend on the cleaned body (see detect.ts DetectInput). */
export type PageEvidence = Pick<
  DetectInput,
  'url' | 'pageChars' | 'pageLinkChars' | 'metaArticle' | 'ruleUrl' | 'dateline' | 'listItems' | 'posts' | 'headline'
>;

/** What the uncleaned body says about the verdict (null on Readability's path: no body of our own to count). */
export interface VerdictBounds {
  /** The verdict with the uncleaned count: a page that is no article with it is none after cleaning either. */
  upper: Detection;
  /**
   * True when `upper` settles page load's verdict without cleaning: no article even uncleaned, or a long body that
   * stays an article with only SURE_CHARS left (which the Article, cleaned, may still overrule: see PageVerdict.exact).
   */
  settled: boolean;
}

/** Stage one's record of a page (plain data; the elements are the live page's). */
export interface PageScan {
  doc: Document;
  /** The page URL extraction runs with. */
  url: string;
  rule: SiteRule | null;
  /** Character counts of the whole page body (body.ts NodeStats). */
  page: NodeStats;
  /** At least CJK_PAGE_SHARE of the page's text characters are CJK. */
  cjkPage: boolean;
  body: BodyLocation;
  /** No body element of our own (not CJK, or no candidate): Readability must find the body (build.ts). */
  needsReadability: boolean;
  /** The text nodes that start with a clutter marker, as the body pass found them: the declutter grows blocks from them. */
  markerTexts: MarkerTexts;
  evidence: PageEvidence;
  bounds: VerdictBounds | null;
}

/** The first element of the first selector in the rule's list that matches (list order, as types.ts says). */
function firstMatch(doc: ParentNode & (Document | Element), selector: string | undefined): Element | null {
  return ruleMatches(doc, selector)[0] ?? null;
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
  return DATELINE.test(textStart(body, 200));
}

/** Does the site rule's article URL pattern match `url` (null: no rule, no pattern, or a pattern that fails)? */
function ruleUrlMatches(rule: SiteRule | null, url: string): boolean | null {
  if (!rule?.articleUrl) return null;
  try {
    return new RegExp(rule.articleUrl).test(new URL(url).pathname);
  } catch {
    return null;
  }
}

/**
 * Locate the body: the site rule's container when it holds text (another template of the same portal falls back to
 * the generic choice), else on a CJK page the density pass's container, read as the sequence of its sibling
 * containers when the body is split (test/fixtures/engine/split.html).
 */
function locateBody(doc: Document, rule: SiteRule | null, choice: BodyChoice, cjkPage: boolean): BodyLocation {
  let element = firstMatch(doc, rule?.selectors?.body);
  if (element && countChars(element.textContent ?? '') < 100) element = null;
  const byRule = !!element;
  if (!element && cjkPage) element = choice.element;
  const containers = element && !byRule && choice.siblings.length ? choice.siblings : element ? [element] : [];
  let rawChars = 0;
  // (an element the pass kept no record of has no text; a rule's container may lie where the pass does not go)
  for (const c of containers) rawChars += choice.stats.get(c)?.chars ?? (byRule ? countChars(c.textContent ?? '') : 0);
  const holder = containers.length > 1 ? containers[0].parentElement : (containers[0] ?? null);
  return { element, containers, holder, byRule, score: choice.score, rawChars };
}

/**
 * The detection for a body of `bodyChars` cleaned characters (Readability's path: its body scores by its length,
 * having no score of the density pass).
 */
export function detectWith(scan: Pick<PageScan, 'body' | 'evidence'>, bodyChars: number): Detection {
  const { body } = scan;
  const bodyScore = body.byRule ? Math.max(body.score, 60) : body.element ? body.score : bodyChars / 10;
  return detectArticle({ ...scan.evidence, bodyScore, bodyChars });
}

/** Page load's verdict and whether it is final. */
export interface PageVerdict {
  detection: Detection;
  /**
   * True when `detection` is the Article's verdict; false when a long body was taken as an article from its count
   * before cleaning (VerdictBounds.settled), which the Article may still overrule
   * (test/fixtures/engine/comments-body.html).
   */
  exact: boolean;
}

/**
 * Page load's verdict when the bounds settle it without a cleaned copy (no article even uncleaned, or a long body),
 * else null: then stage two's code cleans a copy for the exact count (build.ts pageVerdict). What lets the content
 * script decide most pages without loading that code (src/content/complete-part.ts).
 */
export function settledVerdict(scan: PageScan): PageVerdict | null {
  if (!scan.bounds?.settled) return null;
  return { detection: scan.bounds.upper, exact: !scan.bounds.upper.isArticle };
}

/** How a page is scanned. */
export interface ScanOptions {
  /**
   * Apply the site rules of src/sites (default true). False is the generic engine alone, as on a site nobody wrote a
   * rule for (`qingdu extract --generic`, `qingdu eval --generic`).
   */
  siteRules?: boolean;
}

/**
 * Stage one: scan the page for what page load needs — the site rule, the body's location (one read-only density pass,
 * body.ts chooseBody), page statistics, the clutter marker texts, the detection evidence and the bounds of the
 * verdict. Never modifies `doc`; never throws on odd pages.
 * @param doc the page Document
 * @param url the page URL (URL-shape evidence, the site rule)
 * @param options `siteRules: false` scans without any site rule
 */
export function scanPage(doc: Document, url: string, options: ScanOptions = {}): PageScan {
  return runToEnd(scanPageSteps(doc, url, options, NEVER_DUE));
}

/**
 * scanPage in slices (slices.ts): the body pass yields whenever `due()` says the slice is over, and once more after
 * it when due (the rest of the scan then starts a slice of its own). Drained at once it is scanPage.
 * @returns the PageScan scanPage gives for the page as the pass read it
 */
export function* scanPageSteps(doc: Document, url: string, options: ScanOptions, due: Due): Steps<PageScan> {
  const rule = options.siteRules === false ? null : ruleFor(url, doc);
  const choice = yield* chooseBodySteps(doc, due);
  if (due()) yield;
  const page = choice.page;
  const cjkPage = page.chars > 0 && page.cjk / page.chars >= CJK_PAGE_SHARE;
  const body = locateBody(doc, rule, choice, cjkPage);
  const needsReadability = !body.element;
  if (due()) yield;
  // counted before cleaning drops the link-heavy items (Readability's path counts its own container: build.ts)
  const items = body.containers.length ? yield* listItemsSteps(body.containers, due) : 0;
  if (due()) yield;
  const evidence: PageEvidence = {
    url,
    pageChars: page.chars,
    pageLinkChars: page.linkChars,
    metaArticle: metaSaysArticle(doc),
    ruleUrl: ruleUrlMatches(rule, url),
    dateline: body.element ? hasDateline(body.element) : false,
    listItems: items,
    posts: body.element ? repeatedPosts(body.element) : 0,
    headline: body.element ? headlineBefore(doc, body.element) : false,
  };
  const scan: PageScan = {
    doc,
    url,
    rule,
    page,
    cjkPage,
    body,
    needsReadability,
    markerTexts: choice.markers,
    evidence,
    bounds: null,
  };
  if (!needsReadability) {
    const upper = detectWith(scan, body.rawChars);
    const settled = !upper.isArticle || (body.rawChars >= LONG_BODY && detectWith(scan, SURE_CHARS).isArticle);
    scan.bounds = { upper, settled };
  }
  return scan;
}
