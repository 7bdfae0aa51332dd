import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index';
import { CASE_URL, scoreCase } from '../../src/cli/score';
import { caseList, loadFixture } from './engine-helpers';

/** ../shared/cases: every check of every case (title, credits, dates, excerpt, body and HTML strings, next page). */
describe('cases', () => {
  for (const c of caseList()) {
    it(c.name, () => {
      const a = extractArticle(loadFixture(c.path, CASE_URL, c.expected.decode_as), CASE_URL);
      expect(scoreCase(a, c.expected)).toEqual([]);
    });
  }
});
