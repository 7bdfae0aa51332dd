import { assetsOf } from './assets';
import type { NotesDb } from './db';

/**
 * The archived images of a Markdown export: where each goes in the zip (`assets/<note>/<file>`) and how the Markdown
 * links to it. File names keep Chinese and the image's own name; the link target percent-encodes exactly the ASCII
 * characters that end or change a CommonMark link destination (space, parentheses, `<>`, `#`, `?`, `%` itself…), so
 * the decoded link is byte for byte the entry's name (a name on disk that differs from its link, e.g. `%20` written to
 * disk as `_20` and linked as `%2520`, is the bug to avoid: test/unit/notes-export-assets.test.ts).
 */

/** An archived image as the zip packs it. */
export interface PackedImage {
  /** The image's URL as in `contentHtml`. */
  url: string;
  /** MIME type, e.g. `image/png`. */
  type: string;
  data: Uint8Array;
}

/** File extensions by image type, for names whose URL gives none (or another). */
const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'image/bmp': 'bmp',
  'image/x-icon': 'ico',
};
const IMAGE_EXT = /\.(png|jpe?g|gif|webp|avif|svg|bmp|ico)$/i;

/** Characters Windows, macOS or Linux refuse in a file name (as fileName in export.ts). */
const REFUSED = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** Bidirectional controls (LRM, RLM, embeddings, overrides, isolates): they make `gpj.exe` show as `exe.jpg`. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Names Windows keeps for devices, with or without an extension, in any case (`CON`, `nul.png`, `com1.jpg`). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(?=[. ]|$)/i;

/**
 * Text for a file name as every file system takes it: NFC (macOS would otherwise hold `café` twice), bidirectional
 * controls removed, the characters REFUSED replaced by `_`.
 */
export function fileNameText(s: string): string {
  return s.normalize('NFC').replace(BIDI_CONTROLS, '').replace(REFUSED, '_');
}

/** A file name that is no Windows device name: `CON.png` → `CON_.png`, `nul` → `nul_`; others as they are. */
export function notDeviceName(name: string): string {
  return name.replace(WINDOWS_RESERVED, '$1_');
}

/** The last path segment of a URL, percent-decoded ('' when there is none or it does not decode). */
function baseName(url: string): string {
  try {
    const path = new URL(url).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return '';
  }
}

/**
 * A file name for an archived image: the URL's own name, decoded (so `%E5%9B%BE.png` is `图.png`), with the characters
 * file systems refuse replaced by `_`, at most 60 characters before the extension, and an extension that matches its
 * type (`image` + extension when the URL has no name); NFC, without bidirectional controls, never a Windows device
 * name (fileNameText, notDeviceName).
 */
export function imageFileName(url: string, type: string): string {
  const ext = EXTENSIONS[type.split(';')[0].trim().toLowerCase()] ?? '';
  const name = fileNameText(baseName(url)).replace(/\s+/g, ' ').trim();
  const own = IMAGE_EXT.exec(name)?.[0] ?? '';
  let stem = Array.from(name.slice(0, name.length - own.length))
    .slice(0, 60)
    .join('')
    .replace(/^[. ]+|[. ]+$/g, '');
  if (!stem) stem = 'image';
  // The name's own extension when it agrees with the stored type (`.jpeg` for image/jpeg too), else the type's: a
  // `.jpg` address that served a PNG is packed as `.png` (viewers go by the extension).
  const agrees = !ext || own.slice(1).toLowerCase().replace('jpeg', 'jpg') === ext;
  return notDeviceName(`${stem}${own && agrees ? own : ext ? `.${ext}` : ''}`);
}

/**
 * ASCII characters percent-encoded in a link target: whitespace, controls, and those CommonMark or URLs read (`&`
 * too: CommonMark decodes `&copy;` in a destination, so `x&copy;.png` would link to `x©.png`).
 */
const LINK_UNSAFE = /[\s\u0000-\u001f\u007f%&()<>#?[\]\\"'`^{}|]/gu;

/**
 * A relative path as a CommonMark link destination: each character of LINK_UNSAFE percent-encoded (UTF-8), Chinese
 * and other letters kept as they are. Decoding the result (decodeURIComponent) gives the path back.
 */
export function markdownLinkTarget(path: string): string {
  return path.replace(LINK_UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x80 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(c);
  });
}

/**
 * Where each archived image of one note goes in the zip: `assets/<stem>/<imageFileName>`, unique within the zip
 * (` (2)`, ` (3)`… before the extension when taken; `used` holds the zip's paths so far and is updated).
 * @param stem the note's Markdown file name without `.md`
 * @returns image URL → zip path
 */
export function assetPaths(stem: string, images: readonly PackedImage[], used: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const img of images) {
    const base = `assets/${notDeviceName(fileNameText(stem))}/${imageFileName(img.url, img.type)}`;
    let path = base;
    for (let i = 2; used.has(path.toLowerCase()); i++) path = base.replace(/(\.[^./]+)?$/, ` (${i})$1`);
    used.add(path.toLowerCase());
    out.set(img.url, path);
  }
  return out;
}

/** The archived images of one note with their bytes (the `assets` store, assets.ts). */
export async function packedImages(db: NotesDb, noteId: string): Promise<PackedImage[]> {
  const out: PackedImage[] = [];
  for (const a of await assetsOf(db, noteId))
    out.push({ url: a.url, type: a.type, data: new Uint8Array(await a.blob.arrayBuffer()) });
  return out;
}
