import type { TextPositionSelector, TextQuoteSelector } from '../shared/notes-types';

/**
 * The checks of an annotation's selectors (W3C Web Annotation: TextQuoteSelector, TextPositionSelector) shared by the
 * notes store's writes (write.ts) and the JSON import (import.ts), so a highlight the reader may write is exactly one
 * an import accepts.
 */

/** A UTF-16 high surrogate without its low half, or a low one without its high half (text no page holds). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The largest TextPositionSelector offset a note may hold: far beyond any article's text (a few 100,000 chars). */
export const MAX_POSITION = 10_000_000;

/** A TextQuoteSelector with a quote that is not blank and has no half surrogate pair, and string prefix/suffix. */
export function isQuoteSelector(v: unknown): v is TextQuoteSelector {
  const q = v as TextQuoteSelector | null;
  return (
    typeof q === 'object' &&
    q !== null &&
    q.type === 'TextQuoteSelector' &&
    typeof q.exact === 'string' &&
    q.exact.trim().length > 0 &&
    !LONE_SURROGATE.test(q.exact) &&
    typeof q.prefix === 'string' &&
    typeof q.suffix === 'string'
  );
}

/** A TextPositionSelector with integer offsets, 0 ≤ start ≤ end ≤ MAX_POSITION (UTF-16 code units). */
export function isPositionSelector(v: unknown): v is TextPositionSelector {
  const p = v as TextPositionSelector | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    p.type === 'TextPositionSelector' &&
    Number.isInteger(p.start) &&
    Number.isInteger(p.end) &&
    p.start >= 0 &&
    p.end >= p.start &&
    p.end <= MAX_POSITION
  );
}

/** An annotation's `target.selector` as the notes store writes it: [TextQuoteSelector, TextPositionSelector]. */
export const isSelectorPair = (v: unknown): boolean =>
  Array.isArray(v) && v.length === 2 && isQuoteSelector(v[0]) && isPositionSelector(v[1]);
