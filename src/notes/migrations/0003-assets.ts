import type { IDBPDatabase, IDBPTransaction } from 'idb';

/**
 * Revision 3: the `assets` store, the images archived with each note (Asset in shared/notes-types.ts), key
 * [noteId, url], with an index on `noteId` (a note's images: show, export, delete with the note). Notes, search rows
 * and the snapshot are untouched; highlights live on the note record itself (`Note.annotations`, optional), so a
 * library written by revision 2 reads unchanged (test/unit/notes-migration.test.ts).
 */
export const revision = 3;

export function upgrade(db: IDBPDatabase<unknown>, _tx: IDBPTransaction<unknown, string[], 'versionchange'>): void {
  db.createObjectStore('assets', { keyPath: ['noteId', 'url'] }).createIndex('noteId', 'noteId');
}
