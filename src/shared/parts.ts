import type { Article } from '../extract/article';
import type { PrintEdition } from '../extract/print-edition';
import type { ReadabilityClass, buildArticle, cleanCopy, pageVerdict } from '../extract/engine';
import { sendCStoBG } from './connector';
import type { PartName } from './part-files';

/**
 * Heavy code loaded into a tab only when used (the list and the reasons: src/shared/part-files.ts). Each part is its
 * own built script that the background injects into the asking tab's isolated world on request (`loadReaderPart`),
 * like the reader bundle itself. Why not `import()` or `web_accessible_resources`: a content script can only load extension
 * files that are web-accessible, and exposing them would let every web page fetch (and fingerprint) them;
 * `scripting.executeScript({files})` needs nothing beyond the host access the content script already has.
 * The part scripts fill in the registry (parts()); the content script and the reader read it through loadPart.
 */

/** A script conversion of plain text (OpenCC, one direction). */
export type TextConverter = (text: string) => string;

/** One following page of a multi-page article, in reading order. */
export interface FollowingPage {
  /** Page number in the article (the first page is 1). */
  n: number;
  url: string;
  contentHtml: string;
}

/** Why fetching following pages stopped: `end` (no further link) is the only normal end. */
export type StopReason = 'end' | 'loop' | 'limit' | 'cross-origin' | 'failed';

/** What each part script puts in the registry, by the names of PARTS. */
export interface PartApis {
  opencc: { cn2t: TextConverter; t2cn: TextConverter };
  /** GB/T 7714 numeric; `print`: the print edition the page credits (src/extract/print-edition.ts). */
  cite: { gbt7714(article: Article, print?: PrintEdition | null): Promise<string> };
  /** Multi-page merge with its own copy of the extraction engine (only multi-page articles need it). */
  pages: {
    follow(
      article: Article,
      onPage: (p: FollowingPage) => void,
    ): Promise<{ stop: StopReason; pages: number; error?: string }>;
  };
  readability: { Readability: ReadabilityClass };
  /** Extraction's stage two (src/extract/build.ts), which the content script's own file leaves out. */
  complete: { buildArticle: typeof buildArticle; cleanCopy: typeof cleanCopy; pageVerdict: typeof pageVerdict };
}

/** The registry: each part once its script has run in this world (every name of PARTS needs an API in PartApis). */
export type ReaderParts = { [K in PartName]?: PartApis[K] };

declare global {
  // set by the injected part scripts (opencc-part.ts, cite-part.ts, …)
  var __qingduParts: ReaderParts | undefined;
}

/**
 * The shared registry the part scripts fill in: an own property of the global object. An element the page gives the
 * id `__qingduParts` is a named property of the window, in our world too, and `??=` would take it for the registry
 * (test/fixtures/breakit/clobber-en.html: a form with an input named `readability` turned extraction off in Chromium).
 */
export function parts(): ReaderParts {
  if (!Object.hasOwn(globalThis, '__qingduParts')) globalThis.__qingduParts = {};
  return globalThis.__qingduParts!;
}

const pending = new Map<PartName, Promise<void>>();

/** Load a part once (concurrent callers share the load). @throws when the background could not inject it */
export async function loadPart<K extends PartName>(name: K): Promise<NonNullable<ReaderParts[K]>> {
  if (!parts()[name]) {
    let p = pending.get(name);
    if (!p) {
      p = sendCStoBG('loadReaderPart', { part: name }).then((ok) => {
        if (!ok || !parts()[name]) throw new Error(`reader part ${name} did not load`);
      });
      p.catch(() => pending.delete(name));
      pending.set(name, p);
    }
    await p;
  }
  return parts()[name]!;
}
