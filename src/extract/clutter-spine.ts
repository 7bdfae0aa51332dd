/**
 * Clutter beside the body, found by structure (pure, read-only, DOM-generic): walk from the body holder up to <body>;
 * the siblings of that spine are the candidates. A candidate that is a link-dense list or grid of headline links
 * (related, recommended, ranking and hot lists, 图片新闻 grids), a comment section (a stream of messages, streams.ts, or
 * a short block of comment words), a share/follow/QR/app block, or a block headed by a clutter heading is clutter. A
 * candidate the guard keeps (clutter-guard.ts: it holds the headline, a credit line, the footer or the navigation) is
 * opened and its children judged instead; before the headline (the page's header and navigation) only share blocks
 * and headed blocks are clutter, never a list of links.
 * Page kinds: the portal article with side columns and feeds under the body (test/fixtures/corpus 163-1, sina-1,
 * people-1, xinhuanet-1, thepaper-1; test/unit/clutter-spine.test.ts).
 */
import { countChars } from './cjk';
import { isGuarded, isShareBlock, isShareText, keepersOf, type PageGuard } from './clutter-guard';
import { markerOf, NO_MARKER_TEXT } from './markers';
import { isStreamBlock } from './streams';
import { charsAtMost, precedes, shownText, textNodes } from './text';
import { NEVER_DUE, runToEnd, type Due, type Steps } from './slices';
import {
  CLUTTER_HEADINGS,
  COMMENT_WORDS,
  FOOTER_WORDS,
  PAGE_CLUTTER_HEADINGS,
  TOOLBAR_WORDS,
  anyOf,
} from './vocabulary';

/** Headings of clutter blocks beside the body: the body cleaning's and the page's own. */
export const SPINE_HEADINGS: readonly string[] = [...CLUTTER_HEADINGS, ...PAGE_CLUTTER_HEADINGS];
const COMMENT = new RegExp(anyOf(COMMENT_WORDS));
const TOOLBAR = new RegExp(anyOf(TOOLBAR_WORDS), 'i');
const FOOTER = new RegExp(anyOf(FOOTER_WORDS));
/** A tool bar is a short block of short controls: at most this many characters, each text at most TOOL_MAX. */
const TOOLBAR_MAX = 200;
const TOOL_MAX = 24;
/** …and at least this many texts (one short text is a line, not a bar). */
const TOOLS_MIN = 2;
/** A comment box whose messages the page's script did not load is short too (a notice, a login form). */
const COMMENT_MAX = 160;
/** A list of links: at least this many links, covering at least LINK_SHARE of its characters. */
const LINK_MIN = 3;
const LINK_SHARE = 0.5;
/** How deep a kept candidate is opened. */
const DEPTH_MAX = 6;
const SKIP = new Set([...NO_MARKER_TEXT, 'LINK', 'META', 'BR', 'HR', 'IFRAME', 'SVG', 'IMG', 'INPUT', 'BUTTON']);

/** The first text under `el` with text, script and style skipped. */
function firstTextOf(el: Element): string {
  for (const n of textNodes(el)) {
    if (n.parentElement && NO_MARKER_TEXT.has(n.parentElement.tagName)) continue;
    const t = (n.nodeValue ?? '').trim();
    if (t) return t;
  }
  return '';
}

/** Characters inside links, and the number of links with text. */
function linkStats(el: Element): { chars: number; links: number } {
  let chars = 0;
  let links = 0;
  for (const a of el.getElementsByTagName('a')) {
    const n = countChars(a.textContent ?? '');
    if (!n) continue;
    chars += n;
    links++;
  }
  return { chars, links };
}

/** Class or id of a fixed or sticky bar, a back-to-top or side tool box (qq-2's `div.GoTop > div.fixed-bar`). */
const FLOATING = /(^|[-_\s])(fixed|sticky|gotop|go-top|backtop|back-top|back-to-top|sidetool|side-tool)([-_\s]|$)/i;

/**
 * A fixed or sticky overlay (page kind: portal article with a floating tool bar or promo): an inline `position:
 * fixed|sticky`, or a class or id that says so.
 */
function isFloating(el: Element): boolean {
  const style = (el.getAttribute('style') ?? '').replace(/\s+/g, '');
  if (/position:(fixed|sticky)/i.test(style)) return true;
  return FLOATING.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
}

/**
 * Is the candidate `el` clutter by itself? `header`: it comes before the headline, where only share blocks and
 * headed blocks count (the site's navigation is a list of links too).
 */
export function isSpineClutter(el: Element, header: boolean): boolean {
  const text = shownText(el);
  const chars = countChars(text);
  if (!chars) return false;
  if (isFloating(el)) return true;
  if (markerOf(firstTextOf(el), SPINE_HEADINGS)) return true;
  // (the shown text read once: isShareBlock would read it again)
  if (isShareText(text, chars) && !(header && isLinkRow(el))) return true;
  if (header) return false;
  if (chars <= COMMENT_MAX && COMMENT.test(text)) return true;
  if (chars <= TOOLBAR_MAX && TOOLBAR.test(text) && isToolBar(el)) return true;
  const links = linkStats(el);
  if (links.links >= LINK_MIN && links.chars >= chars * LINK_SHARE) return true;
  return isStreamBlock(el);
}

/**
 * A row of links most of which name no share/follow target: the site's navigation before the headline, even with a
 * 关注我们 link in it (break-it trial: `首页 国内 国际 关注我们` in an unnamed div was hidden as a share block).
 */
function isLinkRow(el: Element): boolean {
  let links = 0;
  let share = 0;
  for (const a of el.getElementsByTagName('a')) {
    const t = a.textContent ?? '';
    if (!t.trim()) continue;
    links++;
    if (TOOLBAR.test(t)) share++;
  }
  return links >= LINK_MIN && share * 2 < links;
}

/**
 * A bar of controls: every shown text short (阅读数 · 不感兴趣 · 广告软文 · 投诉 on huanqiu-1), at least TOOLS_MIN of them.
 */
function isToolBar(el: Element): boolean {
  let tools = 0;
  for (const n of textNodes(el)) {
    if (n.parentElement && NO_MARKER_TEXT.has(n.parentElement.tagName)) continue;
    const c = countChars(n.nodeValue ?? '');
    if (c > TOOL_MAX) return false;
    if (c) tools++;
  }
  return tools >= TOOLS_MIN;
}

/**
 * A share, follow or QR block inside a kept credit line or footer (cmse-1's 官方微信 QR codes in its footer), or a bar
 * of controls inside a credit line (a `【字体：大 中 小】` control in the info line; in a footer a row of links reads
 * like one: ifeng-3): hideable, unless it carries the footer's own text (版权所有, ICP备).
 */
function isShareInLine(guard: PageGuard, el: Element, inFooter: boolean): boolean {
  const text = el.textContent ?? '';
  const control =
    isShareBlock(el) || (!inFooter && countChars(text) <= TOOLBAR_MAX && TOOLBAR.test(text) && isToolBar(el));
  if (!control || FOOTER.test(text)) return false;
  // guarded as isGuarded says, but a kept line or footer around it does not keep it
  return !guard.holders.has(el) && keepersOf(guard, el).every((k) => guard.lines.has(k));
}

/**
 * The clutter blocks beside the body of a page under `guard`, outermost first, none inside another.
 * Cost: per spine level its siblings; a kept sibling is opened at most DEPTH_MAX levels. findSpineClutterSteps in one
 * go.
 */
export function findSpineClutter(doc: Document, guard: PageGuard): Element[] {
  return runToEnd(findSpineClutterSteps(doc, guard, NEVER_DUE));
}

/**
 * findSpineClutter in slices (slices.ts): yields after a spine sibling when `due()` says so. A sibling the page
 * removed in between is still judged as it is now (it is then hidden nowhere: the sheet marks attributes on it).
 */
export function* findSpineClutterSteps(doc: Document, guard: PageGuard, due: Due): Steps<Element[]> {
  const out: Element[] = [];
  const anchor = guard.headline ?? guard.body;
  const visit = (el: Element, depth: number): void => {
    if (SKIP.has(el.tagName.toUpperCase())) return;
    const keepers = keepersOf(guard, el);
    if (keepers.length) {
      // inside a kept line or footer only share blocks go; inside the headline or the navigation nothing
      if (!keepers.every((k) => guard.lines.has(k)) || !TOOLBAR.test(el.textContent ?? '')) return;
      if (
        isShareInLine(
          guard,
          el,
          keepers.some((k) => guard.footers.has(k)),
        )
      )
        out.push(el);
      else if (depth < DEPTH_MAX) for (const c of Array.from(el.children)) visit(c, depth + 1);
      return;
    }
    if (!isGuarded(guard, el) && isSpineClutter(el, precedes(el, anchor))) {
      out.push(el);
      return;
    }
    if (depth < DEPTH_MAX) for (const c of Array.from(el.children)) visit(c, depth + 1);
  };
  // (the spine as it was when this level was read: the page may move it between slices)
  for (let child: Element = guard.body, parent = child.parentElement; parent && child !== doc.body;) {
    for (const s of Array.from(parent.children)) {
      if (s === child) continue;
      visit(s, 0);
      if (due()) yield;
    }
    child = parent;
    parent = child.parentElement;
  }
  return withHeadings(out, guard, anchor);
}

/** Heading tags of a block's title standing apart from it. */
const HEADING_TAGS = new Set(['H2', 'H3', 'H4', 'H5', 'H6']);
/** The class of a block's title (`tit`, `hd`, `head`, `title`). */
const TITLE_CLASS = /tit|hd|head/i;
/** A title standing apart is short. */
const TITLE_MAX = 10;

/**
 * The blocks and, before each one after the headline, its title when it stands apart as the previous sibling
 * (thepaper-1's `<h2>热新闻</h2>` before the list of links): a heading, or a short block with a title class.
 */
function withHeadings(blocks: Element[], guard: PageGuard, anchor: Element): Element[] {
  const found = new Set(blocks);
  const out: Element[] = [];
  for (const b of blocks) {
    const prev = b.previousElementSibling;
    const short =
      !!prev &&
      prev.children.length <= 2 &&
      TITLE_CLASS.test(prev.getAttribute('class') ?? '') &&
      charsAtMost(prev, TITLE_MAX);
    const title = !!prev && (HEADING_TAGS.has(prev.tagName.toUpperCase()) || short) && !found.has(prev);
    if (title && precedes(anchor, prev!) && !isGuarded(guard, prev!) && !SKIP.has(prev!.tagName.toUpperCase())) {
      out.push(prev!);
      found.add(prev!);
    }
    out.push(b);
  }
  return out;
}
