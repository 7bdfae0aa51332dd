import browser from 'webextension-polyfill';
import { onMenuClick, registerNotesMenu } from './notes';
import { routeMessage, runCommand } from './router';
import { registerSiteAccess } from './site-access';

/**
 * Background (Chrome service worker / Firefox event page, same source). Listeners are registered synchronously at the
 * top level, as event pages and service workers require: one for messages and one for keyboard commands (both routed
 * by router.ts, the sender policy in sender.ts), the notes context menu (notes.ts), and the content script registered
 * for the sites the user granted (site-access.ts).
 */
browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) =>
  routeMessage(msg, sender, browser.runtime.id, browser.runtime.getURL('')),
);

browser.commands.onCommand.addListener((command, tab) => {
  runCommand(command, tab).catch((e) => console.warn('[qingdu] command failed', command, e));
});

registerNotesMenu();
registerSiteAccess();

// Test-only hooks: synthetic key presses and menu clicks never reach extension handlers (test/e2e/shortcut.test.ts
// presses real keys under X11 instead), so browser tests call the real handlers here, in the real background context.
// Reachable only from this context (worker/event page).
const globals = globalThis as Record<string, unknown>;
const tabOf = (tabId?: number) => (tabId === undefined ? undefined : browser.tabs.get(tabId));
globals.qingduTestHooks = {
  runCommand: async (command: string, tabId?: number) => runCommand(command, await tabOf(tabId)),
};
globals.qingduNotesTestHooks = {
  menuClick: async (menuItemId: string, tabId: number, selectionText?: string) => {
    const info = { menuItemId, selectionText, editable: false, pageUrl: '' } as browser.Menus.OnClickData;
    return onMenuClick(info, await browser.tabs.get(tabId));
  },
  command: async (command: string, tabId: number) => runCommand(command, await browser.tabs.get(tabId)),
};
