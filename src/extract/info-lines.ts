/**
 * Where metadata reads dates and credits: the header lines after the headline (the info line lives there), the few
 * lines above it, the first paragraphs of the body, the text a site rule selects, and header elements whose class/id
 * names what they hold. Read-only.
 */
import { linesAfter, linesBefore, linesFromStart, linesOf, squash, elementsAfter, ruleMatches } from './text';

/** The first `n` paragraph texts of a body element (block lines), reading no further. */
export function firstParagraphs(content: Element, n: number): string[] {
  return linesFromStart(content, (_, count) => count >= n);
}

/** Header lines: short lines right after the headline (the info line lives there), stopping at the first long paragraph. */
export function headerLines(head: Element | null, docContent: Element | null): string[] {
  let raw: string[] = [];
  // After the headline; without one, the text just before the body, nearest line first.
  if (head) raw = linesAfter(head, 500).split('\n');
  else if (docContent) raw = linesBefore(docContent, 300).split('\n').reverse();
  const out: string[] = [];
  let total = 0;
  for (const line of raw) {
    if (!line) continue;
    if (line.length > 120) break;
    if (TODAY.test(line)) continue;
    out.push(line);
    total += line.length;
    if (total > 400 || out.length >= 14) break;
  }
  return out;
}

/** A top bar's current date (`今天是2024年05月11日 星期六`) is not the article's. */
const TODAY = /今天是|今日是|^\s*今天|天气/;

/** The few short lines right before the headline, nearest first (templates that print the info line above the title). */
export function linesAboveHead(head: Element | null): string[] {
  if (!head) return [];
  return linesBefore(head, 200)
    .split('\n')
    .reverse()
    .filter((l) => l && l.length <= 80 && !TODAY.test(l))
    .slice(0, 4);
}

/** Options of classedText. */
export interface ClassedOptions {
  /** Skip elements linking to a self-media account page (asked for the source, not an author). */
  notAccount?: boolean;
  /** Accept only texts this says yes to (a plausibility check); a refused element does not end the search. */
  accept?: (text: string) => boolean;
}

/** Class/id words of an advertising slot (`ad-box`, `ad_300x250`, `gg`, `sponsor`): its texts credit no article. */
const AD_SLOT = /(^|[-_\s])(ad|ads|adv|advert|advertisement|gg|guanggao|sponsor|promo)([-_\s\d]|$)/i;

/** True when `el` or an ancestor up to `scope` is an advertising slot (class/id, AD_SLOT). */
function inAdSlot(el: Element, scope: Element): boolean {
  for (let e: Element | null = el; e && e !== scope; e = e.parentElement)
    if (AD_SLOT.test(`${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`)) return true;
  return false;
}

/** A date, a time or a counter (`2024-03-15`, `10:20`, `1024阅读`): digits that make a text no name or outlet. */
const DATE_OR_COUNT = /\d{1,4}\s*[-/.年月:：]\s*\d|^\d+$|\d+\s*(人|条|條|次|评论|評論|阅读|閱讀|赞)/;

/**
 * The unlabeled short text of a header element whose class/id says what it is (sina `a.source`, 百家号 author name):
 * among the 80 elements after the headline `head`, inside its grandparent, the first whose class/id matches `re`
 * (outside lists, comments, related items and advertising slots: an ad's title is no author) with a text of 1–16
 * characters, no colon, no date or counter (an outlet may carry digits: `36氪`), and accepted by `opts.accept`.
 */
export function classedText(head: Element | null, re: RegExp, opts: ClassedOptions = {}): string | null {
  if (!head) return null;
  const scope = head.parentElement?.parentElement ?? head.parentElement;
  if (!scope) return null;
  for (const el of elementsAfter(head, 80)) {
    if (!scope.contains(el)) break;
    const key = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (key.length < 3 || !re.test(key) || el.closest('li, [class*="comment"], [class*="related"]')) continue;
    if (inAdSlot(el, scope)) continue;
    // A link to a self-media account page names the account (an author-like byline), not the originating outlet.
    if (
      opts.notAccount &&
      [...el.querySelectorAll('a[href]')].some((a) =>
        /media|author|profile|\/u\/|\/home\//i.test(a.getAttribute('href') ?? ''),
      )
    )
      continue;
    const t = squash(el.textContent ?? '');
    if (t && t.length <= 16 && !/[：:]/.test(t) && !DATE_OR_COUNT.test(t) && (!opts.accept || opts.accept(t))) return t;
  }
  return null;
}

/** The lines text of the first element a site rule's selector list matches ('' when none). */
export function selectText(doc: Document, sel?: string): string {
  return linesOf(ruleMatches(doc, sel)[0]);
}

/** The text around the headline that the published and credits passes read (see metadata.ts finishMetadata). */
export interface InfoLines {
  /** The headline element (or the info line's, on a page titled by its channel), or null. */
  headEl: Element | null;
  /** Header lines: the site rule's info block, then the lines after the headline (headerLines). */
  lines: string[];
  /** The few lines above the headline, nearest first (linesAboveHead). */
  above: string[];
  /** The year for year-less dates (metadata-published.ts referenceYear), or null. */
  refYear: number | null;
}
