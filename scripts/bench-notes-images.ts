// Archived images for `npm run bench:notes` (README "Archived images"): a few images per note at realistic news-photo
// sizes, written straight into the library's `assets` store (the records the background's archive writes,
// src/notes/assets-write.ts), so open time and search can be measured with the blobs stored.
import type { Page } from 'puppeteer-core';

/**
 * Images per note: NOTES_BENCH_IMAGES, else 3 up to 10,000 notes and 0 above (3 a note at 50,000 notes would be
 * 17 GB of disk); 0 skips this step.
 */
export function imagesPerNote(notes: number): number {
  return Number(process.env.NOTES_BENCH_IMAGES ?? (notes <= 10_000 ? 3 : 0));
}
/** Image sizes in bytes: spread evenly from 30 KB to 200 KB (JPEG news photos after the portals' compression). */
export const IMAGE_MIN = 30 * 1024;
export const IMAGE_MAX = 200 * 1024;

/** What addImages wrote and what the browser then reports for the extension's storage. */
export interface ImagesAdded {
  images: number;
  bytes: number;
  ms: number;
  usageBytes: number | null;
}

/**
 * Give every note of the library `perNote` images (JPEG signature, then random bytes, so no layer can compress them),
 * 200 notes per transaction, and count their bytes in `meta.assetBytes` as the archive does. Runs in `page` (an
 * extension page: same IndexedDB as the background).
 */
export async function addImages(page: Page, perNote: number): Promise<ImagesAdded> {
  // tsx compiles with keepNames: functions passed to evaluate call its __name helper, which the page lacks.
  await page.evaluate('window.__name = (f) => f');
  return page.evaluate(
    async (perNote: number, min: number, max: number) => {
      const t0 = performance.now();
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('qingdu-notes');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const done = (tx: IDBTransaction) =>
        new Promise<void>((ok, fail) => {
          tx.oncomplete = () => ok();
          tx.onerror = tx.onabort = () => fail(tx.error);
        });
      const ids = await new Promise<string[]>((ok) => {
        const r = db.transaction('notes').objectStore('notes').getAllKeys();
        r.onsuccess = () => ok(r.result as string[]);
      });
      // One random pool, sliced at different offsets: every image's bytes differ from its neighbours'.
      const pool = new Uint8Array(max + 64 * 1024);
      for (let i = 0; i < pool.length; i += 65_536) crypto.getRandomValues(pool.subarray(i, i + 65_536));
      let images = 0;
      let bytes = 0;
      for (let i = 0; i < ids.length; i += 200) {
        const tx = db.transaction(['assets', 'meta'], 'readwrite');
        for (const id of ids.slice(i, i + 200))
          for (let k = 0; k < perNote; k++) {
            const n = images++;
            const size = min + Math.round(((max - min) * ((n * 7919) % 1000)) / 999);
            const at = (n * 4099) % (64 * 1024);
            const data = pool.slice(at, at + size);
            data.set([0xff, 0xd8, 0xff, 0xe0]);
            bytes += size;
            tx.objectStore('assets').put({
              noteId: id,
              url: `https://img.bench.example/${id}/${k}.jpg`,
              type: 'image/jpeg',
              bytes: size,
              blob: new Blob([data], { type: 'image/jpeg' }),
              fetchedAt: new Date().toISOString(),
            });
          }
        tx.objectStore('meta').put(bytes, 'assetBytes');
        await done(tx);
      }
      db.close();
      const est = await navigator.storage.estimate().catch(() => ({ usage: undefined }));
      return { images, bytes, ms: performance.now() - t0, usageBytes: est.usage ?? null };
    },
    perNote,
    IMAGE_MIN,
    IMAGE_MAX,
  );
}
