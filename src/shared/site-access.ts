/**
 * "Always clean this site" (test/e2e/site-access.test.ts): hosts outside the manifest's news portals get Qingdu's content script only after
 * the user grants that one origin from the popup (optional host permission), and the background then registers the
 * content script for it. Pure helpers here; browser calls in src/background/site-access.ts and src/popup/SiteAccess.tsx.
 */

/** Id of the one dynamically registered content script that covers every origin the user granted. */
export const SITE_SCRIPT_ID = 'qingdu-sites';

/**
 * The match pattern that grants one site: `http://news.example.org/a?b` → `*://news.example.org/*`.
 * Null for anything that is not an http(s) page (extension pages, about:, file:, data:).
 */
export function sitePattern(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname) return null;
  return `*://${u.hostname}/*`;
}

/**
 * Does a match pattern (`*://*.gscn.com.cn/*`, `*://baijiahao.baidu.com/*`, or every host) cover the page URL?
 * Only the scheme and host parts are compared: every pattern we use has the path `/*` (WebExtension match-pattern
 * rules: `*` scheme = http or https, `*.` host prefix = the domain and its subdomains).
 */
export function patternMatches(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)\//.exec(pattern);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (!m || (u.protocol !== 'http:' && u.protocol !== 'https:')) return false;
  if (m[1] !== '*' && `${m[1]}:` !== u.protocol) return false;
  const host = m[2];
  if (host === '*') return true;
  if (host.startsWith('*.')) return u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1));
  return u.hostname === host;
}

/**
 * The origins the registered content script should match: what the user granted beyond the manifest's required host
 * permissions (those hosts already have the declared content script), sorted so a comparison is stable.
 */
export function grantedSiteOrigins(granted: readonly string[], required: readonly string[]): string[] {
  const req = new Set(required);
  return [...new Set(granted.filter((o) => !req.has(o) && /^(\*|https?):\/\//.test(o)))].sort();
}
