import {
  describePosition,
  mapPosition,
  marksOf,
  matchQuote,
  quoteAt,
  rangeFromPosition,
  rootText,
  unwrapMarks,
  wrapRange,
  type AnchorSelectors,
} from '../shared/anchoring';
import type { Annotation } from '../shared/notes-types';

/**
 * Highlights in the reader's rendered body. Selectors are always made and matched on the ORIGINAL body text (the
 * sanitized article before any 繁/简 conversion, the contract of notes-types.ts TextPositionSelector), while the
 * reader may show converted text: `TextMaps` holds two detached renders, the original and the displayed HTML, whose
 * text nodes correspond one to one (convert.ts converts each text node and keeps the markup), and positions move
 * between them with anchoring.ts `mapPosition`. The live body has the displayed text exactly (marks and the
 * read-aloud spans wrap text without changing it), so its offsets are the displayed render's.
 */
export interface TextMaps {
  /** Detached render of the body before conversion. */
  original: HTMLElement;
  /** Detached render of the body as displayed (the same element when nothing is converted). */
  display: HTMLElement;
  /** The original render's text, computed once. */
  originalText: string;
}

/** Detached renders of the original and displayed body HTML (both sanitized already), in an inert document. */
export function textMaps(originalHtml: string, displayHtml: string, doc: Document): TextMaps {
  const Parser = doc.defaultView?.DOMParser ?? DOMParser;
  const parse = (html: string) => new Parser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
  const original = parse(originalHtml);
  const display = displayHtml === originalHtml ? original : parse(displayHtml);
  return { original, display, originalText: rootText(original) };
}

/** Move [start, end) inward past white space at either end (a double-click or a drag often takes a line break). */
function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

/**
 * The selectors of a range of the live body, on the original text; null when the range is outside the body, blank,
 * or cannot be mapped back to the original text.
 */
export function selectorsOf(range: Range, live: HTMLElement, maps: TextMaps): AnchorSelectors | null {
  const shown = describePosition(live, range);
  if (!shown) return null;
  const a = mapPosition(maps.display, maps.original, shown.start, 'start');
  const b = mapPosition(maps.display, maps.original, shown.end, 'end');
  if (a === null || b === null) return null;
  const [start, end] = trimmed(maps.originalText, a, b);
  if (end <= start) return null;
  return [quoteAt(maps.originalText, start, end), { type: 'TextPositionSelector', start, end }];
}

/** A Range of the live body for stored selectors, or null when the highlight cannot be placed (orphaned). */
export function rangeOf(selectors: AnchorSelectors, live: HTMLElement, maps: TextMaps): Range | null {
  const found = matchQuote(maps.originalText, selectors);
  if (!found) return null;
  const start = mapPosition(maps.original, maps.display, found.start, 'start');
  const end = mapPosition(maps.original, maps.display, found.end, 'end');
  return start === null || end === null || end <= start ? null : rangeFromPosition(live, start, end);
}

/**
 * Draw the annotations in the live body (removing the marks drawn before): each placed one becomes `<mark>`s with its
 * colour and, on its first mark, a button role and tab stop so the keyboard reaches it (not inside a link, which is
 * interactive already). Returns the ids of those that could not be placed, in the given order.
 */
export function drawHighlights(live: HTMLElement, annotations: readonly Annotation[], maps: TextMaps): string[] {
  unwrapMarks(live);
  const orphans: string[] = [];
  for (const a of annotations) {
    const range = rangeOf(a.target.selector, live, maps);
    const attrs: Record<string, string> = { 'data-color': a.color };
    if (a.bodyValue) attrs['data-comment'] = '';
    const marks = range ? wrapRange(range, a.id, attrs) : [];
    if (!marks.length) {
      orphans.push(a.id);
      continue;
    }
    const first = marks[0];
    if (!first.closest('a')) {
      first.setAttribute('role', 'button');
      first.tabIndex = 0;
    }
    if (a.bodyValue) for (const m of marks) m.title = a.bodyValue;
  }
  return orphans;
}

/** The annotation id of the highlight an event happened on (its mark, or null). */
export function highlightAt(target: EventTarget | null): string | null {
  const el = target as Element | null;
  const mark = typeof el?.closest === 'function' ? el.closest('mark[data-annotation-id]') : null;
  return mark?.getAttribute('data-annotation-id') ?? null;
}

/** Scroll a highlight's first mark into view and focus it (after an edit, or from the orphan list's neighbours). */
export function focusHighlight(live: HTMLElement, id: string): void {
  const first = marksOf(live, id)[0];
  first?.focus({ preventScroll: false });
}

interface ComposedSelection {
  getComposedRanges?: (options: { shadowRoots: ShadowRoot[] }) => StaticRange[];
}

/**
 * The user's selection as a Range inside `root` (the reader's shadow root), or null. Selections in a shadow tree are
 * read with `getComposedRanges` (Chromium 137+, Firefox 142+); else Chromium's `ShadowRoot.getSelection`, else the
 * document's selection (Firefox exposes ranges inside shadow trees there).
 */
export function selectionIn(root: ShadowRoot | Document): Range | null {
  const doc = root.nodeType === 9 ? (root as Document) : (root as ShadowRoot).ownerDocument;
  const sel = doc.getSelection();
  // Chromium reports a selection inside a shadow tree as collapsed at the host: ask the shadow root itself.
  if (!sel || !sel.rangeCount) return null;
  const composed = (sel as unknown as ComposedSelection).getComposedRanges;
  if (composed && root.nodeType !== 9) {
    const [r] = composed.call(sel, { shadowRoots: [root as ShadowRoot] });
    if (!r || r.collapsed) return null;
    const range = doc.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  }
  const s = (root as unknown as { getSelection?: () => Selection | null }).getSelection?.() ?? sel;
  return s.rangeCount && !s.isCollapsed ? s.getRangeAt(0) : null;
}
