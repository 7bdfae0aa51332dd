import { describe, expect, it } from 'vitest';
import { CASE_URL, scoreCase } from '../../src/cli/score';
import { caseList, sharedArticle } from './engine-helpers';

/** test/fixtures/cases: every check of every case (title, credits, dates, excerpt, body and HTML strings, next page) */
describe('cases', () => {
  for (const c of caseList()) {
    it(c.name, () => {
      const a = sharedArticle(c.path, CASE_URL, c.expected.decode_as);
      expect(scoreCase(a, c.expected)).toEqual([]);
    });
  }
});
