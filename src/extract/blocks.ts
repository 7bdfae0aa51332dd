/**
 * Block-level helpers shared by the body passes (clean.ts, subheads.ts): leaf blocks, their text, images in them, and
 * the caption mark. Pure DOM, no window needed.
 */
import { BLOCK_TAGS } from './body';

/** The attribute marking a photo caption in the cleaned copy: serialize.ts writes it as a figcaption, not as text. */
export const CAPTION_MARK = 'data-qd-caption';

/** A block's text, trimmed. */
export function text(el: Element): string {
  return (el.textContent ?? '').trim();
}

/** Does `el` hold (or is it) an image, video or picture? */
export function hasMedia(el: Element): boolean {
  // `!!`: domino (turndown's DOM on Node, src/cite/markdown.ts) answers a failed querySelector with undefined
  return el.tagName === 'IMG' || !!el.querySelector('img, video, picture');
}

/**
 * Is `el` the only cell of its row: a layout table's line (the one-column tables of government and TRS templates put
 * the info line, the body and a `【打印本页】【关闭窗口】　责任编辑：X` line in rows of their own:
 * test/fixtures/kinds/credit-page-controls-gov.html). A data table's cell has neighbours and is never a leaf line.
 */
function onlyCellOfRow(el: Element): boolean {
  const row = el.parentElement;
  return !!row && row.tagName.toUpperCase() === 'TR' && row.children.length === 1;
}

/**
 * Leaf blocks of `root` in document order: BLOCK_TAGS elements without a block child; of the table parts only a cell
 * alone in its row (onlyCellOfRow).
 */
export function leafBlocks(root: Element): Element[] {
  const leaves: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toUpperCase();
    if (!BLOCK_TAGS.has(tag) || tag === 'TR' || tag === 'TABLE' || tag === 'TBODY') continue;
    if ((tag === 'TD' || tag === 'TH') && !onlyCellOfRow(el)) continue;
    // children by index: turndown's DOM on Node (domino, src/cite/markdown.ts) has no iterable HTMLCollection
    let leaf = true;
    for (let i = 0; i < el.children.length && leaf; i++) leaf = !BLOCK_TAGS.has(el.children[i].tagName.toUpperCase());
    if (leaf) leaves.push(el);
  }
  return leaves;
}
