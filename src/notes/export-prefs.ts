import { HIGHLIGHT_STYLES, type HighlightStyle } from './annotations-markdown';
import { CITATION_EXPORTS, type CitationExport } from './export';

/** The notes page's `localStorage` key for how Markdown exports write highlights (a choice of this page only). */
const KEY = 'qingdu.markdownHighlights';
/** The notes page's `localStorage` key for the citation export's format. */
const CITE_KEY = 'qingdu.citationFormat';

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

/** The citation export's format: the stored choice, else `bibtex` (also when storage is unavailable). */
export function citationFormat(): CitationExport {
  try {
    const v = localStorage.getItem(CITE_KEY);
    return CITATION_EXPORTS.includes(v as CitationExport) ? (v as CitationExport) : 'bibtex';
  } catch {
    return 'bibtex';
  }
}

/** Remember the citation export's format. */
export function setCitationFormat(format: CitationExport): void {
  try {
    localStorage.setItem(CITE_KEY, format);
  } catch {
    // As setHighlightStyle: the choice holds until the page is closed.
  }
}
