import { send } from '../shared/connector';
import type { Article } from '../extract/article';
import type { TextConverter } from './convert';
import type { FollowingPage, StopReason } from './multipage';
import type { ReadabilityClass } from '../extract/engine';

/**
 * Heavy parts of the reader, loaded only when used: OpenCC's dictionaries (≈1.2 MB) for 繁/简, and citation-js with
 * the CSL styles (≈0.75 MB) for `c`, and the extraction engine for following pages of multi-page articles. Each is its own built script (vite additionalInputs) that the background injects
 * into this tab's isolated world on request (`loadReaderPart`), like the reader bundle itself. Why not `import()` or
 * `web_accessible_resources`: a content script can only load extension files that are web-accessible, and exposing
 * them would let every web page fetch (and fingerprint) them; `scripting.executeScript({files})` needs nothing beyond
 * the host access the reader already has.
 */
export interface ReaderParts {
  opencc?: { cn2t: TextConverter; t2cn: TextConverter };
  cite?: { gbt7714(article: Article): Promise<string> };
  /** Multi-page merge with its own copy of the extraction engine (only multi-page articles need it). */
  pages?: { follow(article: Article, onPage: (p: FollowingPage) => void): Promise<{ stop: StopReason; pages: number; error?: string }> };
  /** Readability, for the content script on pages whose body only it finds (src/content/readability-part.ts). */
  readability?: { Readability: ReadabilityClass };
}

declare global {
  // eslint-disable-next-line no-var -- set by the injected part scripts (opencc-part.ts, cite-part.ts)
  var __qingduParts: ReaderParts | undefined;
}

/**
 * The shared registry the part scripts fill in: an own property of the global object. An element the page gives the
 * id `__qingduParts` is a named property of the window, in our world too, and `??=` would take it for the registry
 * (break-it trial: a form with an input named `readability` turned extraction off in Chromium).
 */
export function parts(): ReaderParts {
  if (!Object.hasOwn(globalThis, '__qingduParts')) globalThis.__qingduParts = {};
  return globalThis.__qingduParts!;
}

const pending = new Map<keyof ReaderParts, Promise<void>>();

/** Load a part once (concurrent callers share the load). @throws when the background could not inject it */
export async function loadPart<K extends keyof ReaderParts>(name: K): Promise<NonNullable<ReaderParts[K]>> {
  if (!parts()[name]) {
    let p = pending.get(name);
    if (!p) {
      p = send('loadReaderPart', { part: name }).then((ok) => {
        if (!ok || !parts()[name]) throw new Error(`reader part ${name} did not load`);
      });
      p.catch(() => pending.delete(name));
      pending.set(name, p);
    }
    await p;
  }
  return parts()[name]!;
}
