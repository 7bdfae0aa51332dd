import browser from 'webextension-polyfill';
import type {
  BackgroundProtocol, ContentProtocol, ProtocolData, ProtocolMessage, ProtocolResult,
} from './messages';

/**
 * Typed senders over `runtime.sendMessage` / `tabs.sendMessage`: the only way contexts talk to each other.
 * A rejected promise means nobody answered (no content script in the tab, background not reachable).
 */
export function send<K extends keyof BackgroundProtocol>(
  name: K, data: ProtocolData<BackgroundProtocol, K>,
): Promise<ProtocolResult<BackgroundProtocol, K>> {
  return browser.runtime.sendMessage({ name, data } as ProtocolMessage<BackgroundProtocol>);
}

/** Send a content-script message to the top frame of a tab. @throws when no content script listens there. */
export function sendToTab<K extends keyof ContentProtocol>(
  tabId: number, name: K, data: ProtocolData<ContentProtocol, K>,
): Promise<ProtocolResult<ContentProtocol, K>> {
  return browser.tabs.sendMessage(tabId, { name, data } as ProtocolMessage<ContentProtocol>, { frameId: 0 });
}

/** True when `msg` has the shape `{name: string, data?}` (anything else on the bus is ignored). */
export function isMessage(msg: unknown): msg is { name: string; data: unknown } {
  return typeof msg === 'object' && msg !== null && typeof (msg as { name?: unknown }).name === 'string';
}
