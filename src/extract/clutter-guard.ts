/**
 * What the in-place declutter never hides (pure, read-only, DOM-generic): the article body's holder, the headline, the
 * credit and info lines (责任编辑, (责编：…), 作者：, 来源：, the date line between headline and body), the site's
 * navigation and its footer (ICP备, 版权所有, 联系我们). A clutter candidate that contains one of them, or sits inside
 * one (other than the body holder), is dropped, whichever rule proposed it (site selector, generic selector, marker
 * text, the structure pass beside the body). Fixtures: sina-1 (责任编辑 in `.article-editor`), people-1 ((责编：…) and the
 * 人民网版权所有 footer in `.copyright`), thepaper-1 (沪ICP备 footer), xinhuanet-1 (联系我们), test/unit/clutter-guard.test.ts.
 */
import { countChars } from './cjk';
import { charsAtMost, precedes, shownText, textNodesMatching, textNodesMatchingEachSteps } from './text';
import { CHECK_EVERY, NEVER_DUE, runToEnd, ticker, type Due, type Steps } from './slices';
import { FOOTER_LINK_WORDS, FOOTER_WORDS, SHARE_WORDS, anyOf } from './vocabulary';

/** A credit line (page kind: article with an editor/author/source credit outside or at the end of the body). */
const CREDIT_LINE =
  /^[\s[【(（]*(责任编辑|责编|编辑|作者|本文来源|文章来源|来源|稿源|记者|通讯员|发布时间|发布日期|时间)\s*[:：]/;
/** Credits a sentence may carry in the middle (`本文来源：新京报 责任编辑：杨倩`, 163-1). */
const CREDIT_ANYWHERE = /(责任编辑|责编)\s*[:：]/;
/** A day or a time of the info line (`2019-09-07 13:43:45`, `2019年09月07日`, qq-2's `09/07` `19:02` apart). */
const DAY_OR_TIME = /\d{1,2}\s*[-/月.]\s*\d{1,2}|\d{1,2}:\d{2}/;
/** A year (qq-2's `2019` standing alone in the info line). */
const YEAR = /(19|20)\d{2}/;
/** A year stands for the date only in a text this short (`2019`, `2019年`, `(2019)`). */
const YEAR_TEXT_MAX = 8;
const FOOTER = new RegExp(anyOf(FOOTER_WORDS));
const FOOTER_LINK = new RegExp(anyOf(FOOTER_LINK_WORDS));
const SHARE = new RegExp(anyOf(SHARE_WORDS), 'i');
/** The texts that may be a credit or info line (a colon or a digit), read up to CREDIT_TEXTS of them. */
const CREDIT_TEXT = /[:：]|\d/;
const CREDIT_TEXTS = 5000;
/** Footer and footer-link texts read, at most. */
const FOOTER_TEXTS = 200;
/** A share/follow/app block is short (a toolbar, a QR box, an app promo). */
const SHARE_MAX = 60;
/** Credit and footer lines are short: a long text that merely mentions 来源 is prose. */
const LINE_MAX = 100;
/** A footer grows to the outermost ancestor with at most this many characters (the footer block, not the page). */
const FOOTER_MAX = 600;

/** The landmarks of a site's frame: navigation, header and footer elements and ARIA roles. */
const LANDMARKS =
  'nav, header, footer, [role="navigation"], [role="banner"], [role="contentinfo"], [class*="crumb"], [id*="crumb"]';
/** The elements whose class or id may hold a FRAME_TOKEN (one native query instead of reading every element). */
const FRAME_NAMED = [
  'nav',
  'Nav',
  'NAV',
  'menu',
  'Menu',
  'foot',
  'Foot',
  'FOOT',
  'header',
  'Header',
  'HEADER',
  'MENU',
  'bottom',
  'Bottom',
  'BOTTOM',
]
  .flatMap((w) => [`[class*="${w}"]`, `[id*="${w}"]`])
  .join(', ');
/** A navigation named by class or id has at least this many links. */
const FRAME_LINKS = 3;
/** Class or id tokens of the site's navigation and footer (`div.nav`, `#footer`, `.foot_nav`). */
const FRAME_TOKEN =
  /^(nav|navbar|mainnav|topnav|subnav|menu|footer|foot|bottom_?nav|site_?nav|header|site_?header)([-_].*)?$/i;

/** The guard of one page: what stays, and where the headline is. */
export interface PageGuard {
  /** The live element holding the article body. */
  body: Element;
  /** The headline element (an h1/h2 whose text begins the page title, else the first h1), or null. */
  headline: Element | null;
  /** Elements kept whole: headline, credit and info lines, navigation and footer landmarks. */
  kept: Element[];
  /**
   * The credit and info lines and the footer blocks among `kept`: a share block inside one may still go (chinacomcn-1's
   * 分享到 in `.inform`, baijiahao-1's 返回顶部 button in its footer).
   */
  lines: Set<Element>;
  /** The footer blocks among `lines`: only share/follow/QR blocks go inside them, never a row of links. */
  footers: Set<Element>;
  /** `kept` as a set, and every kept element with all its ancestors: isGuarded reads them, not `kept` one by one. */
  keptSet: Set<Element>;
  holders: Set<Element>;
}

/**
 * The headline: the h1/h2 before the body whose text starts the document title (page kind: any article; the site
 * logo is often an h1 too), else the first h1, else null.
 */
export function findHeadline(doc: Document, body: Element): Element | null {
  const title = (doc.title ?? '').replace(/\s+/g, '');
  for (const h of doc.querySelectorAll('h1, h2')) {
    const text = (h.textContent ?? '').replace(/\s+/g, '');
    if (text.length >= 4 && title.startsWith(text.slice(0, 12)) && !h.contains(body)) return h;
  }
  const h1 = doc.querySelector('h1');
  if (h1 && !h1.contains(body) && (h1.textContent ?? '').trim()) return h1;
  return titleElement(doc, body, title);
}

/** The element before the body whose whole text starts the title (youth-peer's `div.l_tit`), or null. */
function titleElement(doc: Document, body: Element, title: string): Element | null {
  const head = title.slice(0, 6);
  if (head.length < 6 || !doc.body) return null;
  for (const t of textNodesMatching(doc.body, new RegExp(head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 20)) {
    const el = t.parentElement;
    const text = (el?.textContent ?? '').replace(/\s+/g, '');
    if (el && text.length >= 6 && title.startsWith(text) && precedes(el, body)) return el;
  }
  return null;
}

/** Credit lines anywhere, and date lines between the headline and the body (the info line). In slices (slices.ts). */
function* creditElements(texts: readonly Text[], body: Element, headline: Element | null, due: Due): Steps<Element[]> {
  const out: Element[] = [];
  let count = 0;
  for (const t of texts) {
    if (++count === CHECK_EVERY) {
      count = 0;
      if (due()) yield;
    }
    const text = t.nodeValue ?? '';
    const el = t.parentElement;
    if (!el || text.length > LINE_MAX) continue;
    // the text's own test first: most texts with a digit or a colon are neither (page load's budget, scripts/bench.ts)
    const credit = CREDIT_LINE.test(text) || CREDIT_ANYWHERE.test(text);
    const info = !credit && isDateText(text) && !!headline && precedes(headline, el) && precedes(el, body);
    if ((credit && (el.textContent ?? '').trim().length <= LINE_MAX) || info) out.push(el);
  }
  return out;
}

/**
 * A date or time of the info line: a year alone only as a short text of its own (qq-2's `2019`), not a sentence that
 * starts with one (sina-2's promo `“2018十大经济年度人物评选”火热进行中！` between the headline and the body).
 */
function isDateText(text: string): boolean {
  return DAY_OR_TIME.test(text) || (YEAR.test(text) && countChars(text) <= YEAR_TEXT_MAX);
}

/** The footer blocks: from each footer text, the outermost ancestor still short and outside body and headline. */
function footerElements(
  root: Element,
  texts: { footer: readonly Text[]; links: readonly Text[] },
  body: Element,
  headline: Element | null,
): Element[] {
  const out: Element[] = [];
  for (const t of texts.footer) {
    let el = t.parentElement;
    if (!el || body.contains(el) || (headline && headline.contains(el))) continue;
    for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
      if (p.contains(body) || (headline && p.contains(headline)) || !charsAtMost(p, FOOTER_MAX)) break;
      el = p;
    }
    out.push(el);
  }
  for (const t of texts.links) {
    const el = t.parentElement;
    if (el && !body.contains(el) && !(headline && headline.contains(el))) out.push(el);
  }
  return out;
}

/**
 * Navigation and footer landmarks by tag, role or class/id token; not one that holds the headline (chinacomcn-1's
 * `div.topNav` wraps the breadcrumb, the h1 and the share bar: it is the article's header, not the site's). A block
 * named so by class or id only counts when it reads as a frame: a row of links or a footer text (sina-2's right column
 * holds a `div.footer-wrap` with one 意见反馈 link, which must not keep the whole column visible). In slices (slices.ts).
 */
function* frameElementsSteps(doc: Document, body: Element, headline: Element | null, due: Due): Steps<Element[]> {
  const out: Element[] = [];
  const hit = (el: Element) =>
    !el.contains(body) && !body.contains(el) && !(headline && el.contains(headline)) && out.push(el);
  const tick = ticker(due);
  // (each native match over the whole page starts a slice of its own: it cannot be split)
  yield;
  for (const el of doc.querySelectorAll(LANDMARKS)) {
    if (tick()) yield;
    hit(el);
  }
  yield;
  for (const el of doc.querySelectorAll(FRAME_NAMED)) {
    if (tick()) yield;
    const tokens = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/);
    if (tokens.some((tok) => FRAME_TOKEN.test(tok)) && readsAsFrame(el)) hit(el);
  }
  return out;
}

/** A navigation has a few links; a footer a copyright, licence or contact text. */
function readsAsFrame(el: Element): boolean {
  let links = 0;
  for (const a of el.getElementsByTagName('a')) if ((a.textContent ?? '').trim() && ++links >= FRAME_LINKS) return true;
  const text = el.textContent ?? '';
  return FOOTER.test(text) || FOOTER_LINK.test(text);
}

/**
 * The guard of a page around its body holder: everything the declutter must leave visible. pageGuardSteps in one go.
 * @param extra elements a site rule names as the headline or the info line (SiteRule selectors title, info)
 */
export function pageGuard(doc: Document, body: Element, extra: readonly Element[] = []): PageGuard {
  return runToEnd(pageGuardSteps(doc, body, extra, NEVER_DUE));
}

/**
 * pageGuard in slices (slices.ts): the walk over the page's text for credit and footer lines, and the reading of the
 * credit lines found, yield whenever `due()` says so.
 * @returns the guard of the page as the walk read it
 */
export function* pageGuardSteps(doc: Document, body: Element, extra: readonly Element[], due: Due): Steps<PageGuard> {
  const headline = findHeadline(doc, body);
  const root = doc.body ?? doc.documentElement;
  const [credit, footer, links] = yield* textNodesMatchingEachSteps(
    root,
    [
      { re: CREDIT_TEXT, limit: CREDIT_TEXTS },
      { re: FOOTER, limit: FOOTER_TEXTS },
      { re: FOOTER_LINK, limit: FOOTER_TEXTS },
    ],
    due,
  );
  const lines = yield* creditElements(credit, body, headline, due);
  if (due()) yield;
  const footers = footerElements(root, { footer, links }, body, headline);
  const frames = yield* frameElementsSteps(doc, body, headline, due);
  const kept = [
    ...(headline ? [headline] : []),
    ...extra.filter((e) => !e.contains(body)),
    ...lines,
    ...footers,
    ...frames,
  ];
  const holders = new Set<Element>();
  for (const k of kept) for (let a: Element | null = k; a && !holders.has(a); a = a.parentElement) holders.add(a);
  return {
    body,
    headline,
    kept,
    lines: new Set([...lines, ...footers]),
    footers: new Set(footers),
    keptSet: new Set(kept),
    holders,
  };
}

/**
 * Must `el` stay visible: it is html/body, holds the body, or holds or sits inside a kept element (a headline, a
 * credit or info line, a navigation or footer landmark). Inside the body holder only what contains a kept element is
 * guarded (marker blocks inside the body stay hideable: clutter.ts findClutterBlocks).
 */
export function isGuarded(guard: PageGuard, el: Element): boolean {
  if (el.contains(guard.body) || el.tagName === 'HTML' || el.tagName === 'BODY') return true;
  // it holds a kept element (or is one)
  if (guard.holders.has(el)) return true;
  // it sits inside one: a share block inside a credit line or footer may still go
  for (let a = el.parentElement; a; a = a.parentElement)
    if (guard.keptSet.has(a) && !(guard.lines.has(a) && isShareBlock(el))) return true;
  return false;
}

/**
 * The kept elements around `el` (itself included), nearest first: empty when none holds it. Cost: its ancestors.
 */
export function keepersOf(guard: PageGuard, el: Element): Element[] {
  const out: Element[] = [];
  for (let a: Element | null = el; a; a = a.parentElement) if (guard.keptSet.has(a)) out.push(a);
  return out;
}

/** A share/follow block: short, with a share word (分享到：微博 微信). */
export function isShareBlock(el: Element): boolean {
  const text = shownText(el);
  return isShareText(text, countChars(text));
}

/** isShareBlock on a block's shown text (text.ts shownText) and its count (cjk.ts countChars), already read. */
export function isShareText(text: string, chars: number): boolean {
  return chars <= SHARE_MAX && SHARE.test(text);
}
