import type { Article } from '../extract/article';
import type { PrintEdition } from '../extract/print-edition';
import type { Annotation, HighlightColor, ImportResult, Note, SaveResult } from './notes-types';
import type { PartName } from './part-files';

/**
 * The one message contract between extension contexts, split by direction so that the sender a message may come from
 * is part of its type (protocol maps: `name: [request data, response]`):
 * - BGtoCS: background and popup → the content script of a tab (`tabs.sendMessage`);
 * - CStoBG: a content-script context in a web page's tab (content script, reader overlay, part scripts) → background;
 * - UItoBG: extension pages (popup, notes page) → background.
 * Every message goes through the send function of its direction (src/shared/connector.ts); the background routes each
 * to the handler table of its sender's kind (src/background/router.ts), so a name outside that table is refused.
 */
export interface BGtoCS {
  /** The page's Article (extracted on a clone of the document). */
  getArticle: [void, Article | null];
  /**
   * Toggle the reader overlay; returns whether it is open afterwards. `readAnyway` (the popup's 仍然阅读 on a page
   * that is no article) opens it at the best block found, past the reader's own "not an article" notice, reopening
   * it when it is open.
   */
  toggleReader: [{ readAnyway?: boolean }, boolean];
  /** Turn the in-place declutter stylesheet on or off; returns whether it is on. */
  setDeclutter: [{ on: boolean }, boolean];
  /** Is the content script there, is the reader script loaded, is the reader open? */
  status: [void, ContentStatus];
  /** The print edition (版次) the page credits, read beside the Article (src/extract/print-edition.ts). */
  printEdition: [void, PrintEdition | null];
}

/** Why a page is not analysed (src/content/limits.ts): too many elements, or nested too deep. */
export type Unreadable = 'too-large' | 'too-deep';

/** What the content script reports about its tab (see `status`). */
export interface ContentStatus {
  isArticle: boolean;
  /** The reader bundle (src/reader/inject.ts) has been injected into this tab. */
  readerLoaded: boolean;
  readerOpen: boolean;
  /**
   * The parts (src/shared/part-files.ts) the Article's build still needs in this tab, none once it is built: the
   * background injects them together with the reader bundle, in one `scripting.executeScript`, so the first open
   * does not wait for the content script to ask for them.
   */
  partsWanted: ('readability' | 'complete')[];
  declutter: boolean;
  /** Set when the page was too large or nested too deep to analyse; the popup says so. */
  unreadable?: Unreadable;
}

/** Result of a notes write: the value, or the user-facing error message (the write changed nothing). */
export type NotesReply<T> = { ok: true; value: T } | { ok: false; code: string; error: string };

/**
 * The writes to the notes library. Every write goes through the background (src/background/notes.ts), so writes from
 * several tabs are serialized in one place. All are UItoBG; `notesSave` is CStoBG too (the reader's `s`).
 */
export interface NotesProtocol {
  /**
   * Save an article (and a selected quote); the same canonical URL again updates the note. `print`: the print edition
   * the page credits (the content script's `printEdition`), kept on the note for its citations.
   */
  notesSave: [{ article: Article; quote?: string; print?: PrintEdition | null }, NotesReply<SaveResult>];
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
  /** Add a highlight to the note of an article, saving the article first (with `print`, as notesSave) when it is not. */
  annotationAdd: [
    { article: Article; annotation: NewAnnotation; print?: PrintEdition | null },
    NotesReply<AnnotationSaved>,
  ];
  /** Change a highlight's comment and/or colour. */
  annotationEdit: [{ noteId: string; id: string; bodyValue?: string; color?: HighlightColor }, NotesReply<Note>];
  /** Remove a highlight. */
  annotationRemove: [{ noteId: string; id: string }, NotesReply<Note>];
}

/** A highlight as the reader sends it: the background gives it its id, motivation and times. */
export type NewAnnotation = Pick<Annotation, 'bodyValue' | 'color' | 'target'>;
/** What adding a highlight answers: the save (created when the article was saved with it) and the stored highlight. */
export type AnnotationSaved = SaveResult & { annotation: Annotation };
/** The highlights of a saved article, for the reader (only these: the rest of the note stays in the background). */
export interface ArticleAnnotations {
  noteId: string;
  annotations: Annotation[];
}

/**
 * Content script, reader and part scripts → background. The sender is a tab's content script: its `sender.url` is the
 * page's and says nothing about who sent it, so these act on the sender's own tab and frame only.
 */
export interface CStoBG {
  /** The detection verdict of the sender's tab, for the toolbar badge. */
  articleDetected: [{ isArticle: boolean }, void];
  /** Inject a lazily loaded part (src/shared/part-files.ts) into the sender's tab and frame. */
  loadReaderPart: [{ part: PartName }, boolean];
  /** The text of one shipped CSL file (`csl/<name>.csl|.xml`), for the cite part. */
  readerAsset: [{ file: string }, string];
  /** The reader's `s`: save the article shown. */
  notesSave: NotesProtocol['notesSave'];
  /** The reader opens: the highlights of the article shown when it is saved (null when it is not). */
  notesAnnotations: [{ article: Article }, NotesReply<ArticleAnnotations | null>];
  /** The reader's highlights (see NotesProtocol). */
  annotationAdd: NotesProtocol['annotationAdd'];
  annotationEdit: NotesProtocol['annotationEdit'];
  annotationRemove: NotesProtocol['annotationRemove'];
}

/** Extension pages (popup, notes page) → background: actions on any tab, the site registrations, the notes writes. */
export interface UItoBG extends NotesProtocol {
  /** Make sure the content script runs in the tab (injects it under activeTab if needed). */
  ensureContent: [{ tabId: number }, boolean];
  /** Toggle reader mode in the tab (injects content and reader scripts on first use); `readAnyway` as toggleReader. */
  toggleReaderInTab: [{ tabId: number; readAnyway?: boolean }, boolean];
  /** The user granted or revoked a site; update the registered content script (origins it covers). */
  syncSiteAccess: [void, string[]];
}

export type ProtocolMessage<P> = {
  [K in keyof P]: { name: K; data: P[K] extends [infer D, unknown] ? D : never };
}[keyof P];
export type ProtocolResult<P, K extends keyof P> = P[K] extends [unknown, infer R] ? R : never;
export type ProtocolData<P, K extends keyof P> = P[K] extends [infer D, unknown] ? D : never;
/** A table of handlers for protocol P: one per name, given the data and what the router knows of the sender. */
export type ProtocolHandlers<P, From = void> = {
  [K in keyof P]: (data: ProtocolData<P, K>, from: From) => Promise<ProtocolResult<P, K>> | ProtocolResult<P, K>;
};
