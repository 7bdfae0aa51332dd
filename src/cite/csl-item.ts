import type { Article } from '../extract/article';
import type { PrintEdition } from '../extract/print-edition';
import { hasChars } from '../extract/cjk';

/** A CSL-JSON name: `literal` for CJK names and organisations, `family`/`given` for Latin personal names. */
export type CslName = { literal: string } | { family: string; given?: string };

/** A CSL-JSON date: `date-parts` is [[year, month?, day?]]. */
export interface CslDate {
  'date-parts': [number, number?, number?][];
}

/** The CSL-JSON fields this project fills (CSL-JSON schema 1.0 names). */
export interface CslItem {
  /** Same as `citation-key`. */
  id: string;
  /** ASCII key for BibTeX/RIS (see citationKey). */
  'citation-key': string;
  type: 'article-newspaper' | 'webpage';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  publisher?: string;
  issued?: CslDate;
  accessed: CslDate;
  URL: string;
  language: string;
  /** The page (版次) of a print edition (toCslItem's `print`). */
  page?: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * One person or body as a CSL name. Any CJK character → `literal` (a Chinese name such as 漆琳 has no
 * family/given split a formatter could rely on: 欧阳/司马 are two-character surnames). Latin names: "Given Family"
 * or "Family, Given" → family/given; a single word → literal.
 */
export function toCslName(raw: string): CslName {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (CJK.test(name)) return { literal: name.replace(/\s/g, '') };
  const comma = name.match(/^([^,]+),\s*(.+)$/);
  if (comma) return { family: comma[1], given: comma[2] };
  const parts = name.split(' ');
  if (parts.length < 2) return { literal: name };
  return { family: parts[parts.length - 1], given: parts.slice(0, -1).join(' ') };
}

/**
 * The calendar date written in an ISO 8601 string, as CSL date-parts. Uses the date as written (the publisher's
 * local date, `+08:00` for Chinese sites), never converted to UTC: 2020-03-15T01:00+08:00 is 15 March in Lanzhou.
 * @returns null when the string does not start with YYYY, YYYY-MM or YYYY-MM-DD
 */
export function isoToCslDate(iso: string): CslDate | null {
  const m = iso.trim().match(/^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/);
  if (!m) return null;
  const parts: [number, number?, number?] = [Number(m[1])];
  if (m[2]) parts.push(Number(m[2]));
  if (m[3]) parts.push(Number(m[3]));
  return { 'date-parts': [parts] };
}

/** A Date (local calendar day of the machine: the user's "today") or an ISO string, as CSL date-parts. */
export function toCslDate(d: Date | string): CslDate {
  if (typeof d === 'string') {
    const parsed = isoToCslDate(d);
    if (!parsed) throw new Error(`not an ISO 8601 date: ${d}`);
    return parsed;
  }
  return { 'date-parts': [[d.getFullYear(), d.getMonth() + 1, d.getDate()]] };
}

/**
 * Is the page on a newspaper's own site (so it is a newspaper article, GB/T 7714 `[N/OL]`), rather than a portal's
 * web page (`[EB/OL]`)? Rule: the site calls itself a newspaper (site name ends in 报, e.g. 北京青年报, 当代商报) or
 * the host is a digital edition (paper./epaper./szb./dzb. hosts, as paper.people.com.cn, the standard's example 113).
 * A portal reprinting a newspaper (来源: 新京报 on 163.com) is still a web page: what was read and is cited is the
 * portal's page; the newspaper is kept as `publisher`.
 */
export function isNewspaperSite(article: Pick<Article, 'siteName' | 'url' | 'canonicalUrl'>): boolean {
  if (article.siteName && /报$/.test(article.siteName.trim())) return true;
  try {
    const host = new URL(article.canonicalUrl ?? article.url).hostname;
    return /^(e?paper|szb|dzb|epaper\w*)\./i.test(host);
  } catch {
    return false;
  }
}

/** Language of the item: the page's lang, else zh-CN when the title (or the text) has CJK characters, else en-US. */
function language(article: Article): string {
  if (article.lang) return article.lang;
  return CJK.test(article.title || article.textContent) ? 'zh-CN' : 'en-US';
}

/** Longest title supplied from the text, in characters (the ellipsis not counted). */
const SUPPLIED_TITLE_MAX = 20;

/**
 * The title to cite: the headline; for a page with none (Article.title ''), a title supplied in square brackets, as
 * GB/T 7714 marks information not found in the source (`[出版者不详]`) and APA, MLA and Chicago mark a description of
 * an untitled work: the first words of the text (its first sentence, or its first 20 characters and `…`), which tell
 * two untitled pages of one site apart where a site name would not; `[无题]` when there is no text either.
 */
export function citationTitle(article: Pick<Article, 'title' | 'textContent'>): string {
  if (hasSuppliedTitle(article)) return suppliedTitle(article.textContent);
  return article.title.trim();
}

/**
 * Is the article cited under a supplied title (citationTitle), i.e. does it have no headline? A title of white space
 * and zero-width spaces (`<title>&#8203;</title>`: cjk.ts hasChars counts no character in it) is none.
 */
export function hasSuppliedTitle(article: Pick<Article, 'title'>): boolean {
  return !hasChars(article.title);
}

/** The bracketed description of an untitled article: its first words, `[无题]` with no text (citationTitle). */
function suppliedTitle(textContent: string | undefined): string {
  const para = (textContent ?? '')
    .trim()
    .split(/\n\s*\n/)[0]
    .replace(/\s+/g, ' ');
  const chars = Array.from(para);
  const end = chars.findIndex((c) => /[。！？!?]/.test(c));
  if (end >= 0 && end < SUPPLIED_TITLE_MAX) return `[${chars.slice(0, end + 1).join('')}]`;
  if (!chars.length) return '[无题]';
  const cut = chars.length > SUPPLIED_TITLE_MAX;
  return `[${chars.slice(0, SUPPLIED_TITLE_MAX).join('').trim()}${cut ? '…' : ''}]`;
}

/**
 * The Article as one CSL-JSON item: the one mapping every style and format starts from (roles and their reasons:
 * src/cite/README.md).
 * - `author`: the persons named as 作者/记者 only, never an outlet; with none, the item has no `author`.
 * - `container-title` = the site the page was read on (网易, 新浪网), or the newspaper on a newspaper's own site.
 * - `publisher` = 来源, the outlet the article comes from, when it is not the site itself.
 * - No `editor`: a page's 编辑/责任编辑 is the site's desk editor, not an editor of the work; CSL styles would print
 *   it as one ("(刘宇非, Ed.)" in APA) or, with no author, cite the desk editor as the responsible creator.
 * - `title`: the headline, or for a page with none a title supplied in brackets (citationTitle).
 * - `type`: `article-newspaper` on a newspaper's site (see isNewspaperSite), else `webpage`.
 * - `issued` = published date as written; `accessed` = the time of copying/saving; `URL` = canonical, else url.
 * - With `print` (the print edition the page credits, src/extract/print-edition.ts): the printed article, type
 *   `article-newspaper` in the newspaper (`container-title`), `issued` the issue's date, `page` the 版次, no
 *   `publisher`; GB/T 7714 then cites it as `[N]` without the URL (style-items.ts).
 * @param accessed Date (local day) or ISO date string `YYYY-MM-DD`
 * @throws Error when `accessed` is a string that is not an ISO date
 */
export function toCslItem(article: Article, accessed: Date | string, print?: PrintEdition | null): CslItem {
  const url = article.canonicalUrl || article.url;
  const site = article.siteName?.trim() || undefined;
  const source = article.source?.trim() || undefined;
  const issued = article.published ? isoToCslDate(article.published) : null;
  const key = citationKey(url, issued);
  const item: CslItem = {
    id: key,
    'citation-key': key,
    type: isNewspaperSite(article) ? 'article-newspaper' : 'webpage',
    title: citationTitle(article),
    accessed: toCslDate(accessed),
    URL: url,
    language: language(article),
  };
  if (article.authors.length) item.author = article.authors.map(toCslName);
  if (site) item['container-title'] = site;
  if (source && !sameOutlet(source, site)) item.publisher = source;
  if (issued) item.issued = issued;
  return print ? inPrint(item, print) : item;
}

/** The item as the article printed in `print`'s newspaper on its date and page (toCslItem). */
function inPrint(item: CslItem, print: PrintEdition): CslItem {
  const { publisher: _publisher, ...rest } = item;
  const issued = isoToCslDate(print.date) ?? item.issued;
  const key = citationKey(item.URL, issued ?? null);
  return {
    ...rest,
    id: key,
    'citation-key': key,
    type: 'article-newspaper',
    'container-title': print.newspaper,
    ...(issued ? { issued } : {}),
    page: print.page,
  };
}

const pad2 = (n: number | undefined): string => String(n ?? 0).padStart(2, '0');

/**
 * A readable, stable ASCII citation key: the site's name label and the publication date, e.g. `gscn_2020_03_15` for
 * http://gansu.gscn.com.cn/system/2020/03/15/012339876.shtml published 2020-03-15 (`gscn_2020` with a year only,
 * `gscn_nd` with no date). ASCII letters, digits and `_` only: BibTeX needs ASCII keys, and citation-js replaces a
 * key holding `-` or `:` with one it builds (`undefined2020undefined` from a Chinese author and title). Two items
 * with one key in a file are told apart by uniqueKeys.
 */
export function citationKey(url: string, issued: CslDate | null): string {
  let site = 'web';
  try {
    const labels = new URL(url).hostname
      .split('.')
      .filter((l) => !/^(www|com|cn|net|org|gov|edu|co|ac|info|uk|hk|tw)$/.test(l));
    site = (labels[labels.length - 1] ?? '').replace(/[^A-Za-z0-9]/g, '') || 'web';
  } catch {
    // not a URL: keep the generic key
  }
  const [y, m, d] = issued?.['date-parts'][0] ?? [];
  if (!y) return `${site}_nd`;
  return `${site}_${y}${m ? `_${pad2(m)}` : ''}${m && d ? `_${pad2(d)}` : ''}`;
}

/**
 * The items with keys unique within the list: a repeated key gets `a`, `b`, … in list order (`sina_2019_09_07`,
 * `sina_2019_09_07a`), as reference managers do; `id` follows the key.
 */
export function uniqueKeys(items: readonly CslItem[]): CslItem[] {
  const used = new Set<string>();
  return items.map((item) => claimKey(item, used));
}

/**
 * The item with a key not yet in `used` (its own, else with a suffix `a`, `b`, …), which is then added to `used`:
 * for callers that format one item at a time into one file (`qingdu cite --style bibtex a.html b.html`).
 */
export function claimKey(item: CslItem, used: Set<string>): CslItem {
  let key = item['citation-key'];
  for (let i = 0; used.has(key); i++) key = `${item['citation-key']}${suffix(i)}`;
  used.add(key);
  return key === item['citation-key'] ? item : { ...item, id: key, 'citation-key': key };
}

/** a … z, then za, zb …: the i-th suffix (0-based). */
function suffix(i: number): string {
  return i < 26 ? String.fromCharCode(97 + i) : `z${suffix(i - 26)}`;
}

/** 来源 equals the site when it names it, ignoring a channel suffix: 人民网-文化频道 is 人民网. */
function sameOutlet(source: string, site: string | undefined): boolean {
  if (!site) return false;
  const head = source.split(/[-－—_|·\s]/)[0];
  return source === site || head === site;
}
