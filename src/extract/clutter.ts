import { countChars } from './cjk';
import { CLUTTER_HEADINGS, NO_MARKER_TEXT, isMarkerText } from './markers';
import { eachTextNodeSteps, textNodes } from './text';
import { NEVER_DUE, runToEnd, ticker, type Due, type Steps } from './slices';
import { isArticleMatter, isMarkerClutter } from './clean';
import type { MarkerTexts } from './body';
import { isGuarded, type PageGuard } from './clutter-guard';

export { markerOf } from './markers';
export { pageGuard, isGuarded, findHeadline, type PageGuard } from './clutter-guard';
export { findSpineClutter } from './clutter-spine';

/**
 * Find page clutter to hide in place (pure, DOM-generic: works on the live page, happy-dom and linkedom).
 * Reads the document, never changes it. The content script turns the result into one stylesheet.
 */

/** Attribute the content script sets on clutter found by marker text; the declutter sheet hides it. */
export const CLUTTER_ATTR = 'data-qingdu-clutter';

const NEVER_CLUTTER = new Set(['HTML', 'HEAD', 'BODY', 'MAIN', 'ARTICLE']);

const norm = (s: string): string => s.replace(/\s+/g, '');

/** The first non-blank text node under `el` in document order, ignoring script/style; null when there is none. */
function firstText(el: Element): Text | null {
  for (const n of textNodes(el)) {
    if (n.parentElement && NO_MARKER_TEXT.has(n.parentElement.tagName)) continue;
    if ((n.nodeValue ?? '').trim()) return n;
  }
  return null;
}

/** Block elements that stand as a heading of their own when their whole text is a marker. */
const HEADING_BLOCKS = new Set(['DIV', 'P', 'H2', 'H3', 'H4', 'H5', 'H6', 'DT', 'LI', 'TD', 'TH', 'HEADER', 'SECTION']);

/** A heading standing alone is short (`延伸 · 推荐`, `相关新闻：`). */
const HEADING_MAX = 12;

/**
 * Is the marker text `n` a heading of its own: the whole, short text of a block element (163-4's `<div
 * class="special_tag_ttl">延伸 · 推荐</div>` over teasers with prose), not a word opening a paragraph
 * (`<p><strong>广告</strong>投放方面，…`, whose marker sits in an inline element; test/fixtures/breakit/inline-comma.html's
 * `<p>广告，是市场经济的晴雨表。…</p>`, a sentence).
 */
function isHeadingOnly(n: Text): boolean {
  const el = n.parentElement;
  const text = n.nodeValue ?? '';
  return (
    !!el &&
    HEADING_BLOCKS.has(el.tagName.toUpperCase()) &&
    countChars(text) <= HEADING_MAX &&
    (el.textContent ?? '').trim() === text.trim()
  );
}

/** A caption's sentence: at least CAPTION_MIN characters, ending with 。！？ (a heading does not). */
const CAPTION_MIN = 10;
function isCaptionSentence(n: Text): boolean {
  const t = (n.nodeValue ?? '').trim();
  return countChars(t) >= CAPTION_MIN && /[。！？!?]$/.test(t);
}

/** Does a block inside the body hold an image or video that is not a link's (the article's own media)? */
function holdsArticleMedia(block: Element): boolean {
  for (const m of block.querySelectorAll('img, video, picture')) if (!m.closest('a')) return true;
  return false;
}

/**
 * Locate the live element holding the article body: the deepest element whose text contains both the first and the
 * last ~16 characters of the extracted body text. Null when the text cannot be found (then nothing is hidden).
 */
export function findBodyElement(doc: Document, textContent: string): Element | null {
  const paras = textContent
    .split(/\n\s*\n/)
    .map(norm)
    .filter(Boolean);
  if (!paras.length || !doc.body) return null;
  const head = paras[0].slice(0, 16);
  const tail = paras[paras.length - 1].slice(-16);
  const holds = (el: Element): boolean => {
    const t = norm(el.textContent ?? '');
    return t.includes(head) && t.includes(tail);
  };
  if (!holds(doc.body)) return null;
  let el: Element = doc.body;
  // Descend while exactly one child still holds both ends.
  for (;;) {
    const next = Array.from(el.children).find((c) => !NO_MARKER_TEXT.has(c.tagName) && holds(c));
    if (!next) return el;
    el = next;
  }
}

/**
 * Parsed and body-safe: drops selectors that are invalid or match the body, an ancestor of it, html or body.
 * Usually none is dropped, so all are first matched as one selector list (one native query instead of one per
 * selector: page load's budget, scripts/bench.ts); only when that list is invalid or hits the body is each selector
 * judged alone.
 */
export function safeSelectors(doc: Document, selectors: readonly string[], body: Element): string[] {
  const unsafe = (hits: Iterable<Element>): boolean => {
    for (const el of hits) if (NEVER_CLUTTER.has(el.tagName) || el.contains(body)) return true;
    return false;
  };
  try {
    if (!selectors.length || !unsafe(doc.querySelectorAll(selectors.join(',')))) return [...selectors];
  } catch {
    /* one of them does not parse: judge each */
  }
  return selectors.filter((sel) => {
    try {
      return !unsafe(doc.querySelectorAll(sel));
    } catch {
      return false;
    }
  });
}

/**
 * Blocks whose heading or first text is a clutter marker (精彩推荐, 新闻排行, 关注我们, 分享到, 版权声明 …, see
 * markers.ts). From each marker text node the block grows to the outermost ancestor that still starts with that same
 * text, so `<div class="recommend"><div class="tit">精彩推荐</div><ul>…` yields the whole div.recommend.
 * Guards: an element that contains the article body (or is html/body/main/article) is never returned, nor a headline
 * (an h1, or a block holding one: a headline may start with a marker word, `排行榜：2023年…`), nor, inside the body, a
 * paragraph of prose that merely starts with a marker word (`<p><strong>广告</strong>投放方面，…`): inside the body a
 * block is clutter only when short or mostly links (clean.ts isMarkerClutter, the rule body cleaning applies), so the
 * page and the Article keep the same text.
 * Cost: one walk over the text nodes, or none when `texts` are given, and per marker only its ancestors (no
 * comparison of every block with every other: a comment thread with a 分享到 per comment has thousands).
 *
 * @param doc the document to search (read only)
 * @param body the live body element (see findBodyElement)
 * @param headings the marker texts (default: markers.ts CLUTTER_HEADINGS)
 * @param marked the body's texts starting with a default marker as page load's body pass found them (body.ts
 *   MarkerTexts; the very nodes this walk would find), brought up to date with currentMarkerTexts when the page may
 *   have changed since: used instead of walking the text when `headings` are the default ones and they were gathered
 *   under doc.body
 * @returns outermost clutter elements, in document order, none inside another
 */
export function findClutterBlocks(
  doc: Document,
  body: Element,
  headings: readonly string[] = CLUTTER_HEADINGS,
  marked?: MarkerTexts | null,
): Element[] {
  return runToEnd(findClutterBlocksSteps(doc, body, headings, marked, NEVER_DUE));
}

/**
 * findClutterBlocks in slices (slices.ts): its walk over the text, when it walks, yields whenever `due()` says so.
 * @returns what findClutterBlocks returns for the page as the walk read it
 */
export function* findClutterBlocksSteps(
  doc: Document,
  body: Element,
  headings: readonly string[],
  marked: MarkerTexts | null | undefined,
  due: Due,
): Steps<Element[]> {
  if (!doc.body) return [];
  const found: Element[] = [];
  const foundSet = new Set<Element>();
  const insideFound = (el: Element): boolean => {
    for (let a = el.parentElement; a; a = a.parentElement) if (foundSet.has(a)) return true;
    return false;
  };
  const consider = (n: Text): void => {
    if (!isMarkerText(n, headings)) return;
    const block = markerBlock(n, body);
    if (!block || foundSet.has(block) || insideFound(block)) return;
    if (body.contains(block) && !isHeadingOnly(n) && !isMarkerClutter(block, block.textContent ?? '')) return;
    // an image of the article with a caption that opens with a marker word (`扫一扫：市民在地铁站扫码进站。` under a
    // photo: break-it trial) stays; a QR box under a heading (`关注我们`, breakit/split-siblings.html) goes
    if (body.contains(block) && holdsArticleMedia(block) && isCaptionSentence(n)) return;
    // (a block found later never contains one found earlier: its first text would be that earlier marker)
    found.push(block);
    foundSet.add(block);
  };
  // (a page without <body>: the pass read <html>, and this walk reads what doc.body gives, linkedom's inserted one)
  const given = marked && headings === CLUTTER_HEADINGS && marked.root === doc.body ? marked.texts : null;
  if (given) for (const n of given) consider(n);
  else yield* eachTextNodeSteps(doc.body, consider, due);
  return found;
}

/**
 * The block a marker text `n` heads: its outermost ancestor whose first text is still `n`, short of html/body/main/
 * article, an h1 or a block holding one, and anything holding the body; null when its parent is already one of those.
 */
function markerBlock(n: Text, body: Element): Element | null {
  let block: Element | null = null;
  for (let el: Element | null = n.parentElement; el; el = el.parentElement) {
    if (
      NEVER_CLUTTER.has(el.tagName) ||
      el.tagName === 'H1' ||
      firstText(el) !== n ||
      el.contains(body) ||
      el.getElementsByTagName('h1').length
    )
      break;
    block = el;
  }
  return block;
}

/**
 * Page load's marker texts (body.ts MarkerTexts) as they are now, after the page changed them: `records` are what a
 * MutationObserver (childList, characterData, subtree) on the document saw since the body pass. The texts the pass
 * found, the text nodes of every added subtree and every changed text are checked again as findClutterBlocks' own walk
 * would check them now (inside doc.body, markers.ts isMarkerText), so the result is exactly what that
 * walk would find: a text that starts with a marker now either did at the pass, or was added, moved (re-added) or
 * changed since. Cost: the added subtrees' text and a document-order sort of the few markers.
 * @returns the marker texts under doc.body now; `marked` itself when nothing changed; null (walk the text instead)
 *   when doc.body is missing or is not the element the pass read
 */
export function currentMarkerTexts(
  doc: Document,
  marked: MarkerTexts,
  records: readonly MutationRecord[],
): MarkerTexts | null {
  const root = doc.body;
  // doc.body is another element now (a page with a second <body> that removes the first:
  // test/fixtures/breakit/second-body.html): its texts were never read by the pass nor added since, so only the walk
  // knows them
  if (!root || root !== marked.root) return null;
  if (!records.length) return marked;
  const seen = new Set<Node>();
  const out: Text[] = [];
  const check = (n: Node) => {
    if (seen.has(n)) return;
    seen.add(n);
    if (root.contains(n) && isMarkerText(n)) out.push(n as Text);
  };
  for (const n of marked.texts) check(n);
  for (const r of records) {
    if (r.type === 'characterData') check(r.target);
    else for (const added of r.addedNodes) for (const n of textNodes(added)) check(n);
  }
  out.sort((a, b) => (a.compareDocumentPosition(b) & 4 /* DOCUMENT_POSITION_FOLLOWING */ ? -1 : 1));
  return { root, texts: out };
}

/**
 * The selectors of the declutter sheet under the page's guard (clutter-guard.ts): a selector none of whose matches is
 * guarded goes into the sheet as it is; one that matches a guarded element (a site rule's `.article-editor` holding
 * 责任编辑 on sina-1, the generic `.copyright` on people-1's footer) or article matter inside the body (clean.ts
 * isArticleMatter: a photo credit in `.copyright`) is left out of the sheet and only its other matches are returned, to
 * be marked with CLUTTER_ATTR. Invalid selectors are dropped.
 */
export function guardedSelectors(
  doc: Document,
  selectors: readonly string[],
  guard: PageGuard,
): { sheet: string[]; marked: Element[] } {
  return runToEnd(guardedSelectorsSteps(doc, selectors, guard, NEVER_DUE));
}

/**
 * guardedSelectors in slices (slices.ts): each native match over the page starts a slice of its own (one such match
 * cannot be split: on a huge page it is most of a slice, scripts/lib/huge-pages.ts), and the matches of a selector
 * judged alone are read in slices as well.
 * @returns what guardedSelectors returns for the page as the matches read it
 */
export function* guardedSelectorsSteps(
  doc: Document,
  selectors: readonly string[],
  guard: PageGuard,
  due: Due,
): Steps<{ sheet: string[]; marked: Element[] }> {
  const sheet: string[] = [];
  const marked: Element[] = [];
  const unsafe = (el: Element) =>
    NEVER_CLUTTER.has(el.tagName) || isGuarded(guard, el) || (guard.body.contains(el) && isArticleMatter(el));
  const tick = ticker(due);
  yield;
  let all: Element[] | null = null;
  try {
    // usually none is guarded: one native query for all (page load's budget, scripts/bench.ts)
    all = selectors.length ? Array.from(doc.querySelectorAll(selectors.join(','))) : [];
  } catch {
    /* one of them does not parse: judge each */
  }
  if (all && !(yield* someSteps(all, unsafe, tick))) return { sheet: [...selectors], marked };
  for (const sel of selectors) {
    if (due()) yield;
    let hits: Element[];
    try {
      hits = Array.from(doc.querySelectorAll(sel));
    } catch {
      continue;
    }
    const ok: Element[] = [];
    for (const el of hits) {
      if (tick()) yield;
      if (!unsafe(el)) ok.push(el);
    }
    if (ok.length === hits.length) sheet.push(sel);
    else marked.push(...ok);
  }
  return { sheet, marked };
}

/** Does `test` hold for one of `els`: Array.prototype.some in slices, `tick` (slices.ts ticker) before each. */
function* someSteps(els: readonly Element[], test: (el: Element) => boolean, tick: () => boolean): Steps<boolean> {
  for (const el of els) {
    if (tick()) yield;
    if (test(el)) return true;
  }
  return false;
}

/** The one declutter stylesheet: the given selectors plus the marker attribute, hidden. */
export function declutterCss(selectors: readonly string[]): string {
  return `${[...selectors, `[${CLUTTER_ATTR}]`].join(',\n')}{display:none!important}`;
}
