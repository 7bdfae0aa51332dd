import type { MarkerTexts } from '../extract/body';
import { CLUTTER_HEADINGS, CLUTTER_SELECTORS, PAGE_CLUTTER_HEADINGS } from '../extract/markers';
import {
  CLUTTER_ATTR,
  declutterCss,
  findBodyElement,
  findClutterBlocksSteps,
  guardedSelectorsSteps,
  isGuarded,
} from '../extract/clutter';
import { pageGuardSteps } from '../extract/clutter-guard';
import { findSpineClutterSteps } from '../extract/clutter-spine';
import { NEVER_DUE, runToEnd, type Due, type Steps } from '../extract/slices';
import { siteClutterSelectors, siteKeptElements } from './site-clutter';

const STYLE_ID = 'qingdu-declutter';

/** Where the article is on the page, for the declutter's guard. */
export interface DeclutterTarget {
  /** The page URL (site rule clutter selectors). */
  url: string;
  /** The live element holding the body (extract/scan.ts BodyLocation.holder), or null when it came from a copy. */
  bodyElement: Element | null;
  /** The body text, to find the element holding it when there is no live element (Readability's path). */
  bodyText: string | null;
  /** The clutter marker texts as they are now, or null/absent: the declutter then walks the page's text. */
  markerTexts?: MarkerTexts | null;
}

/**
 * Hide page clutter in place with ONE injected `<style>` (generic + site-rule selectors, plus `[data-qingdu-clutter]`
 * on blocks found by marker text and on the blocks beside the body found by structure, extract/clutter-spine.ts).
 * Nothing the page guard keeps is hidden (extract/clutter-guard.ts: headline, credit and info lines, navigation,
 * footer, the body holder). Reversible: `removeDeclutter` takes the sheet and the attributes away again.
 * Never hides the element holding the article body (see extract/clutter.ts): page load's live body element, or, when
 * the body came from Readability's copy, the element found by its text (findBodyElement). `markerTexts`: the page's
 * clutter marker texts as they are now (page load's, see clutter.ts currentMarkerTexts); without them the page's text
 * is walked for markers.
 * @returns false when the body could not be located on the page (then nothing is hidden).
 */
export function applyDeclutter(doc: Document, page: DeclutterTarget): boolean {
  return runToEnd(declutterSteps(doc, page, NEVER_DUE));
}

/**
 * applyDeclutter in slices (extract/slices.ts): the guard's walk over the page's text, the walk for the page's own
 * headings and the structure pass yield whenever `due()` says so; the sheet and the attributes go on in the last
 * slice, at once. When the page removed the body element in between, nothing is hidden (false, as when it is not
 * found).
 * @returns what applyDeclutter returns for the page as the passes read it
 */
export function* declutterSteps(doc: Document, page: DeclutterTarget, due: Due): Steps<boolean> {
  if (doc.getElementById(STYLE_ID)) return true;
  const live = page.bodyElement?.isConnected ? page.bodyElement : null;
  const body = live ?? (page.bodyText ? findBodyElement(doc, page.bodyText) : null);
  if (!body) return false;
  const guard = yield* pageGuardSteps(doc, body, siteKeptElements(page.url, doc), due);
  const selectors = [...CLUTTER_SELECTORS, ...siteClutterSelectors(page.url, doc)];
  // (one native match of every clutter selector over the page: a slice of its own)
  const { sheet, marked } = yield* guardedSelectorsSteps(doc, selectors, guard, due);
  if (due()) yield;
  const byMarker = yield* findClutterBlocksSteps(doc, body, CLUTTER_HEADINGS, page.markerTexts, due);
  if (due()) yield;
  // the page's own headings (PAGE_CLUTTER_HEADINGS) outside the body, wherever the structure pass does not reach
  const byPageMarker = (yield* findClutterBlocksSteps(doc, body, PAGE_CLUTTER_HEADINGS, null, due)).filter(
    (el) => !body.contains(el),
  );
  if (due()) yield;
  const unguarded = [...byMarker, ...byPageMarker].filter((el) => !isGuarded(guard, el));
  const bySpine = yield* findSpineClutterSteps(doc, guard, due);
  if (!body.isConnected || doc.getElementById(STYLE_ID)) return body.isConnected;
  for (const el of [...marked, ...unguarded, ...bySpine]) el.setAttribute(CLUTTER_ATTR, '');
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = declutterCss(sheet);
  (doc.head ?? doc.documentElement).appendChild(style);
  return true;
}

/** Undo applyDeclutter: remove the sheet and the marker attributes. */
export function removeDeclutter(doc: Document): void {
  doc.getElementById(STYLE_ID)?.remove();
  for (const el of Array.from(doc.querySelectorAll(`[${CLUTTER_ATTR}]`))) el.removeAttribute(CLUTTER_ATTR);
}

export const isDecluttered = (doc: Document): boolean => !!doc.getElementById(STYLE_ID);
