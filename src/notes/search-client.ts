import type { Filters } from './library';
import type { SearchHit } from './search';

/**
 * Page → search worker. With `limit`, only the first `limit` hits that pass `filters` come back (a screen of the list:
 * cloning thousands of hits to the page was most of a common query's time at 10,000 notes); without, every hit.
 */
export type WorkerRequest = { type: 'search'; reqId: number; query: string; filters?: Filters; limit?: number };

/** Search worker → page. */
export type WorkerReply =
  | { type: 'progress'; done: number }
  | {
      type: 'ready';
      ms: number;
      sinceStart: number;
      fromSnapshot: boolean;
      /** 'snapshot' | 'snapshot+rows' | 'rows' (search-cache.ts). */
      from?: string;
      size: number;
    }
  | { type: 'updated' }
  | { type: 'result'; reqId: number; hits: SearchHit[]; forms: string[]; error?: string };

/** A search answer: ranked hits, and the forms of the query searched (typed, and simplified), for highlighting. */
export interface SearchAnswer {
  hits: SearchHit[];
  forms: string[];
}

/**
 * The page's handle on the search worker (search-worker.ts). `search` resolves with ranked hits; it waits for the
 * index when that is still being built. `onEvent` receives progress, ready and updated (after a library change has been
 * applied to the index) events.
 */
export class SearchClient {
  private worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  private pending = new Map<number, (answer: SearchAnswer) => void>();
  private next = 1;

  constructor(onEvent: (m: Exclude<WorkerReply, { type: 'result' }>) => void) {
    this.worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.type === 'result') {
        this.pending.get(m.reqId)?.({ hits: m.hits, forms: m.forms });
        this.pending.delete(m.reqId);
      } else onEvent(m);
    };
  }

  search(query: string, filters?: Filters, limit?: number): Promise<SearchAnswer> {
    const reqId = this.next++;
    return new Promise((ok) => {
      this.pending.set(reqId, ok);
      this.worker.postMessage({ type: 'search', reqId, query, filters, limit } satisfies WorkerRequest);
    });
  }

  close(): void {
    this.worker.terminate();
  }
}
