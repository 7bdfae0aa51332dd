/**
 * The site-rule registry: one file per portal (rules are data, see types.ts), looked up by host.
 * Generic heuristics come first; a rule only adds what they cannot infer (a template's body container and clutter).
 */
import type { SiteRule } from './types';
import { baijiahao } from './baijiahao';
import { chinacomcn } from './chinacomcn';
import { gscn } from './gscn';
import { guancha } from './guancha';
import { huanqiu } from './huanqiu';
import { ifeng } from './ifeng';
import { netease } from './netease';
import { people } from './people';
import { qq } from './qq';
import { sina } from './sina';
import { sohu } from './sohu';
import { thepaper } from './thepaper';
import { toutiao } from './toutiao';
import { xinhuanet } from './xinhuanet';

export type { SiteRule } from './types';

/** Every rule, most specific host first. */
export const SITE_RULES: readonly SiteRule[] = [
  gscn,
  netease,
  sina,
  qq,
  ifeng,
  people,
  xinhuanet,
  sohu,
  chinacomcn,
  thepaper,
  baijiahao,
  toutiao,
  guancha,
  huanqiu,
];

/** False in an extension build made with QINGDU_SITE_RULES=0 (vite.config.ts); not defined on Node (rules on). */
declare const __QINGDU_SITE_RULES__: boolean | undefined;
const SITE_RULES_ON = typeof __QINGDU_SITE_RULES__ === 'undefined' || __QINGDU_SITE_RULES__;

function hostOf(u: string | null | undefined): string | null {
  if (!u) return null;
  try {
    return new URL(u).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** The rule serving `host` (a host equal to or a subdomain of a rule's host), or null. */
export function ruleForHost(host: string | null): SiteRule | null {
  if (!host || !SITE_RULES_ON) return null;
  for (const r of SITE_RULES) for (const h of r.hosts) if (host === h || host.endsWith(`.${h}`)) return r;
  return null;
}

/**
 * The rule for a page: by the URL's host, else by the page's own canonical / og:url (saved pages and file:// URLs).
 * Read-only on `doc`.
 */
export function ruleFor(url: string, doc?: Document): SiteRule | null {
  const byUrl = ruleForHost(hostOf(url));
  if (byUrl || !doc) return byUrl;
  const canonical =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  return ruleForHost(hostOf(canonical));
}
