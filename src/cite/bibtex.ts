/**
 * BibTeX export: biblatex entries written by citation-js (`biblatex` output of plugin-bibtex), which Zotero, JabRef
 * and biber read: `@online` for a web page (site in `booktitle`, 来源 in `organization`), `@article` with
 * `journaltitle` and `entrysubtype = {newspaper}` for a newspaper article, the dates as ISO `date` and `urldate`, UTF-8 text (CJK kept).
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { CslItem } from './csl-item';

// BibTeX keeps CJK as UTF-8: the default (asciiOnly) turns each unmappable character into nothing (title `{: }`).
// Without it citation-js escapes nothing, so latexItem escapes the LaTeX specials itself.
(plugins.config.get('@bibtex') as { format: { asciiOnly: boolean } }).format.asciiOnly = false;

const LATEX_SPECIAL = /[\\&%$#_{}~^]/g;
const LATEX_ESCAPE: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * Words with a capital letter in braces (`{5G}`, `{iPhone}`): BibTeX styles and biblatex readers (Better BibTeX's
 * parser) lower-case unprotected title words, which would turn 华为抢跑5G芯片 into 5g.
 */
function protectCase(title: string): string {
  return title.replace(/[A-Za-z0-9]*[A-Z][A-Za-z0-9]*/g, '{$&}');
}

/**
 * The item as citation-js should write it: LaTeX specials escaped in the text fields (not in URL, id and key: BibTeX
 * takes those verbatim), capitals of the title protected, and a newspaper article marked with `genre` newspaper,
 * which citation-js writes as biblatex's `entrysubtype = {newspaper}` of an `@article`.
 */
function latexItem(item: CslItem): CslItem & { genre?: string } {
  const esc = (v: string) => v.replace(LATEX_SPECIAL, (c) => LATEX_ESCAPE[c] ?? `\\${c}`);
  const names = (list?: CslItem['author']) =>
    list?.map((n) =>
      'literal' in n ? { literal: esc(n.literal) } : { family: esc(n.family), given: n.given && esc(n.given) },
    );
  return {
    ...item,
    title: protectCase(esc(item.title)),
    author: names(item.author),
    'container-title': item['container-title'] && esc(item['container-title']),
    publisher: item.publisher && esc(item.publisher),
    ...(item.type === 'article-newspaper' ? { genre: 'newspaper' } : {}),
  };
}

/**
 * One biblatex entry. citation-js also writes `note = {[Online; accessed …]}`, a copy of `urldate` that reference
 * managers import as a note: it is dropped.
 */
export function biblatexEntry(item: CslItem): string {
  const text = new Cite([latexItem(item)]).format('biblatex', { format: 'text' }).trim();
  return text.replace(/^\s*note = \{\[Online; accessed [^\]]*\]\},\n/m, '');
}
