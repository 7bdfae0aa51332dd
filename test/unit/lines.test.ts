import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/cli/dom';
import { linesFromEnd, linesFromStart, linesOf } from '../../src/extract/text';
import { CORPUS_DIR, caseList, corpusLabels, labelUrl, pageName, sharedFixture } from './engine-helpers';
import { PEER_DIR, peerPage } from './peer-util';

/**
 * linesFromStart / linesFromEnd read only the first or last lines of a subtree (metadata on huge bodies, see 'stops
 * reading early on a huge body' below):
 * they must give exactly the lines linesOf gives, whatever element they start from and wherever they stop.
 */
const pages = [
  ...corpusLabels().map((l) => ({
    name: `corpus ${pageName(l)}`,
    doc: () => sharedFixture(join(CORPUS_DIR, l.file), labelUrl(l)),
  })),
  ...caseList().map((c) => ({
    name: `case ${c.name}`,
    doc: () => sharedFixture(c.path, 'http://example.com/a.html', c.expected.decode_as),
  })),
  ...readdirSync(PEER_DIR)
    .filter((d) => !d.includes('.'))
    .slice(0, 30)
    .map((d) => ({ name: `peer ${d}`, doc: () => peerPage(d) })),
];

describe('lines from the start and the end = linesOf', () => {
  for (const page of pages) {
    it(page.name, () => {
      const doc = page.doc();
      // the body, and elements with several children (where a stop can fall between them)
      const els = [
        doc.querySelector('body') ?? doc.documentElement,
        ...[...doc.querySelectorAll('*')].filter((e) => e.children.length >= 3).slice(0, 40),
      ];
      for (const el of els) {
        const all = linesOf(el).split('\n').filter(Boolean);
        expect(linesFromStart(el, () => false)).toEqual(all);
        expect(linesFromEnd(el, () => false)).toEqual(all);
        for (const k of [1, 2, 4, 6]) {
          expect(linesFromStart(el, (_, n) => n >= k)).toEqual(all.slice(0, k));
          expect(linesFromEnd(el, (_, n) => n >= k)).toEqual(all.length > k ? all.slice(-k) : all);
        }
        // metadata's stop: six lines and one longer than 20 characters
        let sawReal = false;
        const tail = linesFromEnd(el, (line, n) => (sawReal ||= line.length > 20) && n >= 6);
        expect(all.slice(all.length - tail.length)).toEqual(tail);
        expect([...tail].reverse().find((p) => p.length > 20)).toBe([...all].reverse().find((p) => p.length > 20));
      }
    });
  }

  it('stops reading early on a huge body', () => {
    const doc = parseDocument(
      `<html><body><div>${'<p>一段很短的正文，重复很多次。</p>'.repeat(20000)}</div></body></html>`,
      'http://example.com/',
    );
    const body = doc.querySelector('body')!;
    let calls = 0;
    expect(linesFromStart(body, (_, n) => (calls++, n >= 4))).toHaveLength(4);
    expect(calls).toBe(4);
    calls = 0;
    expect(linesFromEnd(body, (_, n) => (calls++, n >= 6))).toHaveLength(6);
    expect(calls).toBe(6);
  });
});
