import { describe, expect, it } from 'vitest';
import { nonCjkPeerPages, peerRecords, peerResult, PEER_RESULTS } from './peer-util';

/**
 * No regression on other languages, page by page: on each non-CJK test page of @mozilla/readability 0.6.0
 * (test/fixtures/peer/README.md) our body text and title compare with the expected ones as recorded in
 * test/fixtures/peer/results.json. A page that gets worse fails by name; one that gets better fails too, so the record
 * is updated on purpose (`npx tsx test/unit/peer-util.ts --record`, then review the diff).
 */
const records = peerRecords();

describe('peer: readability test pages (non-CJK)', () => {
  const pages = nonCjkPeerPages();

  it('the record covers exactly these pages', () => {
    expect(pages.length).toBeGreaterThan(100);
    expect(Object.keys(records).sort()).toEqual(pages);
  });

  it('the record keeps our body text on at least as many pages as plain Readability', () => {
    const all = Object.values(records);
    const ours = all.filter((r) => r.body).length;
    const plain = all.filter((r) => r.readabilityBody).length;
    expect(ours, `${ours} vs ${plain} pages`).toBeGreaterThanOrEqual(plain);
  });

  for (const page of pages) {
    it(page, () => {
      const { body, title } = records[page] ?? {};
      expect(peerResult(page), `${page}: result differs from ${PEER_RESULTS}`).toEqual({ body, title });
    });
  }
});
