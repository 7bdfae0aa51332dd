import type browser from 'webextension-polyfill';

/**
 * Who sent a runtime message, as far as the background can tell: one of our extension pages (popup, notes page), or a
 * content-script context (content script, reader, part script) in a web page's tab and frame.
 */
export type Sender = { kind: 'extension-page' } | { kind: 'content'; tabId: number; frameId: number };

/**
 * The one sender policy of the background (after Bitwarden's sender check, autofill/security/sender.ts). Only our own
 * extension is heard. An extension page is a sender whose URL is in our origin and that has no tab, or whose tab shows
 * our origin too (an extension page opened as a tab: popup.html?tab=… in the browser tests). Any other sender in a tab
 * is a content script: its `sender.url` is the page's, which the page controls, so it is never read; what it may touch
 * is its own tab and frame, given here from the browser's own `sender.tab.id` and `sender.frameId`.
 *
 * @param extensionId `runtime.id`
 * @param extensionOrigin `runtime.getURL('')`, e.g. `chrome-extension://<id>/`
 * @returns the sender, or null when it is none of ours (another extension, or no tab and not an extension page)
 */
export function senderOf(
  sender: browser.Runtime.MessageSender,
  extensionId: string,
  extensionOrigin: string,
): Sender | null {
  if (sender.id !== extensionId) return null;
  const ours = (url: string | undefined) => typeof url === 'string' && url.startsWith(extensionOrigin);
  if (ours(sender.url) && (!sender.tab || ours(sender.tab.url ?? sender.url))) return { kind: 'extension-page' };
  const tabId = sender.tab?.id;
  if (tabId === undefined) return null;
  return { kind: 'content', tabId, frameId: sender.frameId ?? 0 };
}
