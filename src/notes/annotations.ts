import { snippet } from './search';
import { highlightTerms } from './tokenize';
import type { Annotation, Note } from '../shared/notes-types';

/** The highlighted text of an annotation (its TextQuoteSelector's `exact`). */
export const quoteOf = (a: Annotation): string => a.target.selector[0].exact;

/** Does the text hold one of the query's terms (case-insensitive, as the list's <mark>s do)? */
const holdsTerm = (text: string, terms: readonly string[]): boolean => {
  const lower = text.toLowerCase();
  return terms.some((t) => lower.includes(t));
};

/** A result snippet: from the article's body, or from a highlight (its quote and comment) when the match is there. */
export interface Snippet {
  text: string;
  from: 'body' | 'annotation';
}

/**
 * The snippet a search result shows: the first highlight whose comment or quote holds a term of the query
 * (`“quote” comment`, cut around the match), else the body around the first match (search.ts `snippet`).
 * @param marks the searched forms, space-separated (the list's `marks`)
 */
export function resultSnippet(n: Note, marks: string): Snippet {
  const terms = highlightTerms(marks);
  const hit = terms.length
    ? (n.annotations ?? []).find((a) => holdsTerm(`${quoteOf(a)}\n${a.bodyValue}`, terms))
    : null;
  if (!hit) return { text: snippet(n.article.textContent, marks), from: 'body' };
  const text = `“${quoteOf(hit)}”${hit.bodyValue ? ` ${hit.bodyValue}` : ''}`;
  return { text: snippet(text, marks), from: 'annotation' };
}
