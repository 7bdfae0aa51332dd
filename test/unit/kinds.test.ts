import { describe, expect, it } from 'vitest';
import { CASE_URL, scoreCase } from '../../src/cli/score';
import { extractArticle } from '../../src/extract/index';
import { KINDS_DIR, caseList, freshFixture } from './engine-helpers';

/**
 * test/fixtures/kinds: one small page per failure kind seen on sites the engine was not built on (invented text, the
 * shape of real templates; README there). Scored like the cases, with the site rules on and off: a kind must be
 * handled by the generic engine.
 */
describe('failure kinds', () => {
  for (const c of caseList(KINDS_DIR)) {
    const url = c.expected.url ?? CASE_URL;
    it(c.name, () => {
      const doc = freshFixture(c.path, url, c.expected.decode_as);
      expect(scoreCase(extractArticle(doc, url), c.expected)).toEqual([]);
      expect(scoreCase(extractArticle(doc, url, { siteRules: false }), c.expected), 'generic').toEqual([]);
    });
  }
});
