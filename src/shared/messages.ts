import type { Article } from '../extract/article';

/**
 * The one message contract between extension contexts (protocol map: `name: [request data, response]`).
 * Every `runtime.sendMessage` / `tabs.sendMessage` goes through `send`/`sendToTab` with a name declared here.
 */
export interface ContentProtocol {
  /** Popup/background → content script: the page's Article (extracted on a clone of the document). */
  getArticle: [void, Article | null];
  /** Toggle the reader overlay; returns whether it is open afterwards. */
  toggleReader: [void, boolean];
  /** Turn the in-place declutter stylesheet on or off; returns whether it is on. */
  setDeclutter: [{ on: boolean }, boolean];
}

export interface BackgroundProtocol {
  /** Content script → background: the detection verdict of the sender's tab, for the toolbar badge. */
  articleDetected: [{ isArticle: boolean }, void];
}

export type ProtocolMessage<P> = { [K in keyof P]: { name: K; data: P[K] extends [infer D, unknown] ? D : never } }[keyof P];
export type ProtocolResult<P, K extends keyof P> = P[K] extends [unknown, infer R] ? R : never;
