/**
 * Citations of an Article: one CSL-JSON item (csl-item.ts) formatted by citation-js with CSL styles.
 *
 * Heavy module (citation-js, citeproc-js, styles): load it with dynamic `import()` when a citation is needed. The
 * style/locale XML is fetched on first use (assets.ts), not bundled.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { Article } from '../extract/article';
import type { PrintEdition } from '../extract/print-edition';
import { loadCslAsset } from './assets';
import { biblatexEntry } from './bibtex';
import { claimKey, hasSuppliedTitle, toCslItem, uniqueKeys } from './csl-item';
import { risRecord } from './ris';
import { finishTitles, itemForStyle, placeSuppliedTitle } from './style-items';
import { metadataBlock } from './metadata-block';
import { quotationText, type QuotedTarget } from './quote';
import type { CitationStyle } from './styles';

export { toCslItem, uniqueKeys, type CslItem } from './csl-item';
export { metadataBlock } from './metadata-block';
export { quotationText, type QuotedTarget } from './quote';
export { setCslAssetLoader } from './assets';
export { CITATION_STYLES, STYLE_LABELS, type CitationStyle } from './styles';

/** CSL styles: citation-js template name, the file in public/csl (null: built into plugin-csl), the locale. */
const CSL_STYLES: Partial<Record<CitationStyle, { file: string | null; lang: string }>> = {
  'gbt7714-numeric': { file: 'china-national-standard-gb-t-7714-2015-numeric.csl', lang: 'zh-CN' },
  'gbt7714-author-date': { file: 'china-national-standard-gb-t-7714-2015-author-date.csl', lang: 'zh-CN' },
  apa: { file: null, lang: 'en-US' },
  mla: { file: 'modern-language-association.csl', lang: 'en-US' },
  chicago: { file: 'chicago-note-bibliography.csl', lang: 'en-US' },
};

const LOCALES: Record<string, string> = { 'zh-CN': 'locales-zh-CN.xml', 'en-US': 'locales-en-US.xml' };

const loading = new Map<string, Promise<void>>();

/** Register a style's template and locale with citation-js once (concurrent callers share the load). */
function ensureStyle(style: CitationStyle): Promise<void> {
  const spec = CSL_STYLES[style];
  if (!spec) throw new Error(`not a CSL style: ${style}`);
  let p = loading.get(style);
  if (!p) {
    const config = plugins.config.get('@csl');
    p = (async () => {
      const [xml, locale] = await Promise.all([
        spec.file && !config.styles.has(style) ? loadCslAsset(spec.file) : null,
        loadCslAsset(LOCALES[spec.lang]),
      ]);
      if (xml) config.styles.add(style, xml);
      config.locales.add(spec.lang, locale);
    })();
    p.catch(() => loading.delete(style));
    loading.set(style, p);
  }
  return p;
}

function escapeMarkdown(title: string): string {
  return title.replace(/([\\[\]])/g, '\\$1');
}

/**
 * Format one Article in a style.
 * @param opts.accessed access date (default: now, local day); `YYYY-MM-DD` or a Date
 * @param opts.number the `[n]` of the numeric style (default 1): citeproc numbers a one-item bibliography [1], and
 *   the label is renumbered
 * @param opts.print the print edition the page credits (src/extract/print-edition.ts): cited as the printed article
 * @param opts.keys citation keys already used in the same output: the item's key is made unique against them (and
 *   added), so BibTeX/RIS/CSL-JSON entries printed one by one into one file do not share a key
 * @returns the citation text without a trailing newline (multi-line for BibTeX, RIS, CSL-JSON and metadata)
 * @throws Error on an unknown style, or when a style file cannot be loaded
 */
export async function formatCitation(
  article: Article,
  style: CitationStyle,
  opts: { accessed?: Date | string; number?: number; keys?: Set<string>; print?: PrintEdition | null } = {},
): Promise<string> {
  const made = toCslItem(article, opts.accessed ?? new Date(), opts.print);
  const item = opts.keys ? claimKey(made, opts.keys) : made;
  switch (style) {
    case 'metadata':
      return metadataBlock(article);
    case 'markdown':
      return `[${escapeMarkdown(item.title)}](${item.URL.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
    case 'csl-json':
      return JSON.stringify([item], null, 2);
    case 'bibtex':
      return biblatexEntry(item);
    case 'ris':
      return risRecord(item);
  }
  const supplied = hasSuppliedTitle(article);
  const text = await formatCslItem(itemForStyle(style, item, supplied), style, opts.number);
  return supplied ? placeSuppliedTitle(text, item.title, style) : text;
}

/**
 * A highlight with its source, for pasting into a paper: the quotation (`“…”`, quotationText), a newline, and the
 * GB/T 7714 numeric reference the citation copy gives (`[1] 作者. 题名[EB/OL]. (出版日期)[访问日期]. URL.`).
 * Loads the style files on first use (ensureStyle).
 * @param accessed the access date of the reference (a note's accessedAt), `YYYY-MM-DD` or a Date
 * @param print the print edition the page credited (a note's printEdition): the reference is then the printed
 *   article's (`[N]. 人民日报, 2024-05-10(04).`)
 * @throws Error when the style files cannot be loaded
 */
export async function quoteCitation(
  annotation: QuotedTarget,
  article: Article,
  accessed: Date | string,
  print: PrintEdition | null = null,
): Promise<string> {
  const reference = await formatCitation(article, 'gbt7714-numeric', { accessed, print });
  return `${quotationText(annotation.target.selector[0].exact)}\n${reference}`;
}

/** File formats that hold many citations: a CSL-JSON array, BibTeX entries, RIS records. */
export type CitationFileFormat = 'csl-json' | 'bibtex' | 'ris';

/**
 * Citations of many Articles in one file: a CSL-JSON array, or BibTeX/RIS entries separated by blank lines, with
 * keys unique within the file (uniqueKeys: `sina_2019_09_07`, `sina_2019_09_07a`).
 * @param entries each Article with its access date (`YYYY-MM-DD` or a Date) and the print edition its page credited
 *   (cited as the printed article, as formatCitation's `print`)
 * @returns the file's text, ending with a newline
 */
export function formatCitationFile(
  entries: readonly { article: Article; accessed: Date | string; print?: PrintEdition | null }[],
  style: CitationFileFormat,
): string {
  const items = uniqueKeys(entries.map((e) => toCslItem(e.article, e.accessed, e.print)));
  if (style === 'csl-json') return JSON.stringify(items, null, 2) + '\n';
  return items.map(style === 'bibtex' ? biblatexEntry : risRecord).join('\n\n') + '\n';
}

/**
 * Format a raw CSL-JSON item with one of the CSL styles (no Article-specific adjustment).
 * @param number the `[n]` label of the numeric style (default 1)
 * @throws Error when `style` is not a CSL style, or its file cannot be loaded
 */
export async function formatCslItem(item: object, style: CitationStyle, number = 1): Promise<string> {
  const spec = CSL_STYLES[style];
  if (!spec) throw new Error(`not a CSL style: ${style}`);
  await ensureStyle(style);
  const text = finishTitles(
    new Cite([item]).format('bibliography', { format: 'text', template: style, lang: spec.lang }).trim(),
  );
  // citeproc numbers a one-item bibliography [1]; the caller knows the item's place in its list.
  return style === 'gbt7714-numeric' && number !== 1 ? text.replace(/^\[1\]/, `[${number}]`) : text;
}
