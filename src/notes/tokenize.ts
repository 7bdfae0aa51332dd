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
