/**
 * Character counting for CJK text, where "words" are characters: Latin word counts (Readability's wordCount, comma
 * counts) undercount a Chinese paragraph by a factor of about 3 (one CJK character carries about as much as a short
 * English word). Reading speed: about 400 CJK characters a minute (common figure for adult Chinese silent reading).
 */

/** Han (compatibility ideographs included), kana and hangul: the characters readingMinutes does not read as words. */
const CJK_RE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/g;

/** What countChars does not count: ASCII controls and space, NBSP, ideographic space, zero-width space, BOM. */
const UNCOUNTED = '\\x00-\\x20\\u00a0\\u3000\\u200b\\ufeff';
const NOT_COUNTED = new RegExp(`[${UNCOUNTED}]+`, 'g');
const COUNTED = new RegExp(`[^${UNCOUNTED}]`);

/**
 * Non-whitespace characters of `text` (UTF-16 code units outside NOT_COUNTED). One native regular-expression pass:
 * page load counts long texts (a dateline's neighbours, whole bodies), where a script loop per character would cost
 * most of the time in a cold content script (page load's budget, scripts/bench.ts).
 */
export function countChars(text: string): number {
  return text.replace(NOT_COUNTED, '').length;
}

/** countChars(text) > 0, stopping at the first counted character. */
export function hasChars(text: string): boolean {
  return COUNTED.test(text);
}

/**
 * CJK letters in `text`: Han ideographs (U+4E00–U+9FFF, Extension A U+3400–U+4DBF), kana (U+3040–U+30FF) and hangul
 * syllables (U+AC00–U+D7AF). Compatibility ideographs are not counted (text.ts countHan, which counts Han only, does).
 */
export function countHanKanaHangul(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3040 && c <= 0x30ff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0xac00 && c <= 0xd7af)
    )
      n++;
  }
  return n;
}

/** Clause punctuation marks (CJK and ASCII) in `text`. */
export function countPunct(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    switch (text[i]) {
      case '，':
      case '。':
      case '！':
      case '？':
      case '；':
      case '：':
      case '、':
      case ',':
      case ';':
      case '!':
      case '?':
      case '．':
        n++;
    }
  }
  return n;
}

/** countChars, countHanKanaHangul and countPunct of one text, and its first counted character. */
export interface TextCounts {
  chars: number;
  cjk: number;
  punct: number;
  /** The first character countChars counts (a UTF-16 unit), or '' when it counts none. */
  lead: string;
}

/** What countHanKanaHangul and countPunct do not count (the same sets as those loops). */
const NOT_CJK = /[^\u4e00-\u9fff\u3040-\u30ff\u3400-\u4dbf\uac00-\ud7af]+/g;
const NOT_PUNCT = /[^，。！？；：、,;!?．]+/g;

/**
 * countChars, countHanKanaHangul and countPunct of one text, by native regular-expression passes instead of a script
 * loop over the characters: the body pass calls this on every text node of the page when the content script runs
 * cold at page load (page load's budget, scripts/bench.ts), where a per-character loop in the interpreter would be
 * most of its cost. Whitespace-only text (most text nodes of a page) costs one pass. Same results as the three loops
 * (count-all.test.ts); `lead` lets the body pass pre-check clutter markers (markers.ts MARKER_LEADS) without another
 * pass.
 */
export function countAll(text: string): TextCounts {
  const kept = text.replace(NOT_COUNTED, '');
  if (!kept) return { chars: 0, cjk: 0, punct: 0, lead: '' };
  return {
    chars: kept.length,
    cjk: kept.replace(NOT_CJK, '').length,
    punct: kept.replace(NOT_PUNCT, '').length,
    lead: kept[0],
  };
}

/**
 * Reading time in whole minutes (at least 1 for non-empty text): CJK characters at 400 a minute, other text at
 * 230 words a minute (the usual English figure).
 */
export function readingMinutes(text: string): number {
  const cjk = countHanKanaHangul(text);
  const words = text
    .replace(CJK_RE, ' ')
    .split(/\s+/)
    .filter((w) => /\w/.test(w)).length;
  const minutes = cjk / 400 + words / 230;
  return text.trim() ? Math.max(1, Math.round(minutes)) : 0;
}
