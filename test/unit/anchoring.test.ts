// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  anchorSelectors,
  describeRange,
  mapPosition,
  marksOf,
  matchQuote,
  rangeFromPosition,
  rootText,
  snapToCharacters,
  unwrapMarks,
  wrapRange,
  type AnchorSelectors,
} from '../../src/shared/anchoring';

const body = (html: string): HTMLElement => {
  const el = document.createElement('div');
  el.innerHTML = html;
  document.body.replaceChildren(el);
  return el;
};

const ARTICLE =
  '<p>　　新华社北京3月15日电 国家统计局今天发布数据，<strong>一季度国内生产总值</strong>同比增长5.3%。</p>' +
  '<p>国家统计局新闻发言人表示，经济运行开局良好。</p><p>国家统计局新闻发言人还表示，就业形势总体稳定。</p>';

/** The selectors for the first occurrence of `exact` in the root's text. */
function select(root: HTMLElement, exact: string, from = 0): AnchorSelectors {
  const start = rootText(root).indexOf(exact, from);
  const range = rangeFromPosition(root, start, start + exact.length)!;
  return describeRange(root, range)!;
}

describe('describeRange', () => {
  it('gives the quote with 32 characters of context and the UTF-16 offsets, across element boundaries', () => {
    const root = body(ARTICLE);
    const text = root.textContent!;
    const [quote, position] = select(root, '今天发布数据，一季度国内生产');
    expect(position).toEqual({ type: 'TextPositionSelector', start: text.indexOf('今天'), end: text.indexOf('总值') });
    expect(quote.exact).toBe('今天发布数据，一季度国内生产');
    expect(quote.prefix).toBe(text.slice(0, text.indexOf('今天')));
    expect(quote.suffix).toBe(text.slice(text.indexOf('总值'), text.indexOf('总值') + 32));
    expect(quote.suffix).toHaveLength(32);
  });

  it('reads a range whose boundaries are element positions (a selection of whole paragraphs)', () => {
    const root = body(ARTICLE);
    const range = document.createRange();
    range.setStart(root, 1);
    range.setEnd(root, 2);
    const [quote, position] = describeRange(root, range)!;
    expect(quote.exact).toBe('国家统计局新闻发言人表示，经济运行开局良好。');
    expect(position.start).toBe(root.children[0].textContent!.length);
  });

  it('refuses a collapsed range, a white-space range and a range outside the root', () => {
    const root = body(ARTICLE);
    const collapsed = document.createRange();
    collapsed.setStart(root.firstChild!.firstChild!, 2);
    expect(describeRange(root, collapsed)).toBeNull();
    const blank = rangeFromPosition(root, 1, 2)!; // inside the "　　" indent
    expect(describeRange(root, blank)).toBeNull();
    const other = document.createElement('p');
    other.textContent = '别处的文字';
    document.body.append(other);
    const outside = document.createRange();
    outside.selectNodeContents(other);
    expect(describeRange(root, outside)).toBeNull();
  });
});

describe('anchorSelectors', () => {
  it('finds the exact quote again in a fresh render of the same body', () => {
    const selectors = select(body(ARTICLE), '一季度国内生产总值同比增长');
    const again = body(ARTICLE);
    expect(anchorSelectors(again, selectors)!.toString()).toBe('一季度国内生产总值同比增长');
  });

  it('tells several occurrences apart by their context first, and by the position when the context is the same', () => {
    const root = body(ARTICLE);
    const text = rootText(root);
    const second = select(root, '国家统计局新闻发言人', text.indexOf('还表示') - 12);
    const secondAt = text.lastIndexOf('国家统计局新闻发言人');
    expect(second[1].start).toBe(secondAt);
    const again = body(ARTICLE);
    const found = anchorSelectors(again, second)!;
    expect(describeRange(again, found)![1].start).toBe(secondAt);
    // A stale position hint pointing at the first occurrence: the context still picks the second.
    const stale: AnchorSelectors = [
      second[0],
      { type: 'TextPositionSelector', start: text.indexOf('国家统计局新闻'), end: 0 },
    ];
    expect(matchQuote(text, stale)!.start).toBe(secondAt);
    // Same quote and no context: the position hint decides.
    const same = '甲乙丙。甲乙丙。甲乙丙。';
    const hinted: AnchorSelectors = [
      { type: 'TextQuoteSelector', exact: '甲乙丙', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 8, end: 11 },
    ];
    expect(matchQuote(same, hinted)).toEqual({ start: 8, end: 11 });
  });

  it('places a quote whose text changed slightly (fuzzy), near its old position', () => {
    const selectors = select(body(ARTICLE), '国家统计局新闻发言人表示，经济运行开局良好');
    const edited = ARTICLE.replace('开局良好', '开局总体良好').replace('<p>　　', '<p>');
    const root = body(edited);
    const found = anchorSelectors(root, selectors)!;
    expect(found.toString()).toMatch(/^国家统计局新闻发言人表示，经济运行开局总体良/);
  });

  it('never splits a surrogate pair in an approximate match, and keeps a combining mark with its letter', () => {
    const root = body('<p>前😀一二三四五六七八</p>');
    const found = anchorSelectors(root, [
      { type: 'TextQuoteSelector', exact: 'X一二三四五六七八', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: 9 },
    ])!;
    expect(found.toString()).toMatch(/^😀?一二三四五六七八$/);
    expect(snapToCharacters('前😀一', 2, 3)).toEqual([1, 3]);
    expect(snapToCharacters('前😀一', 0, 2)).toEqual([0, 3]);
    expect(snapToCharacters('cafe\u0301 au lait', 4, 8)).toEqual([3, 8]);
    expect(snapToCharacters('cafe\u0301 au lait', 0, 4)).toEqual([0, 5]);
  });

  it('looks for an approximate match near its position, and in the whole text only up to 50,000 characters', () => {
    const passage = '国家统计局新闻发言人表示，经济运行开局良好，就业形势总体稳定。';
    const near = passage.replace('开局良好', '开局总体良好');
    const filler = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(0x3041 + (i % 80))).join('');
    const selectors: AnchorSelectors = [
      { type: 'TextQuoteSelector', exact: passage, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: passage.length },
    ];
    const short = filler(40_000) + near;
    expect(matchQuote(short, selectors)?.start).toBe(40_000);
    const long = filler(60_000) + near;
    expect(matchQuote(long, selectors)).toBeNull();
    const hinted: AnchorSelectors = [selectors[0], { ...selectors[1], start: 59_000, end: 59_000 + passage.length }];
    expect(matchQuote(long, hinted)?.start).toBe(60_000);
  });

  it('orphans a quote whose passage was rewritten (null, never a guess elsewhere)', () => {
    const selectors = select(body(ARTICLE), '就业形势总体稳定');
    const root = body(ARTICLE.replace('就业形势总体稳定', '物价水平温和回升'));
    expect(anchorSelectors(root, selectors)).toBeNull();
  });
});

describe('wrapRange / unwrapMarks', () => {
  it('wraps a range across <strong> and paragraphs in marks without changing the text, and unwraps it', () => {
    const root = body(ARTICLE);
    const before = root.innerHTML;
    const text = rootText(root);
    const start = text.indexOf('数据');
    const end = text.indexOf('经济运行');
    const marks = wrapRange(rangeFromPosition(root, start, end)!, 'a1', { 'data-color': 'green' });
    expect(marks.map((m) => m.textContent)).toEqual([
      '数据，',
      '一季度国内生产总值',
      '同比增长5.3%。',
      '国家统计局新闻发言人表示，',
    ]);
    expect(marks.every((m) => m.getAttribute('data-color') === 'green')).toBe(true);
    expect(rootText(root)).toBe(text);
    expect(marksOf(root, 'a1')).toHaveLength(4);
    unwrapMarks(root, 'a1');
    expect(marksOf(root)).toHaveLength(0);
    expect(root.innerHTML).toBe(before);
  });

  it('removes one highlight and leaves another', () => {
    const root = body(ARTICLE);
    wrapRange(anchorSelectors(root, select(root, '经济运行'))!, 'a');
    wrapRange(anchorSelectors(root, select(root, '就业形势'))!, 'b');
    unwrapMarks(root, 'a');
    expect(marksOf(root).map((m) => m.textContent)).toEqual(['就业形势']);
    // Anchoring still works on a body that carries marks (its text is the same).
    expect(anchorSelectors(root, select(body(ARTICLE), '开局良好'))!.toString()).toBe('开局良好');
  });
});

describe('mapPosition', () => {
  it('maps offsets between a body and its text-node-by-text-node conversion, also when a node changed length', () => {
    const original = body('<p>用U盘拷贝</p><p>信息技术发展</p>');
    const converted = document.createElement('div');
    converted.innerHTML = '<p>用隨身碟拷貝</p><p>資訊技術發展</p>';
    const start = rootText(original).indexOf('技术');
    expect(mapPosition(original, converted, start, 'start')).toBe(rootText(converted).indexOf('技術'));
    expect(mapPosition(original, converted, 5, 'end')).toBe(6); // end of the first paragraph
    expect(mapPosition(original, converted, 0, 'start')).toBe(0);
    const other = document.createElement('div');
    other.innerHTML = '<p>一</p>';
    expect(mapPosition(original, other, 1, 'start')).toBeNull();
  });
});
