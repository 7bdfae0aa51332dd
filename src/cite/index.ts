/**
 * Citations of an Article: one CSL-JSON item (csl-item.ts) formatted by citation-js with CSL styles.
 *
 * Heavy module (citation-js, citeproc-js, styles): load it with dynamic `import()` when a citation is needed. The
 * style/locale XML is fetched on first use (assets.ts), not bundled.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { Article } from '../extract/article';
import { loadCslAsset } from './assets';
import { toCslItem, type CslItem } from './csl-item';
import { metadataBlock } from './metadata-block';
import type { CitationStyle } from './styles';

export { toCslItem, type CslItem } from './csl-item';
export { metadataBlock } from './metadata-block';
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

// BibTeX keeps CJK as UTF-8: the default (asciiOnly) turns each unmappable character into nothing (title `{: }`).
// Without it citation-js escapes nothing, so bibtexItem escapes the LaTeX specials itself.
(plugins.config.get('@bibtex') as { format: { asciiOnly: boolean } }).format.asciiOnly = false;

const LATEX_SPECIAL = /[\\&%$#_{}~^]/g;
const LATEX_ESCAPE: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** The item with LaTeX specials escaped in its text fields (not in URL, id and key: BibTeX takes those verbatim). */
function bibtexItem(item: CslItem): CslItem {
  const esc = (v: string) => v.replace(LATEX_SPECIAL, (c) => LATEX_ESCAPE[c] ?? `\\${c}`);
  const names = (list?: CslItem['author']) =>
    list?.map((n) =>
      'literal' in n ? { literal: esc(n.literal) } : { family: esc(n.family), given: n.given && esc(n.given) },
    );
  return {
    ...item,
    title: esc(item.title),
    author: names(item.author),
    'container-title': item['container-title'] && esc(item['container-title']),
    publisher: item.publisher && esc(item.publisher),
  };
}

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

/**
 * The item a style gets. GB/T 7714's `[EB/OL]` form names neither website nor publisher (standard, examples
 * 114–117): with a publisher the GB/T style prints `出版者, 年[引用日期]` and drops the full (更新或修改日期), so the
 * publication date of a news page would shrink to its year.
 */
function itemFor(style: CitationStyle, item: CslItem): CslItem {
  if (style.startsWith('gbt7714') && item.type === 'webpage') {
    const { 'container-title': _site, publisher: _publisher, ...rest } = item;
    return rest;
  }
  return item;
}

/**
 * RIS writes every item as an online page (TY ELEC), the newspaper kept as publisher (PB). Why: citation-js's RIS
 * table for TY NEWS (RIS 2011 spec) writes authors only from `reporter` and the date only as its year (PY), and reads
 * NEWS back the same way, so a newspaper item would lose its authors and day. What was read is the online page anyway.
 */
function risItem(item: CslItem): CslItem {
  if (item.type !== 'article-newspaper') return item;
  return { ...item, type: 'webpage', publisher: item.publisher ?? item['container-title'] };
}

/**
 * plugin-ris 0.8 breaks every value after 70 characters (ris.js: `.replace(/(.{70})/g, '$1\\n')`), which cuts long
 * URLs in two for readers that do not join continuation lines. Our values hold no newlines, so any line that does
 * not start with a tag is such a break and is joined back (RIS allows 255-character lines and longer UR values).
 */
function unwrapRis(ris: string): string {
  return ris.replace(/\n(?![A-Z][A-Z0-9] {2}-)/g, '');
}

function escapeMarkdown(title: string): string {
  return title.replace(/([\\[\]])/g, '\\$1');
}

/**
 * Format one Article in a style.
 * @param opts.accessed access date (default: now, local day); `YYYY-MM-DD` or a Date
 * @param opts.number the `[n]` of the numeric style (default 1): citeproc numbers a one-item bibliography [1], and
 *   the label is renumbered
 * @returns the citation text without a trailing newline (multi-line for BibTeX, RIS, CSL-JSON and metadata)
 * @throws Error on an unknown style, or when a style file cannot be loaded
 */
export async function formatCitation(
  article: Article,
  style: CitationStyle,
  opts: { accessed?: Date | string; number?: number } = {},
): Promise<string> {
  const item = toCslItem(article, opts.accessed ?? new Date());
  switch (style) {
    case 'metadata':
      return metadataBlock(article);
    case 'markdown':
      return `[${escapeMarkdown(item.title)}](${item.URL.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
    case 'csl-json':
      return JSON.stringify([item], null, 2);
    case 'bibtex':
      return new Cite([bibtexItem(item)]).format('bibtex', { format: 'text' }).trim();
    case 'ris':
      return unwrapRis(new Cite([risItem(item)]).format('ris', { format: 'text' }).trim());
  }
  return formatCslItem(itemFor(style, item), style, opts.number);
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
  const text = new Cite([item]).format('bibliography', { format: 'text', template: style, lang: spec.lang }).trim();
  // citeproc numbers a one-item bibliography [1]; the caller knows the item's place in its list.
  return style === 'gbt7714-numeric' && number !== 1 ? text.replace(/^\[1\]/, `[${number}]`) : text;
}
