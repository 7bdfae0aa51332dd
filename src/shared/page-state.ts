import type { Article } from '../extract/article';
import type { Unreadable } from './messages';

/**
 * What the reader bundle needs from the content script. Both run in the same isolated world of the page (the reader
 * is injected later with `scripting.executeScript({files})`), so they meet on one global object instead of messages.
 */
export interface ReaderApi {
  /** Mount the reader on `article`; `readAnyway` skips the notice on a page that is no article (src/reader/App.tsx). */
  open(article: Article, opts?: { readAnyway?: boolean }): void;
  close(): void;
  isOpen(): boolean;
}

export interface PageState {
  /** The Article extracted when the content script ran (null before that). */
  article: Article | null;
  /** Set when the page was not analysed at all (src/content/limits.ts): too large or nested too deep. */
  unreadable?: Unreadable;
  /** Set by the reader bundle when it loads. */
  reader?: ReaderApi;
  /** Called by the reader when the user closes it (Esc, close button) so the page state stays in sync. */
  onReaderClosed?: () => void;
}

declare global {
  // a global shared between the content script and the reader bundle
  var __qingdu: PageState | undefined;
}

/**
 * The shared page state, created on first use. An own property of the global: an element with the id `__qingdu` is a
 * named property of the window, in our world too, and `??=` would take it (a `<form id="__qingdu">` with inputs named
 * `article` and `reader`) for the state (test/unit/page-state.test.ts).
 */
export function pageState(): PageState {
  if (!Object.hasOwn(globalThis, '__qingdu')) globalThis.__qingdu = { article: null };
  return globalThis.__qingdu!;
}
