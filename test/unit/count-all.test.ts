import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countAll, countChars, countHanKanaHangul, countPunct, hasChars } from '../../src/extract/cjk';
import { markerOf } from '../../src/extract/clutter';
import { CLUTTER_HEADINGS, MARKER_LEADS } from '../../src/extract/markers';
import { CORPUS_DIR, corpusLabels } from './engine-helpers';

/** countChars as a plain loop over the characters (what the regular expression must count). */
function loopChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x3000 && c !== 0x200b && c !== 0xfeff) n++;
  }
  return n;
}

/** The one-pass counter and page load's marker pre-check (timed by scripts/bench.ts) give what the plain functions give. */
describe('countAll = countChars + countHanKanaHangul + countPunct', () => {
  it('countChars counts what the character loop counts', () => {
    const all = Array.from({ length: 0x3100 }, (_, i) => String.fromCharCode(i)).join('') + '\ufeff\u200b\ufffd';
    expect(countChars(all)).toBe(loopChars(all));
    for (const l of corpusLabels()) {
      const t = readFileSync(join(CORPUS_DIR, l.file), 'utf8');
      expect(countChars(t)).toBe(loopChars(t));
    }
  });
  it('hasChars is countChars > 0 (every UTF-16 unit up to U+30FF, alone and after spaces)', () => {
    for (let c = 0; c < 0x3100; c++)
      for (const t of [String.fromCharCode(c), ` \u3000${String.fromCharCode(c)}`])
        expect(hasChars(t)).toBe(countChars(t) > 0);
    for (const t of ['', '\ufeff\u200b', '\ufeff\u200b a']) expect(hasChars(t)).toBe(countChars(t) > 0);
  });
  const samples = [
    '',
    ' \\n\\t',
    '\u3000\u00a0\u200b\ufeff',
    '中国甘肃网，2020年3月15日。',
    'a,b;c!d?e．',
    'かな한글㐀豈',
    '，。！？；：、',
    'Hello, world!',
  ];
  /** What countAll must give: the three loops, and the first character the character loop counts. */
  const expected = (t: string) => ({
    chars: countChars(t),
    cjk: countHanKanaHangul(t),
    punct: countPunct(t),
    lead: [...t].find((c) => loopChars(c) > 0)?.[0] ?? '',
  });
  for (const t of samples) it(JSON.stringify(t), () => expect(countAll(t)).toEqual(expected(t)));
  it('every corpus page (raw HTML as text)', () => {
    for (const l of corpusLabels()) {
      const t = readFileSync(join(CORPUS_DIR, l.file), 'latin1') + readFileSync(join(CORPUS_DIR, l.file), 'utf8');
      expect(countAll(t)).toEqual(expected(t));
    }
  });
});

describe('markerOf pre-check', () => {
  const plain = (text: string) => markerOf(text, [...CLUTTER_HEADINGS]); // a copy: the full check, no pre-check
  const texts = [
    '分享到',
    '  分享到：',
    '\u3000\u00a0精彩推荐',
    '\ufeff广告',
    '广告业发展',
    '今天',
    '',
    '   ',
    '版权声明:凡注有',
    '\n相关新闻 >>',
  ];
  for (const t of texts) it(JSON.stringify(t), () => expect(markerOf(t)).toBe(plain(t)));
  // the body pass asks markerOf only when the first counted character is in MARKER_LEADS: every space JavaScript's
  // trim() removes, before every marker, must be either dropped by countChars or a lead
  it('MARKER_LEADS misses no text markerOf accepts', () => {
    const spaces = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i)).filter((c) => /\s/.test(c));
    for (const sp of ['', ...spaces])
      for (const m of CLUTTER_HEADINGS) {
        const t = `${sp}${m}：`;
        expect(markerOf(t)).toBe(m);
        expect(MARKER_LEADS.has(countAll(t).lead)).toBe(true);
      }
  });
});
