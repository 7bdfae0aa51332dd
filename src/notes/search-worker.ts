/// <reference lib="webworker" />
import * as OpenCC from 'opencc-js/t2cn';
import { getRevision, openNotesDb } from './db';
import { addById, loadIndex, saveSnapshot } from './search-cache';
import { NO_FILTERS } from './library';
import { searchRows } from './rows';
import type { NotesIndex } from './search';
import { NOTES_CHANNEL, type NotesChanged } from '../shared/notes-types';
import type { WorkerReply, WorkerRequest } from './search-client';

/**
 * The notes page's search index, in a dedicated worker: building or restoring it at 10,000 notes takes seconds of
 * CPU, which would freeze the page. The worker reads IndexedDB itself, follows library changes on the BroadcastChannel
 * (applying each before it tells the page), and answers searches with ranked note ids.
 */
declare const self: DedicatedWorkerGlobalScope;
const post = (m: WorkerReply) => self.postMessage(m);

const t0 = performance.now();
const db = openNotesDb();
let state: Promise<{ index: NotesIndex; revision: number }> = load();
let snapshotTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * A query typed in traditional characters (齒輪廠) also searches its simplified form (齿轮厂): the library is mostly
 * mainland pages. OpenCC's Taiwan → mainland dictionary (phrase level, ~100 KB) runs on queries only, not on the index.
 */
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const withVariants = (index: NotesIndex): NotesIndex => {
  index.variants = (q) => [toSimplified(q)];
  return index;
};

function load(): Promise<{ index: NotesIndex; revision: number }> {
  const start = performance.now();
  return db
    .then((d) => loadIndex(d, (done) => post({ type: 'progress', done })))
    .then((r) => {
      withVariants(r.index);
      post({
        type: 'ready',
        ms: performance.now() - start,
        sinceStart: performance.now() - t0,
        fromSnapshot: r.from !== 'rows',
        from: r.from,
        size: r.index.size,
      });
      return r;
    });
}

new BroadcastChannel(NOTES_CHANNEL).onmessage = (e: MessageEvent<NotesChanged>) => {
  if (e.data?.type !== 'notes-changed') return;
  const change = e.data;
  state = state
    .then(async (cur) => {
      if (change.all) {
        // A pending snapshot of the old index must not land after the new one.
        clearTimeout(snapshotTimer);
        const next = await load();
        post({ type: 'updated' });
        return next;
      }
      const d = await db;
      const revision = await getRevision(d);
      for (const id of change.removed) cur.index.remove(id);
      await addById(d, cur.index, change.put);
      cur.revision = revision;
      clearTimeout(snapshotTimer);
      snapshotTimer = setTimeout(() => void saveSnapshot(d, cur.index, revision), 3000);
      post({ type: 'updated' });
      return cur;
    })
    .catch((err) => {
      console.warn('[qingdu] search index update failed, rebuilding', err);
      return load();
    });
};

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  if (m.type !== 'search') return;
  try {
    const { index } = await state;
    const all = index.hits(m.query);
    const hits = m.limit === undefined ? all : searchRows(all, m.filters ?? NO_FILTERS, m.limit);
    post({ type: 'result', reqId: m.reqId, hits, forms: index.queryForms(m.query) });
  } catch (err) {
    post({ type: 'result', reqId: m.reqId, hits: [], forms: [m.query], error: String(err) });
  }
};
