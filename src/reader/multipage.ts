import type { Article } from '../extract/article';
import { decodeHtml } from '../extract/decode';
import type { FollowingPage, StopReason } from '../shared/parts';

/** Most pages fetched after the first. */
export const MAX_PAGES = 20;

export interface MergeDeps {
  /** `fetch` of the context (a content script's fetch is same-origin with the page). */
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** Parse HTML into an inert document (DOMParser). */
  parse: (html: string) => Document;
  /** The extraction engine (src/extract `extractArticle`), the same one that made the first page's Article. */
  extract: (doc: Document, url: string) => Article;
  /** Called with each page as soon as it is extracted, so the reader shows it without waiting for the rest. */
  onPage: (page: FollowingPage) => void;
  signal?: AbortSignal;
}

/**
 * The bytes of a fetched body in a buffer of our own realm. In Firefox content scripts the ArrayBuffer comes from
 * another compartment: a view on it works for indexing, but typed-array methods that look up `constructor` (subarray,
 * used by decodeHtml) throw "Permission denied to access property constructor". So copy it, plainly.
 */
function toBytes(buf: ArrayBuffer): Uint8Array {
  const src = new Uint8Array(buf);
  const out = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = src[i];
  return out;
}

/** Key of a URL for loop detection: the fragment does not make another page. */
const pageKey = (u: string) => u.replace(/#.*$/, '');

/**
 * Fetch and extract the pages after `first` by following `nextPageUrl`: same origin only, at most MAX_PAGES more,
 * each decoded with its declared charset (HTTP header, then `<meta>`; GBK included, via decodeHtml).
 * Stops at the first page without a next link (`end`), a URL seen before (`loop`), a link to another origin, the
 * limit, or a failure (HTTP error, network error, a page that is not an article); the pages before the stop are kept.
 * @returns the reason it stopped and, for `failed`, what failed
 */
export async function fetchFollowingPages(
  first: Article,
  deps: MergeDeps,
): Promise<{ stop: StopReason; pages: number; error?: string }> {
  const origin = new URL(first.url).origin;
  const seen = new Set([pageKey(first.url), ...(first.canonicalUrl ? [pageKey(first.canonicalUrl)] : [])]);
  let next = first.nextPageUrl;
  let count = 0;
  while (next) {
    let url: URL;
    try {
      url = new URL(next, first.url);
    } catch {
      return { stop: 'failed', pages: count, error: `bad URL ${next}` };
    }
    if (url.origin !== origin) return { stop: 'cross-origin', pages: count };
    if (seen.has(pageKey(url.href))) return { stop: 'loop', pages: count };
    if (count >= MAX_PAGES) return { stop: 'limit', pages: count };
    seen.add(pageKey(url.href));
    let article: Article;
    let phase = 'fetch';
    try {
      const res = await deps.fetch(url.href, { credentials: 'include', signal: deps.signal });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const charset = /charset=([^;]+)/i.exec(res.headers.get('content-type') ?? '')?.[1]?.trim() ?? null;
      phase = 'read';
      const bytes = toBytes(await res.arrayBuffer());
      phase = 'decode';
      const { html } = decodeHtml(bytes, charset);
      phase = 'parse';
      const doc = deps.parse(html);
      phase = 'extract';
      article = deps.extract(doc, url.href);
      if (!article.contentHtml.trim()) throw new Error('no article body');
    } catch (e) {
      if (deps.signal?.aborted) return { stop: 'failed', pages: count, error: 'aborted' };
      return { stop: 'failed', pages: count, error: `${url.href}: ${phase}: ${(e as Error).message}` };
    }
    count++;
    deps.onPage({ n: count + 1, url: url.href, contentHtml: article.contentHtml });
    next = article.nextPageUrl;
  }
  return { stop: 'end', pages: count };
}
