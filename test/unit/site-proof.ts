import { readFileSync, writeFileSync } from 'node:fs';
import { splitSelectorList } from '../../src/extract/text';
import { pathToFileURL } from 'node:url';
import { SITE_RULES, type SiteRule } from '../../src/sites/index';
import { corpusLabels, labelUrl, sharedFixture } from './engine-helpers';

/**
 * The proof of every site-rule selector (refined-github style): per rule, field and selector, the fixtures it matches
 * and how many elements it matches there, as `[expectedCount, fixture]` pairs. Kept beside the rules, not in them, so
 * the extension does not ship test data. Recorded by `npx tsx test/unit/site-proof.ts --record`.
 */
export const PROOF_FILE = 'test/fixtures/sites-proof.json';

/** rule id → field → selector → `[count, fixture path from the repo root]` pairs. */
export type SiteProof = Record<string, Record<string, Record<string, [number, string][]>>>;

/** One selector of a rule: a list is split into the selectors the engine tries one by one (ruleMatches). */
export interface RuleSelector {
  field: string;
  selector: string;
}

/** Every selector of a rule, field by field (a clutter entry is a list too). */
export function ruleSelectors(rule: SiteRule): RuleSelector[] {
  const out: RuleSelector[] = [];
  for (const [field, value] of Object.entries(rule.selectors ?? {})) {
    const lists = Array.isArray(value) ? value : [value as string];
    for (const list of lists) for (const selector of splitSelectorList(list)) out.push({ field, selector });
  }
  return out;
}

/** A corpus page under its label's URL; any other fixture under a 中国甘肃网 article URL (selectors ignore it). */
function fixtureUrl(path: string): string {
  const label = corpusLabels().find((l) => path === `test/fixtures/corpus/${l.file}`);
  return label ? labelUrl(label) : 'http://gansu.gscn.com.cn/system/2020/03/16/012340001.shtml';
}

/** How many elements `selector` matches on the fixture (a path from the repo root), decoded as a browser would. */
export function countOn(path: string, selector: string): number {
  return sharedFixture(path, fixtureUrl(path)).querySelectorAll(selector).length;
}

/** The recorded proof. */
export function siteProof(): SiteProof {
  return JSON.parse(readFileSync(PROOF_FILE, 'utf8')) as SiteProof;
}

/**
 * The pages of a rule's own site a recording looks at: corpus pages labelled with the rule's site (`163` also takes
 * `163-dy`), and for 中国甘肃网 the two-page article made from gscn-1 (test/fixtures/multipage/make.py).
 */
function ownPages(rule: SiteRule): string[] {
  const corpus = corpusLabels()
    .filter((l) => l.site === rule.id || l.site.startsWith(`${rule.id}-`))
    .map((l) => `test/fixtures/corpus/${l.file}`);
  const multipage = ['page-1.html', 'page-2.html'].map((f) => `test/fixtures/multipage/${f}`);
  return rule.id === 'gscn' ? [...corpus, ...multipage] : corpus;
}

/** Record today's counts on each rule's own pages; selectors no page proves are listed (the test fails on them). */
function record(): void {
  const proof: SiteProof = {};
  const unproven: string[] = [];
  for (const rule of SITE_RULES) {
    const fields: SiteProof[string] = (proof[rule.id] = {});
    for (const { field, selector } of ruleSelectors(rule)) {
      const pairs = ownPages(rule)
        .map((path): [number, string] => [countOn(path, selector), path])
        .filter(([n]) => n > 0);
      if (!pairs.length) unproven.push(`${rule.id} ${field} ${selector}`);
      (fields[field] ??= {})[selector] = pairs;
    }
  }
  // one `[count, fixture]` pair a line
  const text = JSON.stringify(proof, null, 2).replace(/\[\n\s+(\d+),\n\s+("[^"]*")\n\s+\]/g, '[$1, $2]');
  writeFileSync(PROOF_FILE, `${text}\n`);
  console.log(`recorded ${PROOF_FILE}; unproven: ${unproven.length ? unproven.join('; ') : 'none'}`);
}

const isMain = !!process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && process.argv.includes('--record')) record();
