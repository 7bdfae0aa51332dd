// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js/t2cn';
import { convertHtml } from '../../src/reader/convert';
import { drawHighlights, selectorsOf, textMaps } from '../../src/reader/highlights';
import { rangeFromPosition } from '../../src/shared/anchoring';
import type { Annotation } from '../../src/shared/notes-types';

/** OpenCC t2cn turns 勣 into the non-BMP 𪟝: each one makes the displayed text one UTF-16 unit longer. */
const TRADITIONAL = '<p>勣勣勣勣勣勣勣勣，香港新聞今日報道政府宣佈新措施。</p>';

/** The original and the t2cn display of TRADITIONAL, with the display rendered live in the document. */
function converted() {
  const t2cn = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const display = convertHtml(TRADITIONAL, t2cn, document);
  const live = document.createElement('div');
  live.innerHTML = display;
  document.body.replaceChildren(live);
  return { live, maps: textMaps(TRADITIONAL, display, document) };
}

const annotation = (selector: Annotation['target']['selector']): Annotation =>
  ({ id: 'a', motivation: 'highlighting', bodyValue: '', color: 'yellow', target: { selector } }) as Annotation;

const isWhole = (s: string): boolean => [...s].every((c) => c.length === 2 || !/[\ud800-\udfff]/.test(c));

describe('highlights through 繁/简 conversion', () => {
  it('stores the selected characters of the original when the display has non-BMP characters', () => {
    const { live, maps } = converted();
    expect(live.textContent!.length).toBeGreaterThan(maps.originalText.length); // the fixture's premise
    const at = live.textContent!.indexOf('政府宣');
    const selectors = selectorsOf(rangeFromPosition(live, at, at + 3)!, live, maps)!;
    expect(selectors[0].exact).toBe('政府宣');
    expect(selectors[1].start).toBe(maps.originalText.indexOf('政府宣'));
  });

  it('draws a stored highlight over whole characters of the display', () => {
    const { live, maps } = converted();
    const start = maps.originalText.indexOf('勣，香');
    const selector = [
      { type: 'TextQuoteSelector', exact: '勣，香', prefix: '勣勣勣勣勣勣勣', suffix: '港新聞' },
      { type: 'TextPositionSelector', start, end: start + 3 },
    ] as Annotation['target']['selector'];
    expect(drawHighlights(live, [annotation(selector)], maps)).toEqual([]);
    const marked = [...live.querySelectorAll('mark')].map((m) => m.textContent!).join('');
    expect(isWhole(marked)).toBe(true);
    expect(marked).toBe(
      live.textContent!.slice(live.textContent!.indexOf('，') - 2, live.textContent!.indexOf('，') + 2),
    );
  });
});
