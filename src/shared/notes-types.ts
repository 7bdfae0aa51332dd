import type { Article } from '../extract/article';
import type { PrintEdition } from '../extract/print-edition';
import type { ImageArchiveReport } from './image-archive';

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
  /**
   * The user's highlights and comments on the article, oldest first. Absent on notes written before highlights existed
   * (read it as `note.annotations ?? []`); kept across re-saves, and anchored on the article's text (see Annotation).
   */
  annotations?: Annotation[];
  /**
   * The print edition (版次) the page credited when it was saved (a reprint's `《人民日报》（2024年05月10日 04 版）`,
   * src/extract/print-edition.ts), so the note is cited as the printed article as the live page is. Absent when the
   * page credits none and on notes saved before it was kept (those cite as web pages); a later save without one keeps
   * it.
   */
  printEdition?: PrintEdition;
  createdAt: string;
  updatedAt: string;
}

/**
 * W3C Web Annotation TextQuoteSelector: the highlighted text exactly as it was in the article's body text, with up to
 * 32 characters of context on either side (fewer at the start or end of the text).
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * W3C Web Annotation TextPositionSelector: UTF-16 offsets [start, end) into the body text, i.e. the `textContent` of
 * the element that renders `article.contentHtml` (the same sanitized render in the reader and the notes page), before
 * any 繁/简 conversion. A hint only: the quote selector decides where a highlight goes.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** The highlight colours the reader offers (names, not CSS: each theme draws them its own way). */
export const ANNOTATION_COLORS: readonly HighlightColor[] = ['yellow', 'green', 'blue', 'pink'];
export type HighlightColor = 'yellow' | 'green' | 'blue' | 'pink';

/**
 * A highlight, with an optional comment, in the shape of a W3C Web Annotation (https://www.w3.org/TR/annotation-model/):
 * `bodyValue` is the model's plain-text body shorthand (the comment, '' when none); `motivation` is 'commenting' when
 * there is a comment, else 'highlighting'; `target.selector` holds one TextQuoteSelector and one TextPositionSelector.
 * Times are ISO 8601 UTC.
 */
export interface Annotation {
  /** Random id (UUID), stable for the life of the annotation. */
  id: string;
  motivation: 'highlighting' | 'commenting';
  bodyValue: string;
  color: HighlightColor;
  target: { selector: [TextQuoteSelector, TextPositionSelector] };
  created: string;
  modified: string;
}

/**
 * An image archived with a note (IndexedDB store `assets`, key [noteId, url]): the bytes fetched once when the article
 * was saved, so the note reads offline with its pictures.
 */
export interface Asset {
  noteId: string;
  /** The image's absolute URL as it is in `article.images[].src` and in `article.contentHtml`. */
  url: string;
  /** The response's MIME type, e.g. `image/jpeg`. */
  type: string;
  /** Size of `blob` in bytes. */
  bytes: number;
  blob: Blob;
  /** ISO 8601 UTC time it was fetched. */
  fetchedAt: string;
}

/** What a save reports: a new note, or an update of the note that already had this canonical URL. */
export interface SaveResult {
  status: 'created' | 'updated';
  note: Note;
  /** What archiving the article's images kept (absent when the save did not archive, e.g. in unit tests). */
  images?: ImageArchiveReport;
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
