import browser from 'webextension-polyfill';
import type { Article } from '../extract/article';
import type { PrintEdition } from '../extract/print-edition';
import { openNotesDb, type NotesDb } from '../notes/db';
import { NOTES_CHANNEL, type Note, type NotesChanged, type SaveResult } from '../shared/notes-types';
import {
  annotateArticle,
  canonicalKey,
  clearNotes,
  deleteNote,
  describeWriteError,
  editNote,
  importNotes,
  removeAnnotation,
  restoreNote,
  saveArticle,
  updateAnnotation,
} from '../notes/write';
import { snapshotAfterImport } from '../notes/search-cache';
import { sendBGtoCS } from '../shared/connector';
import { t } from '../shared/i18n';
import { withImageLine } from '../shared/image-archive';
import type { ArticleAnnotations, NotesProtocol, NotesReply, ProtocolHandlers } from '../shared/messages';
import { ensureContent } from './tabs';
import { archiveImages } from './image-archive';

/**
 * The background side of the notes library: the only context that writes it. The handlers of NotesProtocol (routed by
 * router.ts), saving a tab (the `save-note` command, router.ts) and the context menu (page → save the page; selection
 * → save the quote with its article). Every handler answers a NotesReply, so a refused write reaches the user as a
 * message, never as a silent failure. After each committed write the change is broadcast on the `qingdu-notes`
 * BroadcastChannel.
 */

let dbPromise: Promise<NotesDb> | undefined;
/** The library, opened once per background lifetime (reopened after a failure such as a private-mode refusal). */
function db(): Promise<NotesDb> {
  // onClose: a newer schema was requested elsewhere (extension updated) and our connection closed for it: reopen.
  dbPromise ??= openNotesDb(undefined, () => {
    dbPromise = undefined;
  }).catch((e) => {
    dbPromise = undefined;
    throw e;
  });
  return dbPromise;
}

let channel: BroadcastChannel | undefined;
function announce(change: Omit<NotesChanged, 'type'>): void {
  channel ??= new BroadcastChannel(NOTES_CHANNEL);
  channel.postMessage({ type: 'notes-changed', ...change } satisfies NotesChanged);
}

async function reply<T>(work: () => Promise<T>): Promise<NotesReply<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    const err = describeWriteError(e);
    // The user reads `error` (popup notice, notes page, toolbar title): in their language, from _locales.
    return { ok: false, code: err.code, error: t(err.key, err.subs) };
  }
}

/** Imports in progress: parts staged by notesImportChunk, written at once by notesImportCommit. */
const staged = new Map<string, Note[]>();

/**
 * Save an article with an optional quote and the print edition its page credits (kept on the note for its citations),
 * then archive its images; announce each.
 */
export async function saveNote(
  article: Article,
  quote?: string,
  print?: PrintEdition | null,
): Promise<NotesReply<SaveResult>> {
  return reply(async () => {
    const library = await db();
    const r = await saveArticle(library, { article, quote, print });
    announce({ put: [r.note.id], removed: [] });
    // The text is saved (its own transaction); the images follow in a second one (image-archive.ts).
    const images = await archiveImages(library, r.note).catch((e) => {
      console.warn('[qingdu] images not archived', e);
      return undefined;
    });
    if (images?.kept) announce({ put: [r.note.id], removed: [] });
    return { ...r, images };
  });
}

/** The highlights of a saved article (by its canonical URL), for the reader; null when it is not saved. */
export function articleAnnotations(article: Article): Promise<NotesReply<ArticleAnnotations | null>> {
  return reply(async () => {
    const note = (await (await db()).getFromIndex('notes', 'canonicalUrl', canonicalKey(article))) as Note | undefined;
    return note ? { noteId: note.id, annotations: note.annotations ?? [] } : null;
  });
}

/** The NotesProtocol handlers (routed by router.ts). */
export const notesHandlers: ProtocolHandlers<NotesProtocol> = {
  notesSave: ({ article, quote, print }) => saveNote(article, quote, print),
  notesEdit: ({ id, note, tags }) =>
    reply(async () => {
      const n = await editNote(await db(), id, { note, tags });
      announce({ put: [id], removed: [] });
      return n;
    }),
  notesDelete: ({ id }) =>
    reply(async () => {
      const n = await deleteNote(await db(), id);
      announce({ put: [], removed: [id] });
      return n ?? null;
    }),
  notesRestore: ({ note }) =>
    reply(async () => {
      await restoreNote(await db(), note);
      announce({ put: [note.id], removed: [] });
      return null;
    }),
  notesImportChunk: async ({ importId, notes }) => {
    const list = staged.get(importId) ?? [];
    list.push(...notes);
    staged.set(importId, list);
    return { ok: true, value: list.length };
  },
  notesImportCommit: ({ importId, replace }) =>
    reply(async () => {
      const notes = staged.get(importId) ?? [];
      staged.delete(importId);
      const library = await db();
      const { ids, rows, revision, wasEmpty, ...counts } = await importNotes(library, notes, replace);
      // Only the written notes change: open pages add those to their index instead of rebuilding it.
      announce({ put: ids, removed: [] });
      // The rows are in memory now: the next notes page restores this snapshot instead of reading them all again.
      await snapshotAfterImport(library, { rows, revision, wasEmpty }).catch((e) =>
        console.warn('[qingdu] search snapshot after import not stored', e),
      );
      return counts;
    }),
  annotationAdd: ({ article, annotation, print }) =>
    reply(async () => {
      const library = await db();
      const r = await annotateArticle(library, { article, annotation, print });
      announce({ put: [r.note.id], removed: [] });
      // A highlight on an unsaved article saved it: its images are archived as any save's, after the reply.
      if (r.status === 'created')
        void archiveImages(library, r.note)
          .then((images) => images.kept && announce({ put: [r.note.id], removed: [] }))
          .catch((e) => console.warn('[qingdu] images not archived', e));
      return r;
    }),
  annotationEdit: ({ noteId, id, bodyValue, color }) =>
    reply(async () => {
      const n = await updateAnnotation(await db(), noteId, id, { bodyValue, color });
      announce({ put: [noteId], removed: [] });
      return n;
    }),
  annotationRemove: ({ noteId, id }) =>
    reply(async () => {
      const n = await removeAnnotation(await db(), noteId, id);
      announce({ put: [noteId], removed: [] });
      return n;
    }),
  notesClear: () =>
    reply(async () => {
      const n = await clearNotes(await db());
      announce({ put: [], removed: [], all: true });
      return n;
    }),
};

/**
 * Article of a tab from its content script (injected under activeTab when the host is not in the manifest), with the
 * print edition the page credits (none when the content script cannot say).
 */
async function tabArticle(tabId: number): Promise<{ article: Article; print: PrintEdition | null }> {
  await ensureContent(tabId);
  const article = await sendBGtoCS(tabId, 'getArticle', undefined);
  // Same rule as the popup, whose save button is off on non-article pages (channel lists, search results).
  if (!article?.isArticle) throw new Error(t('saveNotArticle'));
  const print = await sendBGtoCS(tabId, 'printEdition', undefined).catch(() => null);
  return { article, print };
}

/** Show the outcome of a save from the menu or the shortcut on the toolbar badge and title of the tab. */
async function showOutcome(tabId: number, r: NotesReply<SaveResult>): Promise<void> {
  const text = r.ok ? '✓' : '!';
  const saved = r.ok && t(r.value.status === 'created' ? 'saveBadgeCreated' : 'saveBadgeUpdated');
  const title = r.ok ? withImageLine(saved as string, r.value.images, t) : r.error;
  await browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
  await browser.action.setBadgeBackgroundColor({ tabId, color: r.ok ? '#2a7' : '#c33' }).catch(() => undefined);
  await browser.action.setTitle({ tabId, title }).catch(() => undefined);
}

/** Save the article of a tab, with the selected text as a quote when given. */
export async function saveTab(tabId: number, quote?: string): Promise<NotesReply<SaveResult>> {
  let r: NotesReply<SaveResult>;
  try {
    const { article, print } = await tabArticle(tabId);
    r = await saveNote(article, quote, print);
  } catch (e) {
    r = { ok: false, code: 'no-article', error: (e as Error).message };
  }
  await showOutcome(tabId, r);
  return r;
}

export const MENU_SAVE_PAGE = 'qingdu-save-page';
export const MENU_SAVE_SELECTION = 'qingdu-save-selection';
/** On the toolbar button's own menu: open the notes page (the library has no other door besides the popup). */
export const MENU_OPEN_NOTES = 'qingdu-open-notes';

/** The context-menu click handler: the page, or the selection as a quote with its article. */
export function onMenuClick(
  info: browser.Menus.OnClickData,
  tab?: browser.Tabs.Tab,
): Promise<NotesReply<SaveResult>> | undefined {
  if (info.menuItemId === MENU_OPEN_NOTES) {
    void browser.tabs.create({ url: browser.runtime.getURL('src/notes/index.html') });
    return undefined;
  }
  if (tab?.id === undefined) return undefined;
  if (info.menuItemId === MENU_SAVE_PAGE) return saveTab(tab.id);
  if (info.menuItemId === MENU_SAVE_SELECTION) return saveTab(tab.id, info.selectionText ?? undefined);
  return undefined;
}

async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_SAVE_PAGE, title: t('menuSavePage'), contexts: ['page'] });
  browser.contextMenus.create({ id: MENU_SAVE_SELECTION, title: t('menuSaveSelection'), contexts: ['selection'] });
  browser.contextMenus.create({ id: MENU_OPEN_NOTES, title: t('menuOpenNotes'), contexts: ['action'] });
}

/**
 * Register the context menu (created at install and startup, clicks handled by onMenuClick). Call once, at the top
 * level of the background script (listeners must be registered synchronously for event pages and service workers).
 */
export function registerNotesMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    createMenus().catch((e) => console.warn('[qingdu] menus', e));
  });
  browser.runtime.onStartup.addListener(() => {
    createMenus().catch((e) => console.warn('[qingdu] menus', e));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void onMenuClick(info, tab);
  });
}
