import type { NotesDb } from './db';
import type { Note } from '../shared/notes-types';

/** The list filters of the notes page. Dates are `YYYY-MM-DD` (inclusive, UTC days of createdAt), empty for none. */
export interface Filters {
  site: string;
  tag: string;
  from: string;
  to: string;
}

export const NO_FILTERS: Filters = { site: '', tag: '', from: '', to: '' };

/** Does a note (or a search hit, which carries the same fields) pass the filters? */
export function matches(n: Pick<Note, 'site' | 'tags' | 'createdAt'>, f: Filters): boolean {
  if (f.site && n.site !== f.site) return false;
  if (f.tag && !n.tags.includes(f.tag)) return false;
  const day = n.createdAt.slice(0, 10);
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  return true;
}

/** Where a page of the list starts: after this row (the last one shown) in the list's order. */
export type After = Pick<Note, 'id' | 'createdAt'>;

/**
 * The createdAt key range of the date filters, or undefined for every note; with `after` (a row the filters select)
 * it ends at after.createdAt, inclusive.
 */
function createdRange(f: Filters, after?: After): IDBKeyRange | undefined {
  const lower = f.from ? f.from : undefined;
  // createdAt strings are ISO; '~' sorts after every digit, so `to` + '~' includes the whole day.
  const upper = after ? after.createdAt : f.to ? `${f.to}~` : undefined;
  if (lower && upper) return IDBKeyRange.bound(lower, upper);
  return lower ? IDBKeyRange.lowerBound(lower) : upper ? IDBKeyRange.upperBound(upper) : undefined;
}

/**
 * Notes passing the filters, newest first (notes saved in the same millisecond by id, descending: a reverse cursor's order), at most `limit`, starting after `after` when given
 * (更多 reads only the next page this way; `after` must be a row the filters select). Browsing reads records through a reverse cursor over createdAt (so a
 * screen of a large library reads only `limit` records); a tag or site filter reads that index's keys, orders them by
 * the createdAt index's keys and reads only the notes of the page. A `from` after `to` selects nothing.
 */
export async function listNotes(db: NotesDb, f: Filters, limit = Infinity, after?: After): Promise<Note[]> {
  // The date inputs let `from` be set after `to`: no day is in that range (an IDBKeyRange would throw a DataError).
  if (f.from && f.to && f.from > f.to) return [];
  if (f.tag || f.site) return filteredPage(db, f, limit, after);
  const out: Note[] = [];
  let cursor = await db.transaction('notes').store.index('createdAt').openCursor(createdRange(f, after), 'prev');
  // Notes saved in the same millisecond as `after` and above it in the list's order were shown already.
  if (cursor && after && cursor.key === after.createdAt && String(cursor.primaryKey) > after.id)
    cursor = await cursor.continuePrimaryKey(after.createdAt, after.id);
  if (cursor && after && cursor.primaryKey === after.id) cursor = await cursor.continue();
  while (cursor && out.length < limit) {
    out.push(cursor.value as Note);
    cursor = await cursor.continue();
  }
  return out;
}

/** A page of the notes with the filter's tag and/or site (listNotes): keys first, then only the page's records. */
async function filteredPage(db: NotesDb, f: Filters, limit: number, after?: After): Promise<Note[]> {
  const store = db.transaction('notes').store;
  const none = Promise.resolve(null);
  const [tagged, onSite, ordered, ties] = await Promise.all([
    f.tag ? store.index('tags').getAllKeys(f.tag) : none,
    f.site ? store.index('site').getAllKeys(f.site) : none,
    store.index('createdAt').getAllKeys(createdRange(f, after)),
    after ? store.index('createdAt').getAllKeys(after.createdAt) : none,
  ]);
  const siteIds = onSite && new Set(onSite.map(String));
  const wanted = new Set((tagged ?? onSite ?? []).map(String).filter((id) => !siteIds || siteIds.has(id)));
  // Notes saved in the same millisecond as `after` and not below it in the list's order were shown already.
  for (const id of (ties ?? []).map(String)) if (id >= after!.id) wanted.delete(id);
  const ids: string[] = [];
  for (let i = ordered.length - 1; i >= 0 && ids.length < limit; i--)
    if (wanted.has(String(ordered[i]))) ids.push(String(ordered[i]));
  return notesByIds(db, ids, f);
}

/** Notes by id in the given order (ids no longer in the library are left out), filtered. */
export async function notesByIds(db: NotesDb, ids: readonly string[], f: Filters, limit = Infinity): Promise<Note[]> {
  const tx = db.transaction('notes');
  const out: Note[] = [];
  for (let i = 0; i < ids.length && out.length < limit; i += 50) {
    const batch = await Promise.all(ids.slice(i, i + 50).map((id) => tx.store.get(id) as Promise<Note | undefined>));
    for (const n of batch) if (n && matches(n, f) && out.length < limit) out.push(n);
  }
  return out;
}

/** The distinct values of an index (sites, tags) for the filter menus, sorted. */
export async function facet(db: NotesDb, index: 'site' | 'tags'): Promise<string[]> {
  const out: string[] = [];
  let cursor = await db.transaction('notes').store.index(index).openKeyCursor(null, 'nextunique');
  while (cursor) {
    if (cursor.key !== '') out.push(String(cursor.key));
    cursor = await cursor.continue();
  }
  return out.sort((a, b) => a.localeCompare(b, 'zh'));
}

/** Canonical URLs already in the library (for the import preview). */
export async function storedUrls(db: NotesDb): Promise<Set<string>> {
  const out: string[] = [];
  let cursor = await db.transaction('notes').store.index('canonicalUrl').openKeyCursor();
  while (cursor) {
    out.push(String(cursor.key));
    cursor = await cursor.continue();
  }
  return new Set(out);
}
