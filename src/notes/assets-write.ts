import type { IDBPTransaction } from 'idb';
import type { NotesDb } from './db';
import { articleImageUrls, referencedHosts } from './image-urls';
import { fetchImage, type FetchedImage } from './image-fetch';
import { MB, type ArchiveCaps, type ImageArchiveReport } from '../shared/image-archive';
import type { Asset, Note } from '../shared/notes-types';

/**
 * Writing the images archived with notes (store `assets`, migrations/0003-assets.ts; reads: assets.ts). A save
 * writes the note's text first, in its own transaction (write.ts, unchanged); the images come after the network, in a
 * second transaction of their own: all of a note's new images or none, so a refused write (quota) leaves the note and
 * the library as they were. The library's archived bytes are counted in `meta` (ASSET_BYTES_KEY) in the same
 * transactions, so the total cap needs no scan of the blobs.
 *
 * Runs are serialized (one archive at a time in this context, `queue`), and the writing transaction counts from what
 * is stored when it runs (an image stored meanwhile, by another context, is neither written twice nor counted twice;
 * the caps are checked again there), so two saves at once neither double-count the bytes nor overshoot the caps.
 */

/** `meta` key of the bytes of all stored assets. */
export const ASSET_BYTES_KEY = 'assetBytes';
/** How many images are fetched at once. */
const PARALLEL = 4;
/** Room left under the browser's quota before archiving stops (bytes): the text of later saves must still fit. */
const QUOTA_MARGIN = 50 * MB;

type AnyTx = IDBPTransaction<unknown, string[], 'readwrite'>;

/** What archiving needs from outside: caps, the host check, the fetcher and the storage estimate (tests fake them). */
export interface ArchiveEnv {
  caps: ArchiveCaps;
  /** May the extension fetch this URL with its own rights (a host permission it holds)? */
  mayFetch(url: string): Promise<boolean>;
  /** Fetch one image; `allowedFinal` says whether a redirect's final URL may be kept (image-fetch.ts fetchImage). */
  fetchImage?: (url: string, allowedFinal: (url: string) => Promise<boolean>) => Promise<FetchedImage>;
  /** navigator.storage.estimate where there is one. */
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  now?: Date;
}

/** The library's archived bytes (0 before anything was archived). */
export async function assetBytes(db: NotesDb): Promise<number> {
  return ((await db.get('meta', ASSET_BYTES_KEY)) as number | undefined) ?? 0;
}

/** Bytes the library may still take: the total cap and the browser's quota (with a margin), whichever is smaller. */
async function libraryRoom(db: NotesDb, env: ArchiveEnv): Promise<number> {
  const room = env.caps.totalMB * MB - (await assetBytes(db));
  const est = await env.estimate?.().catch(() => undefined);
  const free = est?.quota !== undefined ? est.quota - (est.usage ?? 0) - QUOTA_MARGIN : Infinity;
  return Math.max(0, Math.min(room, free));
}

interface Plan {
  report: ImageArchiveReport;
  assets: Asset[];
}

/**
 * Fetch the missing images in reading order, PARALLEL at a time, keeping each that fits the room left. A fetch
 * redirected to a host outside `hosts` (the article's, referencedHosts) or one the extension holds no permission for
 * is refused (counted failed).
 */
async function fetchMissing(
  missing: string[],
  room: number,
  hosts: Set<string>,
  env: ArchiveEnv,
  plan: Plan,
): Promise<void> {
  const get = env.fetchImage ?? ((u, allowedFinal) => fetchImage(u, { allowedFinal }));
  const allowedFinal = async (u: string) => hosts.has(new URL(u).hostname) && (await env.mayFetch(u));
  const fetchedAt = (env.now ?? new Date()).toISOString();
  let next = 0;
  const worker = async () => {
    while (next < missing.length) {
      const url = missing[next++];
      if (room <= 0) {
        plan.report.overCap++;
        continue;
      }
      if (!(await env.mayFetch(url))) {
        plan.report.noAccess++;
        continue;
      }
      const r = await get(url, allowedFinal);
      if (!r.ok) plan.report.failed++;
      else if (r.blob.size > room) plan.report.overCap++;
      else {
        room -= r.blob.size;
        plan.assets.push({ noteId: '', url, type: r.type, bytes: r.blob.size, blob: r.blob, fetchedAt });
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

/** The archive run going on (or settled): the next run starts after it. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Archive the images of a just-saved note: fetch the ones not archived yet (re-saving fetches only new ones), keep
 * what the per-note cap, the total cap and the browser's quota allow, and write them in one transaction. Runs one
 * after another (a second save of the same note waits, then finds its images stored and fetches nothing).
 * Never throws: a refused write is reported (`quota`), the note's text stays saved.
 */
export function archiveNoteImages(db: NotesDb, note: Note, env: ArchiveEnv): Promise<ImageArchiveReport> {
  const run = queue.then(() => archiveOnce(db, note, env));
  queue = run.catch(() => undefined);
  return run;
}

async function archiveOnce(db: NotesDb, note: Note, env: ArchiveEnv): Promise<ImageArchiveReport> {
  const { urls, skipped } = articleImageUrls(note.article);
  const have = new Map(
    (await db.getAllFromIndex('assets', 'noteId', note.id)).map((a) => [(a as Asset).url, a as Asset]),
  );
  const report: ImageArchiveReport = {
    total: urls.length + skipped,
    kept: 0,
    overCap: 0,
    failed: 0,
    noAccess: skipped,
    quota: false,
  };
  const kept = urls.filter((u) => have.has(u));
  report.kept = kept.length;
  const used = kept.reduce((n, u) => n + have.get(u)!.bytes, 0);
  const room = Math.min(env.caps.perNoteMB * MB - used, await libraryRoom(db, env));
  const plan: Plan = { report, assets: [] };
  await fetchMissing(
    urls.filter((u) => !have.has(u)),
    room,
    referencedHosts(note.article),
    env,
    plan,
  );
  if (plan.assets.length === 0) return report;
  try {
    const w = await writeAssets(db, note.id, plan.assets, env.caps);
    report.kept += w.kept;
    report.overCap += w.overCap;
  } catch (e) {
    const quota = (e as { name?: string })?.name === 'QuotaExceededError' || /quota/i.test(String(e));
    if (quota) report.quota = true;
    else report.failed += plan.assets.length;
    if (quota) report.overCap += plan.assets.length;
  }
  return report;
}

/**
 * Store a note's new images at once and add their bytes to the library's count: one transaction, so either all of
 * them or none. Counts from what is stored when the transaction runs: an image already stored (by a run in another
 * context) is kept as it is and not counted again; one that no longer fits the per-note or total cap is left out.
 * Refused (aborted) when the note is gone meanwhile (deleted while its images were fetched).
 * @returns kept: images now stored (written or found), overCap: left out by the caps
 * @throws the DOMException the browser raised (QuotaExceededError when storage is full)
 */
async function writeAssets(
  db: NotesDb,
  noteId: string,
  assets: Asset[],
  caps: ArchiveCaps,
): Promise<{ kept: number; overCap: number }> {
  const tx = db.transaction(['notes', 'assets', 'meta'], 'readwrite');
  try {
    if ((await tx.objectStore('notes').getKey(noteId)) === undefined) throw new Error(`note ${noteId} was deleted`);
    const store = tx.objectStore('assets');
    const meta = tx.objectStore('meta');
    let total = ((await meta.get(ASSET_BYTES_KEY)) as number | undefined) ?? 0;
    let noteBytes = ((await store.index('noteId').getAll(noteId)) as Asset[]).reduce((n, a) => n + a.bytes, 0);
    const out = { kept: 0, overCap: 0 };
    for (const a of assets) {
      if ((await store.getKey([noteId, a.url])) !== undefined) out.kept++;
      else if (total + a.bytes > caps.totalMB * MB || noteBytes + a.bytes > caps.perNoteMB * MB) out.overCap++;
      else {
        await store.put({ ...a, noteId });
        total += a.bytes;
        noteBytes += a.bytes;
        out.kept++;
      }
    }
    await meta.put(total, ASSET_BYTES_KEY);
    await tx.done;
    return out;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      /* already aborted or finished */
    }
    await tx.done.catch(() => undefined);
    throw (e as { name?: string })?.name === 'AbortError' && tx.error ? tx.error : e;
  }
}

/**
 * The images of notes deleted in this context, kept for undo (restoreNote puts them back). Only the last few: undo is
 * offered for the last delete, and blobs are large.
 */
const deleted = new Map<string, Asset[]>();
const KEEP_DELETED = 5;

/** Delete a note's images inside the note's delete transaction (write.ts deleteNote), keeping them for undo. */
export async function dropAssets(tx: AnyTx, noteId: string): Promise<void> {
  const store = tx.objectStore('assets');
  const assets = (await store.index('noteId').getAll(noteId)) as Asset[];
  if (assets.length === 0) return;
  for (const a of assets) await store.delete([a.noteId, a.url]);
  await addBytes(tx, -assets.reduce((n, a) => n + a.bytes, 0));
  deleted.set(noteId, assets);
  while (deleted.size > KEEP_DELETED) deleted.delete(deleted.keys().next().value!);
}

/** Put back the images dropAssets kept for this note (undo of a delete), inside the note's restore transaction. */
export async function restoreAssets(tx: AnyTx, noteId: string): Promise<void> {
  const assets = deleted.get(noteId);
  if (!assets) return;
  for (const a of assets) await tx.objectStore('assets').put(a);
  await addBytes(
    tx,
    assets.reduce((n, a) => n + a.bytes, 0),
  );
  deleted.delete(noteId);
}

/** Remove every image (clearing the library), inside its transaction. */
export async function clearAssets(tx: AnyTx): Promise<void> {
  await tx.objectStore('assets').clear();
  await tx.objectStore('meta').put(0, ASSET_BYTES_KEY);
  deleted.clear();
}

async function addBytes(tx: AnyTx, delta: number): Promise<void> {
  const meta = tx.objectStore('meta');
  const before = ((await meta.get(ASSET_BYTES_KEY)) as number | undefined) ?? 0;
  await meta.put(Math.max(0, before + delta), ASSET_BYTES_KEY);
}
