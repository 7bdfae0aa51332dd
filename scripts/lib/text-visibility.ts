/**
 * Which occurrences of some strings a page shows, asked of the rendering engine (scripts/eval-declutter.ts).
 * `findTextHits` runs inside the page (puppeteer `page.evaluate`), so it is self-contained: no imports, no helpers
 * from outside its body.
 */

/** One occurrence of a string on the page. */
export interface TextHit {
  /** `checkVisibility({ checkOpacity, checkVisibilityCSS })` of the innermost element holding the whole string. */
  visible: boolean;
  /**
   * Where it is, in page coordinates: the holder's box when visible; when hidden, a zero-height place where the
   * hidden block would be (the bottom of the nearest shown element before it), for screenshots.
   */
  top: number;
  height: number;
}

/**
 * In the page: every occurrence of each needle in the text of `document.body`, in document order. Whitespace is
 * ignored on both sides (labels and pages differ in it), text in script, style, noscript, template and textarea is not
 * page text, and a string may run across elements (`<span>责任编辑：</span>张迪`): its holder is then the innermost
 * element containing all of it. An element with `display: contents` has no box of its own: its parent decides.
 */
export function findTextHits(needles: string[]): TextHit[][] {
  const squeeze = (s: string): string => s.replace(/\s+/g, '');
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA)$/.test(n.parentElement?.tagName ?? '')) continue;
    const s = squeeze(n.nodeValue ?? '');
    if (!s) continue;
    nodes.push(n as Text);
    starts.push(text.length);
    text += s;
  }
  const nodeAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const holder = (first: number, last: number): Element => {
    let el = nodes[first].parentElement ?? document.documentElement;
    for (let i = first + 1; i <= last; i++) while (!el.contains(nodes[i]) && el.parentElement) el = el.parentElement;
    return el;
  };
  const shown = (start: Element): boolean => {
    let el: Element | null = start;
    while (el && getComputedStyle(el).display === 'contents') el = el.parentElement;
    return !!el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  };
  // (the bottom of the nearest shown element before the outermost hidden ancestor, else the top of its parent)
  const hiddenPlace = (el: Element): number => {
    let block = el;
    while (block.parentElement && !shown(block.parentElement)) block = block.parentElement;
    for (let s = block.previousElementSibling; s; s = s.previousElementSibling)
      if (shown(s)) return s.getBoundingClientRect().bottom + scrollY;
    return (block.parentElement?.getBoundingClientRect().top ?? 0) + scrollY;
  };
  const hit = (el: Element): TextHit => {
    if (!shown(el)) return { visible: false, top: hiddenPlace(el), height: 0 };
    const r = el.getBoundingClientRect();
    return { visible: true, top: r.top + scrollY, height: r.height };
  };
  return needles.map((needle) => {
    const n = squeeze(needle);
    const hits: TextHit[] = [];
    for (let at = n ? text.indexOf(n) : -1; at >= 0; at = text.indexOf(n, at + n.length))
      hits.push(hit(holder(nodeAt(at), nodeAt(at + n.length - 1))));
    return hits;
  });
}

/**
 * Source text that calls `fn(...args)` when evaluated in a page (`page.evaluate(source)`). Under tsx, esbuild keeps
 * function names by wrapping named inner functions in `__name(…)`, a helper of the module that the page does not have:
 * the source defines it for the call alone (nothing is added to the page's globals).
 */
export function pageCall<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(...${JSON.stringify(args)}); })()`;
}
