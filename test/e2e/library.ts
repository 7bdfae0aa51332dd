/**
 * Every note in the library, as stored (IndexedDB `qingdu-notes`, store `notes`), read where the library lives: pass
 * it to `page.evaluate` in an extension page or to `driver.background`. Self-contained (it is serialized into the
 * page), so it takes no arguments and uses nothing from this module.
 */
export const readStoredNotes = <T = unknown>(): Promise<T[]> =>
  new Promise<T[]>((ok, fail) => {
    const req = indexedDB.open('qingdu-notes');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const get = req.result.transaction('notes').objectStore('notes').getAll();
      get.onsuccess = () => {
        req.result.close();
        ok(get.result as T[]);
      };
      get.onerror = () => fail(get.error);
    };
  });
