/**
 * What each CSL style gets of the one CSL item (csl-item.ts), and the punctuation fixes after citeproc. The roles and
 * the reason for each rule: src/cite/README.md.
 */
import type { CslItem } from './csl-item';
import type { CitationStyle } from './styles';

/**
 * Marks the end of a title for finishTitles: U+2060 WORD JOINER (invisible, never left in the output). citeproc moves
 * a style's period into a closing quote that ends the title and adds it after a full-width ？ (it only knows ASCII
 * punctuation); after the mark it sees neither, and finishTitles then decides.
 */
const TITLE_END = '\u2060';

/** Styles that close the title with their own period or comma (English styles, en-US locale). */
const ENGLISH_STYLES: readonly CitationStyle[] = ['apa', 'mla', 'chicago'];

/**
 * Styles whose CSL file quotes a web page's or article's title, where a description supplied for an untitled work
 * must stand unquoted: MLA 9 (a description in place of a title is neither italicized nor quoted) and Chicago (a
 * descriptive title takes no quotation marks). APA prints the bracketed description as it is, GB/T 7714 quotes no
 * title (src/cite/README.md).
 */
const UNQUOTED_DESCRIPTION_STYLES: readonly CitationStyle[] = ['mla', 'chicago'];

/**
 * Stands in for a supplied title in UNQUOTED_DESCRIPTION_STYLES: U+2063 INVISIBLE SEPARATOR, never left in the output.
 * citeproc formats the stand-in (quoted, the style's period inside the quotes) and placeSuppliedTitle puts the
 * description back without the quotes. Giving citeproc the description itself would not do: it turns the double
 * quotes inside a quoted title into single ones (`“…”` → `‘…’`), which would stay once the outer quotes go.
 */
const SUPPLIED_TITLE = '\u2063';

/**
 * The item a CSL style gets:
 * - GB/T 7714 `[EB/OL]`: neither site nor 来源 (the standard's examples 114–117 name none; with a publisher the style
 *   prints `出版者, 年[引用日期]` and drops the full date).
 * - APA: no `publisher` (APA 7's news-site reference is author, date, title, site, URL; and for a web page with no
 *   person the APA style cites the publisher as group author, i.e. the 来源 outlet as if it had written the piece).
 * - GB/T 7714, a print edition (an item with `page`): no URL and access date, so the style prints `[N]` and
 *   `报纸名, 出版日期(版次)` (the standard's newspaper form) instead of `[N/OL]`.
 * - APA, MLA, Chicago: the title carries TITLE_END.
 * - MLA, Chicago, a title supplied in brackets (`titleSupplied`, see citationTitle): the title is SUPPLIED_TITLE, and
 *   the caller passes the formatted text to placeSuppliedTitle.
 */
export function itemForStyle(style: CitationStyle, item: CslItem, titleSupplied = false): CslItem {
  let out: CslItem = item;
  if (style.startsWith('gbt7714') && item.type === 'webpage') {
    const { 'container-title': _site, publisher: _publisher, ...rest } = item;
    out = rest;
  } else if (style.startsWith('gbt7714') && item.page) {
    const { URL: _url, accessed: _accessed, ...rest } = item;
    out = rest as CslItem;
  } else if (style === 'apa') {
    const { publisher: _publisher, ...rest } = item;
    out = rest;
  }
  if (titleSupplied && UNQUOTED_DESCRIPTION_STYLES.includes(style))
    out = { ...withoutStandIn(out), title: SUPPLIED_TITLE };
  else if (ENGLISH_STYLES.includes(style)) out = { ...out, title: item.title.replaceAll(TITLE_END, '') + TITLE_END };
  return out;
}

/**
 * The item with every U+2063 taken out of its strings (a page's text, site or author may carry one), so that the
 * only one citeproc formats is the stand-in (`中国\u2063甘肃网` would otherwise get the description put in).
 */
function withoutStandIn(item: CslItem): CslItem {
  return JSON.parse(JSON.stringify(item).replaceAll(SUPPLIED_TITLE, '')) as CslItem;
}

/**
 * After formatting an item of itemForStyle(style, …, titleSupplied): the supplied title `title` in place of its
 * stand-in, without the quotes the style put around it; the style's period or comma that citeproc put inside them
 * follows it (`“⁣.” 中国甘肃网` → `[无题]. 中国甘肃网`). Text of a style that formats no stand-in is returned unchanged
 * (a U+2063 in its title is the page's own).
 */
export function placeSuppliedTitle(text: string, title: string, style: CitationStyle): string {
  if (!UNQUOTED_DESCRIPTION_STYLES.includes(style)) return text;
  return text.replace(new RegExp(`“${SUPPLIED_TITLE}([.,]?)”|${SUPPLIED_TITLE}`, 'g'), (_, p = '') => title + p);
}

/**
 * After citeproc: a title's own terminal punctuation (？！。… and ASCII ?!) absorbs the style's period or comma
 * (`曝露？.` → `曝露？`, `曝露？.”` → `曝露？”`, as APA, MLA and Chicago do for ? and !); a style's period after a
 * title ending in a Chinese closing quote stays outside that quote (`“无法用科学解释”.`, not `“无法用科学解释.”`);
 * then the marks go.
 */
export function finishTitles(text: string): string {
  return text.replace(new RegExp(`([？！。…?!])${TITLE_END}[.,]`, 'g'), '$1').replaceAll(TITLE_END, '');
}
