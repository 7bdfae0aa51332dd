import { installBenchHooks } from './bench-hooks';
import { sendNotes } from '../shared/notes-client';
import { openNotesDb, type NotesDb } from './db';
import { download } from './download';
import type { Filters } from './library';
import { PAGE } from './rows';
import { SearchClient, type SearchAnswer, type WorkerReply } from './search-client';
import { NOTES_CHANNEL } from '../shared/notes-types';

/** A search-worker event the page follows: indexing progress, index ready, index updated after a library change. */
export type SearchEvent = Exclude<WorkerReply, { type: 'result' }>;

/** The page's handle on a running search index. */
export interface SearchIndex {
  /**
   * Ranked hits of a query; waits for the index while it is still being built. With `limit`: only the first `limit`
   * hits passing `filters` (a screen).
   */
  search(query: string, filters?: Filters, limit?: number): Promise<SearchAnswer>;
  close(): void;
}

/**
 * What the notes page needs from outside (IndexedDB, the background, the search worker, the broadcast of writes,
 * downloads), passed to its App so the page can be rendered and tested without an extension around it.
 */
export interface NotesServices {
  /** Open the library for reading (the page never writes to IndexedDB itself). */
  openDb(): Promise<NotesDb>;
  /** A write through the background, the only writer; rejects with the user-facing message when refused. */
  send: typeof sendNotes;
  /** Start the search index over the library; `onEvent` receives its progress, ready and updated events. */
  startSearch(db: NotesDb, onEvent: (e: SearchEvent) => void): SearchIndex;
  /** Call `onChange` after every write to the library from any context; returns the unsubscribe function. */
  watchLibrary(onChange: () => void): () => void;
  /** Offer bytes or text to the user as a downloaded file. */
  download(name: string, data: string | Uint8Array | Blob, type: string): void;
}

/** The services of the real notes page: IndexedDB, runtime messages, the search worker, a BroadcastChannel. */
export const browserNotesServices: NotesServices = {
  openDb: () => openNotesDb(),
  send: sendNotes,
  startSearch(db, onEvent) {
    // The worker (search-worker.ts) builds the index; the benchmark's hooks (bench-hooks.ts) go on once it is ready.
    const client = new SearchClient((m) => {
      onEvent(m);
      if (m.type === 'ready') installBenchHooks(db, client, m, PAGE);
    });
    return client;
  },
  watchLibrary(onChange) {
    // The background broadcasts each write (src/background/notes.ts).
    const channel = new BroadcastChannel(NOTES_CHANNEL);
    channel.onmessage = () => onChange();
    return () => channel.close();
  },
  download,
};
