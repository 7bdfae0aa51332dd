/**
 * The bookkeeping of the declutter evaluation (scripts/eval-declutter.ts), pure: which labelled strings count as
 * hidden or kept from the visibility of their occurrences before and after the declutter, one line per page, and the
 * summary line.
 *
 * A string may occur several times on a page. Occurrences are compared by their position in document order: both
 * loads serve the same bytes with the page's own scripts off, and the declutter hides with a stylesheet and
 * attributes without moving or removing a node, so the i-th occurrence before is the i-th after.
 */

/** Visibility of each occurrence of one string in document order (true = visible). */
export type Seen = boolean[];

/**
 * hidden: every occurrence visible before is hidden after; shown: one of them stays visible; unseen: the string is on
 * the page but no occurrence was visible before (not counted); absent: the string is not in the page's text at all
 * (not counted: the label does not match the page); failed: the page could not be measured (counted, not hidden).
 */
export type ClutterVerdict = 'hidden' | 'shown' | 'unseen' | 'absent' | 'failed';

/** kept: an occurrence visible before is still visible after; hidden: none is; unseen, absent, failed as above. */
export type KeepVerdict = 'kept' | 'hidden' | 'unseen' | 'absent' | 'failed';

/** What one string's occurrences say before it is judged: absent, unseen, or null when it can be judged. */
function uncounted(before: Seen): 'absent' | 'unseen' | null {
  if (before.length === 0) return 'absent';
  return before.some(Boolean) ? null : 'unseen';
}

/** Judge a clutter string: hidden when every occurrence visible before is hidden after. */
export function judgeClutter(before: Seen, after: Seen): ClutterVerdict {
  return uncounted(before) ?? (before.every((v, i) => !v || !after[i]) ? 'hidden' : 'shown');
}

/** Judge a string that must stay visible: kept when an occurrence visible before is still visible after. */
export function judgeKeep(before: Seen, after: Seen): KeepVerdict {
  return uncounted(before) ?? (before.some((v, i) => v && after[i] === true) ? 'kept' : 'hidden');
}

/** One labelled string and its verdict. */
export interface Judged<V> {
  text: string;
  verdict: V;
}

/** The result for one page. */
export interface PageResult {
  name: string;
  clutter: Judged<ClutterVerdict>[];
  keep: Judged<KeepVerdict>[];
  /** How the page was reached and what the extension said: `https`, `shortcut`, `no article`, `not decluttered` … */
  notes: string[];
  /** Why the page could not be measured (its strings then count as failed). */
  error?: string;
}

/** Is a verdict counted in the totals (the string was visible before, or the page failed)? */
const counted = (v: string): boolean => v !== 'unseen' && v !== 'absent';

/** Counts of one page or of a whole run. */
export interface Tally {
  hidden: number;
  clutter: number;
  kept: number;
  keep: number;
  /** Pages with a string that must stay visible hidden (or failed). */
  pagesWithKeptHidden: number;
}

/** Count the verdicts of some pages. */
export function tally(pages: PageResult[]): Tally {
  const t: Tally = { hidden: 0, clutter: 0, kept: 0, keep: 0, pagesWithKeptHidden: 0 };
  for (const p of pages) {
    const clutter = p.clutter.filter((c) => counted(c.verdict));
    const keep = p.keep.filter((k) => counted(k.verdict));
    t.clutter += clutter.length;
    t.hidden += clutter.filter((c) => c.verdict === 'hidden').length;
    t.keep += keep.length;
    t.kept += keep.filter((k) => k.verdict === 'kept').length;
    if (keep.some((k) => k.verdict !== 'kept')) t.pagesWithKeptHidden++;
  }
  return t;
}

/** `[label: a · b]`, or nothing when the list is empty. */
function bracket(label: string, texts: string[]): string {
  return texts.length ? `  [${label}: ${texts.join(' · ')}]` : '';
}

const textsWith = <V>(xs: Judged<V>[], verdict: V): string[] =>
  xs.filter((x) => x.verdict === verdict).map((x) => x.text);

/**
 * One line per page: `163-1  clutter 5/7  keep 6/6  [not hidden: …]  [kept-hidden: …]`, then the strings not counted
 * (`[unseen: …]` not visible before, `[absent: …]` not on the page) and the notes in parentheses.
 */
export function pageLine(p: PageResult): string {
  const t = tally([p]);
  let line = `${p.name}  clutter ${t.hidden}/${t.clutter}  keep ${t.kept}/${t.keep}`;
  if (p.error) return `${line}  [failed: ${p.error}]`;
  line += bracket('not hidden', textsWith(p.clutter, 'shown'));
  line += bracket('kept-hidden', textsWith(p.keep, 'hidden'));
  line += bracket('unseen', [...textsWith(p.clutter, 'unseen'), ...textsWith(p.keep, 'unseen')]);
  line += bracket('absent', [...textsWith(p.clutter, 'absent'), ...textsWith(p.keep, 'absent')]);
  return p.notes.length ? `${line}  (${p.notes.join(', ')})` : line;
}

/** The run's last line: `declutter: clutter hidden H/N  kept visible K/M  pages with a kept string hidden B`. */
export function summaryLine(pages: PageResult[]): string {
  const t = tally(pages);
  return (
    `declutter: clutter hidden ${t.hidden}/${t.clutter}  kept visible ${t.kept}/${t.keep}  ` +
    `pages with a kept string hidden ${t.pagesWithKeptHidden}`
  );
}

/**
 * The same counts over the pages the extension took for articles (no `no article` note): the declutter leaves a
 * channel, list or forum page alone by design, so the clutter labelled on those pages is never hidden.
 */
export function articleLine(pages: PageResult[]): string {
  const t = tally(pages.filter((p) => !p.notes.includes('no article')));
  return (
    `on articles: clutter hidden ${t.hidden}/${t.clutter}  kept visible ${t.kept}/${t.keep}  ` +
    `pages with a kept string hidden ${t.pagesWithKeptHidden}`
  );
}

/** The line before the summary: the labelled strings not counted, and the pages that failed. */
export function uncountedLine(pages: PageResult[]): string {
  const count = (pick: (p: PageResult) => Judged<string>[], v: string) =>
    pages.reduce((n, p) => n + pick(p).filter((x) => x.verdict === v).length, 0);
  const failed = pages.filter((p) => p.error).map((p) => p.name);
  return (
    `not counted: clutter unseen ${count((p) => p.clutter, 'unseen')} absent ${count((p) => p.clutter, 'absent')}, ` +
    `keep unseen ${count((p) => p.keep, 'unseen')} absent ${count((p) => p.keep, 'absent')}; ` +
    `pages failed ${failed.length}${failed.length ? ` (${failed.join(' ')})` : ''}`
  );
}

/** The result of a page that could not be measured: every labelled string failed. */
export function failedPage(name: string, clutter: string[], keep: string[], error: string): PageResult {
  return {
    name,
    clutter: clutter.map((text) => ({ text, verdict: 'failed' })),
    keep: keep.map((text) => ({ text, verdict: 'failed' })),
    notes: [],
    error,
  };
}
