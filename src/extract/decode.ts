/**
 * Decode HTML bytes the way a browser does (WHATWG "encoding sniffing", simplified):
 * 1. a byte order mark wins; 2. a charset from the transport (e.g. HTTP Content-Type), when given;
 * 3. `<meta charset>` / `<meta http-equiv=Content-Type>` in the first 4 KB; 4. otherwise UTF-8 if the bytes are valid
 * UTF-8, else GB18030 (the superset of GBK/GB2312 that Chinese portals without a declaration use).
 *
 * Sanity check (the declaration may lie, see corpus hexun-1.html: UTF-8 bytes declaring gb2312, and case 23: GBK
 * bytes served as UTF-8): a declared legacy charset on bytes that are valid, non-ASCII UTF-8 is decoded as UTF-8;
 * UTF-16 without a BOM is recognised by its NUL pattern; a meta declaring UTF-16 means UTF-8 (WHATWG);
 * a declared UTF-8 that does not validate is decoded as GB18030 when that yields no replacement characters.
 */
export interface DecodedHtml {
  /** The decoded text. */
  html: string;
  /** WHATWG encoding name actually used, e.g. `utf-8`, `gb18030`. */
  encoding: string;
  /** The charset the page (or transport) declared, lower-cased, or null. */
  declared: string | null;
  /** How the encoding was chosen. */
  via: 'bom' | 'transport' | 'meta' | 'sniff' | 'override';
}

const CHINESE_LEGACY = new Set(['gbk', 'gb2312', 'gb18030', 'x-gbk', 'cp936', 'csgb2312', 'chinese', 'iso-ir-58']);

/** Map a declared label to a WHATWG encoding name TextDecoder accepts, or null if unknown. */
function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (CHINESE_LEGACY.has(l)) return 'gb18030'; // GB18030 decodes every GBK/GB2312 byte sequence the same way.
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

/** Find a charset declaration in the first 4 KB of the bytes (ASCII-compatible scan). */
function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return true;
  return false;
}

/**
 * UTF-16 without a byte order mark: HTML markup is ASCII, so in UTF-16LE nearly every odd byte of the first 1 KB is
 * NUL (and every even byte in UTF-16BE) while the other half has none. Returns the encoding, or null.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 16) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul > half * 0.6 && evenNul < half * 0.05) return 'utf-16le';
  if (evenNul > half * 0.6 && oddNul < half * 0.05) return 'utf-16be';
  return null;
}

/**
 * Decode HTML bytes. `transportCharset` is the charset of an HTTP Content-Type header, if any.
 * Never throws for any byte input: undecodable bytes become U+FFFD.
 */
export function decodeHtml(bytes: Uint8Array, transportCharset?: string | null): DecodedHtml {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return {
      html: new TextDecoder('utf-8').decode(bytes.subarray(3)),
      encoding: 'utf-8',
      declared: 'utf-8',
      via: 'bom',
    };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      html: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      declared: 'utf-16le',
      via: 'bom',
    };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      html: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      declared: 'utf-16be',
      via: 'bom',
    };

  const utf16 = sniffUtf16(bytes);
  if (utf16) return { html: new TextDecoder(utf16).decode(bytes), encoding: utf16, declared: null, via: 'sniff' };

  const transport = normalizeCharset(transportCharset);
  const metaLabel = sniffMetaCharset(bytes);
  let meta = normalizeCharset(metaLabel);
  // WHATWG "prescan": a <meta> that declares UTF-16 is read as UTF-8 (the bytes got this far, so they are not UTF-16).
  if (meta === 'utf-16le' || meta === 'utf-16be') meta = 'utf-8';
  const declared = transport ?? meta;
  const via = transport ? 'transport' : meta ? 'meta' : 'sniff';
  const declaredLabel = (transport ? transportCharset?.toLowerCase() : metaLabel) ?? null;

  const utf8Ok = isValidUtf8(bytes);
  if (declared && declared !== 'utf-8') {
    // Legacy multi-byte text (GBK, Big5, Shift_JIS…) almost never validates as UTF-8, so valid non-ASCII UTF-8 under a
    // legacy declaration means the declaration lies (corpus hexun-1: UTF-8 bytes declaring gb2312).
    if (utf8Ok && hasNonAscii(bytes))
      return {
        html: new TextDecoder('utf-8').decode(bytes),
        encoding: 'utf-8',
        declared: declaredLabel,
        via: 'override',
      };
    return { html: new TextDecoder(declared).decode(bytes), encoding: declared, declared: declaredLabel, via };
  }
  if (utf8Ok) return { html: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', declared: declaredLabel, via };
  const gb = new TextDecoder('gb18030').decode(bytes);
  if (!gb.includes('\uFFFD'))
    return { html: gb, encoding: 'gb18030', declared: declaredLabel, via: declared ? 'override' : 'sniff' };
  return { html: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', declared: declaredLabel, via };
}
