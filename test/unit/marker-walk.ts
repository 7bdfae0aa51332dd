import { markerOf } from '../../src/extract/markers';

/**
 * The marker texts the declutter's own walk accepts now, written out apart from the code under test (markers.ts
 * isMarkerText): every text node under doc.body, in document order, whose parent is not script, style, noscript,
 * template or textarea and whose text starts with a marker (markerOf). The oracle of the marker-text tests.
 */
export function walkMarkers(doc: Document): Node[] {
  const out: Node[] = [];
  const w = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = w.nextNode(); n; n = w.nextNode())
    if (
      n.parentElement &&
      !['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA'].includes(n.parentElement.tagName) &&
      markerOf(n.nodeValue ?? '')
    )
      out.push(n);
  return out;
}
