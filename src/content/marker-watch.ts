import type { MarkerTexts } from '../extract/body';
import { currentMarkerTexts } from '../extract/clutter';

/** More changes than this between the body pass and the declutter: the declutter walks the page's text itself. */
const MAX_RECORDS = 2_000;

/** What the page changed between page load's body pass and its declutter (see watchPage). */
export interface PageWatch {
  /**
   * Page load's marker texts brought up to date with the page's changes (clutter.ts currentMarkerTexts), or null when
   * the declutter should walk the text itself (no observer, too many changes, no body).
   */
  markerTexts(found: MarkerTexts): MarkerTexts | null;
  /** Stop watching (idempotent). */
  stop(): void;
}

/**
 * Watch the document for changes from now on (a MutationObserver: childList, characterData, subtree), so the
 * declutter, which runs a few tasks after the body pass, can use the pass's marker texts and still see what the page's
 * own scripts added in between (recommendation and share widgets injected after load: found by review). Start it in
 * the same task as the body pass, before any yield. Never throws: where no observer can be made, markerTexts gives
 * null (the declutter then walks the text).
 */
export function watchPage(doc: Document): PageWatch {
  const records: MutationRecord[] = [];
  let overflow = false;
  // keep the records, up to MAX_RECORDS (then none is needed: the declutter walks)
  const add = (batch: MutationRecord[]) => {
    if (overflow || records.length + batch.length > MAX_RECORDS) overflow = true;
    else records.push(...batch);
  };
  let observer: MutationObserver | null = null;
  try {
    observer = new MutationObserver(add);
    observer.observe(doc, { childList: true, characterData: true, subtree: true });
  } catch {
    observer = null;
  }
  const stop = () => {
    observer?.disconnect();
    observer = null;
  };
  return {
    markerTexts(found) {
      if (!observer) return null;
      add(observer.takeRecords());
      if (overflow) return null;
      try {
        return currentMarkerTexts(doc, found, records);
      } catch {
        return null;
      }
    },
    stop,
  };
}
