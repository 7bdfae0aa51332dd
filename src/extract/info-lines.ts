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

/**
 * The unlabeled short text of a header element whose class/id says what it is (sina `a.source`, 百家号 author name):
 * among the 80 elements after the headline `head`, inside its grandparent, the first whose class/id matches `re`
 * (outside lists, comments and related items) with a text of 1–16 characters, no colon and no digit.
 * @param notAccount skip elements linking to a self-media account page (asked for the source, not an author)
 */
export function classedText(head: Element | null, re: RegExp, notAccount = false): string | null {
  if (!head) return null;
  const scope = head.parentElement?.parentElement ?? head.parentElement;
  if (!scope) return null;
  for (const el of elementsAfter(head, 80)) {
    if (!scope.contains(el)) break;
    const key = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (key.length < 3 || !re.test(key) || el.closest('li, [class*="comment"], [class*="related"]')) continue;
    // A link to a self-media account page names the account (an author-like byline), not the originating outlet.
    if (
      notAccount &&
      [...el.querySelectorAll('a[href]')].some((a) =>
        /media|author|profile|\/u\/|\/home\//i.test(a.getAttribute('href') ?? ''),
      )
    )
      continue;
    const t = squash(el.textContent ?? '');
    if (t && t.length <= 16 && !/[：:]/.test(t) && !/\d/.test(t)) return t;
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
