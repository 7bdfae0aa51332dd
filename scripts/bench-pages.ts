import { readFileSync } from 'node:fs';

/** Where the benchmarks read the corpus copy (pages + labels.jsonl). */
export const CORPUS = 'test/fixtures/corpus';
/** A host in the manifest matches without a site rule: pages with an unknown or unmatched URL are served here. */
export const FALLBACK_HOST = 'bench.sina.com.cn';

/** The content-script host patterns of manifest.json as host regexes (`*.163.com` matches any subdomain). */
const MATCHES = (JSON.parse(readFileSync('manifest.json', 'utf8')) as { content_scripts: { matches: string[] }[] })
  .content_scripts[0].matches.map((m) => new RegExp(`^${m.split('://')[1].split('/')[0].replace(/\./g, '\\.').replace(/^\*\\\./, '([^.]+\\.)*')}$`));

/**
 * The URL a corpus page is served under in the benchmarks: its labelled URL over http when the content script runs on
 * that host, else `http://FALLBACK_HOST/<file>` so the content script still runs.
 */
export function pageUrl(file: string, url: string | null): string {
  if (url) {
    const u = new URL(url);
    if (MATCHES.some((re) => re.test(u.hostname))) return `http://${u.hostname}${u.pathname}${u.search}`;
  }
  return `http://${FALLBACK_HOST}/${file}`;
}
