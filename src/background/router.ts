import browser from 'webextension-polyfill';
import { isMessage } from '../shared/connector';
import type { CStoBG, ProtocolHandlers, UItoBG } from '../shared/messages';
import { articleAnnotations, notesHandlers, saveTab } from './notes';
import { loadReaderPart, readerAsset } from './reader-parts';
import { senderOf, type Sender } from './sender';
import { syncSiteScripts } from './site-access';
import { ensureContent, showVerdict, toggleReaderInTab } from './tabs';

/**
 * The background's one router: every runtime message and keyboard command that reaches the background is handled
 * here. A message is handled only when its name is in the handler table of its sender's kind (sender.ts senderOf):
 * the direction types of src/shared/messages.ts are the tables' keys, so the allowed sender of every message is in its
 * type and no list of names is kept by hand.
 */

type ContentSender = Extract<Sender, { kind: 'content' }>;

/** CStoBG: a content script, the reader or a part script, acting on its own tab and frame only. */
const fromContent: ProtocolHandlers<CStoBG, ContentSender> = {
  articleDetected: ({ isArticle }, from) => showVerdict(from.tabId, isArticle),
  loadReaderPart: ({ part }, from) => loadReaderPart(part, from.tabId, from.frameId),
  readerAsset: ({ file }) => readerAsset(file),
  notesSave: (data) => notesHandlers.notesSave(data),
  notesAnnotations: ({ article }) => articleAnnotations(article),
  annotationAdd: (data) => notesHandlers.annotationAdd(data),
  annotationEdit: (data) => notesHandlers.annotationEdit(data),
  annotationRemove: (data) => notesHandlers.annotationRemove(data),
};

/** UItoBG: our extension pages (popup, notes page). */
const fromExtensionPage: ProtocolHandlers<UItoBG> = {
  ...notesHandlers,
  ensureContent: async ({ tabId }) => {
    await ensureContent(tabId);
    return true;
  },
  toggleReaderInTab: ({ tabId, readAnyway }) => toggleReaderInTab(tabId, readAnyway),
  syncSiteAccess: () => syncSiteScripts(),
};

type Handler = (data: unknown, from: Sender) => unknown;
const ROUTES: { readonly [K in Sender['kind']]: Readonly<Record<string, Handler>> } = {
  content: fromContent as unknown as Record<string, Handler>,
  'extension-page': fromExtensionPage as unknown as Record<string, Handler>,
};

/** The handler for a message name from a kind of sender, or undefined when that sender may not send it. */
export function handlerFor(kind: Sender['kind'], name: string): Handler | undefined {
  const table = ROUTES[kind];
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** Is `name` a message of any direction to the background (so a refusal is worth a warning)? */
function isBackgroundMessage(name: string): boolean {
  return Object.values(ROUTES).some((table) => Object.hasOwn(table, name));
}

/**
 * The runtime.onMessage listener's body: route one message to its handler.
 * @param extensionId `runtime.id`
 * @param extensionOrigin `runtime.getURL('')`
 * @returns the handler's answer, or undefined when the message is not ours or its sender may not send it (warned)
 */
export function routeMessage(
  msg: unknown,
  sender: browser.Runtime.MessageSender,
  extensionId: string,
  extensionOrigin: string,
): Promise<unknown> | undefined {
  if (!isMessage(msg)) return undefined;
  const from = senderOf(sender, extensionId, extensionOrigin);
  const handler = from && handlerFor(from.kind, msg.name);
  if (!from || !handler) {
    if (isBackgroundMessage(msg.name)) console.warn('[qingdu] message refused', msg.name, sender.url);
    return undefined;
  }
  return Promise.resolve(handler(msg.data, from));
}

/** The keyboard commands of manifest.json, each run on the tab the shortcut was pressed in. */
export const COMMANDS = {
  'toggle-reader': (tabId: number) => toggleReaderInTab(tabId),
  'save-note': (tabId: number) => saveTab(tabId),
} satisfies Record<string, (tabId: number) => Promise<unknown>>;

/**
 * The commands.onCommand listener's body; `tab` is the tab the shortcut was pressed in (else the active tab).
 * @returns the command's result (toggle-reader: open?; save-note: the NotesReply), or undefined for an unknown
 *   command or when there is no tab
 */
export async function runCommand(command: string, tab?: browser.Tabs.Tab): Promise<unknown> {
  if (!Object.hasOwn(COMMANDS, command)) return undefined;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return undefined;
  return COMMANDS[command as keyof typeof COMMANDS](tabId);
}
