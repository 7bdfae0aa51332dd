/**
 * Tokenizer for Chinese full-text search.
 *
 * Chinese has no spaces between words, and a dictionary segmenter (`Intl.Segmenter('zh')`) splits the same word
 * differently in a query and in running text (兰州齿轮厂 vs 齿轮厂). Overlapping character bigrams do not depend on
 * context: a query's bigrams are a subset of the bigrams of any text containing it, so an AND search over bigrams finds
 * every substring match (the classic CJK n-gram index of Lucene's CJKAnalyzer). Latin letters and digits form words.
 */

/** Han, kana, hangul and CJK compatibility characters: the scripts indexed by bigrams. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Runs of CJK characters, or runs of letters/digits (words in Latin and other spaced scripts). */
const RUNS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}])+/gu;

/**
 * Split text into search terms: overlapping bigrams for CJK runs (a lone CJK character stays a unigram), whole
 * lower-cased words otherwise. Used for both indexing and queries so the two agree.
 * @param text any string
 * @returns terms in text order, duplicates kept (MiniSearch counts term frequency)
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(RUNS)) {
    const run = m[0];
    if (!CJK.test(run[0])) {
      out.push(run);
      continue;
    }
    const chars = Array.from(run);
    if (chars.length === 1) {
      out.push(chars[0]);
      continue;
    }
    for (let i = 0; i < chars.length - 1; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}

/**
 * Terms to highlight for a query: the query's CJK runs and words as typed (not bigrams), longest first, so 齿轮厂 is
 * marked as one span rather than overlapping pieces.
 */
export function highlightTerms(query: string): string[] {
  const terms = Array.from(new Set(Array.from(query.toLowerCase().matchAll(RUNS), (m) => m[0])));
  return terms.sort((a, b) => b.length - a.length);
}

const CJK_UNIT = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;

/**
 * The integer code of a term when it is one or two CJK characters of the Basic Multilingual Plane (almost every term
 * of a Chinese text): `first << 16 | second` (second 0 for a lone character), as an unsigned 32-bit number; 0 when the
 * term is a word (Latin letters, digits) or holds a character outside the BMP. Codes let the index work on typed
 * arrays instead of millions of two-character strings (search.ts).
 */
export function termCode(term: string): number {
  if (term.length > 2 || !CJK_UNIT.test(term[0])) return 0;
  if (term.length === 1) return (term.charCodeAt(0) << 16) >>> 0;
  if (!CJK_UNIT.test(term[1])) return 0;
  return ((term.charCodeAt(0) << 16) | term.charCodeAt(1)) >>> 0;
}

/**
 * The distinct terms of a text, split for the index: CJK codes (termCode) and the other terms, space-joined (terms
 * never contain spaces). The same terms as `tokenize` and `termCode` give, computed on character codes without making a
 * string per bigram (it runs on every note at save, import and schema upgrade; test/unit/notes-search.test.ts).
 */
export function termsOf(text: string): { codes: Uint32Array; words: string } {
  const codes = new Set<number>();
  const words = new Set<string>();
  const add = (t: string) => {
    const c = termCode(t);
    if (c) codes.add(c);
    else words.add(t);
  };
  for (const m of text.toLowerCase().matchAll(RUNS)) {
    const run = m[0];
    if (!CJK.test(run[0])) words.add(run);
    else if (/[\uD800-\uDFFF]/.test(run)) tokenize(run).forEach(add);
    else if (run.length === 1) codes.add((run.charCodeAt(0) << 16) >>> 0);
    else for (let i = 0; i < run.length - 1; i++) codes.add(((run.charCodeAt(i) << 16) | run.charCodeAt(i + 1)) >>> 0);
  }
  return { codes: Uint32Array.from(codes), words: Array.from(words).join(' ') };
}
