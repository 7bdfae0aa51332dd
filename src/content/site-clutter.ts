import { ruleFor } from '../sites/index';

/** Clutter selectors of the site rule serving the page (src/sites), or none on hosts without a rule. */
export function siteClutterSelectors(url: string, doc: Document): string[] {
  return [...(ruleFor(url, doc)?.selectors?.clutter ?? [])];
}
