import { termsOf } from './tokenize';
import type { Note } from '../shared/notes-types';

/**
 * What a search result row shows of a note, without reading the note from IndexedDB (reading full notes was most of
 * the search time at 10,000 notes).
 */
export interface SearchHit {
  id: string;
  title: string;
  site: string;
  published: string | null;
  createdAt: string;
  tags: string[];
  /** The user's own note text. */
  userNote: string;
}

/** The searched fields, in posting order; a field's number is its place here. */
export const FIELDS = ['title', 'text', 'note', 'meta'] as const;

/**
 * A note as the search index stores it (the `search` store, one row per note, written in the same transaction as the
 * note itself, see write.ts): the result-row fields and, per field of FIELDS, its distinct terms (`termsOf` of
 * tokenize.ts: CJK terms as integer codes, other words as a string). Tokenizing is done once, when the note is saved, so opening the index
 * is a matter of reading these rows.
 */
export interface SearchRow extends SearchHit {
  /** The library revision written with this row (the `rev` index: rows newer than a snapshot). */
  rev: number;
  /**
   * Per field (title, text, note: the user's note, quotes, highlights and comments, meta: site, source, names, section,
   * tags): CJK codes.
   */
  codes: Uint32Array[];
  /** Per field: distinct terms that have no code (Latin words, digits), space-joined. */
  words: string[];
}

/**
 * The text of a note that search covers per field: title, body, the user's own words (note, quotes, and each
 * highlight's quoted text and comment: an orphaned highlight's quote may be in the body no more), and the metadata.
 */
export function searchFields(n: Note): [string, string, string, string] {
  const a = n.article;
  const annotations = (n.annotations ?? []).flatMap((x) => [x.target.selector[0].exact, x.bodyValue]);
  return [
    a.title,
    a.textContent,
    [n.note, ...n.quotes.map((q) => q.text), ...annotations].join('\n'),
    [n.site, a.siteName, a.source, ...a.authors, ...a.editors, ...a.section, ...n.tags, a.published]
      .filter(Boolean)
      .join(' '),
  ];
}

/**
 * The search row of a note (tokenizes every field: about 1 ms for a 3,000-character article).
 * @param rev the library revision the row is written at
 */
export function searchRow(n: Note, rev: number): SearchRow {
  const terms = searchFields(n).map(termsOf);
  return {
    id: n.id,
    rev,
    title: n.article.title,
    site: n.site,
    published: n.article.published,
    createdAt: n.createdAt,
    tags: n.tags,
    userNote: n.note,
    codes: terms.map((t) => t.codes),
    words: terms.map((t) => t.words),
  };
}
