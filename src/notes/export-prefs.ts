import { HIGHLIGHT_STYLES, type HighlightStyle } from './annotations-markdown';
import { CITATION_EXPORTS, type CitationExport } from './export';

/**
 * A choice the notes page keeps in its `localStorage` under `key`: `read()` gives the stored value when it is one of
 * `allowed`, else `fallback` (also when storage is unavailable); `write(v)` stores it, and when storage refuses
 * (private window quotas) the choice holds for the page's current state only.
 */
function storedChoice<T extends string>(key: string, allowed: readonly T[], fallback: T) {
  return {
    read(): T {
      try {
        const v = localStorage.getItem(key);
        return allowed.includes(v as T) ? (v as T) : fallback;
      } catch {
        return fallback;
      }
    },
    write(v: T): void {
      try {
        localStorage.setItem(key, v);
      } catch {
        // Storage refused: nothing to keep it in.
      }
    },
  };
}

const highlights = storedChoice<HighlightStyle>('qingdu.markdownHighlights', HIGHLIGHT_STYLES, 'quote');
const citations = storedChoice<CitationExport>('qingdu.citationFormat', CITATION_EXPORTS, 'bibtex');

/** How Markdown exports write highlights: the stored choice, else `quote`. */
export const highlightStyle = (): HighlightStyle => highlights.read();
/** Remember how Markdown exports write highlights. */
export const setHighlightStyle = (style: HighlightStyle): void => highlights.write(style);
/** The citation export's format: the stored choice, else `bibtex`. */
export const citationFormat = (): CitationExport => citations.read();
/** Remember the citation export's format. */
export const setCitationFormat = (format: CitationExport): void => citations.write(format);
