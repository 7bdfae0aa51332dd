import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { countHanKanaHangul } from '../../src/extract/cjk';
import { extractArticle } from '../../src/extract/index';
import { parseDocument } from '../../src/cli/dom';

/** Readability's own test pages (test/fixtures/peer/README.md). */
export const PEER_DIR = 'test/fixtures/peer/readability-test-pages';
/** The URL Readability's test harness gives every page. */
export const PEER_URL = 'http://fakehost/test/page.html';
/** Today's result on each non-CJK peer page, recorded by `npx tsx test/unit/peer-util.ts --record`. */
export const PEER_RESULTS = 'test/fixtures/peer/results.json';

/** What is compared on one peer page: our body text and title against Readability's expectations. */
export interface PeerResult {
  /** Our body text equals expected.html's (whitespace collapsed). */
  body: boolean;
  /** Our title equals expected-metadata.json's (whitespace collapsed). */
  title: boolean;
}

/** A recorded result, with plain Readability's body result of the same run (the peer we must not fall behind). */
export interface PeerRecord extends PeerResult {
  readabilityBody: boolean;
}

/** Text of an HTML fragment, whitespace collapsed (the peer suite's comparison). */
export function fragmentText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return collapse(document.querySelector('body')?.textContent ?? '');
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Peer pages whose expected text is not CJK (fewer than 50 CJK characters). */
export function nonCjkPeerPages(): string[] {
  return readdirSync(PEER_DIR)
    .filter((d) => existsSync(join(PEER_DIR, d, 'expected.html')))
    .filter((d) => countHanKanaHangul(readFileSync(join(PEER_DIR, d, 'expected.html'), 'utf8')) < 50)
    .sort();
}

/**
 * A peer page's source parsed (as UTF-8 text, under PEER_URL). Not cached: the 124 mostly large pages are read once by
 * peer.test.ts and 30 of them by lines.test.ts, and keeping them all costs the shared worker more than parsing again.
 */
export function peerPage(page: string): Document {
  return parseDocument(readFileSync(join(PEER_DIR, page, 'source.html'), 'utf8'), PEER_URL);
}

/** Our result on `page`. */
export function peerResult(page: string): PeerResult {
  const a = extractArticle(peerPage(page), PEER_URL);
  const want = fragmentText(readFileSync(join(PEER_DIR, page, 'expected.html'), 'utf8'));
  const meta = JSON.parse(readFileSync(join(PEER_DIR, page, 'expected-metadata.json'), 'utf8')) as { title?: string };
  return { body: fragmentText(a.contentHtml) === want, title: collapse(a.title) === collapse(meta.title ?? '') };
}

/** Plain Readability 0.6.0's body result on `page` (on a document of its own: parse() changes it). */
export function readabilityBody(page: string): boolean {
  const doc = peerPage(page);
  const want = fragmentText(readFileSync(join(PEER_DIR, page, 'expected.html'), 'utf8'));
  return fragmentText(new Readability(doc).parse()?.content ?? '') === want;
}

/** The recorded results, by page. */
export function peerRecords(): Record<string, PeerRecord> {
  return JSON.parse(readFileSync(PEER_RESULTS, 'utf8')) as Record<string, PeerRecord>;
}

/** Record today's results of every non-CJK page (ours and plain Readability's), for a person to review in the diff. */
function record(): void {
  const out: Record<string, PeerRecord> = {};
  for (const page of nonCjkPeerPages()) out[page] = { ...peerResult(page), readabilityBody: readabilityBody(page) };
  const lines = Object.entries(out).map(([page, r]) => `  ${JSON.stringify(page)}: ${JSON.stringify(r)}`);
  writeFileSync(PEER_RESULTS, `{\n${lines.join(',\n')}\n}\n`);
  console.log(`recorded ${lines.length} pages in ${PEER_RESULTS}`);
}

const isMain = !!process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && process.argv.includes('--record')) record();
