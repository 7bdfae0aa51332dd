import type { Article } from '../extract/article';
import type { ImportResult, Note, SaveResult } from '../notes/types';

/**
 * The one message contract between extension contexts (protocol map: `name: [request data, response]`).
 * Every `runtime.sendMessage` / `tabs.sendMessage` goes through `send`/`sendToTab` (src/shared/connector.ts) with a
 * name declared here.
 */
export interface ContentProtocol {
  /** Popup/background → content script: the page's Article (extracted on a clone of the document). */
  getArticle: [void, Article | null];
  /** Toggle the reader overlay; returns whether it is open afterwards. */
  toggleReader: [void, boolean];
  /** Turn the in-place declutter stylesheet on or off; returns whether it is on. */
  setDeclutter: [{ on: boolean }, boolean];
  /** Background → content script: is the content script there, is the reader script loaded, is the reader open? */
  status: [void, ContentStatus];
}

/** What the content script reports about its tab (see `status`). */
export interface ContentStatus {
  isArticle: boolean;
  /** The reader bundle (src/reader/inject.ts) has been injected into this tab. */
  readerLoaded: boolean;
  readerOpen: boolean;
  declutter: boolean;
  /** Set when the page was too large or nested too deep to analyse (src/content/limits.ts); the popup says so. */
  unreadable?: 'too-large' | 'too-deep';
}

export interface BackgroundProtocol {
  /** Content script → background: the detection verdict of the sender's tab, for the toolbar badge. */
  articleDetected: [{ isArticle: boolean }, void];
  /** Popup → background: make sure the content script runs in the tab (injects it under activeTab if needed). */
  ensureContent: [{ tabId: number }, boolean];
  /** Popup → background: toggle reader mode in the tab (injects content and reader scripts on first use). */
  toggleReaderInTab: [{ tabId: number }, boolean];
  /** Popup → background: the user granted or revoked a site; update the registered content script (origins it covers). */
  syncSiteAccess: [void, string[]];
  /** Reader or content script → background: inject a heavy part (OpenCC, citations, multi-page, Readability) into the sender's frame. */
  loadReaderPart: [{ part: 'opencc' | 'cite' | 'pages' | 'readability' }, boolean];
  /** Reader (content script) → background: the text of one shipped CSL file (`csl/<name>.csl|.xml`). */
  readerAsset: [{ file: string }, string];
}

/** Result of a notes write: the value, or the user-facing error message (the write changed nothing). */
export type NotesReply<T> = { ok: true; value: T } | { ok: false; code: string; error: string };

/**
 * Extension pages (popup, notes page, reader bridge) → background: every write to the notes library goes through the
 * background (src/background/notes.ts), so writes from several tabs are serialized in one place.
 */
export interface NotesProtocol {
  /** Save an article (and a selected quote); the same canonical URL again updates the note. */
  notesSave: [{ article: Article; quote?: string }, NotesReply<SaveResult>];
  /** Change the user's note text and/or tags. */
  notesEdit: [{ id: string; note?: string; tags?: string[] }, NotesReply<Note>];
  /** Delete a note; the reply carries it for undo (null when it was already gone). */
  notesDelete: [{ id: string }, NotesReply<Note | null>];
  /** Undo a delete: put the note back exactly as it was. */
  notesRestore: [{ note: Note }, NotesReply<null>];
  /** One part of a large import, staged in the background until notesImportCommit (messages have a size limit). */
  notesImportChunk: [{ importId: string; notes: Note[] }, NotesReply<number>];
  /** Write every staged part of an import in one transaction (all or nothing); duplicates skipped or replaced. */
  notesImportCommit: [{ importId: string; replace: boolean }, NotesReply<ImportResult>];
  /** Remove every note. */
  notesClear: [void, NotesReply<number>];
}

export type ProtocolMessage<P> = { [K in keyof P]: { name: K; data: P[K] extends [infer D, unknown] ? D : never } }[keyof P];
export type ProtocolResult<P, K extends keyof P> = P[K] extends [unknown, infer R] ? R : never;
export type ProtocolData<P, K extends keyof P> = P[K] extends [infer D, unknown] ? D : never;

/** Messages that only a content script (a sender with a tab) may send to the background. */
export const FROM_CONTENT: readonly (keyof BackgroundProtocol)[] = ['articleDetected', 'loadReaderPart', 'readerAsset'];
/** Messages that only extension pages (popup, notes) may send to the background. */
export const FROM_EXTENSION_PAGE: readonly (keyof BackgroundProtocol)[] = ['ensureContent', 'toggleReaderInTab', 'syncSiteAccess'];
