import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi, afterEach } from 'vitest';
import { statedAddress } from '../../src/cli/address';
import { parseDocument } from '../../src/cli/dom';
import { runExtract } from '../../src/cli/extract';
import { sameNames } from '../../src/cli/score';
import { CORPUS_DIR, corpusLabels } from './engine-helpers';

// A saved page run without --url is extracted at the address it states (canonical, og:url, a saved-from comment),
// as the labels' `url_from` records it (test/fixtures/corpus/README.md).
describe('statedAddress on the corpus', () => {
  for (const label of corpusLabels().filter((l) =>
    ['canonical', 'og:url', 'saved-from'].includes(String((l as { url_from?: string }).url_from)),
  )) {
    it(label.file, () => {
      const html = readFileSync(join(CORPUS_DIR, label.file), 'utf8');
      const a = statedAddress(html, parseDocument(html, ''));
      expect(a?.url).toBe(new URL(label.url!).href);
    });
  }
});

describe('statedAddress', () => {
  const at = (html: string) => statedAddress(html, parseDocument(html, ''));
  it('prefers canonical, then og:url, then a saved-from comment; http(s) only', () => {
    const saved = '<!-- saved from url=(0031)https://news.example.cn/a.html -->\n';
    expect(
      at(
        `${saved}<html><head><link rel="canonical" href="https://x.cn/c"><meta property="og:url" content="https://x.cn/o"></head><body></body></html>`,
      ),
    ).toEqual({ url: 'https://x.cn/c', from: 'canonical' });
    expect(
      at(
        `${saved}<html><head><link rel="canonical" href="/relative"><meta property="og:url" content="https://x.cn/o"></head><body></body></html>`,
      ),
    ).toEqual({ url: 'https://x.cn/o', from: 'og:url' });
    expect(at(`${saved}<html><head></head><body></body></html>`)).toEqual({
      url: 'https://news.example.cn/a.html',
      from: 'saved-from',
    });
    expect(at('<html><head><link rel="canonical" href="javascript:alert(1)"></head><body></body></html>')).toBeNull();
    // A front page stated as the address (china.com.cn's og:url, corpus chinacomcn-1) is passed over.
    expect(
      at(
        `${saved}<html><head><link rel="canonical" href="https://x.cn/"><meta property="og:url" content="http://www.china.com.cn/"></head><body></body></html>`,
      ),
    ).toEqual({ url: 'https://news.example.cn/a.html', from: 'saved-from' });
    expect(at('<html><head><meta property="og:url" content="http://www.china.com.cn"></head></html>')).toBeNull();
  });
});

describe('qingdu extract --generic --verbose', () => {
  afterEach(() => vi.restoreAllMocks());
  it('says on stderr which address it used, and runs without the site rule', async () => {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    const file = join(CORPUS_DIR, 'pages/163-5.html');
    expect(await runExtract([file, '--verbose'])).toBe(0);
    expect(await runExtract([file, '--generic'])).toBe(0);
    expect(err.join('')).toContain('at https://tech.163.com/19/1125/11/EUQSGLA300097U7R.html (saved-from)');
    const [withRule, generic] = out.map((l) => JSON.parse(l));
    expect(withRule.rule).toBe('163');
    expect(generic.rule).toBe('generic');
    expect(generic.url).toBe('https://tech.163.com/19/1125/11/EUQSGLA300097U7R.html');
  });
});

describe('sameNames', () => {
  it('ignores a staff code after a name, not a code standing alone', () => {
    expect(sameNames(['杨倩'], '杨倩_NF4425')).toBe(true);
    expect(sameNames(['黄忆南 PN269'], '黄忆南')).toBe(true);
    expect(sameNames(['HN666'], 'HN666')).toBe(true);
    expect(sameNames([], 'HN666')).toBe(false);
    expect(sameNames(['杨倩'], '杜硕_NB12556')).toBe(false);
  });
});
