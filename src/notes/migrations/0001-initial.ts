import type { IDBPDatabase, IDBPTransaction } from 'idb';

/**
 * Revision 1: the `notes` store (key `id`) with indexes for the list and filters, and `meta` (key-value: the library
 * revision counter and the search-index snapshot).
 * - canonicalUrl: unique, the de-duplication key.
 * - createdAt: the list is newest first; date range filter.
 * - site, tags (multiEntry): the site and tag filters and their facet lists.
 */
export const revision = 1;

export function upgrade(db: IDBPDatabase<unknown>, _tx: IDBPTransaction<unknown, string[], 'versionchange'>): void {
  const notes = db.createObjectStore('notes', { keyPath: 'id' });
  notes.createIndex('canonicalUrl', 'canonicalUrl', { unique: true });
  notes.createIndex('createdAt', 'createdAt');
  notes.createIndex('site', 'site');
  notes.createIndex('tags', 'tags', { multiEntry: true });
  db.createObjectStore('meta');
}
