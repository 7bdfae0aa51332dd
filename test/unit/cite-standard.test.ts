import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCslItem } from '../../src/cite/index';

// The GB/T 7714-2015 examples (CSL-JSON made from the standard) formatted with the shipped numeric style must equal
// the standard's printed text for the newspaper [N] and online [EB/OL] entries, [110]–[117].
const dir = new URL('../fixtures/csl/', import.meta.url);
const items = JSON.parse(readFileSync(new URL('gbt7714-numeric-data.json', dir), 'utf8')) as object[];
const printed = new Map(
  readFileSync(new URL('standard-numeric.txt', dir), 'utf8')
    .split('\n')
    .map((l) => l.match(/^\[(\d+)\] (.*)$/))
    .filter((m): m is RegExpMatchArray => !!m)
    .map((m) => [Number(m[1]), m[0]]),
);

describe('GB/T 7714-2015 numeric style against the standard', () => {
  it('has the standard data', () => {
    expect(items.length).toBe(117);
    expect(printed.get(114)).toContain('萧钰');
  });
  for (const n of [110, 111, 112, 113, 114, 115, 117]) {
    it(`entry [${n}] equals the standard`, async () => {
      expect(await formatCslItem(items[n - 1], 'gbt7714-numeric', n)).toBe(printed.get(n));
    });
  }
  // The one known difference: the style prints Latin organisation authors in capitals (GB/T 7714 8.1.1 allows
  // capitalised family names; example 116 prints them in mixed case). Everything else must be equal.
  it('entry [116] equals the standard except for the capitalised author', async () => {
    const got = await formatCslItem(items[115], 'gbt7714-numeric', 116);
    const want = printed.get(116)!;
    expect(got.toLowerCase()).toBe(want.toLowerCase());
  });
});
