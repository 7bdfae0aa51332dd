import { highlightTerms } from './tokenize';
import type { Annotation, Note } from '../shared/notes-types';

/** The highlighted text of an annotation (its TextQuoteSelector's `exact`). */
export const quoteOf = (a: Annotation): string => a.target.selector[0].exact;

/**
 * A case-insensitive pattern for the query's terms (longest first), matched in the original text: the `iu` flags fold
 * case one code point for one code point, so a match's index is an index into the text itself (toLowerCase() is not:
 * `İ` becomes two code units, and every index after it shifts). null when there are no terms.
 */
function termsPattern(terms: readonly string[]): RegExp | null {
  if (!terms.length) return null;
  return new RegExp(terms.map((t) => t.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|'), 'iu');
}

/** Is `text[i]` the low half of a surrogate pair (cutting before it would split one character)? */
function insidePair(text: string, i: number): boolean {
  return /[\ud800-\udbff]/.test(text[i - 1] ?? '') && /[\udc00-\udfff]/.test(text[i] ?? '');
}

/**
 * A short passage of `text` around the first match of `pattern`, with … where cut (result snippets): `radius`
 * UTF-16 units before the match and twice that after, both ends moved so no surrogate pair (emoji, rare Han) is cut;
 * the start of the text when nothing matches.
 */
export function snippetAround(text: string, pattern: RegExp | null, radius = 40): string {
  const at = pattern ? text.search(pattern) : -1;
  let start = at < 0 ? 0 : Math.max(0, at - radius);
  let end = Math.min(text.length, at < 0 ? radius * 2 : at + radius * 2);
  if (insidePair(text, start)) start--;
  if (insidePair(text, end)) end++;
  const body = text.slice(start, end);
  if (at < 0) return body + (end < text.length ? '…' : '');
  return (start > 0 ? '…' : '') + body.replace(/\s+/g, ' ') + (end < text.length ? '…' : '');
}

/** A result snippet: from the article's body, or from a highlight (its quote and comment) when the match is there. */
export interface Snippet {
  text: string;
  from: 'body' | 'annotation';
}

/**
 * The snippet a search result shows: the first highlight whose comment or quote holds a term of the query
 * (`“quote” comment`, cut around the match), else the body around the first match (snippetAround: matched
 * case-insensitively in the original text, never cutting a surrogate pair).
 * @param marks the searched forms, space-separated (the list's `marks`)
 */
export function resultSnippet(n: Note, marks: string): Snippet {
  const pattern = termsPattern(highlightTerms(marks));
  const hit = pattern ? (n.annotations ?? []).find((a) => pattern.test(`${quoteOf(a)}\n${a.bodyValue}`)) : null;
  if (!hit) return { text: snippetAround(n.article.textContent, pattern), from: 'body' };
  const text = `“${quoteOf(hit)}”${hit.bodyValue ? ` ${hit.bodyValue}` : ''}`;
  return { text: snippetAround(text, pattern), from: 'annotation' };
}
