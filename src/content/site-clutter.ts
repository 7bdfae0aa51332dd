import { ruleFor } from '../sites/index';
import { ruleMatches } from '../extract/text';

/** Clutter selectors of the site rule serving the page (src/sites), or none on hosts without a rule. */
export function siteClutterSelectors(url: string, doc: Document): string[] {
  return [...(ruleFor(url, doc)?.selectors?.clutter ?? [])];
}

/** The headline and info-line elements the site rule names (selectors title, info): the declutter's guard keeps them. */
export function siteKeptElements(url: string, doc: Document): Element[] {
  const sel = ruleFor(url, doc)?.selectors;
  return [...ruleMatches(doc, sel?.title), ...ruleMatches(doc, sel?.info)];
}
