import { useEffect, useRef, useState } from 'preact/hooks';
import { countNotes, type NotesDb } from './db';
import { facet, listNotes, NO_FILTERS, notesByIds, type Filters } from './library';
import { isSearch, searchRows, toRow, type Row } from './rows';
import { resultSnippet, type Snippet } from './annotations';
import type { SearchAnswer } from './search-client';
import type { NotesServices } from './services';
import type { Note } from '../shared/notes-types';

/** What the list shows: the filters, the search text and how many rows at most (更多 raises it). */
export interface ListView {
  filters: Filters;
  query: string;
  limit: number;
}

/** The values the site and tag filters offer. */
export interface Facets {
  sites: string[];
  tags: string[];
}

/** One screen of the list: the rows, the forms to highlight, the filter values and the library's size. */
export interface Screen {
  rows: Row[];
  /** Every form searched (as typed, and in simplified characters), space-separated; the query when not searching. */
  marks: string;
  facets: Facets;
  /** Notes in the library; null until first counted (the rows are shown before the count is read: loadCounts). */
  total: number | null;
  /** The query these rows answer ('' for the whole list): the list shows it as `#count[data-query]`. */
  query: string;
  /** The most rows these were read for: a full screen (rows.length === limit) offers 更多 until the next one is read. */
  limit: number;
}

/** A search of the index (with `limit`: one screen passing `filters`): null for a blank query or before the index starts. */
export type Searcher = (query: string, filters?: Filters, limit?: number) => Promise<SearchAnswer | null>;

const EMPTY_SCREEN: Screen = {
  rows: [],
  marks: '',
  facets: { sites: [], tags: [] },
  total: null,
  query: '',
  limit: Infinity,
};

/** The filter menus' values and the library's size: they change only with the library (one read of two indexes). */
export type Counts = Pick<Screen, 'facets' | 'total'>;

/** Read the facets (sites, tags) and the count: each walks an index, so this grows with the library. */
export async function loadCounts(db: NotesDb): Promise<Counts> {
  const [sites, tags, total] = await Promise.all([facet(db, 'site'), facet(db, 'tags'), countNotes(db)]);
  return { facets: { sites, tags }, total };
}

/**
 * Read one screen's rows: search hits (or the newest notes when browsing) that pass the filters, with `counts` (the
 * last ones known) standing in until loadCounts has read the library's.
 */
export async function loadRows(db: NotesDb, search: Searcher, view: ListView, counts: Counts): Promise<Screen> {
  const answer = await search(view.query, view.filters, view.limit);
  const marks = answer ? answer.forms.join(' ') : view.query;
  const rows = isSearch(view.query)
    ? searchRows(answer?.hits ?? [], view.filters, view.limit)
    : (await listNotes(db, view.filters, view.limit)).map(toRow);
  const { facets, total } = counts;
  return { rows, marks, facets, total, query: isSearch(view.query) ? view.query : '', limit: view.limit };
}

/** Read one screen: its rows, facets and count. */
export async function loadScreen(db: NotesDb, search: Searcher, view: ListView): Promise<Screen> {
  const screen = await loadRows(db, search, view, EMPTY_SCREEN);
  const { facets, total } = await loadCounts(db);
  return { ...screen, facets, total };
}

/**
 * The screen after 更多: `prev` (the screen of the same view with a smaller limit) and the rows up to `view.limit`.
 * Browsing reads only the notes after prev's last row; a search asks the index again (its hits come from the worker,
 * not from IndexedDB). The facets and the count are prev's: they change only with the library.
 */
export async function loadMore(db: NotesDb, search: Searcher, view: ListView, prev: Screen): Promise<Screen> {
  if (isSearch(view.query)) {
    const answer = await search(view.query, view.filters, view.limit);
    return { ...prev, rows: searchRows(answer?.hits ?? [], view.filters, view.limit), limit: view.limit };
  }
  const last = prev.rows[prev.rows.length - 1];
  const next = last ? await listNotes(db, view.filters, view.limit - prev.rows.length, last) : [];
  return { ...prev, rows: [...prev.rows, ...next.map(toRow)], limit: view.limit };
}

/**
 * Snippets of search results by note id: the matched highlight or comment, else the body (they need the full notes
 * from IndexedDB, so they are read after the rows, before either is shown).
 */
export async function loadSnippets(db: NotesDb, rows: readonly Row[], marks: string): Promise<Record<string, Snippet>> {
  const full = await notesByIds(
    db,
    rows.map((r) => r.id),
    NO_FILTERS,
  );
  return Object.fromEntries(full.map((n) => [n.id, resultSnippet(n, marks)]));
}

/** Every note the filters and search select, for exports (not only the first screen). */
export async function selectedNotes(db: NotesDb, search: Searcher, view: Omit<ListView, 'limit'>): Promise<Note[]> {
  const answer = await search(view.query);
  return isSearch(view.query)
    ? notesByIds(
        db,
        (answer?.hits ?? []).map((h) => h.id),
        view.filters,
      )
    : listNotes(db, view.filters);
}

/** The library's database once open; `onError` gets the reason when it cannot be opened. */
export function useNotesDb(services: NotesServices, onError: (e: Error) => void): NotesDb | null {
  const [db, setDb] = useState<NotesDb | null>(null);
  useEffect(() => {
    services.openDb().then(setDb, onError);
  }, []);
  return db;
}

/** A counter that moves on every library write from any context, and when `bump` is called. */
export function useChangeCounter(services: NotesServices): [number, () => void] {
  const [tick, setTick] = useState(0);
  const bump = () => setTick((n) => n + 1);
  useEffect(() => services.watchLibrary(bump), []);
  return [tick, bump];
}

/**
 * The search index, started once `started` is true (after the first list is on screen, so a large library opens
 * without waiting for it). `state` is `loading`, `indexing N` or `ready`; `bump` is called when the index has
 * caught up with a library change.
 */
export function useSearchIndex(services: NotesServices, db: NotesDb | null, started: boolean, bump: () => void) {
  const [state, setState] = useState('loading');
  const index = useRef<ReturnType<NotesServices['startSearch']> | null>(null);
  useEffect(() => {
    if (!db || !started) return;
    const client = services.startSearch(db, (m) => {
      if (m.type === 'progress') setState(`indexing ${m.done}`);
      if (m.type === 'updated') bump();
      if (m.type !== 'ready') return;
      setState('ready');
      bump();
    });
    index.current = client;
    return () => {
      client.close();
      index.current = null;
    };
  }, [db, started]);
  // The index answers once it is ready (searches typed earlier wait there).
  const search: Searcher = async (q, filters, limit) =>
    isSearch(q) && index.current ? index.current.search(q, filters, limit) : null;
  return { state, search };
}

/** Note when the first list is on screen, for the benchmark (`qingduListReadyAt`, ms since navigation). */
function markListShown(): void {
  if (!('qingduListReadyAt' in window)) Object.assign(window, { qingduListReadyAt: performance.now() });
}

/** Mark the page ready for the browser tests: the list with its facets and count (`body[data-ready]`). */
function markListReady(): void {
  document.body.dataset.ready = 'true';
}

/** What a loaded screen was read for: the view, the library's change counter and the index's readiness. */
interface Loaded {
  view: ListView;
  tick: number;
  indexReady: boolean;
  screen: Screen;
  snippets: Record<string, Snippet>;
}

/** Is `view` the loaded one with only a larger limit, on a full screen (更多 was clicked: only new rows to read)? */
function onlyMore(was: Loaded | null, view: ListView, tick: number, indexReady: boolean): was is Loaded {
  if (!was || was.tick !== tick || was.indexReady !== indexReady || was.view.query !== view.query) return false;
  const [a, b] = [was.view.filters, view.filters];
  const sameFilters = a.site === b.site && a.tag === b.tag && a.from === b.from && a.to === b.to;
  return sameFilters && view.limit > was.view.limit && was.screen.rows.length >= was.view.limit;
}

/**
 * Read the rows for `view` (and their snippets): only the new ones after 更多, else the whole screen's, with the last
 * counts known (the caller reads them again when the library changed: countsStale).
 */
async function readScreen(db: NotesDb, search: Searcher, view: ListView, was: Loaded | null, more: boolean) {
  const next =
    more && was
      ? await loadMore(db, search, view, was.screen)
      : await loadRows(db, search, view, was?.screen ?? EMPTY_SCREEN);
  if (!isSearch(view.query)) return { next, found: {} };
  const known = more && was ? was.snippets : {};
  const fresh = next.rows.filter((r) => !(r.id in known));
  return { next, found: { ...known, ...(await loadSnippets(db, fresh, next.marks)) } };
}

/**
 * The list on screen, read again whenever the view, the library (`tick`) or the index's readiness changes; when only
 * the limit grew (更多), only the rows after the last one shown are read (loadMore).
 * @param afterLoad runs after each full load (the App re-reads the open note there)
 */
export function useNoteList(
  db: NotesDb | null,
  search: Searcher,
  view: ListView,
  tick: number,
  indexReady: boolean,
  afterLoad: () => Promise<void>,
): Screen & { snippets: Record<string, Snippet> } {
  const [screen, setScreen] = useState<Screen>(EMPTY_SCREEN);
  const [snippets, setSnippets] = useState<Record<string, Snippet>>({});
  const loaded = useRef<Loaded | null>(null);
  useEffect(() => {
    if (!db) return;
    let stale = false;
    void (async () => {
      const was = loaded.current;
      const more = onlyMore(was, view, tick, indexReady);
      // The rows and their snippets change together: rows of a new query never show the last query's snippets.
      const { next, found } = await readScreen(db, search, view, was, more);
      if (stale) return;
      loaded.current = { view, tick, indexReady, screen: next, snippets: found };
      setScreen(next);
      setSnippets(found);
      if (!more) await afterLoad();
      markListShown();
      // The facets and the count walk whole indexes (seconds at 50,000 notes): read after the rows are on screen,
      // and only when the library changed since they were read.
      if (!was || was.tick !== tick || next.total === null) {
        const { facets, total } = await loadCounts(db);
        if (stale) return;
        const counted = { ...next, facets, total };
        loaded.current = { ...loaded.current, screen: counted };
        setScreen(counted);
      }
      markListReady();
    })();
    return () => {
      stale = true;
    };
  }, [db, view.filters, view.query, view.limit, tick, indexReady]);
  return { ...screen, snippets };
}
