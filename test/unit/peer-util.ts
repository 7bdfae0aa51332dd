import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { countHanKanaHangul } from '../../src/extract/cjk';
import { extractArticle } from '../../src/extract/index';
import { parseDocument } from '../../src/cli/dom';

/** Readability's own test pages (../shared/peer), copied to test/fixtures/peer. */
export const PEER_DIR = 'test/fixtures/peer/readability-test-pages';
/** The URL Readability's test harness gives every page. */
export const PEER_URL = 'http://fakehost/test/page.html';

/** Text of an HTML fragment, whitespace collapsed (the peer suite's comparison). */
export function fragmentText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return (document.querySelector('body')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Peer pages whose expected text is not CJK (fewer than 50 CJK characters). */
export function nonCjkPeerPages(): string[] {
  return readdirSync(PEER_DIR)
    .filter((d) => existsSync(join(PEER_DIR, d, 'expected.html')))
    .filter((d) => countHanKanaHangul(readFileSync(join(PEER_DIR, d, 'expected.html'), 'utf8')) < 50)
    .sort();
}

/** Does each engine reproduce the expected body text of `page`? */
export function peerPage(page: string): { ours: boolean; plain: boolean } {
  const src = readFileSync(join(PEER_DIR, page, 'source.html'), 'utf8');
  const want = fragmentText(readFileSync(join(PEER_DIR, page, 'expected.html'), 'utf8'));
  const ours = fragmentText(extractArticle(parseDocument(src, PEER_URL), PEER_URL).contentHtml);
  const parsed = new Readability(parseDocument(src, PEER_URL)).parse();
  const plain = fragmentText(parsed?.content ?? '');
  return { ours: ours === want, plain: plain === want };
}
