import { getRevision, INDEX_KEY, type NotesDb } from './db';
import { NotesIndex } from './search';
import type { Note } from '../shared/notes-types';

/**
 * The search index of the notes page. Building it means tokenizing every note (tens of seconds at 10,000 notes), so a
 * snapshot `{revision, json}` is kept in `meta` and reused while the library revision is unchanged. The snapshot is a
 * cache, not user data: it is the one thing the page writes itself, and a stale or corrupt one is simply rebuilt.
 */
interface Snapshot {
  revision: number;
  json: string;
}

/** Read every note in batches (keeps each transaction short). */
async function* allInBatches(db: NotesDb, size = 100): AsyncGenerator<Note[]> {
  let after: IDBValidKey | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const batch = (await db.getAll('notes', range, size)) as Note[];
    if (!batch.length) return;
    yield batch;
    after = batch[batch.length - 1].id;
  }
}

/**
 * Load the index from its snapshot when it matches the library revision, else build it from the notes (yielding to the
 * page between batches) and store a new snapshot.
 * @returns the index and the revision it reflects
 */
export async function loadIndex(
  db: NotesDb,
  onProgress?: (done: number) => void,
): Promise<{ index: NotesIndex; revision: number; fromSnapshot: boolean }> {
  const revision = await getRevision(db);
  const snap = (await db.get('meta', INDEX_KEY)) as Snapshot | undefined;
  if (snap && snap.revision === revision) {
    try {
      return { index: NotesIndex.fromJSON(snap.json), revision, fromSnapshot: true };
    } catch (e) {
      console.warn('[qingdu] search snapshot unreadable, rebuilding', e);
    }
  }
  const index = new NotesIndex();
  let done = 0;
  for await (const batch of allInBatches(db)) {
    index.addAll(batch);
    done += batch.length;
    onProgress?.(done);
    await new Promise((r) => setTimeout(r, 0));
  }
  await saveSnapshot(db, index, revision);
  return { index, revision, fromSnapshot: false };
}

/** Store the index as the snapshot of `revision` (the revision read before the notes it reflects were read). */
export async function saveSnapshot(db: NotesDb, index: NotesIndex, revision: number): Promise<void> {
  try {
    await db.put('meta', { revision, json: index.toJSON() } satisfies Snapshot, INDEX_KEY);
  } catch (e) {
    // Quota: the snapshot is only a cache, the index is rebuilt next time.
    console.warn('[qingdu] search snapshot not stored', e);
  }
}
