import { allNotes, type NotesDb } from './db';
import { exportJson, markdownZipAsync } from './export';
import { matches, NO_FILTERS, notesByIds } from './library';
import type { SearchClient, WorkerReply } from './search-client';

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
      size: ready.size,
      search: async (q: string) => {
        const t0 = performance.now();
        const { hits } = await client.search(q);
        const rows = hits.filter((h) => matches(h, NO_FILTERS)).slice(0, page);
        const t1 = performance.now();
        await notesByIds(
          db,
          rows.map((r) => r.id),
          NO_FILTERS,
        );
        return { ms: t1 - t0, snippetsMs: performance.now() - t0, hits: hits.length, shown: rows.length };
      },
      exportJson: async () => {
        const t0 = performance.now();
        const text = exportJson(await allNotes(db));
        return { ms: performance.now() - t0, bytes: text.length };
      },
      exportMarkdownZip: async () => {
        const t0 = performance.now();
        const zip = await markdownZipAsync(await allNotes(db));
        return { ms: performance.now() - t0, bytes: zip.length };
      },
    },
  });
}
