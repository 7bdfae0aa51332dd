import { squash, isHidden, linesBefore, ruleMatches } from './text';
import { DATE_NOUNS, INFO_LINE_VERBS, anyOf } from './vocabulary';

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
const SITE_WORD = /(网|频道|新闻|官网|官方网站|资讯|中心|首页|报|社|台|在线|时报|日报|晚报|News|BBC|CCTV)/i;

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
 */
export function findHeadlines(
  doc: Document,
  refs: string[],
  ruleSelector?: string | null,
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
    if (isHidden(el) || el.closest('a, nav, script, head, title')) continue;
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
  return cand && [...cand].length >= 6 && [...cand].length <= 80 ? { title: cand, infoEl } : null;
}
