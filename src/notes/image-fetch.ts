/**
 * Fetching one image for the archive, and checking that the bytes are an image. Used by the background (it holds
 * the host permissions, see src/background/image-archive.ts); the fetch function is passed in so unit tests need no
 * network.
 */

/** Longest wait for one image, headers and body together (ms). A slow host costs a save at most this. */
export const IMAGE_TIMEOUT_MS = 15_000;
/** Largest single image kept (bytes): larger ones are reported as failed, whatever the caps. */
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;

/** The result of fetching one image: its bytes and sniffed type, or why not. */
export type FetchedImage =
  | { ok: true; blob: Blob; type: string }
  | { ok: false; reason: 'network' | 'status' | 'not-image' | 'too-big' | 'timeout' };

/** Magic numbers of the image formats a browser shows in <img> (WHATWG MIME Sniffing, "image type pattern"). */
const SIGNATURES: [string, (b: Uint8Array) => boolean][] = [
  ['image/png', (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => ascii(b, 0, 4) === 'GIF8'],
  ['image/webp', (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP'],
  ['image/avif', (b) => ascii(b, 4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(b, 8, 12))],
  ['image/bmp', (b) => ascii(b, 0, 2) === 'BM'],
  ['image/x-icon', (b) => b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 0],
];

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

/**
 * The image type of some bytes by their magic number, or null when they are no image a page would show (an HTML error
 * page served with 200, a JSON answer). SVG (text) counts only when the header says image/svg+xml and the text starts
 * with an XML declaration or `<svg`: shown through <img>, an SVG runs no script.
 */
export function sniffImageType(bytes: Uint8Array, headerType: string): string | null {
  for (const [type, test] of SIGNATURES) if (bytes.length >= 12 && test(bytes)) return type;
  if (/^image\/svg\+xml\b/i.test(headerType)) {
    const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart();
    if (/^(<\?xml|<svg|<!--)/i.test(head) && /<svg[\s>]/i.test(head + '<svg ')) return 'image/svg+xml';
  }
  return null;
}

/** Read a response body, giving up past `max` bytes (so a huge or endless answer is never held in memory). */
async function readCapped(res: Response, max: number): Promise<Uint8Array | null> {
  const length = Number(res.headers.get('content-length') ?? NaN);
  if (length > max) return null;
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array(await res.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.byteLength) - c.byteLength);
  return out;
}

/**
 * Fetch one image as a page's `<img>` would, with the differences the extension's context forces: cookies as the
 * page's image request sends them (`credentials: 'include'`), no Referer (the extension's own URL would be a foreign
 * referrer, which hotlink protection refuses; an empty one is what it lets through), redirects followed only when
 * `allowedFinal` accepts the final URL (no third host the article does not reference).
 * @param maxBytes the largest body kept (capped at IMAGE_MAX_BYTES)
 */
export async function fetchImage(
  url: string,
  opts: { fetch?: typeof fetch; maxBytes?: number; timeoutMs?: number; allowedFinal?: (url: string) => boolean } = {},
): Promise<FetchedImage> {
  const max = Math.min(opts.maxBytes ?? IMAGE_MAX_BYTES, IMAGE_MAX_BYTES);
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? IMAGE_TIMEOUT_MS);
  try {
    const res = await (opts.fetch ?? fetch)(url, {
      credentials: 'include',
      referrerPolicy: 'no-referrer',
      cache: 'force-cache',
      redirect: 'follow',
      signal: timeout,
    });
    if (res.redirected && opts.allowedFinal && !opts.allowedFinal(res.url)) return { ok: false, reason: 'network' };
    if (!res.ok) return { ok: false, reason: 'status' };
    const bytes = await readCapped(res, max);
    if (!bytes) return { ok: false, reason: 'too-big' };
    const type = sniffImageType(bytes, res.headers.get('content-type') ?? '');
    if (!type) return { ok: false, reason: 'not-image' };
    return { ok: true, type, blob: new Blob([bytes as BlobPart], { type }) };
  } catch (e) {
    return { ok: false, reason: timeout.aborted || (e as Error)?.name === 'TimeoutError' ? 'timeout' : 'network' };
  }
}
