import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index';
import { join } from 'node:path';
import { CORPUS_FIELDS, scoreCorpus } from '../../src/cli/score';
import {
  CORPUS_DIR,
  corpusLabels,
  disputedLabels,
  disputeOf,
  labelUrl,
  pageName,
  sharedArticle,
  sharedFixture,
} from './engine-helpers';

/**
 * The whole engine on the dev corpus: one test per page and field (`gscn-1 published`), scored by the rules of
 * test/fixtures/corpus/README.md (src/cli/score.ts, the same code `qingdu eval` uses). Non-article pages only have
 * `detect`. A disputed label (test/fixtures/disputed-labels.json, with its evidence) runs as `it.fails`, so a change of
 * behaviour shows up; a label is never edited to pass.
 */
describe('extractArticle on the dev corpus', () => {
  for (const label of corpusLabels()) {
    for (const field of CORPUS_FIELDS) {
      if (field !== 'detect' && !label.is_article) continue;
      const name = `${pageName(label)} ${field}`;
      const run = disputeOf(pageName(label), field) ? it.fails : it;
      run(name, () => {
        const result = scoreCorpus(sharedArticle(join(CORPUS_DIR, label.file), labelUrl(label)), label);
        expect(result[field], name).toBeNull();
      });
    }
  }
});

describe('disputed labels', () => {
  it('each names a corpus page and a scored field, once', () => {
    const pages = new Map(corpusLabels().map((l) => [pageName(l), l]));
    const seen = new Set<string>();
    for (const d of disputedLabels()) {
      const key = `${d.page} ${d.field}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      expect(pages.get(d.page)?.is_article, key).toBe(true);
      expect(CORPUS_FIELDS, key).toContain(d.field);
      expect(
        [d.label, d.ours, d.why].every((s) => s.trim().length > 0),
        key,
      ).toBe(true);
    }
  });
});

/**
 * The generic engine (every site rule off) is the best estimate of a site nobody wrote a rule for: on the dev corpus it
 * must pass within one page of the run with rules, field by field (a rule adds what the generic path cannot see; it
 * never papers over a generic bug).
 */
it('the generic run is within one page of the run with site rules, per field', () => {
  const fails = { rules: new Map<string, number>(), generic: new Map<string, number>() };
  for (const label of corpusLabels()) {
    const path = join(CORPUS_DIR, label.file);
    const url = labelUrl(label);
    const runs = {
      rules: scoreCorpus(sharedArticle(path, url), label),
      generic: scoreCorpus(extractArticle(sharedFixture(path, url), url, { siteRules: false }), label),
    };
    for (const mode of ['rules', 'generic'] as const)
      for (const f of CORPUS_FIELDS) if (runs[mode][f]) fails[mode].set(f, (fails[mode].get(f) ?? 0) + 1);
  }
  for (const f of CORPUS_FIELDS) {
    const gap = (fails.generic.get(f) ?? 0) - (fails.rules.get(f) ?? 0);
    expect(
      gap,
      `${f}: generic fails ${fails.generic.get(f) ?? 0}, with rules ${fails.rules.get(f) ?? 0}`,
    ).toBeLessThanOrEqual(1);
  }
});
