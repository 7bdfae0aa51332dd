import { allNotes, noteBatches, type NotesDb } from './db';
import { exportJsonBlob, markdownZipAsync } from './export';
import { parseNotesExport } from './import';
import { listNotes, matches, NO_FILTERS, notesByIds } from './library';
import { chunks, IMPORT_CHUNK } from './rows';
import type { SearchClient, WorkerReply } from './search-client';
import { sendNotes } from '../shared/notes-client';
import type { Note } from '../shared/notes-types';

/** The library's notes in id order, in batches (each in its own transaction). */
async function* notesById(db: NotesDb, size = 500): AsyncGenerator<Note[]> {
  const ids = (await db.getAllKeys('notes')) as string[];
  for (let i = 0; i < ids.length; i += size) {
    const tx = db.transaction('notes');
    yield (await Promise.all(ids.slice(i, i + size).map((id) => tx.store.get(id)))) as Note[];
  }
}

/**
 * Count and SHA-256 of the library's canonical export (the JSON export of its notes in id order, dated at the epoch):
 * equal before and after an export → import.
 */
async function libraryHash(db: NotesDb): Promise<{ count: number; sha256: string }> {
  const { blob, count } = await exportJsonBlob(notesById(db), new Date(0));
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return { count, sha256: Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('') };
}

/**
 * Export the whole library as JSON as the export button does, empty it, import the file as the import button does
 * (read, parse, parts, one commit), and return the count and hash before and after, with the times of each step.
 */
async function roundTrip(db: NotesDb) {
  const t0 = performance.now();
  const { blob: file } = await exportJsonBlob(noteBatches(db));
  const t1 = performance.now();
  const hashBefore = await libraryHash(db);
  await sendNotes('notesClear', undefined);
  const t2 = performance.now();
  // As the import button reads the chosen file (actions.ts importActions).
  const notes = parseNotesExport(await file.text());
  const importId = `bench-${Date.now()}`;
  for (const part of chunks(notes, IMPORT_CHUNK)) await sendNotes('notesImportChunk', { importId, notes: part });
  const result = await sendNotes('notesImportCommit', { importId, replace: false });
  const t3 = performance.now();
  const hashAfter = await libraryHash(db);
  return {
    before: hashBefore,
    after: hashAfter,
    result,
    exportMs: t1 - t0,
    importMs: t3 - t2,
    bytes: file.size,
  };
}

/**
 * Measurements and entry points for the benchmark (scripts/bench-notes.ts) on `window.qingduNotesBench`, set when the
 * search index is ready; nothing in the extension reads them. The search measured is what the page does: the worker's
 * query and the filters (the rows can render then), and separately the body snippets, which read the shown notes.
 * @param page notes per screen (the page's PAGE)
 */
export function installBenchHooks(
  db: NotesDb,
  client: SearchClient,
  ready: Extract<WorkerReply, { type: 'ready' }>,
  page: number,
): void {
  Object.assign(window, {
    qingduNotesBench: {
      indexMs: ready.ms,
      indexReadyAt: performance.now(),
      fromSnapshot: ready.fromSnapshot,
      from: ready.from,
      size: ready.size,
      search: async (q: string) => {
        const t0 = performance.now();
        // As the list asks (use-library.ts loadScreen): one screen; `hits` is the total, asked for separately below.
        const { hits: shown } = await client.search(q, NO_FILTERS, page);
        const rows = shown.filter((h) => matches(h, NO_FILTERS)).slice(0, page);
        const t1 = performance.now();
        await notesByIds(
          db,
          rows.map((r) => r.id),
          NO_FILTERS,
        );
        const snippetsMs = performance.now() - t0;
        const { hits } = await client.search(q);
        return { ms: t1 - t0, snippetsMs, hits: hits.length, shown: rows.length };
      },
      exportJson: async () => {
        const t0 = performance.now();
        // As the export button does (actions.ts exportActions); the size is the file's, in UTF-8 bytes.
        const { blob } = await exportJsonBlob(noteBatches(db));
        return { ms: performance.now() - t0, bytes: blob.size };
      },
      roundTrip: () => roundTrip(db),
      // Scrolling the list: each 更多 reads the next screen after the last row shown (use-library.ts loadMore).
      scroll: async (screens: number) => {
        const ms: number[] = [];
        let last: Note | undefined;
        for (let k = 1; k <= screens; k++) {
          const t0 = performance.now();
          last = (await listNotes(db, NO_FILTERS, page, last)).at(-1) ?? last;
          ms.push(performance.now() - t0);
        }
        return ms;
      },
      exportMarkdownZip: async () => {
        const t0 = performance.now();
        const zip = await markdownZipAsync(await allNotes(db));
        return { ms: performance.now() - t0, bytes: zip.length };
      },
    },
  });
}
