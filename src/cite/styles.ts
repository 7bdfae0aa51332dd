/**
 * The citation style names and menu labels. Tiny and dependency-free, so menus (popup, notes, CLI argument checks)
 * can import it eagerly; the formatters live in ./index.ts, which is loaded on demand.
 */
export type CitationStyle =
  | 'gbt7714-numeric'
  | 'gbt7714-author-date'
  | 'apa'
  | 'mla'
  | 'chicago'
  | 'bibtex'
  | 'ris'
  | 'csl-json'
  | 'markdown'
  | 'metadata';

/** Every style, in menu order. */
export const CITATION_STYLES: readonly CitationStyle[] = [
  'gbt7714-numeric',
  'gbt7714-author-date',
  'apa',
  'mla',
  'chicago',
  'bibtex',
  'ris',
  'csl-json',
  'markdown',
  'metadata',
];

/** Menu labels of the styles. */
export const STYLE_LABELS: Record<CitationStyle, string> = {
  'gbt7714-numeric': 'GB/T 7714-2015（顺序编码）',
  'gbt7714-author-date': 'GB/T 7714-2015（著者-出版年）',
  apa: 'APA',
  mla: 'MLA',
  chicago: 'Chicago',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
  markdown: 'Markdown 链接',
  metadata: '元数据',
};
