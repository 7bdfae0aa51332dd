import { findDate } from './dates';
import { headerLines } from './info-lines';
import { squash, isHidden, linesBefore, ruleMatches } from './text';
import { BREADCRUMB_LEADS, DATE_NOUNS, HOME_PAGE_NAMES, INFO_LINE_VERBS, SITE_NAME_WORDS, anyOf } from './vocabulary';

/**
 * Headline detection. Chinese portals build `<title>` as `标题_栏目_站名`, `标题--站名`, `标题 | 站名`,
 * `标题-栏目-站名`; og:title is sometimes cut at a quote (163) or carries tags (`标题_尼克斯_季后赛`, sohu).
 * The on-page headline (h1 …) is trusted when it matches a prefix/substring of one of those titles.
 */

/**
 * Separators between a headline and its channel/site suffixes. A bare `-` only counts next to CJK text
 * (`标题-股票频道-和讯网`): in Latin titles it joins words (`X-ray`, `COVID-19`), and `1-10月` is a range.
 */
const SEP =
  /(\s*(?:--|——|_|\||｜|–|—)\s*|\s+[-|·]\s+|(?<=[\u4e00-\u9fff）》”！？])-(?=[\u4e00-\u9fffA-Za-z])|(?<=[\u4e00-\u9fffA-Za-z）》”！？])-(?=[\u4e00-\u9fff]))/;

/** A segment that is clearly a site or channel name rather than part of a headline. */
const SITE_WORD = new RegExp(`(${anyOf(SITE_NAME_WORDS)})`, 'i');
/** A segment that ends the way a site name ends (`江川新闻网`, `港島日報`, `新闻中心`). */
const SITE_END = new RegExp(`(${anyOf(SITE_NAME_WORDS)})$`, 'i');
/** Sentence punctuation: a segment that has it is part of a headline, never a site name. */
const SENTENCE = /[，。！？：:,!?“”"]/;

/** Split `<title>`-style text into headline + suffix segments (segments keep their separators). */
function segments(t: string): string[] {
  return t.split(SEP);
}

/**
 * Remove trailing site/channel segments: `标题_来稿选登_中国甘肃网` → `标题`. A trailing segment is dropped while it is
 * short (≤ 12 characters) or names a site (`…网`, `…频道`, the known site name), and the rest stays ≥ 4 characters.
 * @returns the headline and the last dropped segment (a site-name candidate), or null.
 */
export function stripTitleSuffix(raw: string, siteName?: string | null): { title: string; site: string | null } {
  const t = squash(raw);
  const parts = segments(t);
  // Nothing before the first separator (`_某某网`: a CMS that printed an empty headline): no headline, only the site.
  if (parts.length >= 3 && !parts[0].trim()) {
    const last = parts[parts.length - 1].trim();
    return { title: '', site: last && namesSite(last, siteName) ? last : null };
  }
  const first = siteFirst(parts, siteName);
  if (first) return first;
  let site: string | null = null;
  let siteNamed = false;
  let dropped = 0;
  // parts = [seg, sep, seg, sep, seg …]
  while (parts.length >= 3) {
    const last = parts[parts.length - 1].trim();
    const rest = parts.slice(0, -2).join('').trim();
    if (rest.length < 4) break;
    const short = [...last].length <= 12;
    const named =
      (!!siteName && (last === siteName || siteName.includes(last) || last.includes(siteName))) ||
      (SITE_WORD.test(last) && [...last].length <= 20);
    if (!short && !named) break;
    // The site is the rightmost dropped segment that looks like a site name (`标题 - BBC中文网 - 两岸三地`), else the
    // rightmost one (`标题_栏目_站名`).
    const looksSite = SITE_WORD.test(last);
    if (!site || (!siteNamed && looksSite)) {
      site = last;
      siteNamed = looksSite;
    }
    parts.length -= 2;
    dropped++;
  }
  // Several suffixes none of which looks like a site are tags (`_尼克斯_季后赛_步行者`), not a site name.
  if (!siteNamed && dropped > 1) site = null;
  return { title: parts.join('').trim(), site };
}

/** A `<title>` segment that names a site: the declared site name, or 12 characters or fewer ending in a site word. */
function namesSite(seg: string, siteName?: string | null): boolean {
  return (!!siteName && seg === siteName) || ([...seg].length <= 12 && SITE_END.test(seg) && !SENTENCE.test(seg));
}

/**
 * A site-first title (`江川新闻网_标题`, `港島日報 - 標題`, `新闻中心_栏目_标题`): the first segment names the site
 * (namesSite) and the last does not, and the last is the longest segment, 6 characters or more. Without this the
 * headline was dropped as a short suffix and the site name kept as the title (kinds title-logo-h1-text,
 * title-logo-site-first-trad). Null for any other title (`标题_站名`: the last segment names the site; `标题_今日头条`:
 * the last is short).
 * @param parts the title's segments() (segments with their separators between)
 */
function siteFirst(parts: string[], siteName?: string | null): { title: string; site: string } | null {
  if (parts.length < 3) return null;
  const head = parts[0].trim();
  const last = parts[parts.length - 1].trim();
  if (!namesSite(head, siteName) || namesSite(last, siteName)) return null;
  const len = (p: string) => [...p.trim()].length;
  if (len(last) < 6 || parts.some((p, i) => i % 2 === 0 && len(p) > len(last))) return null;
  return { title: last, site: head };
}

/** Separators inside a keyword list: commas, 、, semicolons, spaces. */
const LIST_SEP = /\s*[,，、;；]\s*|\s+/;
const HAN = /[\u4e00-\u9fff]/;

/** The items of the page's keywords meta (`稻田音乐节,江川县 文旅融合`); empty without one. */
export function keywordSet(meta: string | null | undefined): Set<string> {
  return new Set((meta ?? '').split(LIST_SEP).filter(Boolean));
}

/**
 * A `<title>` segment after the headline that is a keyword list, not part of the headline nor a site name
 * (`稻田音乐节,江川县,文旅融合`, `燈會、嘉義市、觀光`, `稻田音乐节 江川县 文旅融合`): small CMS templates fill <title> with
 * the headline and the keywords meta (kinds title-keyword-tail-*). A list is 3 or more items of 2–10 characters, most
 * of them Chinese, without sentence punctuation; or 2 or more items that are all in the keywords meta. A headline clause
 * after a dash has fewer or longer items (kind title-comma-headline-control); a Latin site name (`The New York Times`)
 * is no Chinese list.
 */
export function isKeywordList(seg: string, keywords: ReadonlySet<string>): boolean {
  if (/[。！？!?：:“”"《》（）()]/.test(seg)) return false;
  const items = seg.trim().split(LIST_SEP).filter(Boolean);
  if (items.length < 2 || items.some((i) => [...i].length > 10)) return false;
  if (items.every((i) => keywords.has(i))) return true;
  const han = items.filter((i) => HAN.test(i)).length;
  return items.length >= 3 && items.every((i) => [...i].length >= 2) && han * 2 > items.length;
}

/**
 * `标题,词1,词2,词3` → `标题`: three or more items of the keywords meta at the end of the text, after commas, 、 or
 * spaces (kind title-keyword-meta-copied). The text unchanged otherwise: a headline that ends in one or two of its own
 * keywords keeps them (kind title-comma-clauses-control).
 */
function withoutKeywordTail(t: string, keywords: ReadonlySet<string>): string {
  if (keywords.size < 3) return t;
  let rest = t;
  let n = 0;
  for (
    let m = /[,，、\s]+([^,，、\s]+)$/.exec(rest);
    m && keywords.has(m[1]);
    m = /[,，、\s]+([^,，、\s]+)$/.exec(rest)
  ) {
    rest = rest.slice(0, m.index);
    n++;
  }
  return n >= 3 && [...rest].length >= 4 ? rest : t;
}

/**
 * A `<title>` (or og:title) without its keyword lists: keyword-list segments after the first (isKeywordList) and the
 * keywords meta appended after a comma (withoutKeywordTail). With the list in it, a short headline is too small a part
 * of the title for any element to match it, and the list stayed in the Article's title. `raw` itself when it holds no
 * list.
 * @param keywords the keywordSet of the page's keywords meta
 */
export function titleWithoutKeywords(raw: string, keywords: ReadonlySet<string>): string {
  const t = squash(raw);
  const parts = segments(t);
  const kept = [parts[0]];
  for (let i = 2; i < parts.length; i += 2) if (!isKeywordList(parts[i], keywords)) kept.push(parts[i - 1], parts[i]);
  const out = withoutKeywordTail(kept.join('').trim(), keywords);
  return out === t ? raw : out;
}

/** A path separator of a breadcrumb: `>`, `＞`, `→`, or a spaced `»`/`›` (a French «headline» has unspaced ones). */
const PATH_SEP = '(?:>|＞|→|\\s[»›]\\s)';
/**
 * A breadcrumb line: it opens with a location label (`当前位置：`), or with the home page's name and a separator
 * (`首页 - 新闻动态`), or has two or more path separators (`首页 > 政务公开 > 乡镇动态`).
 */
const BREADCRUMB = new RegExp(
  `^\\s*(${anyOf(BREADCRUMB_LEADS)})|^\\s*(${anyOf(HOME_PAGE_NAMES)})\\s*[-–—>›»/＞→|｜]|${PATH_SEP}.*${PATH_SEP}`,
);
/** A class or id naming a logo. */
const LOGO = /logo/i;
/** A link to a site's home page: `/`, `./`, `index.html`, an origin. */
const HOME = /^(?:\.?\/|(?:\.\/)?index\.\w+|https?:\/\/[^/?#]+\/?(?:index\.\w+)?)$/i;

/** An element that is (or sits in) the site's logo: a logo class/id up to two levels up, or one link home. */
function isLogo(el: Element): boolean {
  for (let e: Element | null = el, i = 0; e && i < 3; e = e.parentElement, i++)
    if (LOGO.test(`${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`)) return true;
  const links = el.querySelectorAll('a[href]');
  return (
    links.length === 1 &&
    HOME.test((links[0].getAttribute('href') ?? '').trim()) &&
    squash(links[0].textContent ?? '') === squash(el.textContent ?? '')
  );
}

/**
 * Why a headline candidate is no headline, or null when it may be one. Plausibility checks, each from a page kind:
 * - `site name`: its text is the site's name. Small sites put the name in an h1 before the headline, which then
 *   matches the site-first <title> (kind title-logo-h1-text). A headline with the site name as a word stays (kind
 *   title-site-word-control).
 * - `logo`: it is the site's logo: a logo class/id on it or its parents, or all its text one link to the home page
 *   (`<h1><a href="/">港島日報</a></h1>`; kinds title-logo-*).
 * - `breadcrumb`: its text is a location path (`首页 > 政务公开 > 乡镇动态`, `当前位置：…`) in a title-classed element
 *   (kind title-breadcrumb-not-title).
 */
export function notHeadline(el: Element, text: string, siteName: string | null): string | null {
  if (siteName && norm(text) === norm(siteName)) return 'site name';
  if (BREADCRUMB.test(text)) return 'breadcrumb';
  if (isLogo(el)) return 'logo';
  return null;
}

/**
 * A title too weak to keep while a better candidate exists: a channel name (6 characters or fewer, `乡镇动态`,
 * `通知公告`) or a site name (`江川新闻网`: the declared one, or short and ending in a site word), unless its element is
 * followed by the info line (a date): then it is the page's own short headline.
 * @param el the element the title was read from, or null
 */
export function weakTitle(title: string, siteName: string | null, el: Element | null): boolean {
  const t = squash(title);
  if ([...t].length > 6 && !namesSite(t, siteName)) return false;
  return !el || !dateAfter(el);
}

/** A date in the first few header lines after `el` (the info line under a headline). */
function dateAfter(el: Element): boolean {
  return headerLines(el, null)
    .slice(0, 4)
    .some((l) => findDate(l, 2000));
}

/**
 * A heading made of links: tabs or a menu (two links or more), or one link over most of its text, an entry of a list
 * of articles (test/fixtures/engine/channel.html).
 */
function linkedText(el: Element, text: string): boolean {
  const links = el.querySelectorAll('a');
  return links.length >= 2 || (links.length === 1 && squash(links[0].textContent ?? '').length >= text.length * 0.8);
}

/**
 * The headline of a page whose titles name only its site or a channel (`<title>江川新闻网</title>`, an h1 logo, the
 * headline in an h2 or a title-classed div; kinds title-logo-h1-img, title-breadcrumb-not-title): the first heading-like
 * element (h1–h4, title-classed) of 6–80 characters, outside links, navigation and short list items, not made of links,
 * that passes notHeadline and has a date in the lines after it (the info line). Null when there is none.
 */
export function headlineBeforeDate(doc: Document, siteName: string | null): { el: Element; text: string } | null {
  const sel = 'h1, h2, h3, h4, [class*="title"], [id*="title"], [class*="Title"], [class*="tit"], [class*="headline"]';
  let tried = 0;
  for (const el of doc.querySelectorAll(sel)) {
    const raw = el.textContent ?? '';
    if (raw.length > 400) continue;
    const text = squash(raw);
    const len = [...text].length;
    if (len < 6 || len > 80 || isHidden(el) || el.closest('a, nav, script, head, title')) continue;
    const li = el.closest('li');
    if (li && (li.textContent ?? '').length < text.length * 3) continue;
    if (notHeadline(el, text, siteName) || linkedText(el, text)) continue;
    if (dateAfter(el)) return { el, text };
    if (++tried >= 40) break;
  }
  return null;
}

/** The document title, also when linkedom leaves `document.title` empty. */
export function documentTitle(doc: Document): string {
  return squash(doc.title || doc.querySelector('title')?.textContent || '');
}

/** Matching key: no whitespace (an h1 with <br> vs a spaced <title>), quotes and full-width punctuation folded. */
const norm = (s: string) =>
  s
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[“”"'‘’]/g, '"')
    .replace(/[：:]/g, ':')
    .replace(/[？?]/g, '?')
    .replace(/[！!]/g, '!')
    .replace(/[，,]/g, ',')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')');

/**
 * The headline candidates: elements whose text matches one of the refs, best first (pages often repeat the headline:
 * a mobile header, a share box, a print view); only those as good as the best up to the tag/length tie-breakers.
 * @param refs titles from `<title>`, og:title, JSON-LD headline, meta ArticleTitle (any may be empty)
 * @param ruleSelector a SiteRule `selectors.title`, tried first (all its matches with text, when any)
 * @param siteName the site's name: no element with only that text is a headline (notHeadline)
 */
export function findHeadlines(
  doc: Document,
  refs: string[],
  ruleSelector?: string | null,
  siteName: string | null = null,
): { el: Element; text: string }[] {
  if (ruleSelector) {
    const els = ruleMatches(doc, ruleSelector)
      .map((el) => ({ el, text: squash(el.textContent ?? '') }))
      .filter((h) => h.text);
    if (els.length) return els;
  }
  const cleanRefs = refs.filter(Boolean).map(norm);
  const sel = 'h1, h2, h3, [class*="title"], [id*="title"], [class*="Title"], [class*="headline"], [class*="topic"]';
  const found: { el: Element; text: string; score: number }[] = [];
  let order = 0;
  for (const el of doc.querySelectorAll(sel)) {
    order++;
    // Cheap tests first: list pages have thousands of title-classed elements.
    const raw = el.textContent ?? '';
    if (raw.length > 600) continue;
    const text = squash(raw);
    const len = [...text].length;
    if (len < 4 || len > 150) continue;
    const n = norm(text);
    let score = 0;
    for (const r of cleanRefs) {
      if (r === n) score = Math.max(score, 4);
      else if (r.startsWith(n) && n.length >= r.length * 0.3) score = Math.max(score, 3);
      else if (r.includes(n) && n.length >= r.length * 0.4) score = Math.max(score, 2);
      else if (n.startsWith(r) && r.length >= 8) score = Math.max(score, 2); // ref cut short (163 og:title at a quote)
    }
    if (!score) continue;
    if (isHidden(el) || el.closest('a, nav, script, head, title') || notHeadline(el, text, siteName)) continue;
    // A list item holding little more than this text is a related-news entry; a page column built as an <li>
    // (guancha's main column) is not.
    const li = el.closest('li');
    if (li && (li.textContent ?? '').length < text.length * 3) continue;
    const tag = el.tagName.toUpperCase();
    score += tag === 'H1' ? 0.5 : tag === 'H2' ? 0.3 : 0;
    score += Math.min(len, 60) / 1000 - order / 1e6;
    found.push({ el, text, score });
  }
  found.sort((a, b) => b.score - a.score);
  // Keep the candidates as good as the best up to the tag/length tie-breakers.
  return found.filter((f) => Math.floor(f.score) === Math.floor(found[0].score)).map(({ el, text }) => ({ el, text }));
}

/**
 * The title of a page where no element matches any reference title: the first of `titles` (the cleaned <title>,
 * og:title, JSON-LD headline) that is not a bare site name (`<title>江川新闻网</title>`), else the page's first h1 of
 * 5–80 characters that is not one either; a site-like title only when there is no such h1. '' when there is nothing.
 */
export function titleWithoutHeadline(doc: Document, siteName: string | null, titles: readonly string[]): string {
  const siteLike = (t: string) =>
    t === siteName || (SITE_WORD.test(t) && [...t].length <= 12 && !/[，。！？：:]/.test(t));
  const h1 = [...doc.getElementsByTagName('h1')]
    .map((h) => squash(h.textContent ?? ''))
    .find((t) => [...t].length >= 5 && [...t].length <= 80 && !siteLike(t));
  const cands = titles.filter(Boolean);
  return cands.find((t) => !siteLike(t) || !h1) ?? h1 ?? cands[0] ?? '';
}

/** An info line: a text that starts with a publication date label (`发布时间：`). */
const INFO_LINE = new RegExp(`^\\s*(${anyOf(INFO_LINE_VERBS)})(${anyOf(DATE_NOUNS)})\\s*[:：]`);

/**
 * A `<title>` that is only a channel name (`新闻动态--中国地理学会官网`) while the page has a 发布时间/发布日期 line: the
 * headline is the line of text right before that info line (6–80 characters). Null when there is no such line.
 * @returns the headline and the info line's element (the header lines follow it)
 */
export function titleBeforeInfoLine(doc: Document): { title: string; infoEl: Element } | null {
  const infoEl = [...doc.querySelectorAll('div, p, span, b, td')].find(
    (e) => INFO_LINE.test(e.textContent ?? '') && (e.textContent ?? '').length < 100,
  );
  if (!infoEl) return null;
  const before = linesBefore(infoEl, 200).split('\n').filter(Boolean);
  const cand = before[before.length - 1];
  return cand && [...cand].length >= 6 && [...cand].length <= 80 && !isMenuLine(cand) ? { title: cand, infoEl } : null;
}

/** The longest item of a menu row, in characters (`首页`, `国内新闻`). */
const MENU_ITEM_MAX = 4;

/**
 * A row of menu items (`首页 新闻 政务`): three or more space-separated words of at most MENU_ITEM_MAX characters. A
 * headline with spaces has longer parts (`某市召开会议 部署重点工作`). Seen as the line before the info line when the
 * headline is empty (test/fixtures/kinds/title-empty-headline.html).
 */
function isMenuLine(t: string): boolean {
  const words = t.trim().split(/\s+/);
  return words.length >= 3 && words.every((w) => [...w].length <= MENU_ITEM_MAX);
}
