/**
 * Caption lines that the engine leaves as body text (it marks only uncredited captions: clean.ts markCaptions, which
 * serialize.ts writes as figcaptions): `▲…` lines, and photo credits `（摄影：…）` / `（记者 X 摄）` / `图：…` right
 * under an image (corpus ifeng-2, people-1). One reading for the reader's caption style (src/reader/body-html.ts) and
 * the Markdown's caption lines (src/cite/markdown.ts). Works on any DOM (browser, happy-dom, turndown's domino).
 */

/** A caption or photo-credit line's text. */
const CAPTION_LINE = /^[▲△]|^[（(]?\s*(摄影|攝影|图片来源|圖片來源|图|圖)\s*[：:／/]|[（(][^（）()]{0,24}(摄|攝)[）)]$/;
/** Longer lines are prose, whatever they start with. */
const CAPTION_LINE_MAX = 120;

/** Is `el` an image with no text (an <img>, or a block holding only images)? */
function imageOnly(el: Element | null): boolean {
  if (!el) return false;
  return (el.tagName.toUpperCase() === 'IMG' || !!el.querySelector('img')) && !/\S/.test(el.textContent ?? '');
}

/**
 * Is the paragraph `p` of a body's HTML a caption line: its text reads as one (CAPTION_LINE, at most 120 characters)
 * and it starts with ▲/△ or stands right under an image (the element before it is only images, or the paragraph
 * opens with its image)?
 */
export function isCaptionLine(p: Element): boolean {
  if (p.tagName.toUpperCase() !== 'P') return false;
  const t = (p.textContent ?? '').trim();
  if (!t || t.length > CAPTION_LINE_MAX || !CAPTION_LINE.test(t)) return false;
  if (/^[▲△]/.test(t)) return true;
  const first = p.firstElementChild;
  return imageOnly(p.previousElementSibling) || (first?.tagName.toUpperCase() === 'IMG' && !p.firstChild?.textContent);
}
