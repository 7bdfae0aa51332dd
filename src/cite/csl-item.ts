import type { Article } from '../extract/article';

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

/** Language of the item: the page's lang, else zh-CN when the title has CJK characters, else en-US. */
function language(article: Article): string {
  if (article.lang) return article.lang;
  return CJK.test(article.title) ? 'zh-CN' : 'en-US';
}

/**
 * The Article as one CSL-JSON item (the single source of every citation format).
 * - `type`: `article-newspaper` on a newspaper's site (see isNewspaperSite), else `webpage`.
 * - `container-title` = site name; `publisher` = 来源 when it is not the site itself.
 * - No `editor`: a page's 编辑/责任编辑 is the site's desk editor, not an editor of the work; CSL styles would print
 *   it as one ("(刘宇非, Ed.)" in APA) or, with no author, cite the desk editor as the responsible creator.
 * - `issued` = published date as written; `accessed` = the time of copying/saving; `URL` = canonical, else url.
 * @param accessed Date (local day) or ISO date string `YYYY-MM-DD`
 * @throws Error when `accessed` is a string that is not an ISO date
 */
export function toCslItem(article: Article, accessed: Date | string): CslItem {
  const url = article.canonicalUrl || article.url;
  const site = article.siteName?.trim() || undefined;
  const source = article.source?.trim() || undefined;
  const issued = article.published ? isoToCslDate(article.published) : null;
  const key = citationKey(url, issued?.['date-parts'][0][0]);
  const item: CslItem = {
    id: key,
    'citation-key': key,
    type: isNewspaperSite(article) ? 'article-newspaper' : 'webpage',
    title: article.title.trim(),
    accessed: toCslDate(accessed),
    URL: url,
    language: language(article),
  };
  if (article.authors.length) item.author = article.authors.map(toCslName);
  if (site) item['container-title'] = site;
  if (source && !sameOutlet(source, site)) item.publisher = source;
  if (issued) item.issued = issued;
  return item;
}

/**
 * An ASCII citation key: the site's name label + year + the page id, e.g. `gscn2020_012339876` for
 * http://gansu.gscn.com.cn/system/2020/03/15/012339876.shtml. BibTeX keys must be ASCII; citation-js would
 * otherwise build `undefined2020undefined` from a literal (Chinese) author and a CJK title.
 */
export function citationKey(url: string, year: number | undefined): string {
  let site = 'web';
  let id = '';
  try {
    const u = new URL(url);
    const labels = u.hostname.split('.').filter((l) => !/^(www|com|cn|net|org|gov|edu|co|ac|info)$/.test(l));
    site = (labels[labels.length - 1] ?? 'web').replace(/[^A-Za-z0-9]/g, '') || 'web';
    const last = u.pathname.split('/').filter(Boolean).pop() ?? '';
    id = last
      .replace(/\.\w+$/, '')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(-16);
  } catch {
    // not a URL: keep the generic key
  }
  return `${site}${year ?? 'nd'}${id ? `_${id}` : ''}`;
}

/** 来源 equals the site when it names it, ignoring a channel suffix: 人民网-文化频道 is 人民网. */
function sameOutlet(source: string, site: string | undefined): boolean {
  if (!site) return false;
  const head = source.split(/[-－—_|·\s]/)[0];
  return source === site || head === site;
}
