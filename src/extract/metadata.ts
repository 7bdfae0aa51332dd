import type { Article } from './article';
import type { SiteRule } from '../sites/types';
import { findDate, parseDateValue, dateFromUrl, type FoundDate } from './dates';
import { documentTitle, findHeadlines, stripTitleSuffix, SITE_WORD } from './title';
import { parseCredits, bracketedCredits, trailingBareName, mergeCredits, emptyCredits, splitNames, cleanSource, isName, type Credits } from './byline';
import { extractSection } from './breadcrumb';
import { linesOf, linesAfter, linesBefore, linesFromEnd, linesFromStart, squash, countHan, isHidden, eachElement, textNodesMatching, elementsAfter, ruleMatches } from './text';

export type ArticleMetadata = Pick<
  Article,
  'canonicalUrl' | 'siteName' | 'title' | 'published' | 'source' | 'authors' | 'editors' | 'section' | 'lang'
>;

/** meta name/property/itemprop (lower-cased, trimmed) → first non-empty content. */
function metaMap(doc: Document): Map<string, string> {
  const m = new Map<string, string>();
  for (const el of doc.getElementsByTagName('meta')) {
    const key = (el.getAttribute('property') || el.getAttribute('name') || el.getAttribute('itemprop') || el.getAttribute('http-equiv') || '')
      .trim()
      .toLowerCase()
      .replace(/\s+/g, '');
    const content = (el.getAttribute('content') ?? '').trim();
    if (key && content && !m.has(key)) m.set(key, content);
  }
  return m;
}

interface LdInfo {
  headline?: string;
  published?: string;
  author?: string[];
  publisher?: string;
}

/** JSON-LD NewsArticle-like objects (also Baidu 熊掌号 `cambrian` objects with title/pubDate). */
function jsonLd(doc: Document): LdInfo {
  const info: LdInfo = {};
  const visit = (o: unknown): void => {
    if (!o || typeof o !== 'object') return;
    if (Array.isArray(o)) return o.forEach(visit);
    const r = o as Record<string, unknown>;
    if (Array.isArray(r['@graph'])) (r['@graph'] as unknown[]).forEach(visit);
    const str = (v: unknown) => (typeof v === 'string' ? v.trim() : undefined);
    info.headline ??= str(r.headline) ?? str(r.title);
    info.published ??= str(r.datePublished) ?? str(r.pubDate) ?? str(r.dateCreated);
    const names = (v: unknown): string[] =>
      Array.isArray(v) ? v.flatMap(names) : typeof v === 'string' ? [v] : v && typeof v === 'object' ? names((v as Record<string, unknown>).name) : [];
    if (!info.author && r.author) {
      const a = names(r.author).map(squash).filter(Boolean);
      if (a.length) info.author = a;
    }
    if (!info.publisher && r.publisher) info.publisher = names(r.publisher)[0];
  };
  for (const s of doc.getElementsByTagName('script')) {
    if (!/ld\+json/i.test(s.getAttribute('type') ?? '')) continue;
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      /* malformed JSON-LD is common; ignore it */
    }
  }
  return info;
}

function absolute(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  let h = href.trim();
  if (/^www\.|^[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(h)) h = '//' + h; // `www.sohu.com/a/…` without a scheme
  try {
    return new URL(h, base).href;
  } catch {
    return null;
  }
}

/**
 * link rel=canonical, else og:url; a bare site root (china.com.cn's og:url) is not the article's URL. Only http(s)
 * URLs count: the value is page-supplied and ends up as a link in citations and the notes page, so a `javascript:` or
 * `data:` "canonical URL" (seen in the break-it tests) is dropped here.
 */
function canonical(doc: Document, url: string, metas: Map<string, string>): string | null {
  const cands = [doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), metas.get('og:url')];
  for (const c of cands) {
    const abs = absolute(c, url);
    if (!abs) continue;
    try {
      const u = new URL(abs);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
      if ((u.pathname === '/' || u.pathname === '') && !u.search) continue;
    } catch {
      continue;
    }
    return abs;
  }
  return null;
}

/** Path of child indexes from the document element down to `el`. */
function pathOf(el: Element): number[] | null {
  const path: number[] = [];
  for (let n: Element | null = el; n && n.parentElement; n = n.parentElement) {
    path.unshift(Array.prototype.indexOf.call(n.parentElement.children, n));
  }
  return path;
}

/**
 * The element of `doc` that corresponds to `content`: `content` itself when it is in `doc`; for a clone (of the
 * whole document, or a detached clone of the element) the element at the same path, or with the same tag, id, class
 * and text length. Null when none is found.
 */
function locate(doc: Document, content: Element | null): Element | null {
  if (!content) return null;
  if (content.ownerDocument === doc && doc.documentElement.contains(content)) return content;
  const sameShape = (a: Element) =>
    a.tagName === content.tagName && (a.getAttribute('id') ?? '') === (content.getAttribute('id') ?? '') && (a.getAttribute('class') ?? '') === (content.getAttribute('class') ?? '');
  if (!content.parentElement) {
    // A detached clone of one element (the engine clones only the body container).
    const len = (content.textContent ?? '').length;
    const id = content.getAttribute('id');
    if (id) {
      const byId = doc.getElementById(id);
      if (byId && sameShape(byId)) return byId;
    }
    let found: Element | null = null;
    eachElement(doc.documentElement, (a) => {
      if (a.tagName === content.tagName && sameShape(a) && (a.textContent ?? '').length === len) {
        found = a;
        return 'stop';
      }
    });
    return found;
  }
  const path = pathOf(content);
  let n: Element | null = doc.documentElement;
  for (const i of path ?? []) n = n?.children[i] ?? null;
  const same = (a: Element | null) =>
    !!a && a.tagName === content.tagName && (a.getAttribute('id') ?? '') === (content.getAttribute('id') ?? '') && (a.getAttribute('class') ?? '') === (content.getAttribute('class') ?? '');
  if (same(n)) return n;
  const id = content.getAttribute('id');
  if (id) {
    const byId = doc.getElementById(id);
    if (same(byId)) return byId;
  }
  const cls = content.getAttribute('class');
  if (cls) {
    try {
      const sel = `${content.tagName.toLowerCase()}.${cls.trim().split(/\s+/).map((c) => CSS_escape(c)).join('.')}`;
      const all = [...doc.querySelectorAll(sel)];
      if (all.length === 1) return all[0];
    } catch {
      /* odd class names */
    }
  }
  return null;
}

function CSS_escape(s: string): string {
  return s.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
}

/**
 * A rough body guess for when no content element is given: the element with the most CJK text in its direct
 * `<p>` children and direct text nodes (news bodies are runs of paragraphs or `<br>`-separated text).
 */
function guessContent(doc: Document): Element | null {
  let best: Element | null = null;
  let bestScore = 0;
  for (const el of doc.querySelectorAll('div, article, section, td, main')) {
    if (isHidden(el)) continue;
    let score = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) score += countHan(c.nodeValue ?? '');
      else if (c.nodeType === 1) {
        const tag = (c as Element).tagName.toUpperCase();
        if (tag === 'P' || tag === 'SPAN' || tag === 'FONT' || tag === 'STRONG') {
          const inLink = (c as Element).querySelector('a') && countHan((c as Element).querySelector('a')?.textContent ?? '') > countHan((c as Element).textContent ?? '') / 2;
          if (!inLink) score += countHan((c as Element).textContent ?? '');
        }
      }
    }
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
  }
  return bestScore >= 30 ? best : null;
}

const CLUTTER = /comment|related|recommend|rank|xgxw|tuijian|paihang|footer/i;

/** The first `n` paragraph texts of a body element (block lines), reading no further. */
const firstParagraphs = (content: Element, n: number): string[] => linesFromStart(content, (_, count) => count >= n);

/** Header lines: short lines right after the headline (the info line lives there), stopping at the first long paragraph. */
function headerLines(head: Element | null, docContent: Element | null): string[] {
  let raw: string[] = [];
  // After the headline; without one, the text just before the body, nearest line first.
  if (head) raw = linesAfter(head, 500).split('\n');
  else if (docContent) raw = linesBefore(docContent, 300).split('\n').reverse();
  const out: string[] = [];
  let total = 0;
  for (const line of raw) {
    if (!line) continue;
    if (line.length > 120) break;
    if (TODAY.test(line)) continue;
    out.push(line);
    total += line.length;
    if (total > 400 || out.length >= 14) break;
  }
  return out;
}

/** A top bar's current date (`今天是2024年05月11日 星期六`) is not the article's. */
const TODAY = /今天是|今日是|^\s*今天|天气/;

/** The few short lines right before the headline, nearest first (templates that print the info line above the title). */
function linesAboveHead(head: Element | null): string[] {
  if (!head) return [];
  return linesBefore(head, 200)
    .split('\n')
    .reverse()
    .filter((l) => l && l.length <= 80 && !TODAY.test(l))
    .slice(0, 4);
}

/** Elements in the header whose class/id says what an unlabeled short text is (sina `a.source`, 百家号 author name). */
function classed(doc: Document, head: Element | null, re: RegExp, notAccount = false): string | null {
  if (!head) return null;
  const scope = head.parentElement?.parentElement ?? head.parentElement;
  if (!scope) return null;
  for (const el of elementsAfter(head, 80)) {
    if (!scope.contains(el)) break;
    const key = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (key.length < 3 || !re.test(key) || el.closest('li, [class*="comment"], [class*="related"]')) continue;
    // A link to a self-media account page names the account (an author-like byline), not the originating outlet.
    if (notAccount && [...el.querySelectorAll('a[href]')].some((a) => /media|author|profile|\/u\/|\/home\//i.test(a.getAttribute('href') ?? ''))) continue;
    const t = squash(el.textContent ?? '');
    if (t && t.length <= 16 && !/[：:]/.test(t) && !/\d/.test(t)) return t;
  }
  return null;
}

function selectText(doc: Document, sel?: string): string {
  return linesOf(ruleMatches(doc, sel)[0]);
}

/** Meta keys that state the publication time, strongest first. */
const META_DATE_KEYS = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'og:release_date', 'datepublished',
  'publishdate', 'pubdate', 'publish_date', 'publish-date', 'publishtime', 'pubtime', 'firstpublishedtime', 'og:time',
  'apub:time', 'weibo:article:create_at', 'dcterms.created', 'dcterms.issued', 'dc.date.issued', 'dc.date.created',
  'dc.date', 'sailthru.date', 'parsely-pub-date', 'publication_date', 'releasedate', 'date',
];
/** Meta keys that state a modification time: weaker than a visible publication time. */
const META_UPDATE_KEYS = ['dateupdate', 'article:modified_time', 'lastmodified', 'last-modified', 'dcterms.modified'];

/** Latest plausible year for year-less dates: from the URL, then any meta date. */
function referenceYear(url: string, metas: Map<string, string>): number | null {
  const u = dateFromUrl(url);
  if (u) return +u.iso.slice(0, 4);
  for (const k of [...META_DATE_KEYS, ...META_UPDATE_KEYS]) {
    const d = parseDateValue(metas.get(k));
    if (d) return +d.iso.slice(0, 4);
  }
  return null;
}

/** A line holding a date label (发布时间：…) is the strongest visible date evidence. */
const DATE_LABEL = /(发布时间|发布日期|发表时间|发表日期|更新时间|时间|日期)\s*[:：]/;

/** A short element anywhere that starts with a date label (`发布日期：2019-09-23 14:34:05`), outside lists and comments. */
function labelledDate(doc: Document, refYear: number | null): FoundDate | null {
  for (const n of textNodesMatching(doc.documentElement, /(发布时间|发布日期|发表时间|发表日期|时间|日期)\s*[:：]/, 20)) {
    for (let el = n.parentElement, i = 0; el && i < 3; el = el.parentElement, i++) {
      const t = squash(el.textContent ?? '');
      if (t.length > 80) break;
      if (!/^(发布时间|发布日期|发表时间|发表日期|时间|日期)\s*[:：]/.test(t)) continue;
      if (el.closest('[class*="comment"], [id*="comment"], [class*="list"], [class*="related"], ul li')) break;
      const d = findDate(t, refYear);
      if (d) return d;
    }
  }
  return null;
}

function visibleDate(lines: string[], refYear: number | null): FoundDate | null {
  // Labelled lines first: 发布/发表 labels, then plain 时间/日期, then unlabelled dates; 更新时间 (an update) last.
  const at = (l: string, re: RegExp) => {
    const i = l.search(re);
    return i >= 0 ? findDate(l.slice(i), refYear) : null;
  };
  const tiers = [/(发布|发表|首发)(时间|日期)\s*[:：]?/, /(?<!更新)(时间|日期)\s*[:：]/];
  for (const re of tiers)
    for (const l of lines) {
      const d = at(l, re);
      if (d) return d;
    }
  for (const l of lines) {
    if (/更新(时间|日期)/.test(l)) continue;
    const d = findDate(l, refYear);
    if (d) return d;
  }
  for (const l of lines) {
    const d = findDate(l, refYear);
    if (d) return d;
  }
  return null;
}

/**
 * Choose the publication time. Order (from the corpus: sina/qq visible times are page-build times while
 * article:published_time is right; guancha's JSON-LD pubDate is its 最后更新 time while the visible time is right):
 * publication meta with a time > visible time > JSON-LD time > modification meta time > any date-only value > URL date.
 * A visible year-less date (`10-08 12:00`) yields to any full date-time.
 */
function pickPublished(ds: { meta: FoundDate | null; visible: FoundDate | null; ld: FoundDate | null; update: FoundDate | null }, url: string): string | null {
  const { meta, visible, ld, update } = ds;
  if (meta?.hasTime) return meta.iso;
  if (visible?.hasTime && !visible.yearGuessed) return visible.iso;
  if (ld?.hasTime) return ld.iso;
  if (update?.hasTime) return update.iso;
  if (visible?.hasTime) return visible.iso;
  const dateOnly = visible ?? meta ?? ld ?? update;
  if (dateOnly) return dateOnly.iso;
  return dateFromUrl(url)?.iso ?? null;
}

/** lang from markup, else zh-CN / zh-TW by script evidence. */
function language(doc: Document, metas: Map<string, string>, sample: string): string | null {
  const declared = [doc.documentElement?.getAttribute('lang'), metas.get('content-language'), metas.get('dc.language'), metas.get('language')]
    .map((s) => (s ?? '').trim())
    .find((s) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(s));
  if (declared) return declared;
  const chars = sample.replace(/\s/g, '').length;
  const kana = (sample.match(/[\u3040-\u30ff]/g) ?? []).length;
  const hangul = (sample.match(/[\uac00-\ud7af]/g) ?? []).length;
  if (kana >= 10 && kana > chars * 0.05) return 'ja';
  if (hangul >= 20 && hangul > chars * 0.3) return 'ko';
  const cjk = countHan(sample);
  // Not evidently Chinese: no guess (a Latin page's language is not ours to infer from script alone).
  if (cjk < 20 || cjk < chars * 0.3) return null;
  // Characters that exist only in one script (a handful of very frequent ones is enough to tell).
  const trad = (sample.match(/[們這個說為國與發會來時對應見體後學從點開經過還進關於實現區機頭報導們灣臺將]/g) ?? []).length;
  const simp = (sample.match(/[们这个说为国与发会来时对应见体后学从点开经过还进关于实现区机头报导们湾台将]/g) ?? []).length;
  if (trad > simp * 2 && trad >= 5) return /香港|港澳|粵|廣東/.test(sample) ? 'zh-HK' : 'zh-TW';
  return 'zh-CN';
}

/**
 * Extract the article metadata. Pure: never mutates `doc` or `content`.
 *
 * @param doc the page Document
 * @param url the page URL (URL date as a last resort, year of year-less dates, absolute canonical)
 * @param content the chosen body element, in a clone of `doc` (credit lines not yet removed), or null
 * @param rule the matched SiteRule, or null
 * @returns the metadata fields of the Article; empty lists and nulls when a field is not found
 */
export function extractMetadata(doc: Document, url: string, content: Element | null, rule: SiteRule | null): ArticleMetadata {
  return finishMetadata(headlineStage(doc, url, content, rule));
}

/**
 * What the headline stage of extractMetadata found, and what the rest of it reads. Holds elements of the page
 * (headline, body): finish soon after, on the same document.
 */
export interface HeadlineStage {
  doc: Document;
  url: string;
  metas: Map<string, string>;
  ld: LdInfo;
  sel: NonNullable<SiteRule['selectors']>;
  siteName: string | null;
  /** The headline text, before whitespace squashing (`squash(title)` is the Article's title). */
  title: string;
  /** The headline element (null when none) and the header lines after it: found when first needed. */
  header(): { headEl: Element | null; lines: string[] };
  docContent: Element | null;
  body: Element | null;
}

/**
 * The first stage of extractMetadata: page metadata maps, site name and the headline (its element and text, and the
 * header lines after it). The content script runs only this stage at page load, since body cleaning needs the title
 * (issue 8's budget); finishMetadata does the rest when the Article is asked for. Same parameters as extractMetadata.
 */
export function headlineStage(doc: Document, url: string, content: Element | null, rule: SiteRule | null): HeadlineStage {
  const metas = metaMap(doc);
  const ld = jsonLd(doc);
  const sel = rule?.selectors ?? {};

  // --- site name and title
  const docTitle = documentTitle(doc);
  const ogTitle = metas.get('og:title') ?? metas.get('twitter:title') ?? '';
  const metaSite = metas.get('og:site_name') ?? ld.publisher ?? metas.get('sitename') ?? null;
  let siteName: string | null = metaSite ?? rule?.siteName ?? null;
  const refs = [docTitle, ogTitle, ld.headline ?? '', metas.get('articletitle') ?? '', metas.get('title') ?? ''];
  // Of equally good headline elements, the one with a date in the lines after it carries the info line.
  const heads = findHeadlines(doc, refs.filter(Boolean), sel.title);
  const pick = () => heads.find((h) => headerLines(h.el, null).slice(0, 6).some((l) => findDate(l, 2000))) ?? heads[0] ?? null;
  // When the candidates share one text (nearly always: one headline), the pick decides only which element the info
  // line follows, so it waits for finishMetadata (undefined here: not picked yet).
  const headline = heads.length && heads.every((h) => h.text === heads[0].text) ? undefined : pick();
  const stripped = stripTitleSuffix(docTitle || ogTitle, siteName);
  // Only <title> suffixes name the site: og:title suffixes are tags (sohu `标题_尼克斯_季后赛_步行者`).
  siteName ??= docTitle && stripped.site && stripped.site.length <= 20 ? stripped.site : null;
  siteName ??= metas.get('application-name') ?? null;

  // --- body (in doc) and header lines
  const docContent = locate(doc, content) ?? (content ? null : guessContent(doc));
  const body = content ?? docContent;
  let title = headline === undefined ? heads[0].text : headline?.text ?? '';
  if (!title) {
    // No element matches any title: the cleaned titles, but never a bare site name (`<title>江川新闻网</title>`);
    // then the page's h1.
    const siteLike = (t: string) => t === siteName || (SITE_WORD.test(t) && [...t].length <= 12 && !/[，。！？：:]/.test(t));
    const h1 = [...doc.getElementsByTagName('h1')].map((h) => squash(h.textContent ?? '')).find((t) => [...t].length >= 5 && [...t].length <= 80 && !siteLike(t));
    const cands = [stripped.title, ogTitle && stripTitleSuffix(ogTitle, siteName).title, ld.headline ?? ''].filter(Boolean) as string[];
    title = cands.find((t) => !siteLike(t) || !h1) ?? h1 ?? cands[0] ?? '';
  }
  // The rule's info block first, then the lines after the headline (bylines often sit outside the info block).
  let header = (): { headEl: Element | null; lines: string[] } => {
    const headEl = (headline === undefined ? pick() : headline)?.el ?? null;
    const info = selectText(doc, sel.info);
    return { headEl, lines: [...(info ? info.split('\n') : []), ...headerLines(headEl, docContent)] };
  };

  // A `<title>` that is only a channel name (`新闻动态--中国地理学会官网`) while the page has a 发布时间 line:
  // the headline is the text right before that line.
  if (!heads.length && [...title].length <= 6) {
    const infoEl = [...doc.querySelectorAll('div, p, span, b, td')].find((e) => /^\s*(发布时间|发布日期)\s*[:：]/.test(e.textContent ?? '') && (e.textContent ?? '').length < 100);
    if (infoEl) {
      const before = linesBefore(infoEl, 200).split('\n').filter(Boolean);
      const cand = before[before.length - 1];
      if (cand && [...cand].length >= 6 && [...cand].length <= 80) {
        title = cand;
        header = () => ({ headEl: infoEl, lines: [linesOf(infoEl.parentElement ?? infoEl), ...headerLines(infoEl, docContent)] });
      }
    }
  }
  return { doc, url, metas, ld, sel, siteName, title, header, docContent, body };
}

/** The rest of extractMetadata after headlineStage: dates, credits, section, language, canonical URL. Pure. */
export function finishMetadata(stage: HeadlineStage): ArticleMetadata {
  const { doc, url, metas, ld, sel, siteName, title, docContent, body } = stage;
  const { headEl, lines } = stage.header();

  // --- published
  const refYear = referenceYear(url, metas);
  let metaDate: FoundDate | null = null;
  const selDate = selectText(doc, sel.published);
  if (selDate) metaDate = findDate(selDate, refYear);
  const firstOf = (keys: string[]) => {
    for (const k of keys) {
      const d = parseDateValue(metas.get(k));
      if (d) return d;
    }
    return null;
  };
  metaDate ??= firstOf(META_DATE_KEYS);
  if (!metaDate) {
    // A <time datetime> counts only outside lists, comments and asides (related items carry their own times).
    const t = [...doc.querySelectorAll('time[datetime], [itemprop="datePublished"][datetime]')].find(
      (e) => !e.closest('li, aside, footer, [class*="comment"], [class*="related"], [class*="list"], [class*="recommend"]'),
    );
    metaDate = parseDateValue(t?.getAttribute('datetime'));
  }
  const above = linesAboveHead(headEl);
  let visible = visibleDate(lines, refYear) ?? visibleDate(above, refYear);
  if (!visible && body) visible = visibleDate(firstParagraphs(body, 2).filter((l) => l.length < 60), refYear);
  visible ??= labelledDate(doc, refYear);
  const published = pickPublished({ meta: metaDate, visible, ld: parseDateValue(ld.published), update: firstOf(META_UPDATE_KEYS) }, url);

  // --- credits
  const ruleCredits = emptyCredits();
  const rs = selectText(doc, sel.source);
  if (rs) ruleCredits.source = cleanSource(rs.replace(/^.*?来源\s*[:：]?/, ''));
  const ra = selectText(doc, sel.author);
  if (ra) ruleCredits.authors = splitNames(ra.replace(/^.*?(作者|记者)\s*[:：]?/, ''));
  const re = selectText(doc, sel.editor);
  if (re) ruleCredits.chiefEditors = splitNames(re.replace(/^.*?编辑\s*[:：]?/, ''));

  let header = emptyCredits();
  for (const l of lines) header = mergeCredits(header, parseCredits(l));
  // Unlabeled outlet right after the date in the info line (`20-03-15 10:13　江川日报`).
  if (!header.source) {
    for (const l of lines) {
      const d = findDate(l, refYear);
      if (!d) continue;
      const after = l.slice(d.index).replace(/^[\d\s\-/.:：年月日时分T]+/, '');
      const m = /^([\u4e00-\u9fffA-Za-z]{2,12}?(?:日报|晚报|早报|时报|商报|报|网|社|电视台|台|新闻|周刊|杂志))(?:\s|$)/.exec(after);
      if (m) header.source = m[1];
      break;
    }
  }

  // `2019-05-17 · 苏皖城市报道`: a self-media account after the date and a middle dot (网易号, 百家号 mobile).
  for (const l of lines) {
    const d = findDate(l, refYear);
    if (!d) continue;
    const m = /^[\d\s\-/.:：年月日]+[·•]\s*([\u4e00-\u9fffA-Za-z0-9]{2,12})\s*$/.exec(l.slice(d.index));
    if (m && !header.authors.length && m[1] !== siteName) header.authors.push(m[1]);
    break;
  }

  let inBody = emptyCredits();
  let bodyTrailName: string[] = [];
  if (body) {
    // the first and last paragraphs only, read from each end (a huge body is not read whole)
    const head = firstParagraphs(body, 4);
    // the last six, and back to the last one longer than 20 characters (lastReal)
    let sawReal = false;
    const end = linesFromEnd(body, (line, count) => (sawReal ||= line.length > 20) && count >= 6);
    const tail = end.slice(-6);
    for (const p of [...head, ...tail]) {
      if (p.length <= 60) inBody = mergeCredits(inBody, parseCredits(p));
      else if (/^[【\[（(]?\s*(本文来源|来源|作者|记者|责任编辑|编辑|责编|执笔|文\s*[/丨｜])/.test(p)) inBody = mergeCredits(inBody, parseCredits(p.slice(0, 60)));
    }
    for (const p of [...head.slice(0, 2), ...tail]) inBody = mergeCredits(inBody, bracketedCredits(p));
    // `原创： 路闻卓立编译 人民币交易与研究` (WeChat reprints): author before 编译/著, then the account (source).
    for (const p of head) {
      const m = /^原创\s*[:：]\s*(\S{2,6}?)(?:编译|著|文)?\s+(\S{2,20})$/.exec(p);
      if (m) {
        if (!inBody.authors.length) inBody.authors.push(...splitNames(m[1]));
        inBody.source ??= cleanSource(m[2]);
      }
    }
    // A transcript's speaker line at the top (`中国载人航天工程新闻发言人 武平`): the speaker is the author.
    if (!inBody.authors.length) {
      for (const p of head.slice(0, 4)) {
        const m = /^[\u4e00-\u9fffA-Za-z]{0,20}(?:新闻)?发言人\s*([\u4e00-\u9fff]{2,4})$/.exec(p);
        if (m && isName(m[1])) {
          inBody.authors.push(m[1]);
          break;
        }
      }
    }
    const lastReal = [...end].reverse().find((p) => p.length > 20);
    if (lastReal) bodyTrailName = trailingBareName(lastReal);
  }

  let after = emptyCredits();
  if (docContent) {
    const text = linesAfter(docContent, 400, (n) => n.nodeType === 1 && CLUTTER.test(`${(n as Element).getAttribute('class') ?? ''} ${(n as Element).getAttribute('id') ?? ''}`) && countHan(n.textContent ?? '') > 80);
    for (const l of text.split('\n').slice(0, 8)) if (l.length <= 80) after = mergeCredits(after, parseCredits(l));
  }

  let aboveCredits = emptyCredits();
  for (const l of above) aboveCredits = mergeCredits(aboveCredits, parseCredits(l));
  const all = [ruleCredits, header, inBody, after, aboveCredits];
  const first = <T,>(f: (c: Credits) => T | null | undefined): T | null => {
    for (const c of all) {
      const v = f(c);
      if (v !== null && v !== undefined && !(Array.isArray(v) && !v.length)) return v;
    }
    return null;
  };

  let source = first((c) => c.source);
  source ??= classed(doc, headEl, /(?<!re)source|laiyuan|(^|[-_\s])from([-_\s]|$)|media-name/i, true);
  source ??= first((c) => c.outlet);
  source ??= cleanSource((metas.get('source') ?? metas.get('contentsource') ?? '').replace(/^.*?来源\s*[:：]/, ''));
  if (!source) {
    const a = metas.get('article:author');
    if (a && a !== siteName && countHan(a) >= 2 && !/自媒体|综合/.test(a) && !(siteName && a.includes(siteName))) source = cleanSource(a);
  }

  // `来源：本站原创` / `本网` credit the site itself.
  if (source && /^(本站|本网)(原创)?$|^原创$/.test(source)) source = siteName ?? null;
  // The page's own metadata names a publisher and no other outlet is credited: the site is the source (BBC中文网).
  if (!source && siteName && (metas.has('dc.publisher') || metas.has('article:publisher') || ld.publisher)) source = siteName;

  let authors = first((c) => c.authors) ?? [];
  if (!authors.length) {
    const byClass = classed(doc, headEl, /(^|[-_\s])(author|author-name|writer|byline|zuozhe)([-_\s]|$)/i);
    // An unlabeled author element holds the name itself (百家号 account); a `本报记者 X` text is parsed as a credit.
    const parsed = byClass ? parseCredits(byClass).authors : [];
    if (parsed.length) authors = parsed;
    else if (byClass && byClass !== siteName && byClass !== source && !/\s/.test(byClass)) authors = [byClass];
  }
  if (!authors.length) authors = bodyTrailName;
  if (!authors.length && ld.author) authors = ld.author.filter((a) => a !== siteName && a !== source);
  if (!authors.length) authors = first((c) => c.correspondents) ?? [];

  let editors = first((c) => c.chiefEditors) ?? first((c) => c.editors) ?? [];
  editors = [...new Set(editors)];

  const section = extractSection(doc, siteName, sel.breadcrumb);
  const lang = language(doc, metas, title + (body ? linesOf(body, 2000) : ''));

  return {
    canonicalUrl: canonical(doc, url, metas),
    siteName,
    title: squash(title),
    published,
    source,
    authors,
    editors,
    section,
    lang,
  };
}


