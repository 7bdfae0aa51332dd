import type { Article } from '../extract/article';
import { printEditionProblem, type PrintEdition } from '../extract/print-edition';
import { REVISION_KEY, type NotesDb } from './db';
import { sha256Hex } from './hash';
import { isSelectorPair } from './annotation-checks';
import { clearAssets, dropAssets, restoreAssets } from './assets-write';
import { searchRow, type SearchRow } from './search-row';
import {
  ANNOTATION_COLORS,
  type Annotation,
  type HighlightColor,
  type ImportResult,
  type Note,
  type SaveResult,
} from '../shared/notes-types';

/**
 * Every write to the library. Each one is a single readwrite transaction over `notes`, `search` and `meta` that writes
 * the note's search row with the note (search-row.ts: so the index can never disagree with the store, even when the
 * browser is killed mid-save, test/e2e/notes-crash.test.ts) and bumps the revision counter: IndexedDB runs overlapping readwrite transactions on the same stores one after the other, so
 * concurrent saves (two tabs at once) cannot interleave, and a refused write (quota, clone error) aborts the whole
 * transaction, leaving no half-written note and nothing else changed. Async work (hashing) happens before the
 * transaction opens, because a transaction commits as soon as it has no pending request.
 */

/**
 * A write the browser refused. `code` is 'quota' | 'unavailable' | 'conflict' | 'failed'. `message` is Chinese then
 * English (logs, tests); the user sees `t(key, subs)` from `_locales` (the background translates, see localizedError).
 */
export class NotesWriteError extends Error {
  constructor(
    public code: 'quota' | 'unavailable' | 'conflict' | 'failed',
    message: string,
    public cause?: unknown,
    public key = 'writeFailed',
    public subs: string[] = [],
  ) {
    super(message);
    this.name = 'NotesWriteError';
  }
}

/** Map a DOMException from IndexedDB to a NotesWriteError whose message says what happened and that nothing changed. */
export function describeWriteError(e: unknown): NotesWriteError {
  if (e instanceof NotesWriteError) return e;
  const name = (e as { name?: string })?.name ?? '';
  const detail = (e as { message?: string })?.message ?? String(e);
  if (name === 'QuotaExceededError' || /quota/i.test(detail))
    return new NotesWriteError(
      'quota',
      '存储空间不足，浏览器拒绝写入：本次未保存，已保存的笔记没有变化。请导出并删除部分笔记后重试。(Storage quota exceeded: nothing was saved, existing notes are unchanged.)',
      e,
      'writeQuota',
    );
  // Private modes and broken profiles refuse IndexedDB itself (Firefox private windows before 115: InvalidStateError).
  if (name === 'InvalidStateError' || name === 'UnknownError')
    return new NotesWriteError(
      'unavailable',
      `浏览器不允许使用本地数据库（例如隐私模式）：本次未保存。(IndexedDB unavailable: ${detail})`,
      e,
      'writeUnavailable',
      [detail],
    );
  if (name === 'ConstraintError')
    return new NotesWriteError(
      'conflict',
      `同一网址的笔记已存在：本次未保存。(A note with this canonical URL already exists: ${detail})`,
      e,
      'writeConflict',
    );
  return new NotesWriteError(
    'failed',
    `保存失败：本次未保存，已保存的笔记没有变化。(Write failed: ${name} ${detail})`,
    e,
    'writeFailed',
    [`${name} ${detail}`.trim()],
  );
}

/** The de-duplication key of an article: canonical URL, else URL, without the #fragment. */
export function canonicalKey(a: Pick<Article, 'canonicalUrl' | 'url'>): string {
  const raw = a.canonicalUrl || a.url;
  try {
    const u = new URL(raw);
    u.hash = '';
    return u.href;
  } catch {
    return raw.replace(/#.*$/, '');
  }
}

/** The site a note is filed under: the article's site name, else its host. */
export function siteOf(a: Pick<Article, 'siteName' | 'url' | 'canonicalUrl'>): string {
  if (a.siteName) return a.siteName;
  try {
    return new URL(a.canonicalUrl || a.url).host;
  } catch {
    return '';
  }
}

/** Trim, drop empty and duplicate tags, keep order. */
export function cleanTags(tags: readonly string[]): string[] {
  return Array.from(new Set(tags.map((t) => t.trim()).filter(Boolean)));
}

/** An open write: the transaction, and the revision it writes (rows carry it, see SearchRow.rev). */
interface Write {
  tx: ReturnType<typeof rw>;
  rev: number;
}

async function commit<T>(db: NotesDb, body: (w: Write) => Promise<T>): Promise<T> {
  let tx: ReturnType<typeof rw> | undefined;
  try {
    tx = rw(db);
    const meta = tx.objectStore('meta');
    const rev = (((await meta.get(REVISION_KEY)) as number | undefined) ?? 0) + 1;
    const result = await body({ tx, rev });
    await meta.put(rev, REVISION_KEY);
    await tx.done;
    return result;
  } catch (e) {
    try {
      tx?.abort();
    } catch {
      /* already aborted or finished */
    }
    await tx?.done.catch(() => undefined);
    throw describeWriteError(e);
  }
}
// (`assets` too: a note's archived images are deleted and restored with it, assets-write.ts)
const rw = (db: NotesDb) => db.transaction(['notes', 'search', 'meta', 'assets'], 'readwrite');

/**
 * Store a note and its search row (`row`: precomputed for the same content, else tokenized here).
 * @returns the row written
 */
async function putNote(w: Write, note: Note, how: 'put' | 'add' = 'put', row?: SearchRow): Promise<SearchRow> {
  await w.tx.objectStore('notes')[how](note);
  const written = row ? { ...row, id: note.id, rev: w.rev } : searchRow(note, w.rev);
  await w.tx.objectStore('search').put(written);
  return written;
}

/** Delete a note and its search row. */
async function dropNote(w: Write, id: string): Promise<void> {
  await w.tx.objectStore('notes').delete(id);
  await w.tx.objectStore('search').delete(id);
}

/** What a save needs besides the article. `now` is for tests (frozen clock). */
export interface SaveInput {
  article: Article;
  /** Selected text to keep as a quote with the article. */
  quote?: string;
  /** The print edition the page credits (src/extract/print-edition.ts): kept as Note.printEdition. */
  print?: PrintEdition | null;
  now?: Date;
}

/**
 * The print edition a save keeps: the one the page credits now when it is well-formed (printEditionProblem: a
 * malformed one could not be imported back from an export), else the one the note had (a save from a path that
 * read none does not drop it), else none.
 */
function keptPrintEdition(old: Note | undefined, print: PrintEdition | null | undefined): PrintEdition | undefined {
  if (print && !printEditionProblem(print)) return { newspaper: print.newspaper, date: print.date, page: print.page };
  return old?.printEdition;
}

/**
 * Save an article. A new canonical URL creates a note; a known one updates the stored article, access time and hash,
 * keeps the user's note, tags, annotations and earlier quotes (adding the new quote unless it is already there), and
 * reports 'updated'. Annotations are kept as they are: they re-anchor on the new text by their quote when shown.
 * @throws NotesWriteError when the browser refuses the write (nothing changed)
 */
export async function saveArticle(db: NotesDb, input: SaveInput): Promise<SaveResult> {
  const now = (input.now ?? new Date()).toISOString();
  const key = canonicalKey(input.article);
  const textSha256 = await sha256Hex(input.article.textContent ?? '');
  return commit(db, async (w) => {
    const old = (await w.tx.objectStore('notes').index('canonicalUrl').get(key)) as Note | undefined;
    const note = savedNote(old, { ...input, now }, key, textSha256);
    await putNote(w, note);
    return { status: old ? 'updated' : 'created', note } as SaveResult;
  });
}

/** `{printEdition}` when there is one, else nothing: a note without one has no such key (JSON export unchanged). */
const withPrintEdition = (p: PrintEdition | undefined): Pick<Note, 'printEdition'> => (p ? { printEdition: p } : {});

/** The note a save writes: `old` (the note of the same canonical URL, if any) with the new article, or a new note. */
function savedNote(
  old: Note | undefined,
  input: Omit<SaveInput, 'now'> & { now: string },
  key: string,
  textSha256: string,
): Note {
  const { article, now } = input;
  const quoteText = input.quote?.trim();
  const quotes = old ? [...old.quotes] : [];
  if (quoteText && !quotes.some((q) => q.text === quoteText)) quotes.push({ text: quoteText, savedAt: now });
  return {
    id: old?.id ?? crypto.randomUUID(),
    canonicalUrl: key,
    article,
    site: siteOf(article),
    accessedAt: now,
    textSha256,
    note: old?.note ?? '',
    tags: old?.tags ?? [],
    quotes,
    ...(old?.annotations ? { annotations: old.annotations } : {}),
    ...withPrintEdition(keptPrintEdition(old, input.print)),
    createdAt: old?.createdAt ?? now,
    updatedAt: now,
  };
}

/**
 * Change the user's note text and/or tags.
 * @throws NotesWriteError 'failed' when the id is unknown (deleted meanwhile), or when the write is refused
 */
export function editNote(
  db: NotesDb,
  id: string,
  patch: { note?: string; tags?: string[]; now?: Date },
): Promise<Note> {
  return commit(db, async (w) => {
    const old = (await w.tx.objectStore('notes').get(id)) as Note | undefined;
    if (!old)
      throw new NotesWriteError(
        'failed',
        `笔记不存在（可能已被删除）。(No note with id ${id}.)`,
        undefined,
        'writeNoNote',
      );
    const note: Note = {
      ...old,
      note: patch.note ?? old.note,
      tags: patch.tags ? cleanTags(patch.tags) : old.tags,
      updatedAt: (patch.now ?? new Date()).toISOString(),
    };
    await putNote(w, note);
    return note;
  });
}

/** A new highlight as the reader sends it: where it is and how it looks (the id, motivation and times are set here). */
export type AnnotationInput = Pick<Annotation, 'bodyValue' | 'color' | 'target'>;

const noNote = (id: string) =>
  new NotesWriteError('failed', `笔记不存在（可能已被删除）。(No note with id ${id}.)`, undefined, 'writeNoNote');

/** Refuse a highlight whose colour, comment or selectors are not of the stored shape (notes-types.ts Annotation). */
function checkAnnotation(a: Pick<AnnotationInput, 'bodyValue' | 'color'> & Partial<AnnotationInput>): void {
  const ok =
    typeof a.bodyValue === 'string' &&
    ANNOTATION_COLORS.includes(a.color) &&
    (!a.target || isSelectorPair(a.target.selector));
  if (!ok)
    throw new NotesWriteError(
      'failed',
      '批注格式不对：本次未保存。(Invalid annotation.)',
      undefined,
      'writeBadAnnotation',
    );
}

/** 'commenting' when the highlight carries a comment, else 'highlighting' (W3C Web Annotation motivations). */
const motivationOf = (bodyValue: string): Annotation['motivation'] =>
  bodyValue.trim() ? 'commenting' : 'highlighting';

/**
 * Add a highlight to the note of `article`, saving the article first when it is not in the library yet: the note, its
 * new annotation and its search row are written in one transaction. An article already saved is not re-saved (its
 * stored text stays; annotations re-anchor by their quote); it only gains `print` when it had no print edition.
 * @returns the save result (created when the article was saved now) and the annotation as stored (with its id)
 * @throws NotesWriteError when the annotation is malformed or the browser refuses the write (nothing changed)
 */
export async function annotateArticle(
  db: NotesDb,
  input: { article: Article; annotation: AnnotationInput; print?: PrintEdition | null; now?: Date },
): Promise<SaveResult & { annotation: Annotation }> {
  checkAnnotation(input.annotation);
  const now = (input.now ?? new Date()).toISOString();
  const key = canonicalKey(input.article);
  const textSha256 = await sha256Hex(input.article.textContent ?? '');
  const { bodyValue, color, target } = input.annotation;
  const annotation: Annotation = {
    id: crypto.randomUUID(),
    motivation: motivationOf(bodyValue),
    bodyValue,
    color,
    target: { selector: [{ ...target.selector[0] }, { ...target.selector[1] }] },
    created: now,
    modified: now,
  };
  return commit(db, async (w) => {
    const old = (await w.tx.objectStore('notes').index('canonicalUrl').get(key)) as Note | undefined;
    const base = old ?? savedNote(undefined, { article: input.article, print: input.print, now }, key, textSha256);
    const note: Note = {
      ...base,
      // a note saved before print editions were kept gets the page's now (its article stays as saved)
      ...withPrintEdition(base.printEdition ?? keptPrintEdition(undefined, input.print)),
      annotations: [...(base.annotations ?? []), annotation],
      updatedAt: now,
    };
    await putNote(w, note);
    return { status: old ? 'updated' : 'created', note, annotation } as SaveResult & { annotation: Annotation };
  });
}

/**
 * Change a highlight's comment and/or colour (its place stays).
 * @throws NotesWriteError 'failed' when the note or the annotation is gone, or the write is refused
 */
export function updateAnnotation(
  db: NotesDb,
  noteId: string,
  id: string,
  patch: { bodyValue?: string; color?: HighlightColor; now?: Date },
): Promise<Note> {
  return commit(db, async (w) => {
    const old = (await w.tx.objectStore('notes').get(noteId)) as Note | undefined;
    const found = old?.annotations?.find((a) => a.id === id);
    if (!old || !found)
      throw old
        ? new NotesWriteError('failed', `批注不存在。(No annotation with id ${id}.)`, undefined, 'writeNoAnnotation')
        : noNote(noteId);
    const bodyValue = patch.bodyValue ?? found.bodyValue;
    const color = patch.color ?? found.color;
    checkAnnotation({ bodyValue, color });
    const now = (patch.now ?? new Date()).toISOString();
    const changed: Annotation = { ...found, bodyValue, color, motivation: motivationOf(bodyValue), modified: now };
    const note: Note = {
      ...old,
      annotations: old.annotations!.map((a) => (a.id === id ? changed : a)),
      updatedAt: now,
    };
    await putNote(w, note);
    return note;
  });
}

/**
 * Remove a highlight; the note is returned as it is now (unchanged when the annotation was already gone).
 * @throws NotesWriteError 'failed' when the note is gone, or the write is refused
 */
export function removeAnnotation(db: NotesDb, noteId: string, id: string, now = new Date()): Promise<Note> {
  return commit(db, async (w) => {
    const old = (await w.tx.objectStore('notes').get(noteId)) as Note | undefined;
    if (!old) throw noNote(noteId);
    if (!old.annotations?.some((a) => a.id === id)) return old;
    const note: Note = {
      ...old,
      annotations: old.annotations.filter((a) => a.id !== id),
      updatedAt: now.toISOString(),
    };
    await putNote(w, note);
    return note;
  });
}

/**
 * Delete a note with its archived images; returns it so the UI can offer undo (restoreNote, which puts the images back
 * while this context still holds them). Undefined when it was not there.
 */
export function deleteNote(db: NotesDb, id: string): Promise<Note | undefined> {
  return commit(db, async (w) => {
    const old = (await w.tx.objectStore('notes').get(id)) as Note | undefined;
    if (old) await dropNote(w, id);
    if (old) await dropAssets(w.tx, id);
    return old;
  });
}

/**
 * Put a deleted note back exactly as it was (undo).
 * @throws NotesWriteError 'conflict' when the same canonical URL was saved again meanwhile (that newer note stays)
 */
export function restoreNote(db: NotesDb, note: Note): Promise<void> {
  return commit(db, async (w) => {
    await putNote(w, note, 'add');
    await restoreAssets(w.tx, note.id);
  });
}

/** Notes an import looks up and writes per round of requests (see importNotes). */
const IMPORT_ROUND = 500;

type ImportTally = ImportResult & { ids: string[]; rows: SearchRow[] };

/**
 * Add notes from an export file (already validated by parseNotesExport). De-duplicates by canonical URL: a note whose
 * canonical URL is already in the library is skipped, or replaces the stored one (keeping the stored id) when
 * `replace` is true. All or nothing: one transaction.
 * @returns the counts, the ids and search rows written (so a search index can add just those), the revision written
 *   and whether the library was empty before
 */
export function importNotes(
  db: NotesDb,
  notes: readonly Note[],
  replace = false,
): Promise<ImportTally & { revision: number; wasEmpty: boolean }> {
  // Tokenized before the transaction opens, so the library is locked only while the records are written.
  const rows = notes.map((n) => searchRow(n, 0));
  return commit(db, async (w) => {
    const wasEmpty = (await w.tx.objectStore('notes').count()) === 0;
    const tally: ImportTally = { added: 0, replaced: 0, skipped: 0, ids: [], rows: [] };
    const state = { replace, seen: new Set<string>(), taken: new Set<string>(), tally };
    // In rounds: a round's lookups are sent together, then its writes, and only the round is awaited. Awaiting each
    // request in turn made an import of 50,000 notes 200,000 round trips in a row (scripts/bench-notes.ts).
    for (let i = 0; i < notes.length; i += IMPORT_ROUND)
      await importRound(
        w,
        notes.slice(i, i + IMPORT_ROUND).map((note, k) => ({ note, row: rows[i + k] })),
        state,
      );
    return { ...tally, wasEmpty, revision: w.rev };
  });
}

/**
 * One round of importNotes, in file order: a note whose URL came earlier in the file (`seen`) is skipped; one whose
 * URL is stored is skipped or replaces it; a new one keeps its id unless that id is stored or `taken` by a note
 * written earlier in this import (put would overwrite that note), then it gets a fresh one.
 */
async function importRound(
  w: Write,
  round: { note: Note; row: SearchRow }[],
  o: { replace: boolean; seen: Set<string>; taken: Set<string>; tally: ImportTally },
): Promise<void> {
  const store = w.tx.objectStore('notes');
  const todo = round.filter(({ note }) => {
    const first = !o.seen.has(note.canonicalUrl);
    o.seen.add(note.canonicalUrl);
    if (!first) o.tally.skipped++;
    return first;
  });
  const [stored, ids] = await Promise.all([
    Promise.all(todo.map(({ note }) => store.index('canonicalUrl').getKey(note.canonicalUrl))),
    Promise.all(todo.map(({ note }) => store.getKey(note.id))),
  ]);
  const writes: Promise<unknown>[] = [];
  todo.forEach(({ note, row }, k) => {
    const old = stored[k] as string | undefined;
    if (old !== undefined && !o.replace) {
      o.tally.skipped++;
      return;
    }
    const clash = ids[k] !== undefined || o.taken.has(note.id);
    const id = old ?? (clash ? crypto.randomUUID() : note.id);
    const written = { ...row, id, rev: w.rev };
    writes.push(store[old === undefined ? 'add' : 'put']({ ...note, id }), w.tx.objectStore('search').put(written));
    o.taken.add(id);
    o.tally.rows.push(written);
    o.tally.ids.push(id);
    o.tally[old === undefined ? 'added' : 'replaced']++;
  });
  await Promise.all(writes);
}

/** Remove every note (the revision keeps counting, so cached search indexes are invalidated). Returns the count. */
export function clearNotes(db: NotesDb): Promise<number> {
  return commit(db, async (w) => {
    const store = w.tx.objectStore('notes');
    const n = await store.count();
    await store.clear();
    await w.tx.objectStore('search').clear();
    await clearAssets(w.tx);
    return n;
  });
}
