import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** Where the benchmarks read the corpus copy (pages + labels.jsonl). */
export const CORPUS = 'test/fixtures/corpus';
/** A host in the manifest matches without a site rule: pages with an unknown or unmatched URL are served here. */
export const FALLBACK_HOST = 'bench.sina.com.cn';

/** The content-script host patterns of manifest.json as host regexes (`*.163.com` matches any subdomain). */
const MATCHES = (
  JSON.parse(readFileSync('manifest.json', 'utf8')) as { content_scripts: { matches: string[] }[] }
).content_scripts[0].matches.map(
  (m) =>
    new RegExp(
      `^${m
        .split('://')[1]
        .split('/')[0]
        .replace(/\./g, '\\.')
        .replace(/^\*\\\./, '([^.]+\\.)*')}$`,
    ),
);

/**
 * Hosts Chromium loads only over https here (its HSTS preload list: `net::ERR_SSL_PROTOCOL_ERROR` at
 * http://www.toutiao.com/…), which this plain-http server cannot serve: their pages go to FALLBACK_HOST.
 */
const HTTPS_ONLY = new Set(['www.toutiao.com', 'toutiao.com', 'www.bbc.com']);

/**
 * The URL a corpus page is served under in the benchmarks: its labelled URL over http when the content script runs on
 * that host, else `http://FALLBACK_HOST/<file>` so the content script still runs.
 */
export function pageUrl(file: string, url: string | null): string {
  if (url) {
    const u = new URL(url);
    if (MATCHES.some((re) => re.test(u.hostname)) && !HTTPS_ONLY.has(u.hostname))
      return `http://${u.hostname}${u.pathname}${u.search}`;
  }
  return `http://${FALLBACK_HOST}/${file}`;
}

/** One corpus page as the benchmarks serve it (file name under pages/, served URL, bytes' encoding, label). */
export interface CorpusRow {
  file: string;
  url: string;
  encoding: string;
  isArticle: boolean;
}

/** The corpus pages in labels.jsonl order, each with the URL it is served under (pageUrl). */
export function corpusRows(): CorpusRow[] {
  return readFileSync(join(CORPUS, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const r = JSON.parse(l) as { file: string; url: string | null; encoding: string; is_article: boolean };
      const file = r.file.replace(/^pages\//, '');
      return { file, url: pageUrl(file, r.url), encoding: r.encoding, isArticle: r.is_article };
    });
}

/**
 * Serve `rows` from 127.0.0.1 by host + path of their URLs (Chromium maps the hosts here; Firefox uses the server as
 * its HTTP proxy), each with its charset.
 * The pages' own scripts are blocked (CSP, which does not apply to content scripts): without the network they hang
 * some saved pages in "loading" or rewrite them, and they would add noise that is not ours.
 */
export async function serveCorpus(rows: CorpusRow[]): Promise<{ port: number; close(): void }> {
  const byHostPath = new Map(rows.map((r) => [new URL(r.url).host + new URL(r.url).pathname, r]));
  const server = createServer((req, res) => {
    // (Firefox uses this server as its HTTP proxy: the request line then holds the absolute URL)
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const row = byHostPath.get(`${url.hostname}${url.pathname}`);
    if (!row) return void res.writeHead(404).end();
    const charset = row.encoding === 'gb18030' ? 'gb18030' : 'utf-8';
    res
      .writeHead(200, {
        'content-type': `text/html; charset=${charset}`,
        'content-security-policy': "script-src 'none'",
      })
      .end(readFileSync(join(CORPUS, 'pages', row.file)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}
