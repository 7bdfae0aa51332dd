import { t } from '../shared/i18n';
import { getNote, noteBatches, type NotesDb } from './db';
import { today } from './download';
import {
  exportCitations,
  exportFileName,
  exportJsonBlob,
  fileName,
  markdownZipAsync,
  toMarkdown,
  type CitationExport,
  type ExportKind,
} from './export';
import { highlightStyle } from './export-prefs';
import { packedImages } from './export-assets';
import { exportHtml } from './export-html';
import { ImportError, parseNotesExport, previewImport, type ImportPreview } from './import';
import { storedUrls } from './library';
import { chunks, IMPORT_CHUNK } from './rows';
import type { NotesServices } from './services';
import type { Note } from '../shared/notes-types';

/** The notice line: what the last action did or why it failed; a deletion carries the note for 撤销. */
export type Notice = { kind: 'info' | 'error'; text: string; undo?: Note } | null;

/** An import waiting for the user's confirmation: the parsed notes, what they would change, the file's name. */
export type PendingImport = { notes: Note[]; preview: ImportPreview; name: string };

/** Run an action and put its outcome on the notice line; resolves to its value, or undefined when it failed. */
export type Write = <T>(work: () => Promise<T>, ok?: (v: T) => string) => Promise<T | undefined>;

/** A `Write` reporting on `setNotice`: the `ok` text of the value, or the error's message. */
export function reporter(setNotice: (n: Notice) => void): Write {
  return async (work, ok) => {
    try {
      const v = await work();
      if (ok) setNotice({ kind: 'info', text: ok(v) });
      return v;
    } catch (e) {
      setNotice({ kind: 'error', text: (e as Error).message });
      return undefined;
    }
  };
}

/** What every action works with: the services, the library (null until open) and the notice line. */
export interface ActionContext {
  services: NotesServices;
  db: NotesDb | null;
  setNotice: (n: Notice) => void;
  write: Write;
}

/** The open library; the tools are on screen before it opens, and an action then fails on the notice line. */
function library(db: NotesDb | null): NotesDb {
  if (!db) throw new Error('notes library not open');
  return db;
}

/**
 * Markdown of some notes: one note without archived images as its .md file; otherwise a zip (`zipName` for several,
 * the note's own name for one) with the archived images under `assets/`.
 */
async function downloadMarkdown(services: NotesServices, db: NotesDb, list: readonly Note[], zipName: string) {
  const images = list.length === 1 ? await packedImages(db, list[0].id) : null;
  const style = highlightStyle();
  if (images && !images.length)
    return services.download(fileName(list[0], 'md'), toMarkdown(list[0], style), 'text/markdown');
  const zip = await markdownZipAsync(
    list,
    50,
    (id) => (images ? Promise.resolve(images) : packedImages(db, id)),
    style,
  );
  services.download(images ? fileName(list[0], 'zip') : zipName, zip, 'application/zip');
}

/** The single-file HTML of some notes (export-html.ts), labelled in the UI language, as `<title>.html` for one. */
async function downloadHtml(services: NotesServices, db: NotesDb, list: readonly Note[], name: string) {
  const lang = navigator.language; // the browser's language, which the UI strings follow
  const html = await exportHtml(db, list, { label: t, lang });
  services.download(list.length === 1 ? fileName(list[0], 'html') : name, html, 'text/html');
}

/**
 * The export buttons: the whole library as JSON, and the notes the list selects (`selected`) as Markdown (one file,
 * or a zip with their archived images), as one self-contained HTML file, or as citations.
 */
export function exportActions({ services, db, write }: ActionContext, selected: (db: NotesDb) => Promise<Note[]>) {
  const name = (kind: ExportKind) => exportFileName(t('notesFilePrefix'), today(), kind);
  return {
    json: () =>
      write(
        async () => {
          const { blob, count } = await exportJsonBlob(noteBatches(library(db)));
          services.download(name('backup'), blob, 'application/json');
          return count;
        },
        (n) => t('notesExportedJson', String(n)),
      ),
    markdown: () =>
      write(
        async () => {
          const list = await selected(library(db));
          await downloadMarkdown(services, library(db), list, name('markdown'));
          return list.length;
        },
        (n) => t('notesExportedMarkdown', String(n)),
      ),
    html: () =>
      write(
        async () => {
          const list = await selected(library(db));
          await downloadHtml(services, library(db), list, name('html'));
          return list.length;
        },
        (n) => t('notesExportedHtml', String(n)),
      ),
    citations: (style: CitationExport) =>
      write(
        async () => {
          const list = await selected(library(db));
          services.download(name(style), await exportCitations(list, style), 'text/plain');
          return list.length;
        },
        (n) => t('notesExportedCitations', [String(n), style]),
      ),
  };
}

/**
 * Import from a file in two steps: `preview` parses it and shows what it would add (or says why it is refused);
 * `commit` sends the notes to the background in chunks and then commits them.
 */
export function importActions(
  { services, db, setNotice, write }: ActionContext,
  setPending: (p: PendingImport | null) => void,
) {
  return {
    preview: async (file: File) => {
      setPending(null);
      try {
        const notes = parseNotesExport(await file.text());
        setPending({ notes, preview: previewImport(notes, await storedUrls(library(db))), name: file.name });
        setNotice(null);
      } catch (e) {
        const why = e instanceof ImportError ? t(e.key, e.subs) : (e as Error).message;
        setNotice({ kind: 'error', text: t('notesImportRefused', [file.name, why]) });
      }
    },
    commit: (pending: PendingImport, replace: boolean) =>
      write(
        async () => {
          const importId = crypto.randomUUID();
          setPending(null);
          for (const notes of chunks(pending.notes, IMPORT_CHUNK))
            await services.send('notesImportChunk', { importId, notes });
          return services.send('notesImportCommit', { importId, replace });
        },
        (r) => t('notesImported', [r.added, r.replaced, r.skipped].map(String)),
      ),
  };
}

/** Open, edit, delete (with undo), restore and clear: every write goes through the background. */
export function noteActions({ services, db, setNotice, write }: ActionContext, setOpen: (n: Note | null) => void) {
  return {
    open: async (id: string) => setOpen((await getNote(library(db), id)) ?? null),
    edit: async (id: string, patch: { note: string; tags: string[] }) => {
      await write(
        () => services.send('notesEdit', { id, ...patch }),
        () => t('notesSaved'),
      );
    },
    exportMarkdown: (n: Note) => write(() => downloadMarkdown(services, library(db), [n], '')),
    exportHtml: (n: Note) =>
      write(
        () => downloadHtml(services, library(db), [n], ''),
        () => t('notesExportedHtml', '1'),
      ),
    delete: (n: Note) =>
      write(async () => {
        await services.send('notesDelete', { id: n.id });
        setOpen(null);
        setNotice({ kind: 'info', text: t('notesDeleted', n.article.title), undo: n });
      }),
    undo: (n: Note) =>
      write(
        () => services.send('notesRestore', { note: n }),
        () => t('notesRestored', n.article.title),
      ),
    clear: () =>
      write(
        () => services.send('notesClear', undefined),
        (n) => t('notesCleared', String(n)),
      ),
  };
}
