import type { NotesDb } from './db';
import type { Asset } from '../shared/notes-types';

/**
 * Reading the images archived with notes (store `assets`, migrations/0003-assets.ts). Writes go with the save path
 * (they need the network first, so they are a transaction of their own after the note's).
 */

/** The images archived with one note, in no particular order (empty when none were archived). */
export async function assetsOf(db: NotesDb, noteId: string): Promise<Asset[]> {
  return (await db.getAllFromIndex('assets', 'noteId', noteId)) as Asset[];
}

/** One archived image by note and URL, or undefined. */
export async function getAsset(db: NotesDb, noteId: string, url: string): Promise<Asset | undefined> {
  return (await db.get('assets', [noteId, url])) as Asset | undefined;
}
