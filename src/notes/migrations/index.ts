import type { IDBPDatabase, IDBPTransaction } from 'idb';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-search-rows';
import * as m0003 from './0003-assets';

/** One schema revision: `upgrade` runs inside the versionchange transaction when the stored version is older. */
export interface Migration {
  revision: number;
  upgrade(db: IDBPDatabase<unknown>, tx: IDBPTransaction<unknown, string[], 'versionchange'>): void;
}

/** Every revision, oldest first. A new revision is a new file here; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003];

/** The schema version the code expects (the newest revision). */
export const LATEST_REVISION = MIGRATIONS[MIGRATIONS.length - 1].revision;

/** Run the migrations newer than `oldVersion`, in order (web-archives' storage pattern: one file per revision). */
export function migrate(
  db: IDBPDatabase<unknown>,
  oldVersion: number,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  for (const m of migrations) if (m.revision > oldVersion) m.upgrade(db, tx);
}
