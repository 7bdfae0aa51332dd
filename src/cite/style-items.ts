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
 * The item a CSL style gets:
 * - GB/T 7714 `[EB/OL]`: neither site nor 来源 (the standard's examples 114–117 name none; with a publisher the style
 *   prints `出版者, 年[引用日期]` and drops the full date).
 * - APA: no `publisher` (APA 7's news-site reference is author, date, title, site, URL; and for a web page with no
 *   person the APA style cites the publisher as group author, i.e. the 来源 outlet as if it had written the piece).
 * - GB/T 7714, a print edition (an item with `page`): no URL and access date, so the style prints `[N]` and
 *   `报纸名, 出版日期(版次)` (the standard's newspaper form) instead of `[N/OL]`.
 * - APA, MLA, Chicago: the title carries TITLE_END.
 */
export function itemForStyle(style: CitationStyle, item: CslItem): CslItem {
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
  if (ENGLISH_STYLES.includes(style)) out = { ...out, title: item.title.replaceAll(TITLE_END, '') + TITLE_END };
  return out;
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
