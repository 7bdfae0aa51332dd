import { openDB, type IDBPDatabase } from 'idb';
import { LATEST_REVISION, migrate } from './migrations/index';
import type { Note } from './types';

export const DB_NAME = 'qingdu-notes';
/** `meta` key of the library revision: a counter bumped in the same transaction as every write. */
export const REVISION_KEY = 'revision';
/** `meta` key of the search-index snapshot `{revision, json}` (see search-cache.ts). */
export const INDEX_KEY = 'searchIndex';

export type NotesDb = IDBPDatabase<unknown>;

/**
 * Open the library, running schema migrations from whatever version is stored. Waits until the schema is at the latest
 * revision before any read. Uses the global `indexedDB` (fake-indexeddb in unit tests).
 * @throws DOMException when IndexedDB is unavailable (some private modes) or the stored version is newer than the code
 */
export function openNotesDb(name = DB_NAME): Promise<NotesDb> {
  return openDB(name, LATEST_REVISION, {
    upgrade: (db, oldVersion, _newVersion, tx) => migrate(db, oldVersion, tx as never),
    // Another context holds an older version open: close ours so its upgrade can proceed next time.
    blocking: () => undefined,
  });
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

/** Number of notes in the library. */
export function countNotes(db: NotesDb): Promise<number> {
  return db.count('notes');
}
