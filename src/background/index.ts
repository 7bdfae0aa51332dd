import browser from 'webextension-polyfill';
import { isMessage } from '../shared/connector';
import type { BackgroundProtocol } from '../shared/messages';
import { t } from '../shared/i18n';
import { allowedSender } from './sender';
import { ensureContent, toggleReaderInTab } from './tabs';
import { registerNotes } from './notes';
import { registerSiteAccess, syncSiteScripts } from './site-access';
import { loadReaderPart, readerAsset } from './reader-parts';

/**
 * Background (Chrome service worker / Firefox event page, same source): keyboard command, toolbar badge, message
 * routing with the sender check in one place (sender.ts), content/reader injection on demand (tabs.ts).
 */
type Handlers = {
  [K in keyof BackgroundProtocol]: (data: BackgroundProtocol[K][0], sender: browser.Runtime.MessageSender) =>
    Promise<BackgroundProtocol[K][1]> | BackgroundProtocol[K][1];
};

const handlers: Handlers = {
  articleDetected: async ({ isArticle }, sender) => {
    const tabId = sender.tab!.id!;
    await browser.action.setBadgeText({ tabId, text: isArticle ? t('badgeArticle') : '' });
    if (isArticle) await browser.action.setBadgeBackgroundColor({ tabId, color: '#a33' });
  },
  ensureContent: async ({ tabId }) => {
    await ensureContent(tabId);
    return true;
  },
  toggleReaderInTab: ({ tabId }) => toggleReaderInTab(tabId),
  syncSiteAccess: () => syncSiteScripts(),
  loadReaderPart: ({ part }, sender) => loadReaderPart(part, sender),
  readerAsset: ({ file }) => readerAsset(file),
};

browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => {
  if (!isMessage(msg) || !(msg.name in handlers)) return undefined;
  const name = msg.name as keyof BackgroundProtocol;
  if (!allowedSender(name, sender, browser.runtime.id, browser.runtime.getURL(''))) {
    console.warn('[qingdu] message refused', name, sender.url);
    return undefined;
  }
  const handler = handlers[name] as (d: unknown, s: browser.Runtime.MessageSender) => unknown;
  return Promise.resolve(handler(msg.data, sender));
});

/** The keyboard-command handler (commands.onCommand); `tab` is the active tab the shortcut was pressed in. */
export async function handleCommand(command: string, tab?: browser.Tabs.Tab): Promise<boolean> {
  if (command !== 'toggle-reader') return false;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return false;
  return toggleReaderInTab(tabId);
}

browser.commands.onCommand.addListener((command, tab) => {
  handleCommand(command, tab).catch((e) => console.warn('[qingdu] command failed', command, e));
});

// Test-only hook: synthetic key presses never fire extension commands (../shared/TOOLCHAIN.md), so browser tests call
// the real handler here, in the real background context. Reachable only from this context (worker/event page).
(globalThis as Record<string, unknown>).qingduTestHooks = {
  runCommand: async (command: string, tabId?: number) =>
    handleCommand(command, tabId === undefined ? undefined : await browser.tabs.get(tabId)),
};

// The notes library's writes, context menu and save-note command (src/background/notes.ts).
registerNotes();

// "Always clean this site": the content script registered for the origins the user granted (site-access.ts).
registerSiteAccess();
