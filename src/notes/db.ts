import { openDB, type IDBPDatabase } from 'idb';
import { LATEST_REVISION, migrate } from './migrations/index';
import type { Note } from '../shared/notes-types';

export const DB_NAME = 'qingdu-notes';
/** `meta` key of the library revision: a counter bumped in the same transaction as every write. */
export const REVISION_KEY = 'revision';
/** `meta` key of the search-index snapshot (an IndexSnapshot, see search-cache.ts). */
export const SNAPSHOT_KEY = 'searchSnapshot';

export type NotesDb = IDBPDatabase<unknown>;

/**
 * Open the library, running schema migrations from whatever version is stored. Waits until the schema is at the latest
 * revision before any read. Uses the global `indexedDB` (fake-indexeddb in unit tests).
 * @param onClose called when the connection is closed under us (a newer schema elsewhere, or by the browser):
 *   open again before the next use
 * @throws DOMException when IndexedDB is unavailable (some private modes) or the stored version is newer than the code
 */
export async function openNotesDb(name = DB_NAME, onClose?: () => void): Promise<NotesDb> {
  // (a holder, not a const: `blocking` may fire before openDB resolves, when there is no connection to close yet)
  const opened: { db?: NotesDb } = {};
  const db = await openDB(name, LATEST_REVISION, {
    upgrade: (d, oldVersion, _newVersion, tx) => migrate(d, oldVersion, tx as never),
    // Another context (an updated extension) asks for a newer schema: close ours so its upgrade is not blocked.
    blocking: () => {
      opened.db?.close();
      onClose?.();
    },
    // The browser closed the connection (storage cleared, profile problem).
    terminated: () => onClose?.(),
  });
  opened.db = db;
  return db;
}

/** The current library revision (0 for an empty, never-written library). */
export async function getRevision(db: NotesDb): Promise<number> {
  return ((await db.get('meta', REVISION_KEY)) as number | undefined) ?? 0;
}

/** One note by id, or undefined. */
export function getNote(db: NotesDb, id: string): Promise<Note | undefined> {
  return db.get('notes', id) as Promise<Note | undefined>;
}

/** Every note, newest first (export, tests). */
export async function allNotes(db: NotesDb): Promise<Note[]> {
  const notes = (await db.getAllFromIndex('notes', 'createdAt')) as Note[];
  return notes.reverse();
}

/**
 * Every note, newest first as allNotes gives them, in batches of `size` (each read in its own transaction): what the
 * JSON export reads, so a large library is never in memory at once. The order is fixed when the call starts.
 */
export async function* noteBatches(db: NotesDb, size = 500): AsyncGenerator<Note[]> {
  const ids = ((await db.getAllKeysFromIndex('notes', 'createdAt')) as string[]).reverse();
  for (let i = 0; i < ids.length; i += size) {
    const tx = db.transaction('notes');
    const batch = await Promise.all(ids.slice(i, i + size).map((id) => tx.store.get(id) as Promise<Note | undefined>));
    yield batch.filter((n): n is Note => n !== undefined);
  }
}

/** Number of notes in the library. */
export function countNotes(db: NotesDb): Promise<number> {
  return db.count('notes');
}
