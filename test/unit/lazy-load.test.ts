import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { extractArticle, loadPhases, type PageLoad } from '../../src/extract/index';
import { CASE_URL } from '../../src/cli/score';
import { CORPUS_DIR, caseList, corpusLabels, labelUrl, loadFixture, pageName } from './engine-helpers';

/** Run loadPhases to the end, collecting the phase names. */
function runLoad(doc: Document, url: string): { phases: string[]; load: PageLoad } {
  const steps = loadPhases(doc, url, { lazy: true });
  const phases: string[] = [];
  for (;;) {
    const s = steps.next();
    if (s.done) return { phases, load: s.value };
    phases.push(s.value);
  }
}

/**
 * The content script's page load (loadPhases, lazy: metadata after the headline stage deferred, issue 8's budget)
 * gives the same verdict and text as extractArticle, and completes to the very same Article.
 */
describe('lazy page load = extractArticle', () => {
  const check = (doc: Document, url: string, fresh: () => Document) => {
    const { phases, load } = runLoad(doc, url);
    const eager = extractArticle(fresh(), url);
    expect(load.detection.isArticle).toBe(eager.isArticle);
    expect(load.textContent).toBe(eager.textContent);
    expect(load.complete()).toEqual(eager);
    expect(load.complete()).toBe(load.complete());
    return phases;
  };
  for (const label of corpusLabels()) {
    it(`corpus ${pageName(label)}`, () => {
      const url = labelUrl(label);
      const load = () => loadFixture(join(CORPUS_DIR, label.file), url);
      check(load(), url, load);
    });
  }
  for (const c of caseList()) {
    it(`case ${c.name}`, () => {
      const load = () => loadFixture(c.path, CASE_URL, c.expected.decode_as);
      check(load(), CASE_URL, load);
    });
  }
  it('defers the metadata on a page whose body is its own element (title phase instead of metadata)', () => {
    const label = corpusLabels().find((l) => pageName(l) === 'gscn-1')!;
    const url = labelUrl(label);
    const load = () => loadFixture(join(CORPUS_DIR, label.file), url);
    expect(check(load(), url, load)).toEqual(['body', 'title', 'clean']);
  });
});
