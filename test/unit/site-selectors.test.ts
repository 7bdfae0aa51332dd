import { describe, expect, it } from 'vitest';
import { SITE_RULES } from '../../src/sites/index';
import { countOn, PROOF_FILE, ruleSelectors, siteProof } from './site-proof';

/**
 * Every selector of every site rule is proven: test/fixtures/sites-proof.json names, per selector, the fixtures it
 * matches and how many elements it matches on each (`[expectedCount, fixture]`, as refined-github pairs its selectors
 * with test URLs). A selector that no fixture proves, that matches nothing on a named fixture or whose count changed
 * fails by name; re-record on purpose with `npx tsx test/unit/site-proof.ts --record` and review the diff.
 */
describe(`site-rule selectors, proven by ${PROOF_FILE}`, () => {
  const proof = siteProof();
  const held = SITE_RULES.flatMap((r) => ruleSelectors(r).map((s) => ({ rule: r.id, ...s })));

  for (const { rule, field, selector } of held) {
    it(`${rule} ${field} ${selector}`, () => {
      const pairs = proof[rule]?.[field]?.[selector] ?? [];
      expect(pairs.length, 'no fixture proves it').toBeGreaterThan(0);
      for (const [count, path] of pairs) {
        expect(count, `${path}: a proof matches at least one element`).toBeGreaterThan(0);
        expect(countOn(path, selector), `count on ${path}`).toBe(count);
      }
    });
  }

  it('each selector appears once in its rule and field, and the proof names no other', () => {
    const keys = held.map((s) => `${s.rule} ${s.field} ${s.selector}`);
    expect(
      keys.filter((k, i) => keys.indexOf(k) !== i),
      'repeated',
    ).toEqual([]);
    const named = Object.entries(proof).flatMap(([rule, fields]) =>
      Object.entries(fields).flatMap(([field, sels]) => Object.keys(sels).map((s) => `${rule} ${field} ${s}`)),
    );
    expect(
      named.filter((k) => !keys.includes(k)),
      'stale proof entries',
    ).toEqual([]);
    const pairs = named.reduce((n, k) => {
      const [rule, field, ...rest] = k.split(' ');
      return n + proof[rule][field][rest.join(' ')].length;
    }, 0);
    console.log(
      `site-rule selectors: ${keys.length} in ${SITE_RULES.length} rules, proven by ${pairs} [count, fixture]`,
    );
  });
});
