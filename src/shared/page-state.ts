import type { Article } from '../extract/article';
import type { Unreadable } from './messages';

/**
 * What the reader bundle needs from the content script. Both run in the same isolated world of the page (the reader
 * is injected later with `scripting.executeScript({files})`), so they meet on one global object instead of messages.
 */
export interface ReaderApi {
  open(article: Article): void;
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

/** The shared page state, created on first use. */
export function pageState(): PageState {
  return (globalThis.__qingdu ??= { article: null });
}
