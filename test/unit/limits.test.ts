import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { MAX_DEPTH, unreadable } from '../../src/content/limits';

/** A document whose deepest element sits `depth` levels below <html> (body is level 1). */
function nested(depth: number, breakSelectors = false): Document {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
  const doc = window.document as unknown as Document;
  let el: Element = doc.body;
  for (let d = 2; d <= depth; d++) el = el.appendChild(doc.createElement(d % 2 ? 'div' : 'span'));
  if (breakSelectors)
    doc.querySelector = () => {
      throw new Error('no selector engine');
    };
  return doc;
}

/** The depth limit (hostile pages, test/e2e/hostile-pages.ts): the selector check and the fallback walk agree at it. */
describe('unreadable depth limit', () => {
  for (const broken of [false, true]) {
    const how = broken ? 'walk' : 'selector';
    it(`${how}: ${MAX_DEPTH} levels are analysed`, () => expect(unreadable(nested(MAX_DEPTH, broken))).toBeNull());
    it(`${how}: ${MAX_DEPTH + 1} levels are too deep`, () =>
      expect(unreadable(nested(MAX_DEPTH + 1, broken))).toBe('too-deep'));
    it(`${how}: a shallow page is analysed`, () => expect(unreadable(nested(5, broken))).toBeNull());
  }
});
