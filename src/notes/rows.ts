import type { Filters } from './library';
import { matches } from './library';
import type { SearchHit } from './search';
import type { Note } from '../shared/notes-types';

/** Notes per screen (更多 adds another): each shown note is a full record read from IndexedDB. */
export const PAGE = 40;
/** Notes sent to the background per import message (runtime messages have a size limit). */
export const IMPORT_CHUNK = 200;

/** A row of the list: a search hit, or the same fields of a note when browsing. */
export type Row = SearchHit;

/** The list row of a stored note (the fields a search hit carries). */
export const toRow = (n: Note): Row => ({
  id: n.id,
  title: n.article.title,
  site: n.site,
  published: n.article.published,
  createdAt: n.createdAt,
  tags: n.tags,
  userNote: n.note,
});

/** Is the list in search mode (a non-blank query) rather than browsing the library? */
export const isSearch = (query: string): boolean => query.trim() !== '';

/** The rows of a search: the ranked hits that pass the filters, in rank order, at most `limit`. */
export function searchRows(hits: readonly SearchHit[], filters: Filters, limit: number): Row[] {
  return hits.filter((h) => matches(h, filters)).slice(0, limit);
}

/**
 * The count line's number in search mode: the rows shown, with `+` when the screen is full (更多 may find more),
 * e.g. `40+`.
 */
export const foundCount = (shown: number, limit: number): string => `${shown}${shown >= limit ? '+' : ''}`;

/** `list` in runs of at most `size` items, in order (the import's messages to the background). */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
