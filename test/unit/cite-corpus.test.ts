import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { formatCitation, toCslItem, CITATION_STYLES, type CitationStyle } from '../../src/cite/index';
import type { Article } from '../../src/extract/article';
import { CORPUS_DIR, corpusLabels, labelUrl, sharedArticle } from './engine-helpers';

// Every corpus article, every format: produced without error, containing the title, the date and the URL.
const labels = corpusLabels();
const articles = labels.filter((l) => l.is_article);

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const pad = (n: number) => String(n).padStart(2, '0');
const ACCESSED = '2026-11-29';

/**
 * How each style writes the publication date [y, m, d] (month and day may be missing). GB/T: `(2020-03-15)[引用日期]`
 * for [EB/OL], `报名, 2020-03-15[引用日期]` for [N/OL] (standard, examples 112 and 114).
 */
function dateIn(style: CitationStyle, [y, m, d]: (number | undefined)[], type: string): string[] {
  const iso = [y, m && pad(m), d && pad(d)].filter(Boolean).join('-');
  const full = m !== undefined && d !== undefined;
  switch (style) {
    case 'gbt7714-numeric':
    case 'gbt7714-author-date':
      return [type === 'webpage' ? `(${iso})[${ACCESSED}]` : `, ${iso}[${ACCESSED}]`];
    case 'apa':
      return [full ? `(${y}, ${MONTHS[m! - 1]} ${d})` : `(${y}`];
    case 'mla':
      return [full ? `${d} ${MLA_MONTHS[m! - 1]} ${y}` : String(y)];
    case 'chicago':
      return [full ? `${MONTHS[m! - 1]} ${d}, ${y}` : String(y)];
    case 'bibtex':
      return [`date = {${iso}}`];
    case 'ris':
      return [`DA  - ${y}/${m ? pad(m) : ''}/${d ? pad(d) : ''}/`];
    case 'csl-json':
      return [JSON.stringify([y, m, d].filter(Boolean))];
    case 'metadata':
      return [`发布时间：${iso}`];
    case 'markdown':
      return []; // a Markdown link is `[标题](URL)`: it has no date by definition
  }
}

/**
 * Quotes and spaces differ between styles (MLA/Chicago quote the title, citeproc curls inner quotes); BibTeX
 * escapes LaTeX specials and braces capitals ({IP}) against re-casing.
 */
const norm = (s: string) =>
  s
    .replace(/(?<!\\)[{}]/g, '')
    .replace(/\\([&%$#_{}])/g, '$1')
    .replace(/["'“”‘’\s]/g, '');

/** Every style of one Article: no error; title, URL and (when known) the publication date in each. */
async function checkAll(article: Article, file: string): Promise<void> {
  const item = toCslItem(article, ACCESSED);
  const parts = item.issued?.['date-parts'][0];
  for (const style of CITATION_STYLES) {
    const text = await formatCitation(article, style, { accessed: ACCESSED });
    const where = `${file} ${style}:\n${text}`;
    if (style === 'csl-json') expect(JSON.parse(text)[0].title, where).toBe(article.title.trim());
    else expect(norm(text), where).toContain(norm(article.title.trim()));
    expect(text, where).toContain(item.URL);
    if (style === 'csl-json') {
      const [parsed] = JSON.parse(text);
      expect(parsed.accessed, where).toEqual({ 'date-parts': [[2026, 11, 29]] });
      expect(parsed.issued, where).toEqual(item.issued);
    }
    if (parts)
      for (const d of dateIn(style, parts, item.type))
        expect(style === 'csl-json' ? text.replace(/\s/g, '') : text, where).toContain(d);
    // No date of publication: GB/T still dates the reference by its 引用日期.
    else if (style.startsWith('gbt7714')) expect(text, where).toContain(`[${ACCESSED}]`);
  }
}

const names = (v: string | null) => (v ? v.split(/[、\s]+/).filter(Boolean) : []);

describe('citations of every corpus article', () => {
  it('has the corpus', () => expect(articles.length).toBeGreaterThanOrEqual(40));
  for (const label of articles) {
    // extracted as `qingdu eval` and corpus.test.ts do (the article record they share in this worker)
    const extracted = () => sharedArticle(join(CORPUS_DIR, label.file), labelUrl(label));
    it(`${label.file} (as extracted)`, async () => {
      await checkAll(extracted(), label.file);
    });
    // The same page with the hand-checked label metadata: formatting tested on real values whatever extraction gives.
    it(`${label.file} (labelled metadata)`, async () => {
      const labelled: Article = {
        ...extracted(),
        title: label.title ?? '',
        published: label.published,
        source: label.source,
        authors: names(label.author),
        editors: names(label.editor),
      };
      expect(labelled.title, 'every labelled article has a title').toBeTruthy();
      expect(labelled.published, 'every labelled article has a date').toBeTruthy();
      await checkAll(labelled, label.file);
    });
  }
});
