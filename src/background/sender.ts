import type browser from 'webextension-polyfill';
import { FROM_CONTENT, FROM_EXTENSION_PAGE, type BackgroundProtocol } from '../shared/messages';

/**
 * The one place the background decides whether to act on a message (after Bitwarden's sender check).
 * Only our own extension may talk to us; content-script messages must come from a tab (their `sender.url` is page
 * controlled and never trusted); page-level actions (inject, toggle in any tab) only from our extension pages.
 *
 * @param extensionId `runtime.id`
 * @param extensionOrigin `runtime.getURL('')`, e.g. `chrome-extension://<id>/`
 */
export function allowedSender(
  name: keyof BackgroundProtocol, sender: browser.Runtime.MessageSender, extensionId: string, extensionOrigin: string,
): boolean {
  if (sender.id !== extensionId) return false;
  const fromPage = !sender.tab && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
  // An extension page opened as a tab (popup.html?tab=… in tests) has a tab but an extension URL.
  const fromExtensionTab = !!sender.tab && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)
    && (sender.tab.url ?? sender.url).startsWith(extensionOrigin);
  if (FROM_EXTENSION_PAGE.includes(name)) return fromPage || fromExtensionTab;
  if (FROM_CONTENT.includes(name)) return !!sender.tab && sender.tab.id !== undefined && !fromExtensionTab;
  return false;
}
