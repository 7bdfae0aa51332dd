import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { NotesIndex } from '../search';
import { searchRow, type SearchRow } from '../search-row';
import type { Note } from '../../shared/notes-types';

/**
 * Revision 2: the `search` store, one search row per note (key `id`, search-row.ts), written in the same transaction
 * as its note from now on, with an index on `rev` (the library revision a row was written at: the rows newer than a
 * search snapshot). Rows for the notes already stored are made here, inside the upgrade transaction, so the library is
 * never seen with notes the index cannot know about: all rows or, if the upgrade is interrupted, the revision-1
 * library unchanged. The revision-1 snapshot (`meta.searchIndex`, MiniSearch JSON) is replaced by the new index's
 * under `meta.searchSnapshot`, built from the same rows. Notes themselves are untouched (test/unit/notes-migration.test.ts).
 */
export const revision = 2;

export function upgrade(db: IDBPDatabase<unknown>, tx: IDBPTransaction<unknown, string[], 'versionchange'>): void {
  db.createObjectStore('search', { keyPath: 'id' }).createIndex('rev', 'rev');
  void backfill(tx).catch((e) => {
    console.warn('[qingdu] search rows not built, upgrade aborted', e);
    // openDB rejects with the abort; the transaction's own promise would otherwise be an unhandled rejection.
    tx.done.catch(() => undefined);
    tx.abort();
  });
}

async function backfill(tx: IDBPTransaction<unknown, string[], 'versionchange'>): Promise<void> {
  const meta = tx.objectStore('meta');
  await meta.delete('searchIndex');
  const rev = ((await meta.get('revision')) as number | undefined) ?? 0;
  const search = tx.objectStore('search');
  const rows: SearchRow[] = [];
  let cursor = await tx.objectStore('notes').openCursor();
  while (cursor) {
    rows.push(searchRow(cursor.value as Note, rev));
    await search.put(rows[rows.length - 1]);
    cursor = await cursor.continue();
  }
  // The rows are in memory: store the index's snapshot too, so the first search after the upgrade need not read them.
  const index = new NotesIndex();
  index.addRows(rows);
  await meta.put(index.toSnapshot(rev), 'searchSnapshot');
}
