/**
 * Text helpers for metadata extraction, DOM-generic (linkedom, happy-dom, browser): no innerText, no layout.
 * Texts are built as "lines": a newline at every block boundary and a space between text nodes, so values that
 * portals put in separate elements (`<i>来源：</i><span>新华网</span>`) stay separable even when their
 * textContent runs together.
 */
import { countChars } from './cjk';
import { CHECK_EVERY, NEVER_DUE, runToEnd, ticker, type Due, type Steps } from './slices';

/** Elements whose text is never page text (script and style source, templates, form controls, frames). */
const NON_TEXT_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'NOFRAMES',
  'NOEMBED',
  'TEMPLATE',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'SVG',
  'IFRAME',
  'BUTTON',
  'HEAD',
]);

/** Elements that start and end a line of lines text (BR and NAV included; see the module note). */
const LINE_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'TR',
  'UL',
  'CENTER',
]);

const ELEMENT = 1;
const TEXT = 3;

/** True for an element hidden by an inline style or the hidden attribute (no computed style on linkedom). */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Collapse runs of spaces (incl. U+3000, nbsp) to one space and trim. */
export function squash(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

function walk(node: Node, out: string[], budget: { left: number }): void {
  if (budget.left <= 0) return;
  if (node.nodeType === TEXT) {
    const t = squash(node.nodeValue ?? '');
    if (t) {
      out.push(t, ' ');
      budget.left -= t.length;
    }
    return;
  }
  if (node.nodeType !== ELEMENT) return;
  const el = node as Element;
  const tag = el.tagName.toUpperCase();
  if (NON_TEXT_TAGS.has(tag) || isHidden(el)) return;
  const block = LINE_TAGS.has(tag);
  if (block) out.push('\n');
  for (let c = el.firstChild; c; c = c.nextSibling) walk(c, out, budget);
  if (block) out.push('\n');
}

/** Lines text of a subtree (see module note), at most about `max` characters. */
export function linesOf(node: Node | null | undefined, max = Infinity): string {
  if (!node) return '';
  const out: string[] = [];
  walk(node, out, { left: max });
  return tidy(out.join(''));
}

/** One line of walk's output as tidy leaves it: runs of spaces collapsed, trimmed. */
const tidyLine = (line: string): string => line.replace(/ +/g, ' ').trim();

/**
 * Called with each complete line found (in reading order: from the start, or from the end) and how many have been
 * found so far, including it; reading stops once it returns true.
 */
export type EnoughLines = (line: string, count: number) => boolean;

/**
 * The lines of linesOf(node) read from one end of the subtree, only until `enough` says so. Metadata looks at a
 * body's first and last paragraphs; reading a whole huge body for them would hold the main thread (a 20,000-paragraph
 * page: lines.test.ts). Walks as `walk` does: a line is the text between two block boundaries, so a line is complete
 * when the reader reaches the next boundary.
 */
function linesFromEdge(node: Node, fromEnd: boolean, enough: EnoughLines): string[] {
  const lines: string[] = [];
  // the pieces of the line being read, in reading order
  let pending: string[] = [];
  const endLine = (): boolean => {
    const line = tidyLine((fromEnd ? pending.reverse() : pending).join(''));
    pending = [];
    if (!line) return false;
    lines.push(line);
    return enough(line, lines.length);
  };
  const visit = (n: Node): boolean => {
    if (n.nodeType === TEXT) {
      const t = squash(n.nodeValue ?? '');
      if (t && fromEnd) pending.push(' ', t);
      else if (t) pending.push(t, ' ');
      return false;
    }
    if (n.nodeType !== ELEMENT) return false;
    const el = n as Element;
    const tag = el.tagName.toUpperCase();
    if (NON_TEXT_TAGS.has(tag) || isHidden(el)) return false;
    const block = LINE_TAGS.has(tag);
    if (block && endLine()) return true;
    for (let c = fromEnd ? el.lastChild : el.firstChild; c; c = fromEnd ? c.previousSibling : c.nextSibling)
      if (visit(c)) return true;
    return block && endLine();
  };
  if (!visit(node)) endLine();
  // (lines read from the end were gathered last first)
  return fromEnd ? lines.reverse() : lines;
}

/**
 * The first lines of linesOf(node) (the same lines), reading from the subtree's start only until `enough` says so.
 * @returns the lines found when `enough` said so, or all the lines of the subtree
 */
export function linesFromStart(node: Node, enough: EnoughLines): string[] {
  return linesFromEdge(node, false, enough);
}

/**
 * The last lines of linesOf(node) (the same lines, in document order), reading from the subtree's end only until
 * `enough` says so (it sees the lines last first).
 * @returns the lines found when `enough` said so, or all the lines of the subtree
 */
export function linesFromEnd(node: Node, enough: EnoughLines): string[] {
  return linesFromEdge(node, true, enough);
}

function tidy(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/ +/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The next node in document order after `node`'s subtree, or null. */
function nextAfter(node: Node): Node | null {
  for (let n: Node | null = node; n; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

/**
 * Lines text that follows `el` in document order (not inside it), up to about `max` characters.
 * `stop` ends the scan when it returns true for a subtree about to be read.
 */
export function linesAfter(el: Element, max: number, stop?: (n: Node) => boolean): string {
  const out: string[] = [];
  const budget = { left: max };
  for (let n = nextAfter(el); n && budget.left > 0; n = nextAfter(n)) {
    if (stop?.(n)) break;
    walk(n, out, budget);
  }
  return tidy(out.join(''));
}

/** Lines text that precedes `el` in document order within `limit` characters (nearest text last). */
export function linesBefore(el: Element, max: number): string {
  const parts: string[] = [];
  let left = max;
  for (let n: Node | null = el; n && left > 0; n = n.parentNode) {
    for (let s = n.previousSibling; s && left > 0; s = s.previousSibling) {
      const t = linesOf(s);
      if (t) {
        parts.unshift(t.slice(-left));
        left -= t.length;
      }
    }
    if ((n as Element).tagName?.toUpperCase() === 'BODY') break;
  }
  return parts.join('\n');
}

/**
 * The text nodes of `root` in document order, `root` itself when it is one (a SHOW_TEXT TreeWalker: no element is
 * handed to script). Unfiltered: callers skip what they do not read.
 */
export function* textNodes(root: Node): Generator<Text> {
  if (root.nodeType === TEXT) {
    yield root as Text;
    return;
  }
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) yield n as Text;
}

/**
 * Han ideographs in `s`: CJK Unified Ideographs with Extension A (U+3400–U+9FFF) and the compatibility ideographs
 * (U+F900–U+FAFF); no kana, no hangul (cjk.ts countHanKanaHangul counts those too).
 */
export function countHan(s: string): number {
  return (s.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
}

/**
 * Visit the elements under `root` in document order (no selector engine: linkedom's querySelectorAll is slow on big
 * pages). `fn` returns `false` to skip an element's subtree, `'stop'` to end the walk.
 */
export function eachElement(root: Element, fn: (el: Element) => boolean | 'stop' | void): void {
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    const r = fn(el);
    if (r === 'stop') return;
    if (r === false) continue;
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

/**
 * Text nodes under `root` (scripts and styles skipped) whose text matches `re`, in document order, at most `limit`.
 */
export function textNodesMatching(root: Node, re: RegExp, limit = 50): Text[] {
  const out: Text[] = [];
  const stack: Node[] = [root];
  while (stack.length && out.length < limit) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT) {
      if (re.test(n.nodeValue ?? '')) out.push(n as Text);
      continue;
    }
    if (n.nodeType !== ELEMENT && n.nodeType !== 9) continue;
    if (n.nodeType === ELEMENT && NON_TEXT_TAGS.has((n as Element).tagName.toUpperCase())) continue;
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}

/**
 * textNodesMatching for several patterns in ONE walk (the declutter's guard reads credit, footer and footer-link texts:
 * one walk instead of three, page load's budget, scripts/bench.ts): per pattern, its matches in document order, at
 * most its limit. The walk stops when every pattern has reached its limit. textNodesMatchingEachSteps in one go.
 */
export function textNodesMatchingEach(root: Node, patterns: readonly { re: RegExp; limit: number }[]): Text[][] {
  return runToEnd(textNodesMatchingEachSteps(root, patterns, NEVER_DUE));
}

/**
 * textNodesMatchingEach in slices (slices.ts): yields when `due()` says so and goes on with the nodes it had still to
 * read. A node the page removed in between is still read where it was (its subtree as it is now), as the page was
 * when the walk passed; what the page adds where the walk has been is not.
 */
export function* textNodesMatchingEachSteps(
  root: Node,
  patterns: readonly { re: RegExp; limit: number }[],
  due: Due,
): Steps<Text[][]> {
  const out: Text[][] = patterns.map(() => []);
  let open = patterns.filter((p) => p.limit > 0).length;
  const stack: Node[] = [root];
  let count = 0;
  while (stack.length && open > 0) {
    if (++count === CHECK_EVERY) {
      count = 0;
      if (due()) yield;
    }
    const n = stack.pop()!;
    if (n.nodeType === TEXT) {
      const v = n.nodeValue ?? '';
      patterns.forEach((p, i) => {
        if (out[i].length < p.limit && p.re.test(v) && out[i].push(n as Text) === p.limit) open--;
      });
      continue;
    }
    if (n.nodeType !== ELEMENT && n.nodeType !== 9) continue;
    if (n.nodeType === ELEMENT && NON_TEXT_TAGS.has((n as Element).tagName.toUpperCase())) continue;
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}

/**
 * textNodes(root) in slices: the text nodes in document order, `due()` checked every CHECK_EVERY of them (a
 * TreeWalker keeps its place between slices; a node the page removed there ends the walk of its subtree).
 * @param each called per text node; returns true to stop the walk
 */
export function* eachTextNodeSteps(root: Node, each: (n: Text) => boolean | void, due: Due): Steps<void> {
  let count = 0;
  for (const n of textNodes(root)) {
    if (each(n)) return;
    if (++count === CHECK_EVERY) {
      count = 0;
      if (due()) yield;
    }
  }
}

/** Elements that follow `el` in document order (not inside it), at most `limit`. */
export function elementsAfter(el: Element, limit: number): Element[] {
  const out: Element[] = [];
  for (let n = nextAfter(el); n && out.length < limit; n = nextAfter(n)) {
    if (n.nodeType !== ELEMENT) continue;
    eachElement(n as Element, (e) => {
      if (out.length >= limit) return 'stop';
      out.push(e);
    });
  }
  return out;
}

/** Split a selector list at top-level commas (not inside `[...]` or `(...)`): `a, b[x="1,2"]` → `['a', 'b[x="1,2"]']`. */
export function splitSelectorList(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of list) {
    if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/**
 * SiteRule selector semantics: the selectors of a list are tried in order and the first that matches wins (not
 * document order). Returns every element matching that first selector; empty when none or when a selector is invalid.
 */
export function ruleMatches(root: Document | Element, list: string | null | undefined): Element[] {
  if (!list) return [];
  for (const sel of splitSelectorList(list)) {
    try {
      const all = [...root.querySelectorAll(sel)];
      if (all.length) return all;
    } catch {
      /* an invalid selector in rule data: try the next one */
    }
  }
  return [];
}

/** `n` and its ancestors, the root first. */
function chainOf(n: Node): Node[] {
  const out: Node[] = [];
  for (let x: Node | null = n; x; x = x.parentNode) out.push(x);
  return out.reverse();
}

/**
 * Is `a` before `b` in document order, neither holding the other? Read from the ancestor chains, not with
 * compareDocumentPosition, which linkedom answers wrongly for nodes in different subtrees (test/unit/clutter-guard.test.ts).
 */
export function precedes(a: Node, b: Node): boolean {
  if (a === b || a.contains(b) || b.contains(a)) return false;
  const ca = chainOf(a);
  const cb = chainOf(b);
  let i = 0;
  while (i < ca.length && i < cb.length && ca[i] === cb[i]) i++;
  if (i === 0 || i >= ca.length || i >= cb.length) return false;
  for (let s = ca[i].nextSibling; s; s = s.nextSibling) if (s === cb[i]) return true;
  return false;
}

/** Elements whose text is source, not shown: script and style, noscript and template markup. */
const UNSHOWN = 'script, style, noscript, template';
const UNSHOWN_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * The text of `el` as a reader sees it, without the source of script, style, noscript and template elements inside
 * it (textContent includes them: youth-peer's ranking list carries a `getnewsbyref(…)` call and hexun-1's
 * 你可能会喜欢 box a `<style>` sheet, which made them read as prose, not as lists of links).
 */
export function shownText(el: Element): string {
  if (!el.querySelector(UNSHOWN)) return el.textContent ?? '';
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1 && !UNSHOWN_TAGS.has((c as Element).tagName.toUpperCase())) walk(c);
    }
  };
  walk(el);
  return parts.join('');
}

/**
 * `countChars(node.textContent) <= max`, reading text nodes only until the count passes `max`: the cost is that of
 * about `max` characters, not of the whole subtree (a test on the article body holder, whose text on a huge page is
 * megabytes: scripts/lib/huge-pages.ts long-zh). Text and CDATA nodes are what textContent joins, and countChars adds
 * up over pieces of a text, so the answer is the same.
 */
export function charsAtMost(node: Node, max: number): boolean {
  if (node.nodeType === TEXT) return countChars(node.nodeValue ?? '') <= max;
  const doc = node.nodeType === 9 ? (node as Document) : node.ownerDocument;
  if (!doc) return max >= 0;
  const walker = doc.createTreeWalker(node, 4 | 8 /* NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION */);
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    chars += countChars(n.nodeValue ?? '');
    if (chars > max) return false;
  }
  return chars <= max;
}

/** Characters inside links (countChars: whitespace not counted). */
export function linkChars(el: Element): number {
  let n = 0;
  for (const a of el.querySelectorAll('a')) n += countChars(a.textContent ?? '');
  return n;
}

/**
 * `measure` summed over the text of `els` (the concatenation of their textContent), read child by child so a huge
 * container's text is never one string, yielding when `due()` says so. Equals `measure(text)` for a measure that adds
 * up over pieces of a text (a length, cjk.ts countChars, a count of non-space characters).
 */
export function* measureTextSteps(els: readonly Element[], measure: (s: string) => number, due: Due): Steps<number> {
  const tick = ticker(due);
  let sum = 0;
  for (const el of els)
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (tick()) yield;
      // (textContent is its descendants' Text data: comments and processing instructions are left out)
      if (n.nodeType === TEXT || n.nodeType === 4) sum += measure(n.nodeValue ?? '');
      else if (n.nodeType === ELEMENT) sum += measure(n.textContent ?? '');
    }
  return sum;
}

/** The first `max` characters of `el.textContent`, without building the whole text. */
export function textStart(el: Element, max: number): string {
  let out = '';
  for (const t of textNodes(el)) {
    out += t.nodeValue ?? '';
    if (out.length >= max) break;
  }
  return out.slice(0, max);
}
