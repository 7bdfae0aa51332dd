/**
 * Character counting for CJK text, where "words" are characters: Latin word counts (Readability's wordCount, comma
 * counts) undercount a Chinese paragraph by a factor of about 3 (one CJK character carries about as much as a short
 * English word). Reading speed: about 400 CJK characters a minute (common figure for adult Chinese silent reading).
 */

/** Han, kana, hangul and CJK punctuation/fullwidth forms. */
export const CJK_RE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/g;

/** Clause punctuation of CJK and Latin text: the "commas" of a paragraph score. */
export const PUNCT_RE = /[，。！？；：、,;!?．]/g;

/** Non-whitespace characters of `text`. */
export function countChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x3000 && c !== 0x200b && c !== 0xfeff) n++;
  }
  return n;
}

/** Number of CJK characters in `text`. */
export function countCjk(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xac00 && c <= 0xd7af)) n++;
  }
  return n;
}

/** Clause punctuation marks (CJK and ASCII) in `text`. */
export function countPunct(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    switch (text[i]) {
      case '，': case '。': case '！': case '？': case '；': case '：': case '、': case ',': case ';': case '!': case '?': case '．':
        n++;
    }
  }
  return n;
}

/** countChars, countCjk and countPunct of one text. */
export interface TextCounts {
  chars: number;
  cjk: number;
  punct: number;
}

/**
 * countChars, countCjk and countPunct in one pass over `text` (the body scoring pass reads every text node of the
 * page: one loop instead of three is most of its cost when the content script runs cold at page load, issue 8).
 */
export function countAll(text: string): TextCounts {
  let chars = 0;
  let cjk = 0;
  let punct = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0xfeff) continue;
    chars++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xac00 && c <= 0xd7af)) cjk++;
    else if (c === 0xff0c || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0xff1a || c === 0x3001 || c === 0x2c ||
      c === 0x3b || c === 0x21 || c === 0x3f || c === 0xff0e) punct++;
  }
  return { chars, cjk, punct };
}

/**
 * Reading time in whole minutes (at least 1 for non-empty text): CJK characters at 400 a minute, other text at
 * 230 words a minute (the usual English figure).
 */
export function readingMinutes(text: string): number {
  const cjk = countCjk(text);
  const words = text.replace(CJK_RE, ' ').split(/\s+/).filter((w) => /\w/.test(w)).length;
  const minutes = cjk / 400 + words / 230;
  return text.trim() ? Math.max(1, Math.round(minutes)) : 0;
}

/** Collapse runs of whitespace (including U+3000 and NBSP) to one space and trim. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, ' ').trim();
}
