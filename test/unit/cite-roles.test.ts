import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCitation, type CitationStyle } from '../../src/cite/index';
import type { Article } from '../../src/extract/article';
import { CORPUS_DIR, corpusLabels, labelUrl, pageName, sharedArticle } from './engine-helpers';

// The citation table: every corpus article × every CSL style, with the role each Article value takes in the
// printed reference (src/cite/README.md, "Roles"). What stands before the title is the author slot: only persons
// (or the style's own word for none, 佚名) may stand there, never the site or the 来源 outlet.
const CSL_STYLES: CitationStyle[] = ['gbt7714-numeric', 'gbt7714-author-date', 'apa', 'mla', 'chicago'];
const ACCESSED = '2026-12-05';
const articles = corpusLabels().filter((l) => l.is_article);

/** Quotes, spaces and brackets differ between styles (MLA flips inner quotes): compared without them. */
const norm = (s: string) => s.replace(/["'“”‘’「」\s]/g, '');

/** Role counts of one style over the corpus. */
interface Row {
  entries: number;
  personFirst: number;
  titleFirst: number;
  anonymous: number;
  outletInAuthorSlot: string[];
  siteAfterTitle: number;
  sourceAfterTitle: number;
}
const table = new Map<CitationStyle, Row>(
  CSL_STYLES.map((s) => [
    s,
    {
      entries: 0,
      personFirst: 0,
      titleFirst: 0,
      anonymous: 0,
      outletInAuthorSlot: [],
      siteAfterTitle: 0,
      sourceAfterTitle: 0,
    },
  ]),
);

/** The author slot (text before the title, without the `[n]` label) and the rest, both normalized. */
function slots(text: string, title: string): { before: string; after: string } {
  const t = norm(text).replace(/^\[\d+\]/, '');
  const at = t.indexOf(norm(title));
  if (at < 0) throw new Error(`title not found in ${text}`);
  return { before: t.slice(0, at), after: t.slice(at + norm(title).length) };
}

/** An outlet (site or 来源) that is none of the persons: the only kind that may never fill the author slot. */
const outletOf = (v: string | null, a: Article) => (v && !a.authors.some((p) => p.includes(v)) ? norm(v) : null);

function record(style: CitationStyle, a: Article, text: string, page: string): void {
  const row = table.get(style)!;
  const { before, after } = slots(text, a.title.trim());
  row.entries++;
  if (a.authors.length) {
    expect(before, `${page} ${style}: the first person leads\n${text}`).toContain(norm(a.authors[0]));
    row.personFirst++;
  } else if (/^佚名/.test(before)) row.anonymous++;
  else row.titleFirst++;
  for (const outlet of [outletOf(a.siteName, a), outletOf(a.source, a)])
    if (outlet && before.includes(outlet)) row.outletInAuthorSlot.push(`${page}: ${text}`);
  const site = outletOf(a.siteName, a);
  const source = outletOf(a.source, a);
  if (site && after.includes(site)) row.siteAfterTitle++;
  if (source && !site?.includes(source) && after.includes(source)) row.sourceAfterTitle++;
}

describe('citation roles on every corpus article × every CSL style', () => {
  for (const label of articles) {
    it(pageName(label), async () => {
      const a = sharedArticle(join(CORPUS_DIR, label.file), labelUrl(label));
      for (const style of CSL_STYLES)
        record(style, a, await formatCitation(a, style, { accessed: ACCESSED }), pageName(label));
    });
  }
  // A hand-made no-person article with a 来源 outlet different from the site (the reprint case of 163-1, sina-5):
  // the case the styles disagreed on.
  it('an article with no person: no style puts the site or the 来源 before the title', async () => {
    const a = sharedArticle(
      join(CORPUS_DIR, 'pages/163-1.html'),
      labelUrl(articles.find((l) => l.file.includes('163-1'))!),
    );
    expect(a.authors).toEqual([]);
    expect(a.source && a.siteName && a.source !== a.siteName).toBeTruthy();
    for (const style of CSL_STYLES) {
      const { before } = slots(await formatCitation(a, style, { accessed: ACCESSED }), a.title);
      expect(before, style).toBe(style === 'gbt7714-author-date' ? '佚名,2019.' : '');
    }
  });
  afterAll(() => {
    const lines = [
      `citation roles over ${articles.length} corpus articles (style: entries, person first, title first, 佚名, outlet before title, site after title, 来源 after title)`,
    ];
    for (const [style, r] of table)
      lines.push(
        `${style.padEnd(20)} ${r.entries}  ${r.personFirst}  ${r.titleFirst}  ${r.anonymous}  ${r.outletInAuthorSlot.length}  ${r.siteAfterTitle}  ${r.sourceAfterTitle}`,
      );
    console.log(lines.join('\n'));
  });
  it.sequential('no outlet in the author slot of any style', () => {
    // runs after the per-page tests of this file (vitest runs a file's tests in order)
    for (const [style, r] of table) expect(r.outletInAuthorSlot, style).toEqual([]);
    expect([...table.values()].every((r) => r.entries === articles.length)).toBe(true);
  });
});
