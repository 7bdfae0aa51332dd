import { HIGHLIGHT_STYLES, type HighlightStyle } from './annotations-markdown';

/** The notes page's `localStorage` key for how Markdown exports write highlights (a choice of this page only). */
const KEY = 'qingdu.markdownHighlights';

/** How Markdown exports write highlights: the stored choice, else `quote` (also when storage is unavailable). */
export function highlightStyle(): HighlightStyle {
  try {
    const v = localStorage.getItem(KEY);
    return HIGHLIGHT_STYLES.includes(v as HighlightStyle) ? (v as HighlightStyle) : 'quote';
  } catch {
    return 'quote';
  }
}

/** Remember how Markdown exports write highlights. */
export function setHighlightStyle(style: HighlightStyle): void {
  try {
    localStorage.setItem(KEY, style);
  } catch {
    // Storage refused (private window quotas): the choice holds for this export only.
  }
}
