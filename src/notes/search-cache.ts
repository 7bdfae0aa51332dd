import { getRevision, SNAPSHOT_KEY, type NotesDb } from './db';
import { NotesIndex, type IndexSnapshot } from './search';
import type { SearchRow } from './search-row';

/**
 * Loading the search index of the notes page. Every note has a search row, tokenized when it was saved (write.ts), so
 * building the index is reading rows, not tokenizing notes. A snapshot of the built index is kept in `meta` (typed
 * arrays, restored by a copy); when the library changed since, only the rows written after the snapshot's revision
 * (the `rev` index) are added and the rows gone since are removed. The snapshot is a cache, not user data: it is the one
 * thing the page writes itself, and a corrupt one is simply rebuilt from the rows.
 */

/** Rows per read while building from scratch (each batch is one merge of the postings). */
const BATCH = 2000;

/** Read rows in key order, in batches (keeps each transaction short); `range` limits them (on the `rev` index). */
async function* rowsInBatches(db: NotesDb, size = BATCH): AsyncGenerator<SearchRow[]> {
  let after: IDBValidKey | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const batch = (await db.getAll('search', range, size)) as SearchRow[];
    if (!batch.length) return;
    yield batch;
    after = batch[batch.length - 1].id;
  }
}

/** How the index was loaded: from an up-to-date snapshot, a snapshot and the rows since, or all rows. */
export type LoadedFrom = 'snapshot' | 'snapshot+rows' | 'rows';

/**
 * The index at the current library revision: the snapshot when it matches, the snapshot brought up to date, else built
 * from every row (reporting progress between batches). A new snapshot is stored unless the old one was current.
 * The revision is read before the rows: a write in between is in the rows too and is applied again, harmlessly (adding
 * a row replaces the note), when the next load brings this snapshot up to date.
 */
export async function loadIndex(
  db: NotesDb,
  onProgress?: (done: number) => void,
): Promise<{ index: NotesIndex; revision: number; from: LoadedFrom }> {
  const revision = await getRevision(db);
  const snap = (await db.get('meta', SNAPSHOT_KEY)) as IndexSnapshot | undefined;
  const restored = snap ? restore(snap) : undefined;
  if (restored && snap!.revision === revision) return { index: restored, revision, from: 'snapshot' };
  if (restored) {
    await catchUp(db, restored, snap!.revision);
    await saveSnapshot(db, restored, revision);
    return { index: restored, revision, from: 'snapshot+rows' };
  }
  const index = new NotesIndex();
  const adder = batchAdder(index);
  let done = 0;
  for await (const batch of rowsInBatches(db)) {
    adder.add(batch);
    onProgress?.((done += batch.length));
  }
  adder.flush();
  await saveSnapshot(db, index, revision);
  return { index, revision, from: 'rows' };
}

function restore(snap: IndexSnapshot): NotesIndex | undefined {
  try {
    return NotesIndex.fromSnapshot(snap);
  } catch (e) {
    console.warn('[qingdu] search snapshot unreadable, rebuilding', e);
    return undefined;
  }
}

/**
 * Adds rows to an index in merges that wait until the rows pending are as many as the index holds: each merge copies
 * the postings so far, and doubling keeps the copies to about one more pass (merging every 2,000 rows took 38 s at
 * 50,000 notes in Node).
 */
function batchAdder(index: NotesIndex) {
  let pending: SearchRow[] = [];
  const flush = () => {
    index.addRows(pending);
    pending = [];
  };
  return {
    add(rows: SearchRow[]) {
      pending.push(...rows);
      if (pending.length >= Math.max(BATCH, index.size)) flush();
    },
    flush,
  };
}

/** Add (or replace) the notes of these ids from their search rows, read in batches; ids without a row are removed. */
export async function addById(db: NotesDb, index: NotesIndex, ids: readonly string[]): Promise<void> {
  const adder = batchAdder(index);
  for (let i = 0; i < ids.length; i += BATCH) {
    const part = ids.slice(i, i + BATCH);
    const rows = await rowsById(db, part);
    const found = new Set(rows.map((r) => r.id));
    for (const id of part) if (!found.has(id)) index.remove(id);
    adder.add(rows);
  }
  adder.flush();
}

/** Bring an index restored at `since` up to date: drop notes whose row is gone, add rows written after `since`. */
async function catchUp(db: NotesDb, index: NotesIndex, since: number): Promise<void> {
  const live = new Set((await db.getAllKeys('search')) as string[]);
  for (const id of index.ids()) if (!live.has(id)) index.remove(id);
  const ids = (await db.getAllKeysFromIndex('search', 'rev', IDBKeyRange.lowerBound(since, true))) as string[];
  await addById(db, index, ids);
}

/** Search rows by note id (missing ones are left out): what the worker adds after a library change. */
export async function rowsById(db: NotesDb, ids: readonly string[]): Promise<SearchRow[]> {
  const tx = db.transaction('search');
  const rows = await Promise.all(ids.map((id) => tx.store.get(id) as Promise<SearchRow | undefined>));
  return rows.filter((r): r is SearchRow => r !== undefined);
}

/**
 * After an import (write.ts importNotes) from the background: extend the snapshot with the imported rows, still in
 * memory, so the first open of the notes page after the import restores a snapshot instead of reading every row.
 * Done when the snapshot is of the revision just before the import, or when the library was empty; otherwise the
 * notes page brings the snapshot up to date as usual.
 * @returns whether a snapshot was stored
 */
export async function snapshotAfterImport(
  db: NotesDb,
  imported: { rows: SearchRow[]; revision: number; wasEmpty: boolean },
): Promise<boolean> {
  const snap = (await db.get('meta', SNAPSHOT_KEY)) as IndexSnapshot | undefined;
  const base = imported.wasEmpty
    ? new NotesIndex()
    : snap?.revision === imported.revision - 1
      ? restore(snap)
      : undefined;
  if (!base) return false;
  base.addRows(imported.rows);
  await saveSnapshot(db, base, imported.revision);
  return true;
}

/** Store the index as the snapshot of `revision` (the revision read before the rows it reflects were read). */
export async function saveSnapshot(db: NotesDb, index: NotesIndex, revision: number): Promise<void> {
  try {
    await db.put('meta', index.toSnapshot(revision), SNAPSHOT_KEY);
  } catch (e) {
    // Quota: the snapshot is only a cache, the index is rebuilt from the rows next time.
    console.warn('[qingdu] search snapshot not stored', e);
  }
}
