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
  | { ok: false; reason: 'network' | 'status' | 'not-image' | 'too-big' | 'timeout' | 'redirect' };

/** Magic numbers of the image formats a browser shows in <img> (WHATWG MIME Sniffing, "image type pattern"). */
const SIGNATURES: [string, (b: Uint8Array) => boolean][] = [
  ['image/png', (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => ascii(b, 0, 4) === 'GIF8'],
  ['image/webp', (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP'],
  ['image/avif', (b) => ascii(b, 4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(b, 8, 12))],
  ['image/bmp', isBmp],
  ['image/x-icon', (b) => b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 0],
];

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

/** Sizes of the DIB headers BMP files use (BITMAPCOREHEADER 12 … BITMAPV5HEADER 124). */
const DIB_HEADER_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

/**
 * A BMP file: the BITMAPFILEHEADER shape, not only "BM" (a text page starting "BMW …" is none). bfSize (bytes 2–5,
 * little-endian) at most IMAGE_MAX_BYTES, a known DIB header size at byte 14, and bfOffBits (bytes 10–13) past both
 * headers and inside bfSize.
 */
function isBmp(b: Uint8Array): boolean {
  if (b.length < 18 || ascii(b, 0, 2) !== 'BM') return false;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const fileSize = view.getUint32(2, true);
  const offset = view.getUint32(10, true);
  const dib = view.getUint32(14, true);
  return DIB_HEADER_SIZES.has(dib) && fileSize <= IMAGE_MAX_BYTES && offset >= 14 + dib && offset <= fileSize;
}

/**
 * Does this text start with an `<svg` element? Skips what XML allows before the root element: a byte order mark,
 * white space, the XML declaration and other processing instructions, comments and a doctype (with an internal
 * subset). The root must be `<svg` itself (XML names are case-sensitive): an XHTML or HTML page is refused.
 */
export function startsWithSvgRoot(text: string): boolean {
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE\s[^[>]*(?:\[[\s\S]*?\])?\s*>)/;
  let rest = text.replace(/^\uFEFF/, '');
  for (let m = prolog.exec(rest); m; m = prolog.exec(rest)) rest = rest.slice(m[0].length);
  return /^<svg[\s/>]/.test(rest);
}

/** How much of an SVG's start is read to find its root element (bytes): long comments or doctypes past it fail. */
const SVG_HEAD_BYTES = 4096;

/**
 * The image type of some bytes by their magic number, or null when they are no image a page would show (an HTML error
 * page served with 200, a JSON answer). SVG (text) counts only when the header says image/svg+xml and the first element
 * is `<svg` (startsWithSvgRoot): shown through <img>, an SVG runs no script, but an HTML page kept as SVG would run
 * its script when opened from an export.
 */
export function sniffImageType(bytes: Uint8Array, headerType: string): string | null {
  for (const [type, test] of SIGNATURES) if (bytes.length >= 12 && test(bytes)) return type;
  if (/^image\/svg\+xml\b/i.test(headerType)) {
    if (startsWithSvgRoot(new TextDecoder().decode(bytes.subarray(0, SVG_HEAD_BYTES)))) return 'image/svg+xml';
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

/** A redirect's final URL is kept only when it is http(s) and `allowed` (absent: any http(s) URL) says yes. */
async function finalAllowed(final: string, allowed?: (url: string) => boolean | Promise<boolean>): Promise<boolean> {
  if (!/^https?:/i.test(final)) return false;
  return allowed ? allowed(final) : true;
}

/**
 * Fetch one image as a page's `<img>` would, with the differences the extension's context forces: cookies as the
 * page's image request sends them (`credentials: 'include'`), no Referer (the extension's own URL would be a foreign
 * referrer, which hotlink protection refuses; an empty one is what it lets through), and a redirect kept only when
 * `allowedFinal` accepts the final URL (reason `redirect` otherwise: no bytes from a third host the article does not
 * reference).
 *
 * Redirects are followed, then the final URL is checked: the refused redirect's request has been sent by then. The
 * other modes lose more: `redirect: 'manual'` gives an opaque response (no Location header, in both browsers), so the
 * hops cannot be checked one by one, and `redirect: 'error'` refuses every redirect, including the same-host
 * http→https and CDN hops most news images take. The request sent is the one the page's own `<img>` sent when the
 * user read it (same URL, same redirect), so following it tells the third host nothing new; what is refused is
 * keeping its bytes.
 * @param maxBytes the largest body kept (capped at IMAGE_MAX_BYTES)
 * @param allowedFinal may the bytes of a redirected fetch, from this final URL, be kept? (not asked without redirect)
 */
export async function fetchImage(
  url: string,
  opts: {
    fetch?: typeof fetch;
    maxBytes?: number;
    timeoutMs?: number;
    allowedFinal?: (url: string) => boolean | Promise<boolean>;
  } = {},
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
    if (res.redirected && !(await finalAllowed(res.url, opts.allowedFinal))) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: 'redirect' };
    }
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
