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

const newestFirst = (a: Note, b: Note) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

/**
 * Notes passing the filters, newest first, at most `limit`. Uses the narrowest index: tag, then site, else a reverse
 * cursor over createdAt within the date range (so the first screen of a large library reads only `limit` records).
 */
export async function listNotes(db: NotesDb, f: Filters, limit = Infinity): Promise<Note[]> {
  if (f.tag || f.site) {
    const all = (
      f.tag ? await db.getAllFromIndex('notes', 'tags', f.tag) : await db.getAllFromIndex('notes', 'site', f.site)
    ) as Note[];
    return all
      .filter((n) => matches(n, f))
      .sort(newestFirst)
      .slice(0, limit);
  }
  const lower = f.from ? f.from : undefined;
  // createdAt strings are ISO; '~' sorts after every digit, so `to` + '~' includes the whole day.
  const upper = f.to ? `${f.to}~` : undefined;
  const range =
    lower && upper
      ? IDBKeyRange.bound(lower, upper)
      : lower
        ? IDBKeyRange.lowerBound(lower)
        : upper
          ? IDBKeyRange.upperBound(upper)
          : undefined;
  const out: Note[] = [];
  let cursor = await db.transaction('notes').store.index('createdAt').openCursor(range, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value as Note);
    cursor = await cursor.continue();
  }
  return out;
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
