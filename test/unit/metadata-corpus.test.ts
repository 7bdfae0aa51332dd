import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { extractMetadata, type ArticleMetadata } from '../../src/extract/metadata';
import { ruleFor } from '../../src/sites/index';
import { chooseBody } from '../../src/extract/body';
import { ruleMatches } from '../../src/extract/text';
import { CASE_URL, METADATA_FIELDS, scoreMetadata } from '../../src/cli/score';
import { CORPUS_DIR, caseList, corpusLabels, disputeOf, labelUrl, pageName, sharedFixture } from './engine-helpers';

/**
 * Metadata as the engine calls it, on a shared (read-only) document: the site rule for the URL and a detached clone of
 * the body (the rule's body container when it holds text, else the generic body guess; no Readability).
 */
function metadataOf(doc: Document, url: string): ArticleMetadata {
  const rule = ruleFor(url, doc);
  let el: Element | null =
    ruleMatches(doc, rule?.selectors?.body).find((e) => (e.textContent ?? '').trim().length > 50) ?? null;
  el ??= chooseBody(doc).element;
  return extractMetadata(doc, url, el ? (el.cloneNode(true) as Element) : null, rule);
}

/**
 * One test per corpus article page and metadata field, plus the metadata fields of the cases, scored by the one scorer
 * (src/cli/score.ts scoreMetadata, the rules of test/fixtures/corpus/README.md). A failure names page and field. Pages
 * are decoded like the CLI does and parsed with linkedom; no Readability, so this also exercises the fallback body
 * guess. A disputed label (test/fixtures/disputed-labels.json) runs as `it.fails`, so a change of behaviour shows up.
 */
describe('metadata on the dev corpus', () => {
  const cache = new Map<string, ArticleMetadata>();
  const get = (file: string, url: string) => {
    if (!cache.has(file)) cache.set(file, metadataOf(sharedFixture(join(CORPUS_DIR, file), url), url));
    return cache.get(file)!;
  };
  for (const label of corpusLabels().filter((l) => l.is_article)) {
    for (const field of METADATA_FIELDS) {
      const run = disputeOf(pageName(label), field) ? it.fails : it;
      run(`${label.file} ${field}`, () => {
        expect(scoreMetadata(get(label.file, labelUrl(label)), label)[field]).toBeNull();
      });
    }
  }
});

describe('metadata on the cases', () => {
  for (const c of caseList()) {
    // Case 23 is about recovering GBK bytes decoded as UTF-8: a decoding concern outside metadata.
    if (c.expected.decode_as) continue;
    for (const field of METADATA_FIELDS) {
      // A null `published` in a case whose URL carries a date: the engine reports the URL's date as a last resort
      // (dateFromUrl, test/unit/dates.test.ts), so only non-null published expectations are checked.
      if (field === 'published' && c.expected.published === null) continue;
      it(`${c.name} ${field}`, () => {
        const got = metadataOf(sharedFixture(c.path, CASE_URL), CASE_URL);
        expect(scoreMetadata(got, c.expected)[field]).toBeNull();
      });
    }
  }
});
