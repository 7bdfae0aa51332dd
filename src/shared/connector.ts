import browser from 'webextension-polyfill';
import type { BGtoCS, CStoBG, ProtocolData, ProtocolMessage, ProtocolResult, UItoBG } from './messages';

/**
 * Typed senders, one per direction of src/shared/messages.ts: the only way contexts talk to each other.
 * A rejected promise means nobody answered (no content script in the tab, background not reachable).
 */

/** Content script, reader or part script → background. */
export function sendCStoBG<K extends keyof CStoBG>(
  name: K,
  data: ProtocolData<CStoBG, K>,
): Promise<ProtocolResult<CStoBG, K>> {
  return browser.runtime.sendMessage({ name, data } as ProtocolMessage<CStoBG>);
}

/** Extension page (popup, notes page) → background. */
export function sendUItoBG<K extends keyof UItoBG>(
  name: K,
  data: ProtocolData<UItoBG, K>,
): Promise<ProtocolResult<UItoBG, K>> {
  return browser.runtime.sendMessage({ name, data } as ProtocolMessage<UItoBG>);
}

/** Background or popup → the content script in the top frame of a tab. @throws when no content script listens there */
export function sendBGtoCS<K extends keyof BGtoCS>(
  tabId: number,
  name: K,
  data: ProtocolData<BGtoCS, K>,
): Promise<ProtocolResult<BGtoCS, K>> {
  return browser.tabs.sendMessage(tabId, { name, data } as ProtocolMessage<BGtoCS>, { frameId: 0 });
}

/** True when `msg` has the shape `{name: string, data?}` (anything else on the bus is ignored). */
export function isMessage(msg: unknown): msg is { name: string; data: unknown } {
  return typeof msg === 'object' && msg !== null && typeof (msg as { name?: unknown }).name === 'string';
}
