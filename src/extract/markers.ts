/**
 * Clutter markers (vocabulary.ts CLUTTER_HEADINGS) and the rule that reads them: used both to hide clutter in place
 * (content script) and to drop it from the extracted body.
 */
import { CLUTTER_HEADINGS, PAGE_CLUTTER_HEADINGS } from './vocabulary';

export { CLUTTER_HEADINGS, PAGE_CLUTTER_HEADINGS };

/** Generic CSS selectors of clutter that holds no article text on Chinese portals (share widgets, ads, comments). */
export const CLUTTER_SELECTORS: readonly string[] = [
  '.bdsharebuttonbox',
  '.bdshare',
  '[class*="share-bar"]',
  '[class*="sharebar"]',
  '.share',
  '#share',
  '[id^="ad_"]',
  '[class^="ad-"]',
  '.advert',
  '.adv',
  'ins.adsbygoogle',
  '.copyright',
  '#copyright',
];

// What may follow a marker at the start of a block: nothing, punctuation or a space (版权声明:凡注有…, 分享到 微博).
// A longer word after it (广告业…) is prose, not a marker.
const AFTER_MARKER = /^($|[\s:：|｜>》】\]\-—·•,，.。!！(（])/;

/**
 * Elements whose own text is never a marker (nor read by the declutter: script and style source, noscript and
 * template markup, form input). Only a text node's parent counts: an element inside them (noscript parsed as markup
 * when scripting is off) is read as any other.
 */
export const NO_MARKER_TEXT: ReadonlySet<string> = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/** First characters of the default markers: most text nodes of a page start with none of them. */
const MARKER_STARTS = new Set(CLUTTER_HEADINGS.map((h) => h[0]));
const NOT_SPACE = /\S/;
/**
 * What the first character (after \s) of a text markerOf accepts may be for other heading lists
 * (PAGE_CLUTTER_HEADINGS, clutter-spine.ts SPINE_HEADINGS): a heading's first character, or a middle dot, which a
 * spaced-out heading may open with (`· 相关新闻` compacts to `相关新闻`). null for a list with an empty heading.
 */
function leadsOf(headings: readonly string[]): ReadonlySet<string> | null {
  let leads = LEADS.get(headings);
  if (leads === undefined) {
    leads = headings.some((h) => !h) ? null : new Set([...headings.map((h) => h[0]), '·', '•', '・']);
    LEADS.set(headings, leads);
  }
  return leads;
}
const LEADS = new WeakMap<readonly string[], ReadonlySet<string> | null>();

/** Spacing inside a heading: whitespace and middle dots. */
const SPACER = /[\s·•・]/;
const SPACERS = /[\s·•・]+/g;
/** A spaced-out heading is short. */
const SPACED_MAX = 16;

/**
 * What the first character counted by cjk.ts (countChars: whitespace, NBSP, U+3000, U+200B and BOM dropped) of a text
 * may be when markerOf accepts the text: a marker's first character, or a space that JavaScript's `\s` skips (so
 * markerOf does) but countChars counts (U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F). The body pass
 * (body.ts) looks this up for every text node with text and calls markerOf only on a hit: no text markerOf accepts
 * is missed.
 */
export const MARKER_LEADS: ReadonlySet<string> = new Set([
  ...MARKER_STARTS,
  '\u1680',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
]);

/**
 * Is `n` a marker text as the declutter reads the page: a text node (not a comment: a changed comment also reaches a
 * MutationObserver) whose parent is not in NO_MARKER_TEXT and whose text starts with one of `headings` (markerOf).
 * The one rule for the body pass that gathers them (body.ts), the declutter's own walk and their update after page
 * changes (clutter.ts).
 */
export function isMarkerText(n: Node, headings: readonly string[] = CLUTTER_HEADINGS): boolean {
  // the text first: most texts start with no marker, and reading the parent costs a DOM call per text node
  if (n.nodeType !== 3 || !markerOf(n.nodeValue ?? '', headings)) return false;
  const parent = n.parentElement;
  return !!parent && !NO_MARKER_TEXT.has(parent.tagName);
}

/** A comma after the marker word, then a clause: `扫一扫，老人们也学会了手机支付。` */
const SENTENCE_AFTER = /^[,，]\s*[^\s，,。]{6,}/;

/**
 * Does `s`, starting with the marker `m`, read as a sentence that merely opens with the word (`广告，是现代商业的重要
 * 组成部分。`, `扫一扫，老人们也学会了手机支付。`): a comma and a clause of six characters or more after it. A heading
 * takes a colon or nothing after the word (`分享到：`, `相关新闻`); `分享到，微博` stays one. Break-it trial: body
 * paragraphs of this kind were dropped from the Article.
 */
function isSentence(s: string, m: string): boolean {
  return SENTENCE_AFTER.test(s.slice(m.length));
}

/** The marker (from `headings`) that `text` starts with as a heading, or null. See AFTER_MARKER for the rule. */
export function markerOf(text: string, headings: readonly string[] = CLUTTER_HEADINGS): string | null {
  // cheap reject without trimming a copy of every text node (same whitespace as trim: \s)
  const leads = headings === CLUTTER_HEADINGS ? MARKER_STARTS : leadsOf(headings);
  if (leads) {
    const i = text.search(NOT_SPACE);
    if (i < 0 || !leads.has(text[i])) return null;
  }
  const s = text.trim();
  for (const m of headings) if (s.startsWith(m) && AFTER_MARKER.test(s.slice(m.length)) && !isSentence(s, m)) return m;
  // a short heading spaced out with dots or spaces (163-4's `延伸 · 推荐`, `相 关 新 闻`)
  if (s.length > SPACED_MAX || !SPACER.test(s)) return null;
  const compact = s.replace(SPACERS, '');
  for (const m of headings) if (compact.startsWith(m) && AFTER_MARKER.test(compact.slice(m.length))) return m;
  return null;
}
