import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from './notes-types';

/**
 * Anchoring highlights the way the W3C Web Annotation model does it: a DOM Range inside a root element is described
 * by a TextQuoteSelector (the exact text with up to 32 characters of context either side) and a TextPositionSelector
 * (UTF-16 offsets into the root's text); anchoring goes back from those selectors to a Range: the exact quote (the
 * context, then the position, decide between several matches), else an approximate match of the quote
 * (approx-string-match, Myers' bit-parallel algorithm) scored by its context and its distance from the position,
 * else null: the highlight is orphaned. Pure DOM, so the reader, the notes page and unit tests (happy-dom) share it.
 * Highlights are drawn by wrapping the Range's text in `<mark>` elements, which leaves the root's text unchanged.
 */

/** The selectors of one highlight, in the order `Annotation.target.selector` stores them. */
export type AnchorSelectors = [TextQuoteSelector, TextPositionSelector];

/** Characters of context kept before and after the quote. */
export const CONTEXT_CHARS = 32;

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT (no NodeFilter global in every test DOM)
const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING

/** The text nodes under `root`, in document order. */
export function textNodes(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** The root's text: its text nodes joined (equal to `root.textContent` for an element). */
export const rootText = (root: Node): string =>
  textNodes(root)
    .map((t) => t.data)
    .join('');

/** Offset into the root's text of a Range boundary point (container, offset); -1 when it lies outside the root. */
function boundaryOffset(root: Node, nodes: readonly Text[], container: Node, offset: number): number {
  if (container !== root && !root.contains(container)) return -1;
  let pos = 0;
  if (container.nodeType === 3) {
    for (const t of nodes) {
      if (t === container) return pos + offset;
      pos += t.data.length;
    }
    return -1;
  }
  const child = container.childNodes[offset] ?? null;
  for (const t of nodes) {
    // Before the child at `offset`, or (offset past the last child) anywhere inside the container.
    const before = child
      ? (child.compareDocumentPosition(t) & PRECEDING) !== 0
      : (container.compareDocumentPosition(t) & PRECEDING) !== 0 || container.contains(t);
    if (!before) break;
    pos += t.data.length;
  }
  return pos;
}

/**
 * The TextPositionSelector of `range` in `root`'s text; null when the range does not lie inside the root or is empty.
 */
export function describePosition(root: Node, range: Range): TextPositionSelector | null {
  const nodes = textNodes(root);
  const start = boundaryOffset(root, nodes, range.startContainer, range.startOffset);
  const end = boundaryOffset(root, nodes, range.endContainer, range.endOffset);
  if (start < 0 || end < 0 || end <= start) return null;
  return { type: 'TextPositionSelector', start, end };
}

/** The TextQuoteSelector for [start, end) of `text`: the exact text and up to CONTEXT_CHARS of context each side. */
export function quoteAt(text: string, start: number, end: number): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}

/**
 * Describe `range` inside `root` as [TextQuoteSelector, TextPositionSelector]; null when the range is collapsed, holds
 * only white space, or does not lie inside the root.
 */
export function describeRange(root: Node, range: Range): AnchorSelectors | null {
  const position = describePosition(root, range);
  if (!position) return null;
  const text = rootText(root);
  const quote = quoteAt(text, position.start, position.end);
  if (!quote.exact.trim()) return null;
  return [quote, position];
}

/** A Range over [start, end) of the root's text; null when the offsets are outside it. */
export function rangeFromPosition(root: Node, start: number, end: number): Range | null {
  const nodes = textNodes(root);
  const doc = root.ownerDocument ?? (root as Document);
  let pos = 0;
  let startNode: Text | null = null;
  let startAt = 0;
  for (const t of nodes) {
    const len = t.data.length;
    // The start goes into the node it begins (not at the end of the previous one); the end into the node it ends.
    if (!startNode && start < pos + len && start >= pos) [startNode, startAt] = [t, start - pos];
    if (startNode && end <= pos + len && end > pos) {
      const range = doc.createRange();
      range.setStart(startNode, startAt);
      range.setEnd(t, end - pos);
      return range;
    }
    pos += len;
  }
  return null;
}

/** Length of the longest common suffix of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the longest common prefix of a and b. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * Score a candidate match: how much of the stored prefix and suffix agrees with the text around it (characters), less
 * a small penalty for its distance from the position hint, so context decides first and position breaks ties.
 */
function score(text: string, c: Candidate, quote: TextQuoteSelector, hint: number): number {
  const before = text.slice(Math.max(0, c.start - quote.prefix.length), c.start);
  const after = text.slice(c.end, c.end + quote.suffix.length);
  const context = commonSuffix(before, quote.prefix) + commonPrefix(after, quote.suffix);
  return context * 1000 - c.errors * 100 - Math.abs(c.start - hint) / Math.max(1, text.length);
}

/** Every exact occurrence of `exact` in `text`. */
function exactMatches(text: string, exact: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
    out.push({ start: i, end: i + exact.length, errors: 0 });
  }
  return out;
}

/**
 * Errors an approximate match may have: a quarter of the quote (so a passage that was rewritten is orphaned rather
 * than pinned on some other text), at most 256 (the cost of the search grows with it).
 */
export const maxErrors = (exact: string): number => Math.min(256, Math.floor(exact.length / 4));

/** A combining mark (accent, tone mark, variation selector) at the start of a string. */
const MARK_FIRST = /^\p{M}/u;

/**
 * Widen [start, end) of `text` to whole characters: never half a surrogate pair, and a combining mark stays with the
 * letter it modifies (an approximate match may begin or end anywhere in UTF-16 units).
 */
export function snapToCharacters(text: string, start: number, end: number): [number, number] {
  if (start > 0 && isPairAt(text, start - 1)) start--;
  while (start > 0 && MARK_FIRST.test(text.slice(start, start + 2)))
    start -= start > 1 && isPairAt(text, start - 2) ? 2 : 1;
  if (end > 0 && isPairAt(text, end - 1)) end++;
  while (end < text.length && MARK_FIRST.test(text.slice(end, end + 2))) end += isPairAt(text, end) ? 2 : 1;
  return [start, end];
}

/** Texts up to this length (UTF-16 units) are searched whole for an approximate match not found near its position. */
export const FUZZY_WHOLE_TEXT_MAX = 50_000;

/** How far either side of its position hint an approximate match is looked for first: 4 × the quote, plus 2000. */
export const fuzzyReach = (exact: string): number => 4 * exact.length + 2000;

/** Approximate matches of `exact` in text.slice(lo, hi), with offsets into `text`, snapped to whole characters. */
function approxIn(text: string, exact: string, k: number, lo: number, hi: number): Candidate[] {
  return search(text.slice(lo, hi), exact, k).map((c) => {
    const [start, end] = snapToCharacters(text, c.start + lo, c.end + lo);
    return { start, end, errors: c.errors };
  });
}

/**
 * Approximate matches of `exact` (see maxErrors): first within fuzzyReach of `hint`; if none there, in the whole text
 * when it is at most FUZZY_WHOLE_TEXT_MAX long, else none (the cost grows with text length × quote length).
 */
function approxMatches(text: string, exact: string, hint: number): Candidate[] {
  const k = maxErrors(exact);
  if (k < 1) return [];
  const at = Math.min(Math.max(0, hint), text.length);
  const lo = Math.max(0, at - fuzzyReach(exact));
  const hi = Math.min(text.length, at + exact.length + fuzzyReach(exact));
  const near = approxIn(text, exact, k, lo, hi);
  if (near.length || (lo === 0 && hi === text.length)) return near;
  return text.length <= FUZZY_WHOLE_TEXT_MAX ? approxIn(text, exact, k, 0, text.length) : [];
}

/**
 * Where the selectors point in `text`: [start, end), or null when the quote is no longer there even approximately.
 * Exact quote first (context and position decide between several); else the best approximate matches of the quote
 * (fewest errors) near the position, or anywhere in a text of at most FUZZY_WHOLE_TEXT_MAX, scored the same way.
 */
export function matchQuote(text: string, [quote, position]: AnchorSelectors): { start: number; end: number } | null {
  if (!quote.exact) return null;
  let candidates = exactMatches(text, quote.exact);
  if (!candidates.length) candidates = approxMatches(text, quote.exact, position.start);
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const s = score(text, c, quote, position.start);
    if (s > bestScore) [best, bestScore] = [c, s];
  }
  return best && best.end > best.start ? { start: best.start, end: best.end } : null;
}

/** Anchor the selectors in `root`: a Range over the highlighted text, or null when it is orphaned. */
export function anchorSelectors(root: Node, selectors: AnchorSelectors): Range | null {
  const found = matchQuote(rootText(root), selectors);
  return found ? rangeFromPosition(root, found.start, found.end) : null;
}

/** Number of code points in `s` (a surrogate pair counts once, a lone surrogate once). */
function codePointCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (isPairAt(s, i)) i++;
    n++;
  }
  return n;
}

/** Whether s[i], s[i + 1] is a surrogate pair (a high surrogate followed by a low one). */
function isPairAt(s: string, i: number): boolean {
  const hi = s.charCodeAt(i);
  const lo = s.charCodeAt(i + 1);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/** The UTF-16 offset in `s` of code point number `n` (s.length when n is past the end). */
function unitOffset(s: string, n: number): number {
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) i += isPairAt(s, i) ? 2 : 1;
  return Math.min(i, s.length);
}

/**
 * The code point index in `s` of UTF-16 offset `offset`; an offset inside a surrogate pair counts the pair as before
 * it for an end and as after it for a start (a start moves back, an end forward, so no half character is cut).
 */
function codePointIndex(s: string, offset: number, side: 'start' | 'end'): number {
  let n = 0;
  let i = 0;
  while (i < offset) {
    const step = isPairAt(s, i) ? 2 : 1;
    if (i + step > offset) return side === 'end' ? n + 1 : n;
    i += step;
    n++;
  }
  return n;
}

/**
 * Map an offset inside one text node to the same place in its converted copy. Same number of code points (OpenCC's
 * usual one character for one, even when a BMP character becomes a non-BMP one): the same code point. Otherwise (a
 * phrase of another length) the offset is scaled in code points, rounded down for a start and up for an end, so it
 * always lands between whole characters of the copy.
 */
function mapInNode(a: string, b: string, offset: number, side: 'start' | 'end'): number {
  if (a === b) return offset;
  const na = codePointCount(a);
  const nb = codePointCount(b);
  const k = codePointIndex(a, offset, side);
  if (na === nb) return unitOffset(b, k);
  const scaled = (k * nb) / Math.max(1, na);
  return unitOffset(b, side === 'start' ? Math.floor(scaled) : Math.ceil(scaled));
}

/**
 * Map a position in `from`'s text to `to`'s text when `to` is a copy of `from` whose text nodes were rewritten one by
 * one (the reader's 繁/简 conversion, src/reader/convert.ts, converts each text node and keeps the markup): an offset
 * inside a node moves to the same character of the copy's node (see mapInNode), never inside a surrogate pair. Null
 * when the two do not have the same number of text nodes.
 */
export function mapPosition(from: Node, to: Node, offset: number, side: 'start' | 'end'): number | null {
  const a = textNodes(from);
  const b = textNodes(to);
  if (a.length !== b.length) return null;
  let pa = 0;
  let pb = 0;
  for (let i = 0; i < a.length; i++) {
    const la = a[i].data.length;
    const lb = b[i].data.length;
    const inside = side === 'start' ? offset < pa + la : offset <= pa + la;
    if (inside && offset >= pa) return pb + mapInNode(a[i].data, b[i].data, offset - pa, side);
    pa += la;
    pb += lb;
  }
  return offset === pa ? pb : null;
}

/** The class of a highlight's `<mark>` elements; `data-annotation-id` holds the annotation's id. */
export const HIGHLIGHT_CLASS = 'qd-hl';

/** Text nodes the range touches, split so that each lies wholly inside the range; white-space-only nodes skipped. */
function splitTextInRange(range: Range): Text[] {
  const root = range.commonAncestorContainer;
  const all = root.nodeType === 3 ? [root as Text] : textNodes(root);
  const out: Text[] = [];
  for (let t of all) {
    if (!range.intersectsNode(t)) continue;
    const from = t === range.startContainer ? range.startOffset : 0;
    const to = t === range.endContainer ? range.endOffset : t.data.length;
    if (to <= from) continue;
    if (to < t.data.length) t.splitText(to);
    if (from > 0) t = t.splitText(from);
    if (t.data.trim()) out.push(t);
  }
  return out;
}

/**
 * Wrap the text of `range` in `<mark class="qd-hl" data-annotation-id=id>` elements, one per text node (a highlight
 * across paragraphs or a <strong> becomes several marks). `attrs` are set on each mark (e.g. data-color). Returns
 * the marks, in document order. The root's text is unchanged, so positions stay valid.
 */
export function wrapRange(range: Range, id: string, attrs: Record<string, string> = {}): HTMLElement[] {
  const nodes = splitTextInRange(range);
  const marks: HTMLElement[] = [];
  for (const t of nodes) {
    const mark = t.ownerDocument.createElement('mark');
    mark.className = HIGHLIGHT_CLASS;
    mark.setAttribute('data-annotation-id', id);
    for (const [k, v] of Object.entries(attrs)) mark.setAttribute(k, v);
    t.parentNode!.insertBefore(mark, t);
    mark.appendChild(t);
    marks.push(mark);
  }
  return marks;
}

/** The highlight marks under `root`: all of them, or those of one annotation id. */
export function marksOf(root: ParentNode, id?: string): HTMLElement[] {
  const marks = Array.from(root.querySelectorAll<HTMLElement>(`mark.${HIGHLIGHT_CLASS}`));
  return id === undefined ? marks : marks.filter((m) => m.getAttribute('data-annotation-id') === id);
}

/** Remove highlight marks (all under `root`, or one annotation's), putting their text back and re-joining it. */
export function unwrapMarks(root: ParentNode, id?: string): void {
  const parents = new Set<Node>();
  for (const mark of marksOf(root, id)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  for (const p of parents) p.normalize();
}
