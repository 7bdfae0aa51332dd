/**
 * The Article's credits (来源 source, 作者/记者/通讯员 authors, 编辑/责任编辑 editors), gathered from every place
 * portals print them and weighed in this order: the site rule's elements, the header lines, the body's first and last
 * paragraphs, the lines after the body, the lines above the headline; then class-named header elements, page
 * metadata and JSON-LD. byline.ts parses each text.
 */
import type { ArticleMetadata, HeadlineStage } from './metadata';
import { findDate } from './dates';
import {
  parseCredits,
  bracketedCredits,
  trailingBareName,
  mergeCredits,
  emptyCredits,
  splitNames,
  cleanSource,
  datelineOf,
  joinLabelLines,
  isName,
  isOutlet,
  isSelfSource,
  plausibleName,
  plausibleSource,
  SEPARATOR_CLASS,
  stripControls,
  type Credits,
} from './byline';
import { classedText, firstParagraphs, selectText, type InfoLines } from './info-lines';
import { countHan, linesAfter, linesFromEnd } from './text';
import { CREDIT_LEAD_LABELS, AUTHOR_VALUE_LABELS, EDITOR_VALUE_LABELS, SOURCE_VALUE_LABELS, anyOf } from './vocabulary';

/** The credit fields of the Article. */
export type ArticleCredits = Pick<ArticleMetadata, 'source' | 'authors' | 'editors'>;

/** The first non-empty value a field has in a list of credits, in the list's order (null when none has one). */
type FirstCredit = <T>(f: (c: Credits) => T | null | undefined) => T | null;

/**
 * Source, authors and editors of the page.
 * @param stage the headline stage (page, metadata maps, rule selectors, body in the page and its copy)
 * @param info the header lines around the headline and the reference year
 */
export function findCredits(stage: HeadlineStage, info: InfoLines): ArticleCredits {
  const inBody = stage.body ? bodyCredits(stage.body) : { credits: emptyCredits(), trailName: [] };
  const all: Credits[] = [
    ruleCredits(stage.doc, stage.sel),
    // Without a headline element the header lines are the ones before the body, nearest first (headerLines).
    headerCredits(info.lines, info.refYear, stage.siteName, !info.headEl),
    inBody.credits,
    creditsAfterBody(stage.docContent),
    creditsOfLines(info.above, true),
  ];
  const first: FirstCredit = (f) => {
    for (const c of all) {
      const v = f(c);
      if (v !== null && v !== undefined && !(Array.isArray(v) && !v.length)) return v;
    }
    return null;
  };
  const byClass = authorByClass(info.headEl, stage.siteName);
  const source = pickSource(stage, info.headEl, byClass.outlet, all, first);
  const authors = pickAuthors(stage, byClass.names, source, inBody.trailName, first);
  const editors = [...new Set(first((c) => names(c.chiefEditors)) ?? first((c) => names(c.editors)) ?? [])];
  return { source, authors, editors };
}

/** `list` without implausible names (byline.ts plausibleName) and without `source`; null when nothing is left. */
function names(list: readonly string[], source: string | null = null): string[] | null {
  const kept = list.map(stripControls).filter((n) => plausibleName(n, source));
  return kept.length ? [...new Set(kept)] : null;
}

/** A one-field text up to and including its label (and a colon), dropped before the value is read. */
const SOURCE_VALUE_LABEL = new RegExp(`^.*?(${anyOf(SOURCE_VALUE_LABELS)})\\s*[:：]?`);
const AUTHOR_VALUE_LABEL = new RegExp(`^.*?(${anyOf(AUTHOR_VALUE_LABELS)})\\s*[:：]?`);
const EDITOR_VALUE_LABEL = new RegExp(`^.*?(${anyOf(EDITOR_VALUE_LABELS)})\\s*[:：]?`);
/** A `source` meta's text up to its label and colon (`来源：新华网` → `新华网`; no colon, no label). */
const META_SOURCE_LABEL = new RegExp(`^.*?(${anyOf(SOURCE_VALUE_LABELS)})\\s*[:：]`);

/** The credits of the site rule's source, author and editor elements (text up to the label dropped). */
function ruleCredits(doc: Document, sel: HeadlineStage['sel']): Credits {
  const credits = emptyCredits();
  const rs = selectText(doc, sel.source);
  if (rs) credits.source = cleanSource(rs.replace(SOURCE_VALUE_LABEL, ''));
  const ra = selectText(doc, sel.author);
  if (ra) credits.authors = splitNames(ra.replace(AUTHOR_VALUE_LABEL, ''));
  const re = selectText(doc, sel.editor);
  if (re) credits.chiefEditors = splitNames(re.replace(EDITOR_VALUE_LABEL, ''));
  return credits;
}

/**
 * The credits of each line (a label alone on its line read with its value's line; `nearestFirst`: byline.ts
 * joinLabelLines), merged (first value wins, lists unioned).
 */
function creditsOfLines(lines: readonly string[], nearestFirst = false): Credits {
  let credits = emptyCredits();
  for (const l of joinLabelLines(lines, nearestFirst)) credits = mergeCredits(credits, parseCredits(l));
  return credits;
}

/**
 * The credits of the header lines, plus what only the info line's shape says: an unlabeled outlet right after the
 * date (`20-03-15 10:13　江川日报`, `2024年03月15日 08:31 21世纪经济报道`) or standing alone right before it
 * (`TNW中文站2016年10月14日`) as the source; a self-media account after the date and a middle dot
 * (`2019-05-17 · 苏皖城市报道`, 网易号, 百家号 mobile) as the author, or as the outlet when it is an agency's or a paper's
 * (`· 新京报`). Only the first dated line is read for each.
 */
function headerCredits(
  lines: readonly string[],
  refYear: number | null,
  siteName: string | null,
  nearestFirst: boolean,
): Credits {
  const header = creditsOfLines(lines, nearestFirst);
  if (!header.source) {
    const outlet = afterFirstDate(lines, refYear, (after, before) => {
      const next = /^([\u4e00-\u9fffA-Za-z0-9]{2,16})(?:\s|$)/.exec(after.replace(DATE_TEXT, '').trim())?.[1];
      if (next && /^[\u4e00-\u9fffA-Za-z]|^\d+[\u4e00-\u9fff]/.test(next) && isOutlet(next)) return next;
      // `TNW中文站2016年10月14日07:17` (qq-peer): an outlet standing alone right before the date.
      const prev = before.trim();
      return /^[\u4e00-\u9fffA-Za-z0-9·]{2,16}$/.test(prev) && isOutlet(prev) ? prev : undefined;
    });
    if (outlet && plausibleSource(outlet)) header.source = outlet;
  }
  const account = afterFirstDate(
    lines,
    refYear,
    (after) => /^[\d\s\-/.:：年月日]+[·•]\s*([\u4e00-\u9fffA-Za-z0-9]{2,12})\s*$/.exec(after)?.[1],
  );
  // An agency's or a paper's account there is the source, not an author (aggregators).
  if (account && isOutlet(account, true)) header.outlet ??= account;
  else if (account && !header.authors.length && account !== siteName) header.authors.push(account);
  return header;
}

/**
 * The date and time opening a text (`2024年03月15日 08:31`, `2024-03-15 10:20:31`, `03-15 09:12`, `2024/3/15 週五
 * 上午10:20`), to be cut off exactly: an outlet after it may start with digits (`21世纪经济报道`, `36氪`).
 */
const DATE_TEXT =
  /^\s*(?:(?:19|20)?\d{2}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*(?:星期|週|周)[一二三四五六日天])?(?:\s*(?:T|上午|下午)?\s*\d{1,2}\s*[:：时時]\s*\d{1,2}(?:\s*[:：分]\s*\d{1,2})?\s*[秒分]?)?/;

/**
 * `read` of the text from the date on (and of the text before it), in the first line of `lines` that holds a date;
 * undefined when none does.
 */
function afterFirstDate(
  lines: readonly string[],
  refYear: number | null,
  read: (fromDate: string, beforeDate: string) => string | undefined,
): string | undefined {
  for (const l of lines) {
    const d = findDate(l, refYear);
    if (d) return read(l.slice(d.index), l.slice(0, d.index));
  }
  return undefined;
}

/** A paragraph that opens with a credit label (CREDIT_LEAD_LABELS, or `文` before a slash or 丨). */
const CREDIT_LEAD = new RegExp(`^[【\\[（(〔]?\\s*(${anyOf(CREDIT_LEAD_LABELS)}|文\\s*[${SEPARATOR_CLASS}])`);

/**
 * The credits in the body's first four and last paragraphs, read from each end so a huge body is not read whole:
 * credit lines of up to 60 characters (longer ones when they open with a credit label, their first 60) among the first
 * four and the last six; a dateline opening one of the first two (`新华社X月X日电（记者 X）`); bracketed credits in the
 * first two and the last twelve (back to the last line longer than 20 characters at least); a WeChat reprint's 原创
 * line, a transcript's speaker; and the bare name in brackets closing the last real paragraph (`trailName`, weaker:
 * used after class-named header elements).
 */
function bodyCredits(body: Element): { credits: Credits; trailName: string[] } {
  const head = firstParagraphs(body, 4);
  let sawReal = false;
  const end = linesFromEnd(body, (line, count) => (sawReal ||= line.length > 20) && count >= 12);
  const tail = end.slice(-6);
  let credits = emptyCredits();
  for (const p of [...joinLabelLines(head), ...joinLabelLines(tail)]) {
    if (p.length <= 60) credits = mergeCredits(credits, parseCredits(p));
    else if (CREDIT_LEAD.test(p)) credits = mergeCredits(credits, parseCredits(p.slice(0, 60)));
  }
  // A dateline opening a long paragraph: `新华社白沙3月15日电（记者 X）…`, `中央社記者X台北15日電 …`.
  for (const p of head.slice(0, 2)) {
    const dateline = p.length > 60 ? datelineOf(p) : null;
    if (dateline) credits = mergeCredits(credits, parseCredits(dateline));
  }
  // A bracketed credit closing the last paragraph may sit above a player or a notice the body still holds (qq-peer).
  for (const p of [...head.slice(0, 2), ...end.slice(-12)]) credits = mergeCredits(credits, bracketedCredits(p));
  addReprintCredits(head, credits);
  if (!credits.authors.length) addSpeaker(head, credits);
  const lastReal = [...end].reverse().find((p) => p.length > 20);
  return { credits, trailName: lastReal ? trailingBareName(lastReal) : [] };
}

/**
 * `原创： 路闻卓立编译 人民币交易与研究` (WeChat reprints) in the first paragraphs: the author before 编译/著/文 (when
 * `credits` has no author yet), then the account as the source (when it has none). Adds to `credits`.
 */
function addReprintCredits(head: readonly string[], credits: Credits): void {
  for (const p of head) {
    const m = /^原创\s*[:：]\s*(\S{2,6}?)(?:编译|著|文)?\s+(\S{2,20})$/.exec(p);
    if (m) {
      if (!credits.authors.length) credits.authors.push(...splitNames(m[1]));
      credits.source ??= cleanSource(m[2]);
    }
  }
}

/** A transcript's speaker line at the top (`中国载人航天工程新闻发言人 武平`): the speaker is the author. Adds to `credits`. */
function addSpeaker(head: readonly string[], credits: Credits): void {
  for (const p of head.slice(0, 4)) {
    const m = /^[\u4e00-\u9fffA-Za-z]{0,20}(?:新闻)?发言人\s*([\u4e00-\u9fff]{2,4})$/.exec(p);
    if (m && isName(m[1])) {
      credits.authors.push(m[1]);
      break;
    }
  }
}

/** Class/id words of blocks after the body that end the search for credits there (comments, related lists, footer). */
const CLUTTER = /comment|related|recommend|rank|xgxw|tuijian|paihang|footer/i;

/**
 * The credits in the first 8 lines (of up to 80 characters) of the ~400 characters after the body in the page,
 * stopping at a clutter-named block with over 80 Han characters.
 */
function creditsAfterBody(docContent: Element | null): Credits {
  let after = emptyCredits();
  if (docContent) {
    const text = linesAfter(
      docContent,
      400,
      (n) =>
        n.nodeType === 1 &&
        CLUTTER.test(`${(n as Element).getAttribute('class') ?? ''} ${(n as Element).getAttribute('id') ?? ''}`) &&
        countHan(n.textContent ?? '') > 80,
    );
    for (const l of joinLabelLines(text.split('\n').slice(0, 9)).slice(0, 8))
      if (l.length <= 80) after = mergeCredits(after, parseCredits(l));
  }
  return after;
}

/**
 * The credited 来源 of the credit lists, in their order: the first plausible one that is not the site itself; but
 * when that is the site's own name and a later list credits another outlet (a closing `（来源：人民日报）`, an e-paper
 * credit line), the other outlet: templates print the site's name where the editor left the source empty.
 */
function credited(all: readonly Credits[], siteName: string | null): string | null {
  const sources = all.map((c) => c.source).filter((s): s is string => plausibleSource(s) && !isSelfSource(s));
  const other = sources.find((s) => s !== siteName);
  return sources[0] === siteName && other ? other : (sources[0] ?? null);
}

/**
 * Class/id words of a source element: 来源 (`source`, `laiyuan`, `from`), a media name, and a publishing account's
 * nickname (WeChat-style `#js_name` in `.rich_media_meta_nickname`: the account publishes, so it is the source).
 */
const SOURCE_CLASS = /(?<!re)source|laiyuan|(^|[-_\s])from([-_\s]|$)|media-name|nickname|(^|\s)js_name(\s|$)/i;

/**
 * The source: the first plausible one (byline.ts plausibleSource) of a credited 来源 (an e-paper credit line is one),
 * a source-named header element (not a self-media account), an outlet's account in an author-named element
 * (`accountOutlet`: `新华社`, `央视新闻` on aggregators), an outlet named before 记者 or in a dateline; then the site
 * name when the page credits itself (`本站`, `本网`, `原创`), after any other outlet the page names; else a `source`
 * meta, an `article:author` meta naming another outlet, and the site name when the page's own metadata names a
 * publisher and credits no other outlet (BBC中文网).
 */
function pickSource(
  stage: HeadlineStage,
  headEl: Element | null,
  accountOutlet: string | null,
  all: readonly Credits[],
  first: FirstCredit,
): string | null {
  const { metas, ld, siteName } = stage;
  const usable = (s: string | null | undefined) => (plausibleSource(s) && !isSelfSource(s) ? s : null);
  const classed = classedText(headEl, SOURCE_CLASS, { notAccount: true, accept: plausibleSource });
  let source = credited(all, siteName) ?? usable(classed) ?? accountOutlet ?? first((c) => usable(c.outlet));
  if (!source && (isSelfSource(classed) || first((c) => (isSelfSource(c.source) ? c.source : null))))
    return siteName ?? null;
  source ??= usable(
    cleanSource((metas.get('source') ?? metas.get('contentsource') ?? '').replace(META_SOURCE_LABEL, '')),
  );
  if (!source) {
    const a = metas.get('article:author');
    if (a && a !== siteName && countHan(a) >= 2 && !/自媒体|综合/.test(a) && !(siteName && a.includes(siteName)))
      source = usable(cleanSource(a));
  }
  if (!source && siteName && (metas.has('dc.publisher') || metas.has('article:publisher') || ld.publisher))
    source = siteName;
  return source;
}

/**
 * The authors: credited authors, else an author-named header element's person (`byClass`), else the bare name
 * closing the body (`trailName`), else JSON-LD authors other than the site, the source and outlets, else credited
 * correspondents (通讯员), else who compiled or translated the text (整理, 编译: qq-peer's `（编译/林靖东）`). Every
 * name passes byline.ts plausibleName, and the source is never an author.
 */
/** A list separator between names in one JSON-LD string. */
const NAME_LIST = /\s*[,，、;；]\s*/;

/**
 * One JSON-LD author string that joins several Chinese names (`"周明远, 林小雨"`, `"张三、李四"`: a CMS filling
 * schema.org Person.name from its byline field, test/fixtures/kinds/credit-jsonld-joined-authors.html) as its names;
 * any other string (`"Smith, John"`, an outlet) as it is.
 */
export function splitJoinedNames(value: string): string[] {
  if (!/[\u4e00-\u9fff]/.test(value) || !NAME_LIST.test(value)) return [value];
  const parts = value.split(NAME_LIST).filter(Boolean);
  return parts.length > 1 && parts.every((p) => isName(p)) ? parts : [value];
}

function pickAuthors(
  stage: HeadlineStage,
  byClass: string[],
  source: string | null,
  trailName: string[],
  first: FirstCredit,
): string[] {
  const { ld, siteName } = stage;
  const ldAuthors = (ld.author ?? []).flatMap(splitJoinedNames).filter((a) => a !== siteName && !isOutlet(a, true));
  return (
    first((c) => names(c.authors, source)) ??
    names(byClass, source) ??
    names(trailName, source) ??
    names(ldAuthors, source) ??
    first((c) => names(c.correspondents, source)) ??
    first((c) => names(c.compilers, source)) ??
    []
  );
}

/** Class/id words of an author element. */
const AUTHOR_CLASS = /(^|[-_\s])(author|author-name|writer|byline|zuozhe)([-_\s]|$)/i;

/**
 * An author-named header element: a `本报记者 X` text parsed as a credit; an unlabeled one holds the name itself
 * (百家号 account), cut before a glued follow button (`张三关注`), unless it is the site or has a space. An outlet there
 * (`新华社`, `央视新闻`, `中央社`: an agency's account on Toutiao-, 360-, Yahoo-style aggregators) is returned as
 * `outlet`, a source, never as an author.
 */
function authorByClass(headEl: Element | null, siteName: string | null): { names: string[]; outlet: string | null } {
  const none = { names: [], outlet: null };
  const accept = (t: string) => {
    const c = stripControls(t);
    return !!c && (parseCredits(c).authors.length > 0 || (!/\s/.test(c) && (isName(c, 8) || isOutlet(c, true))));
  };
  const byClass = classedText(headEl, AUTHOR_CLASS, { accept });
  if (!byClass) return none;
  const text = stripControls(byClass);
  const parsed = parseCredits(text);
  if (parsed.authors.length) return { names: parsed.authors, outlet: null };
  if (text === siteName || /\s/.test(text)) return none;
  return isOutlet(text, true) ? { names: [], outlet: text } : { names: [text], outlet: null };
}
