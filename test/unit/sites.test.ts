import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SITE_RULES } from '../../src/sites/index';
import { corpusLabels, disputeOf, pageName, sharedArticle } from './engine-helpers';
import { scoreCorpus } from '../../src/cli/score';

const ROOT = resolve(__dirname, '../..');

/** Site rules are data proven by fixtures: each names existing fixtures, and each fixture is extracted with it. */
describe('site rules', () => {
  const ids = new Set<string>();
  for (const rule of SITE_RULES) {
    it(`${rule.id}: unique id, hosts and at least one fixture`, () => {
      expect(ids.has(rule.id)).toBe(false);
      ids.add(rule.id);
      expect(rule.hosts.length).toBeGreaterThan(0);
      expect(rule.fixtures.length).toBeGreaterThan(0);
    });
    for (const f of rule.fixtures) {
      it(`${rule.id}: ${f} exists and uses the rule`, () => {
        const path = join(ROOT, f);
        expect(existsSync(path), `${f} missing`).toBe(true);
        const label = corpusLabels().find((l) => f.endsWith(l.file));
        // a saved page without its URL (label url null) is opened as if from the rule's host, where it was saved
        const url = label?.url ?? `https://www.${rule.hosts[0]}/${f.split('/').pop()}`;
        const a = sharedArticle(path, url);
        expect(a.rule).toBe(rule.id);
        if (label?.is_article) {
          expect(a.isArticle).toBe(true);
          // with the rule in force the body still meets its label (disputed labels excepted:
          // test/fixtures/disputed-labels.json)
          const r = scoreCorpus(a, label);
          for (const field of ['body', 'clean'] as const)
            if (!disputeOf(pageName(label), field)) expect(r[field], field).toBeNull();
        }
      });
    }
  }
});
