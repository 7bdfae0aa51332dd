import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { extractArticle } from '../../src/extract/index';
import { CASE_URL } from '../../src/cli/score';
import { CORPUS_DIR, caseList, corpusLabels, fixtureHtml, freshFixture, labelUrl, pageName } from './engine-helpers';

/**
 * extractArticle never mutates the document it is given (linkedom, and happy-dom for a few pages). Each test parses its
 * own document (freshFixture): a mutation must not reach the documents other tests share.
 */
describe('extractArticle leaves the document unchanged', () => {
  for (const label of corpusLabels()) {
    it(`corpus ${pageName(label)}`, () => {
      const url = labelUrl(label);
      const doc = freshFixture(join(CORPUS_DIR, label.file), url);
      const before = doc.documentElement.outerHTML;
      extractArticle(doc, url);
      expect(doc.documentElement.outerHTML === before).toBe(true);
    });
  }
  for (const c of caseList()) {
    it(`case ${c.name}`, () => {
      const doc = freshFixture(c.path, CASE_URL, c.expected.decode_as);
      const before = doc.documentElement.outerHTML;
      extractArticle(doc, CASE_URL);
      expect(doc.documentElement.outerHTML === before).toBe(true);
    });
  }
  for (const page of ['gscn-1', 'sina-1', 'qq-1']) {
    it(`happy-dom ${page}`, () => {
      const label = corpusLabels().find((l) => pageName(l) === page)!;
      const url = label.url ?? 'https://example.invalid/';
      const window = new Window({
        url,
        settings: {
          disableJavaScriptEvaluation: true,
          disableJavaScriptFileLoading: true,
          disableCSSFileLoading: true,
        },
      });
      const doc = window.document as unknown as Document;
      doc.write(fixtureHtml(join(CORPUS_DIR, label.file)));
      const before = doc.documentElement.outerHTML;
      const a = extractArticle(doc, url);
      expect(doc.documentElement.outerHTML === before).toBe(true);
      expect(a.isArticle).toBe(true);
      window.close();
    });
  }
});
