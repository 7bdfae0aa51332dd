import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { sendNotes } from '../shared/notes-client';
import { allNotes, countNotes, getNote, openNotesDb, type NotesDb } from './db';
import { download, today } from './download';
import { exportCitations, exportJson, fileName, markdownZipAsync, toMarkdown, type CitationExport } from './export';
import { installBenchHooks } from './bench-hooks';
import { Highlight } from './Highlight';
import { ImportError, parseNotesExport, previewImport, type ImportPreview } from './import';
import { ImportPanel } from './ImportPanel';
import { facet, listNotes, matches, NO_FILTERS, notesByIds, storedUrls, type Filters } from './library';
import { NoteView } from './NoteView';
import { snippet, type SearchHit } from './search';
import { SearchClient, type SearchAnswer } from './search-client';
import { NOTES_CHANNEL, type Note } from '../shared/notes-types';

/** Notes per screen (更多 adds another): each shown note is a full record read from IndexedDB. */
const PAGE = 40;
/** Notes sent to the background per import message (runtime messages have a size limit). */
const IMPORT_CHUNK = 200;

type Notice = { kind: 'info' | 'error'; text: string; undo?: Note } | null;

/** A row of the list: a search hit, or the same fields of a note when browsing. */
type Row = SearchHit;
const toRow = (n: Note): Row => ({
  id: n.id, title: n.article.title, site: n.site, published: n.article.published, createdAt: n.createdAt, tags: n.tags,
  userNote: n.note,
});

/** The notes page: list, filters, search, reader view, edit, delete with undo, export and import. */
export function App() {
  const [db, setDb] = useState<NotesDb | null>(null);
  const [indexState, setIndexState] = useState<string>('loading');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [notes, setNotes] = useState<Row[]>([]);
  const [snippets, setSnippets] = useState<Record<string, string>>({});
  const [marks, setMarks] = useState('');
  const [total, setTotal] = useState(0);
  const [facets, setFacets] = useState<{ sites: string[]; tags: string[] }>({ sites: [], tags: [] });
  const [open, setOpen] = useState<Note | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState<{ notes: Note[]; preview: ImportPreview; name: string } | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    openNotesDb().then(setDb, (e) => setNotice({ kind: 'error', text: t('notesOpenFailed', (e as Error).message) }));
  }, []);

  // The search index lives in a worker (search-worker.ts), started after the first list is on screen so a large
  // library opens without waiting for it.
  const [shown, setShown] = useState(false);
  const search = useRef<SearchClient | null>(null);
  useEffect(() => {
    if (!db || !shown) return;
    const client = new SearchClient((m) => {
      if (m.type === 'progress') setIndexState(`indexing ${m.done}`);
      if (m.type === 'updated') setTick((t) => t + 1);
      if (m.type !== 'ready') return;
      setIndexState('ready');
      setTick((t) => t + 1);
      installBenchHooks(db, client, m, PAGE);
    });
    search.current = client;
    return () => { client.close(); search.current = null; };
  }, [db, shown]);

  // The list follows writes from any context (the background broadcasts each one); search results follow the worker.
  useEffect(() => {
    const channel = new BroadcastChannel(NOTES_CHANNEL);
    channel.onmessage = () => setTick((t) => t + 1);
    return () => channel.close();
  }, []);

  const searchHits = async (q: string): Promise<SearchAnswer | null> =>
    // The worker answers once its index is ready (searches typed earlier wait there).
    (q.trim() && search.current ? search.current.search(q) : null);

  // Refresh the list whenever filters, query, the library or the index change.
  useEffect(() => {
    if (!db) return;
    let stale = false;
    (async () => {
      const answer = await searchHits(query);
      // Highlight every form searched (as typed, and in simplified characters).
      const forms = answer ? answer.forms.join(' ') : query;
      const list: Row[] = query.trim()
        ? (answer?.hits ?? []).filter((h) => matches(h, filters)).slice(0, limit)
        : (await listNotes(db, filters, limit)).map(toRow);
      const [sites, tags, count] = await Promise.all([facet(db, 'site'), facet(db, 'tags'), countNotes(db)]);
      if (stale) return;
      setNotes(list);
      setMarks(forms);
      // Body snippets of search results come after the rows (they need the full notes from IndexedDB).
      if (query.trim()) {
        const full = await notesByIds(db, list.map((r) => r.id), NO_FILTERS);
        if (!stale) setSnippets(Object.fromEntries(full.map((n) => [n.id, snippet(n.article.textContent, forms)])));
      }
      setFacets({ sites, tags });
      setTotal(count);
      if (open) setOpen((await getNote(db, open.id)) ?? null);
      if (!document.body.dataset.ready) Object.assign(window, { qingduListReadyAt: performance.now() });
      document.body.dataset.ready = 'true';
      setShown(true);
    })();
    return () => { stale = true; };
  }, [db, filters, query, limit, tick, indexState === 'ready']);

  const write = async <T,>(work: () => Promise<T>, ok?: (v: T) => string): Promise<T | undefined> => {
    try {
      const v = await work();
      if (ok) setNotice({ kind: 'info', text: ok(v) });
      return v;
    } catch (e) {
      setNotice({ kind: 'error', text: (e as Error).message });
      return undefined;
    }
  };

  /** Every note the current filters and search select, for exports (not only the first screen). */
  const selected = async (): Promise<Note[]> => {
    const answer = await searchHits(query);
    return query.trim() ? notesByIds(db!, (answer?.hits ?? []).map((h) => h.id), filters) : listNotes(db!, filters);
  };
  const exportAllJson = () => write(async () => {
    const all = await allNotes(db!);
    download(`${t('notesFilePrefix')}-${today()}.json`, exportJson(all), 'application/json');
    return all.length;
  }, (n) => t('notesExportedJson', String(n)));
  const exportMarkdown = () => write(async () => {
    const list = await selected();
    if (list.length === 1) download(fileName(list[0], 'md'), toMarkdown(list[0]), 'text/markdown');
    else download(`${t('notesFilePrefix')}-${today()}.zip`, await markdownZipAsync(list), 'application/zip');
    return list.length;
  }, (n) => t('notesExportedMarkdown', String(n)));
  const exportCite = (style: CitationExport) => write(async () => {
    const list = await selected();
    const ext = { 'csl-json': 'json', bibtex: 'bib', ris: 'ris' }[style];
    download(`${t('notesFilePrefix')}-${today()}.${ext}`, await exportCitations(list, style), 'text/plain');
    return list.length;
  }, (n) => t('notesExportedCitations', [String(n), style]));

  const onFile = async (file: File) => {
    setPending(null);
    try {
      const parsed = parseNotesExport(await file.text());
      setPending({ notes: parsed, preview: previewImport(parsed, await storedUrls(db!)), name: file.name });
      setNotice(null);
    } catch (e) {
      const why = e instanceof ImportError ? t(e.key, e.subs) : (e as Error).message;
      setNotice({ kind: 'error', text: t('notesImportRefused', [file.name, why]) });
    }
  };
  const doImport = (replace: boolean) => write(async () => {
    const importId = crypto.randomUUID();
    const list = pending!.notes;
    setPending(null);
    for (let i = 0; i < list.length; i += IMPORT_CHUNK)
      await sendNotes('notesImportChunk', { importId, notes: list.slice(i, i + IMPORT_CHUNK) });
    return sendNotes('notesImportCommit', { importId, replace });
  }, (r) => t('notesImported', [r.added, r.replaced, r.skipped].map(String)));

  const del = (n: Note) => write(async () => {
    await sendNotes('notesDelete', { id: n.id });
    setOpen(null);
    setNotice({ kind: 'info', text: t('notesDeleted', n.article.title), undo: n });
  });
  const undo = (n: Note) => write(() => sendNotes('notesRestore', { note: n }), () => t('notesRestored', n.article.title));

  const setFilter = (k: keyof Filters) => (e: Event) => { setFilters({ ...filters, [k]: (e.currentTarget as HTMLInputElement).value }); setLimit(PAGE); };

  return (
    <div class="notes-page">
      <header>
        <h1>{t('notesPageTitle')}</h1>
        <input id="search" type="search" placeholder={t('notesSearchPlaceholder')} value={query}
          onInput={(e) => { setQuery(e.currentTarget.value); setLimit(PAGE); }} />
        <span class="index-state" data-state={indexState}>{indexState === 'ready' ? '' : t('notesIndexing')}</span>
      </header>
      <nav class="filters">
        <select id="filter-site" value={filters.site} onChange={setFilter('site')}>
          <option value="">{t('notesAllSites')}</option>{facets.sites.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <select id="filter-tag" value={filters.tag} onChange={setFilter('tag')}>
          <option value="">{t('notesAllTags')}</option>{facets.tags.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <label>{t('notesFrom')} <input id="filter-from" type="date" value={filters.from} onChange={setFilter('from')} /></label>
        <label>{t('notesTo')} <input id="filter-to" type="date" value={filters.to} onChange={setFilter('to')} /></label>
        <span class="tools">
          <button type="button" id="export-json" onClick={exportAllJson}>{t('notesExportJson')}</button>
          <button type="button" id="export-md" onClick={exportMarkdown}>{t('notesExportMarkdown')}</button>
          <select id="export-cite" value="" onChange={(e) => { const v = e.currentTarget.value; e.currentTarget.value = ''; if (v) void exportCite(v as CitationExport); }}>
            <option value="">{t('notesExportCitations')}</option><option value="csl-json">CSL-JSON</option><option value="bibtex">BibTeX</option><option value="ris">RIS</option>
          </select>
          <label class="file">{t('notesImportJson')}<input id="import-file" type="file" accept=".json,application/json"
            onChange={(e) => { const f = e.currentTarget.files?.[0]; e.currentTarget.value = ''; if (f) void onFile(f); }} /></label>
          {confirmClear
            ? <><button type="button" id="clear-confirm" class="danger" onClick={() => { setConfirmClear(false); void write(() => sendNotes('notesClear', undefined), (n) => t('notesCleared', String(n))); }}>{t('notesClearConfirm')}</button>
              <button type="button" onClick={() => setConfirmClear(false)}>{t('notesCancel')}</button></>
            : <button type="button" id="clear" onClick={() => setConfirmClear(true)}>{t('notesClear')}</button>}
        </span>
      </nav>
      {notice && (
        <p class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} id="notice">
          {notice.text}
          {notice.undo && <button type="button" id="undo" onClick={() => { const n = notice.undo!; setNotice(null); void undo(n); }}>{t('notesUndo')}</button>}
        </p>
      )}
      {pending && <ImportPanel preview={pending.preview} fileName={pending.name} onImport={doImport} onCancel={() => setPending(null)} />}
      {open ? (
        <NoteView key={open.id + open.updatedAt} note={open} onClose={() => setOpen(null)} onDelete={() => void del(open)}
          onExportMarkdown={() => download(fileName(open, 'md'), toMarkdown(open), 'text/markdown')}
          onSave={async (patch) => { await write(() => sendNotes('notesEdit', { id: open.id, ...patch }), () => t('notesSaved')); }} />
      ) : (
        <main>
          <p class="count" id="count" data-mode={query.trim() ? 'search' : 'all'}>{query.trim() ? t('notesFound', `${notes.length}${notes.length >= limit ? '+' : ''}`) : t('notesTotal', String(total))}</p>
          <ul class="note-list" id="note-list">
            {notes.map((n) => (
              <li key={n.id} data-note-id={n.id} onClick={async () => setOpen((await getNote(db!, n.id)) ?? null)}>
                <h2><Highlight text={n.title} query={marks} /></h2>
                <p class="meta">{n.site} · {(n.published ?? n.createdAt).slice(0, 10)} · {t('notesSavedOn', n.createdAt.slice(0, 10))}
                  {n.tags.map((tag) => <span class="tag" key={tag}>{tag}</span>)}</p>
                {n.userNote && <p class="user-note"><Highlight text={n.userNote} query={marks} /></p>}
                {query.trim() && snippets[n.id] && <p class="snippet"><Highlight text={snippets[n.id]} query={marks} /></p>}
              </li>
            ))}
          </ul>
          {notes.length >= limit && <button type="button" id="more" onClick={() => setLimit(limit + PAGE)}>{t('notesMore')}</button>}
        </main>
      )}
    </div>
  );
}
