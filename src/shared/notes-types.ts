import type { Article } from '../extract/article';

/** A passage the user selected and saved with its article (context menu → 保存选中文字). */
export interface Quote {
  text: string;
  /** ISO 8601 UTC time it was saved. */
  savedAt: string;
}

/**
 * One saved article in the library. Field names are a public contract: the JSON export writes notes as they are.
 * Times are ISO 8601 UTC strings (`Date#toISOString`), which sort correctly as strings in IndexedDB indexes.
 */
export interface Note {
  /** Random id (UUID), stable for the life of the note. */
  id: string;
  /** The key notes are de-duplicated by: canonicalUrl of the article, else its URL, without the #fragment. */
  canonicalUrl: string;
  /** The full Article record as extracted when last saved. */
  article: Article;
  /** Site name, else the host: what the site filter and facets use. */
  site: string;
  /** When the page was last read for this note (the citation's 访问日期). */
  accessedAt: string;
  /** SHA-256 of article.textContent (UTF-8), lower-case hex: shows whether the text changed between saves. */
  textSha256: string;
  /** The user's own note (plain text). */
  note: string;
  /** The user's tags, trimmed, unique, in the order given. */
  tags: string[];
  /** Selections saved from this article, oldest first (empty when only the page was saved). */
  quotes: Quote[];
  createdAt: string;
  updatedAt: string;
}

/** What a save reports: a new note, or an update of the note that already had this canonical URL. */
export interface SaveResult {
  status: 'created' | 'updated';
  note: Note;
}

/** Outcome of an import: how many notes were added, replaced or skipped as duplicates (by canonical URL). */
export interface ImportResult {
  added: number;
  replaced: number;
  skipped: number;
}

/** The JSON export file: everything, lossless. `format` and `version` let import refuse foreign files. */
export interface NotesExport {
  format: 'qingdu-notes';
  version: 1;
  exportedAt: string;
  notes: Note[];
}

/** Broadcast on the `qingdu-notes` BroadcastChannel after every committed write, so open notes pages refresh. */
export interface NotesChanged {
  type: 'notes-changed';
  /** Ids written (created/updated/restored) and removed; `all` when the whole library changed (import, clear). */
  put: string[];
  removed: string[];
  all?: boolean;
}

export const NOTES_CHANNEL = 'qingdu-notes';
