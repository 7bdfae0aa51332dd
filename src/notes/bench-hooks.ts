import { allNotes, type NotesDb } from './db';
import { exportJson, markdownZipAsync } from './export';
import { sha256Hex } from './hash';
import { parseNotesExport } from './import';
import { listNotes, matches, NO_FILTERS, notesByIds } from './library';
import { chunks, IMPORT_CHUNK } from './rows';
import type { SearchClient, WorkerReply } from './search-client';
import { sendNotes } from '../shared/notes-client';
import type { Note } from '../shared/notes-types';

/**
 * Count and SHA-256 of the library's canonical export (the JSON export of its notes in id order, dated at the epoch):
 * equal before and after an export → import.
 */
async function libraryHash(notes: Note[]): Promise<{ count: number; sha256: string }> {
  const sorted = [...notes].sort((a, b) => (a.id < b.id ? -1 : 1));
  return { count: notes.length, sha256: await sha256Hex(exportJson(sorted, new Date(0))) };
}

/**
 * Export the whole library as JSON, empty it, import the file as the import button does (parse, parts, one commit),
 * and return the count and hash before and after, with the times of each step.
 */
async function roundTrip(db: NotesDb) {
  const t0 = performance.now();
  const before = await allNotes(db);
  const file = new Blob([exportJson(before)], { type: 'application/json' });
  const t1 = performance.now();
  const hashBefore = await libraryHash(before);
  await sendNotes('notesClear', undefined);
  const t2 = performance.now();
  // As the import button reads the chosen file (actions.ts importActions).
  const notes = parseNotesExport(await file.text());
  const importId = `bench-${Date.now()}`;
  for (const part of chunks(notes, IMPORT_CHUNK)) await sendNotes('notesImportChunk', { importId, notes: part });
  const result = await sendNotes('notesImportCommit', { importId, replace: false });
  const t3 = performance.now();
  const hashAfter = await libraryHash(await allNotes(db));
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
        const text = exportJson(await allNotes(db));
        // What the download weighs: UTF-8 bytes (a Chinese character is 3).
        return { ms: performance.now() - t0, bytes: new Blob([text]).size };
      },
      roundTrip: () => roundTrip(db),
      // Scrolling the list: each 更多 reads the newest `limit` notes again with one more screen (App.tsx, library.ts).
      scroll: async (screens: number) => {
        const ms: number[] = [];
        for (let k = 1; k <= screens; k++) {
          const t0 = performance.now();
          await listNotes(db, NO_FILTERS, k * page);
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
