/**
 * Clutter selectors from the site rules (src/sites) for a host. Site rules are being written in parallel
 * (issue 3); until `src/sites/index.ts` exports `findRule`, there are none and the generic selectors plus marker
 * text do the work.
 */
export function siteClutterSelectors(_host: string): string[] {
  return [];
}
