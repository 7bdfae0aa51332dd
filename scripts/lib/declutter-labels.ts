import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The declutter labels of the corpus (test/fixtures/corpus/labels.jsonl; fields in test/fixtures/corpus/README.md) and
 * where each page is served for the declutter evaluation (scripts/eval-declutter.ts).
 */

/** One corpus page as the declutter evaluation reads it. */
export interface DeclutterLabel {
  /** File stem, e.g. `163-1`. */
  name: string;
  /** The page file, relative to the corpus folder (`pages/163-1.html`). */
  file: string;
  /** The page's own address, or null when it does not state one. */
  url: string | null;
  /** The bytes' actual encoding (utf-8, gb18030), sent as the charset of the Content-Type header. */
  encoding: string;
  isArticle: boolean;
  /** One string per clutter block that must be hidden. */
  clutter: string[];
  /** Strings that must stay visible: keep, keep_site, body_first, body_last (in that order; absent ones left out). */
  keep: string[];
}

/** The label fields read here (a row of labels.jsonl). */
interface LabelRow {
  file: string;
  url?: string | null;
  encoding?: string | null;
  is_article?: boolean;
  clutter?: string[] | null;
  keep?: string[] | null;
  keep_site?: string[] | null;
  body_first?: string | null;
  body_last?: string | null;
}

/** Parse one line of labels.jsonl into a DeclutterLabel. @throws on invalid JSON or a row without `file` */
export function parseLabelLine(line: string): DeclutterLabel {
  const row = JSON.parse(line) as LabelRow;
  if (typeof row.file !== 'string') throw new Error(`label without a file: ${line.slice(0, 80)}`);
  const present = (xs: (string | null | undefined)[]) => xs.filter((x): x is string => !!x && !!x.trim());
  return {
    name: row.file.replace(/^.*\//, '').replace(/\.html?$/, ''),
    file: row.file,
    url: row.url ?? null,
    encoding: row.encoding ?? 'utf-8',
    isArticle: row.is_article === true,
    clutter: present(row.clutter ?? []),
    keep: present([...(row.keep ?? []), ...(row.keep_site ?? []), row.body_first, row.body_last]),
  };
}

/** Every page of `corpusDir/labels.jsonl`, in file order. */
export function readDeclutterLabels(corpusDir: string): DeclutterLabel[] {
  return readFileSync(join(corpusDir, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map(parseLabelLine);
}

/**
 * Addresses for the corpus pages that state none (url null): the site's own host, as the page's links and breadcrumb
 * name it, with a path of the site's article-URL form (src/sites `articleUrl`) where the site has a rule, so each page
 * is served where a reader would meet it. Paths with 0 stand for an id nobody knows.
 */
export const STAND_IN_ADDRESSES: Readonly<Record<string, string>> = {
  'gsc-1': 'http://www.gsc.org.cn/content.aspx?id=0',
  // the page's own 手机 link is m.guancha.cn/industry-science/2019_09_07_516923.shtml
  'guancha-1': 'https://www.guancha.cn/industry-science/2019_09_07_516923.shtml',
  // breadcrumb: culture.people.com.cn/GB/405419
  'people-1': 'http://culture.people.com.cn/n1/2019/0615/c405419-0.html',
  'qq-1': 'https://new.qq.com/omn/20190923/20190923A00000.html',
  'thepaper-1': 'https://www.thepaper.cn/newsDetail_forward_0',
  '163-7': 'https://news.163.com/',
  '163-8': 'https://news.163.com/domestic/',
  'netease-forum-1': 'https://n.netease.com/forum.php?mod=forumdisplay&fid=9',
  'tieba-1': 'https://tieba.baidu.com/f?kw=%E8%B4%B4%E5%90%A7%E7%83%AD%E8%AE%AE&ie=utf-8',
  'hrfund-1': 'https://www.hr-fund.com.cn/news/information_2.html',
  'qq-4': 'https://news.qq.com/',
  'qq-peer': 'https://tech.qq.com/a/20161014/000000.htm',
  'youth-peer': 'http://edu.youth.cn/2017/0310/0000000.shtml',
};

/**
 * The address each page is served under: its label's `url` (scheme as labelled; the browser itself upgrades hosts of
 * its HSTS preload list to https), else its STAND_IN_ADDRESSES entry. Two pages labelled with the same address (gscn-1
 * and gscn-2 are two templates of one article) are told apart by a `qingdu-page` query on all but the first.
 * @throws when a page has neither a url nor a stand-in
 */
export function servedAddresses(labels: DeclutterLabel[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const l of labels) {
    const given = l.url ?? STAND_IN_ADDRESSES[l.name];
    if (!given) throw new Error(`${l.name}: no url in its label and no stand-in address`);
    const u = new URL(given);
    u.hash = '';
    if (taken.has(routeOf(u.href))) u.searchParams.append('qingdu-page', l.name);
    taken.add(routeOf(u.href));
    out.set(l.name, u.href);
  }
  return out;
}

/** The page server's key for an address (scripts/lib/page-server.ts `byHost`): host + path + query. */
export function routeOf(address: string): string {
  const u = new URL(address);
  return u.hostname + u.pathname + u.search;
}

/** The host patterns of manifest.json's content scripts, as regexes on a host name (`*.163.com` takes 163.com and any subdomain). */
export function contentScriptHosts(manifestPath = 'manifest.json'): RegExp[] {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts?: { matches?: string[] }[] };
  return (manifest.content_scripts ?? [])
    .flatMap((c) => c.matches ?? [])
    .map((m) => {
      const host = m.split('://')[1]?.split('/')[0] ?? '';
      const escaped = host
        .replace(/\./g, '\\.')
        .replace(/^\*\\\./, '(.+\\.)?')
        .replace(/^\*$/, '.+');
      return new RegExp(`^${escaped}$`);
    });
}

/** Does the content script run by itself at this address (a manifest content_scripts match)? */
export function runsByItself(address: string, hosts: RegExp[]): boolean {
  const host = new URL(address).hostname;
  return hosts.some((re) => re.test(host));
}
