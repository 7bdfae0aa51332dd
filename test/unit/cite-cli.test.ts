import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCite } from '../../src/cli/cite';

const pages = new URL('../fixtures/corpus/pages/', import.meta.url).pathname;
const SEED_URL = 'http://gansu.gscn.com.cn/system/2020/03/15/012339876.shtml';

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('qingdu cite', () => {
  it('prints exactly the GB/T string of the seed article (the example in README "Command line")', async () => {
    const status = await runCite([`${pages}gscn-1.html`, '--url', SEED_URL, '--accessed', '2026-11-29']);
    expect(err).toBe('');
    expect(status).toBe(0);
    expect(out).toBe(
      `[1] 漆琳. 安宁区齿轮厂社区:关心关爱弱势群体 让防疫充满温情[EB/OL]. (2020-03-15)[2026-11-29]. ${SEED_URL}.\n`,
    );
  });
  it('numbers several files [1], [2] in input order', async () => {
    const status = await runCite([`${pages}sina-2.html`, `${pages}xinhuanet-1.html`, '--accessed', '2026-11-29']);
    expect(status).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[1\] /);
    expect(lines[1]).toMatch(/^\[2\] /);
  });
  it('warns of a file path only when the page states no address (a saved-from comment is cited without a warning)', async () => {
    await runCite([`${pages}163-5.html`, `${pages}gsc-1.html`, '--accessed', '2026-11-29']);
    expect(out).toContain('https://tech.163.com/19/1125/11/EUQSGLA300097U7R.html.');
    expect(err).not.toContain('163-5.html');
    expect(err).toContain('gsc-1.html: no --url and no address stated by the page, citing the file path');
  });
  it('separates multi-line formats by a blank line', async () => {
    await runCite([`${pages}sina-2.html`, `${pages}xinhuanet-1.html`, '--style', 'ris', '--accessed', '2026-11-29']);
    expect(out.match(/^TY {2}- /gm)).toHaveLength(2);
    expect(out).toContain('ER  - \n\nTY  - ');
  });
  it('prints CSL-JSON of several files as one JSON array (one document a reference manager can import)', async () => {
    await runCite([
      `${pages}sina-2.html`,
      `${pages}xinhuanet-1.html`,
      '--style',
      'csl-json',
      '--accessed',
      '2026-11-29',
    ]);
    const items = JSON.parse(out) as { id: string; title: string }[];
    expect(items).toHaveLength(2);
    expect(new Set(items.map((i) => i.id)).size).toBe(2);
  });
  it('gives every BibTeX entry of one run its own key (163-1 and 163-2 appeared on one day)', async () => {
    await runCite([`${pages}163-1.html`, `${pages}163-2.html`, '--style', 'bibtex', '--accessed', '2026-11-29']);
    const keys = [...out.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
    expect(keys).toEqual([keys[0], `${keys[0]}a`]);
    expect(keys[0]).toMatch(/_2019_09_07$/);
  });
  it('rejects a bad style, a bad date and no files with status 2', async () => {
    expect(await runCite([`${pages}gscn-1.html`, '--style', 'harvard'])).toBe(2);
    expect(await runCite([`${pages}gscn-1.html`, '--accessed', '29/11/2026'])).toBe(2);
    expect(await runCite([])).toBe(2);
    expect(out).toBe('');
  });
  it('reports a missing file and goes on', async () => {
    const status = await runCite([`${pages}missing.html`, `${pages}gscn-1.html`, '--accessed', '2026-11-29']);
    expect(status).toBe(1);
    expect(err).toContain('missing.html: file not found');
    expect(out).toMatch(/^\[1\] /);
  });
  it('says a web address is not a file (it reads saved pages)', async () => {
    const url = 'http://gansu.gscn.com.cn/system/2020/03/15/012339876.shtml';
    expect(await runCite([url, '--accessed', '2026-11-29'])).toBe(1);
    expect(err).toContain(`${url}: a web address, not a file`);
    expect(err).toContain('--url');
  });
});
