import { describe, expect, it } from 'vitest';
import { nonCjkPeerPages, peerPage } from './peer-util';

/**
 * No regression on other languages: on the non-CJK test pages of @mozilla/readability 0.6.0 (../shared/peer), our body
 * text equals the expected text (whitespace collapsed) on at least as many pages as plain Readability in the same run.
 */
describe('peer: readability test pages', () => {
  it('non-CJK pages: body text matches on at least as many pages as plain Readability', () => {
    const pages = nonCjkPeerPages();
    expect(pages.length).toBeGreaterThan(100);
    let ours = 0;
    let plain = 0;
    const lost: string[] = [];
    for (const p of pages) {
      const r = peerPage(p);
      if (r.ours) ours++;
      if (r.plain) plain++;
      if (r.plain && !r.ours) lost.push(p);
    }
    console.log(`peer: qingdu ${ours}/${pages.length}, readability ${plain}/${pages.length}; lost: ${lost.join(', ')}`);
    expect(ours, `lost: ${lost.join(', ')}`).toBeGreaterThanOrEqual(plain);
  }, 120_000);
});
