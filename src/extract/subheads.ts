/**
 * Subheads that portals write as bold paragraphs (`<p><strong>一、…</strong></p>`, corpus people-2) or centred bold
 * lines: which lines they are (findSubheads) and their promotion to h2/h3 in the cleaned body (promoteSubheads). The
 * one reading of them: the engine promotes them, and the Markdown of a note saved before the engine did
 * (src/cite/markdown.ts) reads its `<p><strong>` lines with the same function.
 */
import { CAPTION_MARK, hasMedia, leafBlocks, text } from './blocks';
import { countChars } from './cjk';
import { isPhotoCaption } from './noise-lines';
import { textNodes } from './text';
import { AUTHOR_TAIL_LABELS, CREDIT_LINE_LABELS, anyOf } from './vocabulary';

/** The longest line taken for a subhead, in characters. */
const SUBHEAD_MAX = 40;
/** Subheads are promoted only while together they are at most this share of the body: a list of bold lines is text. */
const SUBHEAD_SHARE = 0.25;
/**
 * A sentence end (or a lead-in colon/comma) at the end of a line, or a full stop inside it: prose, not a heading. A
 * question mark ends subheads that ask (`债券市场存在泡沫吗？` sina-3, `一分钱变一元钱，消解经典文化可取吗？` qq-2,
 * youth-peer, 163-1), so it is not one; an exclamation is a bold sentence (`…而是共军太狡猾！”` huanqiu-1).
 */
const SENTENCE_END = /[。！!；;：:，,、…]["”’」』）)]*$|。/;
/**
 * Lines that are bold but no heading: a byline or signature naming a role (记者, 评论员, 发言人, corpus ifeng-1,
 * ifeng-5, cmse-1), an attribution starting with a dash (——（宋）陆游, people-1), a date alone (cmse-1).
 */
const NOT_SUBHEAD = new RegExp(
  `(${anyOf([...AUTHOR_TAIL_LABELS, ...CREDIT_LINE_LABELS])}|评论员|評論員|发言人|發言人|^文\\s*[丨|｜/:：])` +
    '|^[-—–~－]|^\\d{2,4}\\s*年\\s*\\d{1,2}\\s*月(\\s*\\d{1,2}\\s*日)?$',
);
/** Blocks that may become a heading: paragraphs and the containers portals write one line in. */
const SUBHEAD_TAGS = new Set(['P', 'DIV', 'CENTER', 'SECTION']);

/** Is every character of `el`'s text inside a <strong>/<b> (or an inline `font-weight` of 600 and more)? */
function allBold(el: Element): boolean {
  const bold = (t: Node): boolean => {
    for (let a = t.parentElement; a && a !== el.parentElement; a = a.parentElement) {
      const tag = a.tagName.toUpperCase();
      if (tag === 'STRONG' || tag === 'B') return true;
      if (/font-weight\s*:\s*(bold|[6-9]00)/i.test(a.getAttribute('style') ?? '')) return true;
    }
    return false;
  };
  for (const t of textNodes(el)) if (/\S/.test(t.nodeValue ?? '') && !bold(t)) return false;
  return true;
}

/** Is `el` (or its parent inside `root`) centred by its `align` attribute or an inline `text-align`? */
function centred(el: Element, root: Element): boolean {
  for (let a: Element | null = el; a && a !== root; a = a === el ? a.parentElement : null) {
    if ((a.getAttribute('align') ?? '').toLowerCase() === 'center') return true;
    if (/text-align\s*:\s*center/i.test(a.getAttribute('style') ?? '')) return true;
    if (a.tagName.toUpperCase() === 'CENTER') return true;
  }
  return false;
}

/** Is `el` right-aligned (a signature or date line under the text, corpus cmse-1)? */
function alignedRight(el: Element): boolean {
  const a = `${el.getAttribute('style') ?? ''} align=${el.getAttribute('align') ?? ''}`;
  return /text-align\s*:\s*right|align=right/i.test(a);
}

/** A line that reads as a subhead: short, bold throughout, no sentence end, no image, not a photo caption. */
function isSubhead(el: Element, t: string): boolean {
  const chars = countChars(t);
  if (chars < 2 || chars > SUBHEAD_MAX || SENTENCE_END.test(t) || /^[▲△◆●]/.test(t)) return false;
  if (NOT_SUBHEAD.test(t) || !SUBHEAD_TAGS.has(el.tagName.toUpperCase())) return false;
  if (el.hasAttribute(CAPTION_MARK) || hasMedia(el) || alignedRight(el)) return false;
  if (el.closest('li, td, th, blockquote, figure, table') || isPhotoCaption(t)) return false;
  return allBold(el);
}

/** `el` renamed to `tag` (its children moved, bold wrappers unwrapped: a heading is bold by itself). */
function renameAsHeading(el: Element, tag: string): void {
  const h = el.ownerDocument.createElement(tag);
  while (el.firstChild) h.appendChild(el.firstChild);
  for (const b of Array.from(h.querySelectorAll('strong, b'))) {
    while (b.firstChild) b.parentNode!.insertBefore(b.firstChild, b);
    b.remove();
  }
  // portals indent with 　　 (people-2): the paragraph text is trimmed anyway (serialize.ts), so only the HTML changes
  const nodes = [...textNodes(h)];
  for (const n of nodes) if ((n.nodeValue = (n.nodeValue ?? '').replace(/^[\s\u3000\u00a0]+/, ''))) break;
  for (const n of nodes.reverse()) if ((n.nodeValue = (n.nodeValue ?? '').replace(/[\s\u3000\u00a0]+$/, ''))) break;
  el.parentNode!.replaceChild(h, el);
}

/** A subhead found in a body: the element and the heading level it takes. */
export interface Subhead {
  el: Element;
  level: 2 | 3;
}

/**
 * The subheads of a body (`root`): whole-bold short lines (isSubhead) in document order, each with its level: 2, or 2
 * for the centred and 3 for the others when the body has both kinds. None when together they exceed SUBHEAD_SHARE of
 * the body's characters: a list of bold lines is text (test/unit/subheads.test.ts). Reads `root`, changes nothing.
 */
export function findSubheads(root: Element): Subhead[] {
  const found: { el: Element; centre: boolean }[] = [];
  let chars = 0;
  for (const el of leafBlocks(root)) {
    const t = text(el);
    if (!isSubhead(el, t)) continue;
    found.push({ el, centre: centred(el, root) });
    chars += countChars(t);
  }
  if (!found.length || chars > countChars(root.textContent ?? '') * SUBHEAD_SHARE) return [];
  const mixed = found.some((f) => f.centre) && found.some((f) => !f.centre);
  return found.map((f) => ({ el: f.el, level: mixed && !f.centre ? 3 : 2 }));
}

/**
 * Last pass of body cleaning: the subheads (findSubheads) become h2/h3 elements, so the reader, Markdown and notes get
 * the article's structure. The text does not change (a heading is a paragraph of the text like a <p>: serialize.ts).
 */
export function promoteSubheads(root: Element): void {
  for (const { el, level } of findSubheads(root)) renameAsHeading(el, `h${level}`);
}
