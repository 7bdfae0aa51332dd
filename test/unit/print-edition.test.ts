import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../src/extract/decode';
import { parseDocument } from '../../src/cli/dom';
import { formatCitation } from '../../src/cite/index';
import { extractArticle } from '../../src/extract/index';
import { parsePrintEdition, printEdition } from '../../src/extract/print-edition';

// The print edition a reprinted article credits (src/extract/print-edition.ts), and its citation as a newspaper
// article: corpus people-2 (`《 人民日报 》（ 2024年05月10日   04 版）` in #paper_num).
const PEOPLE_2 = 'test/fixtures/corpus/pages/people-2.html';
const URL = 'http://finance.people.com.cn/n1/2024/0510/c1004-40232587.html';

describe('print edition', () => {
  it('reads people-2’s credit, and the same credit in a block of any page', () => {
    const doc = parseDocument(decodeHtml(readFileSync(PEOPLE_2)).html, URL);
    expect(printEdition(doc)).toEqual({ newspaper: '人民日报', date: '2024-05-10', page: '04' });
    const other = parseDocument('<body><p>正文。</p><div>《光明日报》（2024年5月9日第A3版）</div></body>', URL);
    expect(printEdition(other)).toEqual({ newspaper: '光明日报', date: '2024-05-09', page: 'A3' });
  });
  it('finds none in prose or on a page without one', () => {
    expect(parsePrintEdition('据《人民日报》报道，会议于5月召开。')).toBeNull();
    // a credit naming no paper or no real day is none (a note could not keep it: printEditionProblem)
    expect(parsePrintEdition('《 》（2024年5月9日04版）')).toBeNull();
    expect(parsePrintEdition('《人民日报》（2024年13月40日04版）')).toBeNull();
    const prose = `<body><p>${'某市今天召开会议，'.repeat(5)}《人民日报》（2024年5月9日04版）刊发了评论。</p></body>`;
    expect(printEdition(parseDocument(prose, URL))).toBeNull();
  });
  it('cites the printed article: GB/T 7714 [N] with the date and page, BibTeX pages, RIS SP', async () => {
    const doc = parseDocument(decodeHtml(readFileSync(PEOPLE_2)).html, URL);
    const print = printEdition(doc);
    const article = extractArticle(doc, URL);
    const opts = { accessed: '2026-12-05', print };
    expect(await formatCitation(article, 'gbt7714-numeric', opts)).toBe(
      `[1] 王乐文, 方敏. ${article.title}[N]. 人民日报, 2024-05-10(04).`,
    );
    expect(await formatCitation(article, 'bibtex', opts)).toMatch(
      /^@article\{[\s\S]*journaltitle = \{人民日报\}[\s\S]*pages = \{04\}/,
    );
    expect(await formatCitation(article, 'ris', opts)).toMatch(/^TY {2}- NEWS[\s\S]*\nSP {2}- 04\n/);
    // without it the page is cited as the web page it is
    expect(await formatCitation(article, 'gbt7714-numeric', { accessed: '2026-12-05' })).toContain('[EB/OL]');
  });
});
