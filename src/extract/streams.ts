/**
 * Streams inside or beside an article: a teaser feed (repeated cards that each start with a headline link on a line
 * of its own and show a time or a count) or a comment stream (repeated messages that carry a comment action, an IP location or a relative time).
 * Found as a group of at least STREAM_MIN siblings with the same tag and class, most of them such items. Read-only;
 * body.ts reads the page with it, to keep a stream from being chosen as the body, joined to it or left at its end
 * (page kinds: portal article + infinite feed, article + comment stream). Fixtures: test/fixtures/kinds/body-feed-*.html, body-comments-*.html; the
 * negative controls there (a live blog, an interview, a data table, a linked book list) are repeated items too, and
 * none of them is a stream.
 */
import { countChars } from './cjk';
import { NEVER_DUE, runToEnd, ticker, type Due, type Steps } from './slices';
import { measureTextSteps } from './text';
import { COMMENT_MARKS, RELATIVE_TIME_UNITS, TEASER_COUNTS, anyOf } from './vocabulary';

/** A group needs this many members to be a stream (detect.ts listItems reads list pages with the same floor). */
const STREAM_MIN = 4;
/** Share of a group's members that must be teasers or comments. */
const STREAM_SHARE = 0.6;
/** Items are short: a teaser or a message averages under this many characters (a chapter or a section does not). */
const ITEM_MAX = 300;

/** A comment action or an IP location (COMMENT_MARKS), or a relative time (`3小时前`, `昨天 18:20`). */
const COMMENT_MARK = new RegExp(
  `${anyOf(COMMENT_MARKS)}|\\d+\\s*(${anyOf(RELATIVE_TIME_UNITS)})前|(昨天|前天|昨日)\\s*\\d{1,2}:\\d{2}`,
);

/** A group of sibling items that is a stream. */
export interface StreamGroup {
  /** The members, in document order (siblings under one parent). */
  items: Element[];
  /** Non-whitespace characters of the members. */
  chars: number;
}

const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'SECTION', 'TABLE', 'DL']);

function isBlock(n: Node | null): boolean {
  return !!n && n.nodeType === 1 && BLOCKS.has((n as Element).tagName.toUpperCase());
}

/**
 * Is `a` a headline link on a line of its own: it holds a block (`<a><div class="title">…`), or its inline neighbours
 * up to the next block on either side hold no text (`<h3><a>…</a></h3>`, `<a>…</a><p>summary</p>`). A link inside a
 * sentence (`<a>《书名》</a>：长篇小说…`) is not one.
 */
function lineOfItsOwn(a: Element): boolean {
  if ([...a.children].some((c) => isBlock(c))) return true;
  for (let el: Element = a; ;) {
    for (const dir of ['previousSibling', 'nextSibling'] as const) {
      for (let n = el[dir]; n && !isBlock(n); n = n[dir]) if (countChars(n.textContent ?? '')) return false;
    }
    const parent = el.parentElement;
    if (!parent || isBlock(parent) || parent.tagName.toUpperCase() === 'LI') return true;
    el = parent;
  }
}

/**
 * What a teaser card shows besides its headline: a date or time (`05-11 09:42`, `2023-05-12`), a relative time, or a
 * count of comments, reads or likes (`128评论`). A digest article's linked headlines carry none
 * (test/fixtures/kinds/body-feed-control-digest.html).
 */
const TEASER_META = new RegExp(
  `(19|20)\\d{2}[-/.年]\\d{1,2}|\\d{1,2}[-/月]\\d{1,2}|\\d{1,2}:\\d{2}|\\d+\\s*(${anyOf(TEASER_COUNTS)})|\\d+\\s*(${anyOf(RELATIVE_TIME_UNITS)})前`,
);

/**
 * Is `item` (its text without whitespace `t`) a teaser: a headline link of 6+ characters on its own line first, and
 * a TEASER_META?
 */
function isTeaser(item: Element, t: string): boolean {
  const a = item.querySelector('a');
  if (!a) return false;
  const linkText = (a.textContent ?? '').replace(/\s+/g, '');
  const at = t.indexOf(linkText);
  if (linkText.length < 6 || at < 0 || at >= 40 || linkText.length >= t.length) return false;
  return TEASER_META.test(t.slice(at + linkText.length)) && lineOfItsOwn(a);
}

/** Is `item` a teaser or a comment? */
function isStreamItem(item: Element): boolean {
  const t = (item.textContent ?? '').replace(/\s+/g, '');
  return COMMENT_MARK.test(t) || isTeaser(item, t);
}

/**
 * The stream among the children of `parent`: its largest group of same tag and class with at least STREAM_MIN
 * members, most of them teasers or comments, averaging under ITEM_MAX characters. Null when there is none.
 */
export function streamAmong(parent: Element): StreamGroup | null {
  return runToEnd(streamAmongSteps(parent, NEVER_DUE));
}

/** streamAmong in slices (slices.ts): its loops over the children yield whenever `due()` says so. */
export function* streamAmongSteps(parent: Element, due: Due): Steps<StreamGroup | null> {
  if (parent.children.length < STREAM_MIN) return null;
  const tick = ticker(due);
  const groups = new Map<string, Element[]>();
  // (the children as they are now: the loops yield, and the page may add some in between)
  for (const c of Array.from(parent.children)) {
    if (tick()) yield;
    const key = `${c.tagName}.${c.getAttribute('class') ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  let best: StreamGroup | null = null;
  for (const items of groups.values()) {
    if (items.length < STREAM_MIN) continue;
    let chars = 0;
    for (const m of items) {
      if (tick()) yield;
      chars += countChars(m.textContent ?? '');
    }
    if (chars / items.length >= ITEM_MAX || (best && chars <= best.chars)) continue;
    let marked = 0;
    for (const m of items) {
      if (tick()) yield;
      if (isStreamItem(m)) marked++;
    }
    if (marked >= STREAM_MIN && marked >= items.length * STREAM_SHARE) best = { items, chars };
  }
  return best;
}

/**
 * Is `el` a stream as a whole: a stream group among its children, or among the children of a descendant down to
 * `depth` levels that holds most of its text (a list under a heading, a wrapper), covering at least `share` of
 * `el`'s characters.
 */
export function isStreamBlock(el: Element, share = 0.7, depth = 3): boolean {
  return runToEnd(isStreamBlockSteps(el, NEVER_DUE, share, depth));
}

/** isStreamBlock in slices (slices.ts): its loops over children yield whenever `due()` says so. */
export function* isStreamBlockSteps(el: Element, due: Due, share = 0.7, depth = 3): Steps<boolean> {
  const total = yield* measureTextSteps([el], countChars, due);
  if (!total) return false;
  const tick = ticker(due);
  let at: Element | null = el;
  for (let level = 0; at && level <= depth; level++) {
    if (due()) yield;
    const g = yield* streamAmongSteps(at, due);
    if (g) return g.chars >= total * share;
    let next: Element | null = null;
    for (const c of at.children) {
      if (tick()) yield;
      if (countChars(c.textContent ?? '') >= total * share) next = c;
    }
    at = next;
  }
  return false;
}
