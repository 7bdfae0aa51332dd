/**
 * Text helpers for metadata extraction, DOM-generic (linkedom, happy-dom, browser): no innerText, no layout.
 * Texts are built as "lines": a newline at every block boundary and a space between text nodes, so values that
 * portals put in separate elements (`<i>来源：</i><span>新华网</span>`) stay separable even when their
 * textContent runs together.
 */

/** Elements whose text is never page text. */
export const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'SVG', 'IFRAME', 'BUTTON', 'HEAD']);

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'TR', 'UL', 'CENTER',
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
  if (SKIP_TAGS.has(tag) || isHidden(el)) return;
  const block = BLOCK_TAGS.has(tag);
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

/** CJK ideographs in `s`. */
export function cjkCount(s: string): number {
  return (s.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
}
