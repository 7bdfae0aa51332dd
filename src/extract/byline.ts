/**
 * The grammar of Chinese credits (来源 / 作者 / 记者 / 通讯员 / 编辑 …, simplified and traditional) and the checks a
 * credit passes before it is reported.
 *
 * Portals print credits as labelled runs that often run together in textContent
 * (`来源：证券时报网作者：李在山`, `责任编辑：李跃群校对：刘威`), inside brackets in the body (`（记者 X）`, `(责编：X)`,
 * `【责任编辑：X】`, `〔記者X／台北報導〕`), in datelines (`新华社北京3月15日电（记者 X）`, `中央社記者X台北15日電`,
 * `本报讯（记者 X 通讯员 Y）`), as a byline paragraph (`澎湃新闻记者 段彦超 廖艳`, `执笔/叨叨姐、胡一刀&李小飞刀`) or as
 * an e-paper credit line (`《江川日报》（2023年05月12日 05版）`). A value ends at the next label, a bracket, a line end
 * or `|`. Names padded to three columns (`方  敏`) are joined back. The labels are vocabulary.ts CREDIT_LABELS.
 *
 * An outlet (a name ending in 日报, 网, 社, 电视台, 新闻 …: isOutlet) is a source, never an author; a person is an author.
 */
import {
  BOUNDED_CREDIT_LABELS,
  BRACKET_CREDIT_LABELS,
  CHANNEL_WORDS,
  CREDIT_LABELS,
  CREDIT_SEPARATORS,
  NOT_NAME_WORDS,
  NOT_OUTLET_PREFIXES,
  PAGE_CONTROL_WORDS,
  NOT_SOURCE_WORDS,
  OUTLET_NAMES,
  OUTLET_SUFFIXES,
  REPORT_WORDS,
  SELF_SOURCE_WORDS,
  UI_WORDS,
  WEAK_OUTLET_SUFFIXES,
  anyOf,
  WIRE_AGENCIES,
  type CreditKind,
} from './vocabulary';

/** The credits found in one text, or merged from several (mergeCredits). */
export interface Credits {
  /** 来源 value (the outlet), or null. */
  source: string | null;
  /** An outlet named before 记者 (`扬子晚报记者 张楠`) or in a dateline (`X讯（记者`, `新华社X日电`): weaker evidence. */
  outlet: string | null;
  /** 作者 / 记者 / 文 / 执笔 / 撰文 names. */
  authors: string[];
  /** 通讯员 names (reported as authors only when no author is named). */
  correspondents: string[];
  /** 整理 / 整合 / 编译 / 综合： names: who compiled or translated the text (authors only when no one else is named). */
  compilers: string[];
  /** 责任编辑 / 责编 names. */
  chiefEditors: string[];
  /** Plain 编辑 names (weaker than 责任编辑: a reporter's desk editor is often listed too, 163). */
  editors: string[];
}

/** A Credits record with nothing found. */
export const emptyCredits = (): Credits => ({
  source: null,
  outlet: null,
  authors: [],
  correspondents: [],
  compilers: [],
  chiefEditors: [],
  editors: [],
});

/**
 * The separators between a label and its value or between names (vocabulary.ts CREDIT_SEPARATORS), escaped for use
 * inside a regular expression's character class (`[${SEPARATOR_CLASS}]`).
 */
export const SEPARATOR_CLASS = CREDIT_SEPARATORS.replace(/[\\\]/|^-]/g, '\\$&');
const SEP = SEPARATOR_CLASS;

// A bounded label (文, 图, 综合) counts only before a separator or a colon; `文/图` is a label of its own.
const LABEL_RE = new RegExp(
  `(${anyOf(CREDIT_LABELS.map(([l]) => l))}|(?:${anyOf(BOUNDED_CREDIT_LABELS.map(([l]) => l))})\\s*[${SEP}：:](?![图圖]))`,
  'g',
);

const KIND = new Map([...CREDIT_LABELS, ...BOUNDED_CREDIT_LABELS]);

/** Separators (and a colon) after a bounded label, and before a value. */
const TRAILING_SEP = new RegExp(`\\s*[${SEP}：:]$`);
const LEADING_SEP = new RegExp(`^[\\s:：${SEP}]+`);
/** Where names part in a value: spaces, 、，,;；&, slashes and bars. */
const NAME_SEP = new RegExp(`[\\s、，,;；&＆${SEP}]+`);

/** The kind of a matched label (a bounded label is matched with its separator). */
function kindOf(label: string): CreditKind {
  return KIND.get(label) ?? KIND.get(label.replace(TRAILING_SEP, '')) ?? 'other';
}

/** A token holding one of these words is an organisation or a role, not a person's name. */
const NOT_NAME = new RegExp(`(${anyOf(NOT_NAME_WORDS)})`);
/** A page control's word (关注, 订阅 …, vocabulary.ts UI_WORDS). */
const UI_WORD = new RegExp(`(${anyOf(UI_WORDS)})`);
/** Page controls glued to the end of a name (`张三关注`, `李四 + 关注`, `王五追蹤`). */
const TRAILING_UI = new RegExp(`(?:\\s*[+＋]?\\s*(?:${anyOf(UI_WORDS)}))+\\s*$`);

/**
 * `s` without the page controls glued to its end (`张三关注` → `张三`, `李四 + 关注` → `李四`): an account block's
 * follow button shares the name's element on self-media pages (Netease, Sohu, Toutiao; Yahoo's 追蹤).
 */
export function stripControls(s: string): string {
  return s.replace(TRAILING_UI, '').trim();
}

/**
 * True when `s` looks like a person's (or an editor account's) name: 2–`maxCjk` Han characters (a transliterated name
 * with a middle dot may run longer), or a Latin handle; never an outlet or role word (NOT_NAME_WORDS) or a page
 * control's word (UI_WORDS: a follow button glued to the name, self-media pages).
 */
export function isName(s: string, maxCjk = 4): boolean {
  if (UI_WORD.test(s)) return false;
  // Transliterated names keep their middle dot (`阿卜杜拉·买买提`) and run longer.
  if (/^[\u4e00-\u9fff]{1,8}[·•][\u4e00-\u9fff·•]{1,10}$/.test(s)) return !NOT_NAME.test(s);
  if (new RegExp(`^[\\u4e00-\\u9fff·•]{2,${maxCjk}}$`).test(s))
    return !NOT_NAME.test(s) || (maxCjk > 4 && /管理员|编辑部/.test(s));
  if (/^[A-Za-z][A-Za-z0-9_.-]{1,30}$/.test(s)) return true; // biaoffeng, HN666
  return false;
}

/** A staff code after a Chinese name (`杨倩_NF4425`, `黄忆南 PN269`; 163 and ifeng editors): not part of the name. */
const STAFF_CODE = /(?<=[\u4e00-\u9fff])[_\s]*[A-Z]{1,4}\d{2,6}$/;

/** Reporting words closing a value (`张三 报道`, `李四摄`), and a place before them (`X／台北報導`). */
const TRAILING_ROLE = new RegExp(`(摄影?|攝影?|${anyOf(REPORT_WORDS)}|整理|编译|編譯|供稿|图|圖)\\s*$`);
const REPORT_PLACE = new RegExp(`\\s*[${SEP}]\\s*[\\u4e00-\\u9fff]{0,8}?(?:${anyOf(REPORT_WORDS)})\\s*$`);

/**
 * Split a credit value into names: separators are spaces, `、`, `，`, `,`, `;`, `&`, slashes and bars; single
 * characters padded apart (`方  敏`) are joined back; staff codes after a Chinese name (`韩保林 PK155`,
 * `杨倩_NF4425`) and glued page controls (`张三关注`) are dropped; non-names dropped.
 */
export function splitNames(value: string, maxCjk = 4): string[] {
  const v = stripControls(
    value
      .replace(/[\u3000\u00a0]/g, ' ')
      .replace(REPORT_PLACE, '')
      .replace(TRAILING_ROLE, '')
      .trim(),
  );
  const raw = v.split(NAME_SEP).filter(Boolean);
  const tokens: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    // `方 敏`: two single characters in a row are one padded two-character name.
    if (/^[\u4e00-\u9fff]$/.test(t) && i + 1 < raw.length && /^[\u4e00-\u9fff]$/.test(raw[i + 1])) {
      tokens.push(t + raw[i + 1]);
      i++;
      continue;
    }
    tokens.push(stripControls(t.replace(STAFF_CODE, '')));
  }
  let names = tokens.filter((t) => isName(t, maxCjk));
  if (names.some((n) => /[\u4e00-\u9fff]/.test(n))) names = names.filter((n) => !/^[A-Z]{1,4}\d{2,}$/.test(n));
  return [...new Set(names)];
}

/** An outlet's name: it ends in an outlet word (vocabulary.ts OUTLET_SUFFIXES) or is a known short name. */
const OUTLET = new RegExp(`^(?:.{1,14}(?:${anyOf(OUTLET_SUFFIXES)})|${anyOf(OUTLET_NAMES)})$`);

/** A name ending in a weak outlet word (vocabulary.ts WEAK_OUTLET_SUFFIXES). */
const WEAK_OUTLET = new RegExp(`(${anyOf(WEAK_OUTLET_SUFFIXES)})$`);

/**
 * True when `s` names an outlet (a newspaper, a site, an agency, a broadcaster: `新华社`, `央视新闻`, `江川日报`,
 * `21世纪经济报道`, `Reuters`) rather than a person. On aggregators (Toutiao-, Yahoo-, 360-style pages) the account
 * that posted an agency's story is the agency: it is the source, not the author.
 * @param strict where an account's name stands: a name ending in a weak outlet word (`苏皖城市报道`, `老王财经`:
 *   vocabulary.ts WEAK_OUTLET_SUFFIXES) is no outlet there
 */
export function isOutlet(s: string, strict = false): boolean {
  const t = s.trim();
  if (t.length < 2 || t.length > 16 || /\s/.test(t) || !OUTLET.test(t)) return false;
  return !strict || !WEAK_OUTLET.test(t) || OUTLET_NAMES.includes(t);
}

/** True when a source names the site itself (`本站`, `本网原创`, `原创`: vocabulary.ts SELF_SOURCE_WORDS). */
export function isSelfSource(s: string | null | undefined): boolean {
  return !!s && SELF_SOURCE_WORDS.includes(s);
}

/** A site-wide label, a placeholder or a channel name (vocabulary.ts NOT_SOURCE_WORDS, CHANNEL_WORDS). */
const NOT_SOURCE = new RegExp(`^(${anyOf(NOT_SOURCE_WORDS)}|(?:${anyOf(CHANNEL_WORDS)})(?:新闻|新聞|频道|頻道)?)$`);
/**
 * Function words that a source value cut in the wrong place is left with (`来源于…` read as `于`), alone or before a
 * colon (`于：`).
 */
const FUNCTION_WORD = /^[于於自的在由是为為和与與及或之][:：]?$/;

/**
 * True when `s` can be a source. Refused, with the page kind each comes from: a single character or a function word
 * (`本文来源于新华网` read as `于`: reprint credit lines), a bare site-wide label or placeholder (`首页`, `新闻`,
 * `综合`, `未知`: portal templates), a channel name (`国内新闻` before an info line's date), a date or a number (an
 * info line's time read as the source), a page control (`阅读原文`, `分享`: WeChat-style and account pages), more
 * than 30 characters (a sentence).
 */
export function plausibleSource(s: string | null | undefined): s is string {
  if (!s) return false;
  const t = s.trim();
  if ([...t].length < 2 || FUNCTION_WORD.test(t) || t.length > 30) return false;
  if (NOT_SOURCE.test(t) || UI_WORD.test(t)) return false;
  if (/^[\d\s\-/.:：年月日时分]+$/.test(t) || /^(?:19|20)\d{2}[-/.年]/.test(t)) return false;
  return /[\u4e00-\u9fffA-Za-z]/.test(t);
}

/**
 * True when `s` can be an author's or editor's name as reported: no page control's word (follow buttons on account
 * pages), not longer than a pen name or an account (16 Han characters, 40 characters in all: an ad's slogan is
 * longer), no sentence punctuation, and not `source` (an agency's account on an aggregator is the source).
 */
export function plausibleName(s: string, source: string | null = null): boolean {
  const t = s.trim();
  if (!t || t.length > 40 || countHanChars(t) > 16 || UI_WORD.test(t) || /[，。！？；：:!?;]/.test(t)) return false;
  return !(source && t === source);
}

/** The number of Han characters in `s`. */
function countHanChars(s: string): number {
  return s.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
}

/** A 来源 value: the first word, cut before counters (`1032人参与`) and dates that run into it; null when implausible. */
export function cleanSource(value: string): string | null {
  let v =
    value
      .replace(/[\u3000\u00a0]/g, ' ')
      .trim()
      .split(/\s+/)[0]
      // an outlet's name holds no full-width comma or full stop: `网络，如有侵权请联系删除` is a notice after it
      ?.split(/[，。；]/)[0] ?? '';
  v = v.replace(
    /\d+人参与.*$|\d+评论.*$|\d+条评论.*$|(?:19|20)\d{2}\s*[-年/.].*$|\d{1,2}-\d{1,2}.*$|\d{1,2}:\d{2}.*$/,
    '',
  );
  v = v.replace(/^[：:\s|]+|[，。,.;；:：|]+$/g, '').replace(/^《([^《》]+)》$/, '$1');
  if (!v || v.length > 30 || !/[\u4e00-\u9fffA-Za-z]/.test(v)) return null;
  if (/^(分享|举报|评论|字号|打印|收藏|关注|微信|微博)/.test(v)) return null;
  return plausibleSource(v) ? v : null;
}

/** Where a value ends: a bracket, a line end, a bar, `>` or `》` (a `》` closing a `《` inside the value does not). */
const TERMINATOR = /[)）(（】\]〕］\n|｜>》]/g;

/** `value` cut at its first terminator; a title bracket opened in the value is kept whole (`江川网-《江川日报》`). */
function cutValue(value: string): string {
  for (const m of value.matchAll(TERMINATOR)) {
    const before = value.slice(0, m.index);
    if (m[0] === '》' && before.lastIndexOf('《') > before.lastIndexOf('》')) continue;
    return before;
  }
  return value;
}

/** The label, kind and span of each credit label in `t`, in order. */
function labelHits(t: string): { kind: CreditKind; start: number; end: number }[] {
  return [...t.matchAll(LABEL_RE)].map((m) => ({
    kind: kindOf(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Where a page control starts: in a bracket (`【字体 大 中 小】`) or before a colon (`浏览次数：356`). */
const PAGE_CONTROL = new RegExp(
  `[【\\[]\\s*(?:${anyOf(PAGE_CONTROL_WORDS)})|(?:${anyOf(PAGE_CONTROL_WORDS)})\\s*[:：]`,
  'g',
);

/**
 * `张三/文 李四/图` puts the role after the name: rewritten to the label-first form. A page control after the credits
 * goes on a line of its own (line breaks end values), so it never joins a name (`记者：马俊峰　【字体：大 中 小】`).
 */
function labelFirst(text: string): string {
  return text
    .replace(/[\u3000\u00a0]/g, ' ')
    .replace(PAGE_CONTROL, '\n$&')
    .replace(/([\u4e00-\u9fff]{2,4})\s*[/／]\s*文(?![\u4e00-\u9fff])/g, '文/$1 ')
    .replace(/([\u4e00-\u9fff]{2,4})\s*[/／]\s*(?:图|摄)(?![\u4e00-\u9fff])/g, '摄影/$1 ');
}

/**
 * Parse one credit text (an info line, a bracketed credit, a byline paragraph, an e-paper credit line).
 * @param text plain text; line breaks end values
 * @returns the credits found (empty lists when none)
 */
export function parseCredits(text: string): Credits {
  const out = emptyCredits();
  const t = labelFirst(text);
  const hits = labelHits(t);
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    const raw = t.slice(h.end, i + 1 < hits.length ? hits[i + 1].start : t.length);
    if (h.kind === 'source') readSource(t, h, raw, out);
    else if (h.kind !== 'other') readPeople(t, h, raw, out);
  }
  if (!hits.length) nameSlashOutlet(t, out);
  out.outlet ??= datelineOutlet(t);
  out.source ??= epaperOutlet(t);
  return out;
}

/** Picture, video and data credits: a 来源 after these words credits a figure, not the article. */
const FIGURE_SOURCE = /(图片|图|圖片|圖|视频|視頻|数据|數據|资料|資料|图表|圖表)\s*$/;

/** A source label's value into `out.source` (first wins), unless it credits a figure or sits in prose. */
function readSource(t: string, h: { start: number; end: number }, raw: string, out: Credits): void {
  const prefix = t.slice(Math.max(0, h.start - 12), h.start);
  if (FIGURE_SOURCE.test(prefix)) return;
  const colon = /^\s*[:：]/.test(raw);
  // Prose, not a credit: `灵感来源于宋代瓷器` (a source label right after a Han character, without a colon).
  if (!colon && /[\u4e00-\u9fff]$/.test(prefix)) return;
  // `来源于新华网`, `來源於：X`, `来源自 X`: the preposition is not part of the outlet (`来源：自贡日报` keeps its 自).
  const rest = colon ? raw : raw.replace(/^[于於自]/, '');
  const s = cleanSource(cutValue(rest.replace(LEADING_SEP, '')));
  if (s && !out.source) out.source = s;
}

/** A person label's value (作者, 记者, 通讯员, 编辑 …) into its list of `out`. */
function readPeople(t: string, h: { kind: CreditKind; start: number; end: number }, raw: string, out: Credits): void {
  let value = cutValue(raw.replace(LEADING_SEP, '')).trim();
  if (h.kind === 'reporter') value = withoutDatelinePlace(untilReportWord(value));
  // Prose, not a credit: `记者在现场看到，…`, `作者本人观点。`; but after a colon the credit ends at the comma
  // (`…（ID：abc），作者：王一，36氪经授权发布。`: reprint notices).
  if (/[，。！？；,!?;]/.test(value)) {
    if (!/^\s*[:：]/.test(raw)) return;
    // `作者：张三，李四` lists names; `作者：王一，经授权发布。` ends at the comma.
    const parts = value.split(/[，,]/).map((p) => p.trim());
    value = /[。！？；!?;]/.test(value) || !parts.every((p) => isName(p)) ? parts[0] : parts.join('、');
  }
  // `周航 摄` credits a photo (case 19): the photographer is not the author.
  if (
    /^[^\n]{0,12}?\s*[摄攝](?![\u4e00-\u9fff])/.test(t.slice(h.end, h.end + 16)) &&
    h.kind !== 'chief' &&
    h.kind !== 'editor'
  )
    return;
  // Editor accounts are sometimes roles (cmse: 责任编辑：系统管理员), so editors may be longer.
  // A single value after an explicit 作者/撰文 label may be a self-media account (`作者：加拿大必读`).
  const single = h.kind === 'author' && !/[\s、，,&/]/.test(value);
  const names = splitNames(value, h.kind === 'chief' || h.kind === 'editor' ? 6 : single ? 8 : 4);
  // `作者：江川日报` (self-media reprints): an outlet in the author slot is the source.
  if (!names.length && single) out.outlet ??= outletName(value);
  if (!names.length) return;
  if (h.kind === 'reporter') out.outlet ??= bylineOutlet(t.slice(Math.max(0, h.start - 12), h.start));
  const list =
    {
      author: out.authors,
      reporter: out.authors,
      corr: out.correspondents,
      compiler: out.compilers,
      chief: out.chiefEditors,
    }[h.kind as string] ?? out.editors;
  for (const n of names) if (!list.includes(n)) list.push(n);
}

/** Words before 记者 or 讯 that name no outlet (vocabulary.ts NOT_OUTLET_PREFIXES), and 驻… (`驻京记者`). */
const NOT_OUTLET = new RegExp(`^(${anyOf(NOT_OUTLET_PREFIXES)}|驻\\S*)$`);

/** `s` when it names an outlet a credit can report as the source (not `本报`, `特约`: NOT_OUTLET_PREFIXES), else null. */
function outletName(s: string): string | null {
  return isOutlet(s) && !NOT_OUTLET.test(s) && plausibleSource(s) ? s : null;
}

/** The outlet named right before 记者 (`扬子晚报记者 张楠`, `中央社記者X`), or null (`本报记者`, `特约记者`). */
function bylineOutlet(prefix: string): string | null {
  const m = /([\u4e00-\u9fffA-Za-z0-9·]{2,10})$/.exec(prefix.replace(/\s+$/, ''));
  const outlet = m ? m[1].replace(/^.*[，。、：:（(【[〔]/, '') : '';
  return outlet && !NOT_OUTLET.test(outlet) && !/[讯訊电電]$/.test(outlet) ? outlet : null;
}

/** A reporter value up to the place-report words ending the byline (`X／台中報導`). */
const REPORT_END = new RegExp(`^([^，。！？；]*?[${SEP}]\\s*[\\u4e00-\\u9fff]{0,8}?(?:${anyOf(REPORT_WORDS)}))`);

/** A reporter value up to its place-report words (`張雅琪、吳建宏／台中報導　縣政府…` → `張雅琪、吳建宏／台中報導`). */
function untilReportWord(value: string): string {
  return REPORT_END.exec(value)?.[1] ?? value;
}

/** The day of a dateline (`15日电`, `3月15日電`, `十五日電`, `15日專電`). */
const DAY_DISPATCH = '(?:\\d{1,2}月)?(?:\\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日\\s*(?:专|專)?[电電]';
/** Names (and a place) before a dateline's day, with no sentence punctuation before them. */
const NAMES_BEFORE_DAY = new RegExp(`^([^，。！？；]*?)([\\u4e00-\\u9fff]+)\\s*${DAY_DISPATCH}`);
/** A dateline opening a paragraph, up to its day and a bracketed byline after it. */
const DATELINE = new RegExp(
  `^\\s*[（(〔【]?[^，。！？；\\n]{2,40}?${DAY_DISPATCH}(?:\\s*[（(〔][^（(〔）)〕]{1,40}[）)〕])?`,
);

/**
 * A reporter value that runs into the dateline (`王大明、李小華台北15日電 …`, Taiwanese agency style): the names without
 * the place, the day and the text after it. The place is the part of the last name run past three characters
 * (Taiwanese reporters' names are mostly three characters, places two: `李小華台北`); a run of four is two and two.
 */
function withoutDatelinePlace(value: string): string {
  const m = NAMES_BEFORE_DAY.exec(value);
  if (!m) return value;
  // `张三 北京3月15日电`: a place standing apart from the names.
  if (/\s$/.test(m[1])) return m[1];
  const run = m[2];
  const name = run.length >= 5 ? run.slice(0, 3) : run.length === 4 ? run.slice(0, 2) : run;
  return `${m[1]}${name}`;
}

/** `石佳/中国青年报` (thepaper byline, no label): the name is an author, the outlet the source. */
function nameSlashOutlet(t: string, out: Credits): void {
  const so =
    /^\s*([\u4e00-\u9fff]{2,4}(?:[ 、][\u4e00-\u9fff]{2,4}){0,3})\s*[/／]\s*([\u4e00-\u9fffA-Za-z·]{2,12}(?:报|網|网|社|台|新闻|新聞|杂志|周刊|刊))\s*$/.exec(
      t,
    );
  if (so) {
    out.authors.push(...splitNames(so[1]));
    out.source ??= so[2];
  }
}

/** Regular-expression source of an outlet word (vocabulary.ts OUTLET_SUFFIXES). */
const OUTLET_WORD = anyOf(OUTLET_SUFFIXES);
/** `江川日报讯（记者`, `新京报快讯（`: the outlet of a newspaper dateline. */
const XUN_DATELINE = /^\s*([\u4e00-\u9fffA-Za-z]{2,10}?)(?:快讯|快訊|讯|訊)\s*[（(]/;
/** `【港灣日報專訊】`, `江川晚报讯 记者…`: a dateline without a bracketed byline after it (its outlet must look like one). */
const BARE_XUN_DATELINE =
  /^\s*[【（(〔]?\s*([\u4e00-\u9fffA-Za-z]{2,10}?)(?:专讯|專訊|快讯|快訊|讯|訊)(?:[】）)〕]|\s)/;
/** `新华社北京3月15日电`, `中新网白沙3月15日电`, `（江川日报北京15日電`: an agency-style dateline's outlet. */
const AGENCY_DATELINE = new RegExp(
  `^\\s*[（(〔]?\\s*((?:(?!记者|記者)[\\u4e00-\\u9fffA-Za-z]){1,10}?(?:${OUTLET_WORD}))[\\u4e00-\\u9fff]{0,6}?${DAY_DISPATCH}`,
);

/** `路透北京3月15日 -`, `彭博社东京15日电`: a news agency's dateline, with 电 or a dash after the day (WIRE_AGENCIES). */
const WIRE_DATELINE = new RegExp(
  `^\\s*[（(]?\\s*(${anyOf(WIRE_AGENCIES)})[\\u4e00-\\u9fff]{0,6}?(?:\\d{1,2}月)?\\d{1,2}日\\s*(?:(?:专|專)?[电電]|[-–—])`,
);

/**
 * The outlet of a dateline opening `t` (`江川日报讯（…`, `新华社北京3月15日电`, `【港灣日報專訊】`), or null
 * (`本报讯`, or a bare `X讯` whose X is no outlet name: `捷报喜讯`).
 */
function datelineOutlet(t: string): string | null {
  const wire = WIRE_DATELINE.exec(t);
  if (wire) return wire[1];
  const m = XUN_DATELINE.exec(t) ?? AGENCY_DATELINE.exec(t);
  if (m) return NOT_OUTLET.test(m[1]) ? null : m[1];
  const bare = BARE_XUN_DATELINE.exec(t)?.[1];
  return bare ? outletName(bare) : null;
}

/** An e-paper credit line: `《江川日报》（2023年05月12日 05版）`, `《X》（2023年05月12日 第 07 版）`. */
const EPAPER_LINE =
  /^\s*《([^《》]{2,20})》\s*[（(]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:第\s*)?\d{1,3}\s*版\s*[）)]\s*$/;

/**
 * The newspaper of an e-paper credit line (`《江川日报》（2023年05月12日 05版）`, printed at the top or bottom of the
 * body by newspapers' web editions): the outlet the article comes from. Null when `t` is no such line.
 */
function epaperOutlet(t: string): string | null {
  return EPAPER_LINE.exec(t)?.[1] ?? null;
}

/**
 * The dateline opening a body paragraph, up to its day and a bracketed byline after it (`新华社白沙3月15日电（记者 X）`,
 * `中央社記者X台北15日電`, `中新网白沙3月15日电 (记者 X)`), or null. Its credits: parseCredits of it.
 */
export function datelineOf(paragraph: string): string | null {
  return DATELINE.exec(paragraph)?.[0] ?? null;
}

/** A line that is a credit label and nothing else (`来源：`, `作者`, `編輯／`). */
const LABEL_ONLY = new RegExp(`^\\s*(?:${anyOf(CREDIT_LABELS.map(([l]) => l))})\\s*[:：${SEP}]?\\s*$`);

/**
 * Lines with a label standing alone on its line joined to its value's line (`来源：` + `江川日报`): templates that put
 * the label and its value in two block elements (table cells on government sites, `<dt>`/`<dd>`).
 * @param nearestFirst the lines run backwards, nearest the body first (info-lines.ts headerLines on a page without a
 *   headline element): a label's value is then the line before it in the list
 */
export function joinLabelLines(lines: readonly string[], nearestFirst = false): string[] {
  const list = nearestFirst ? [...lines].reverse() : lines;
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const next = list[i + 1];
    if (LABEL_ONLY.test(list[i]) && next !== undefined && !LABEL_ONLY.test(next)) {
      out.push(`${list[i].trim()}${next}`);
      i++;
    } else out.push(list[i]);
  }
  return nearestFirst ? out.reverse() : out;
}

/** Merge `b` into `a` (first value wins, lists unioned). */
export function mergeCredits(a: Credits, b: Credits): Credits {
  const u = (x: string[], y: string[]) => [...x, ...y.filter((n) => !x.includes(n))];
  return {
    source: a.source ?? b.source,
    outlet: a.outlet ?? b.outlet,
    authors: u(a.authors, b.authors),
    correspondents: u(a.correspondents, b.correspondents),
    compilers: u(a.compilers, b.compilers),
    chiefEditors: u(a.chiefEditors, b.chiefEditors),
    editors: u(a.editors, b.editors),
  };
}

const OPEN = '（(【\\[〔［';
const CLOSE = '）)】\\]〕］';
/**
 * A bracketed credit: a bracket (（ ( 【 [ 〔 ［), an outlet of up to ten characters before 记者 (`（中央社記者`), a label
 * of BRACKET_CREDIT_LABELS (or a bounded label before a separator), its value.
 */
const BRACKETED = new RegExp(
  `[${OPEN}]\\s*((?:[\\u4e00-\\u9fffA-Za-z]{2,10}?(?=记者|記者))?(?:${anyOf(BRACKET_CREDIT_LABELS)}|(?:${anyOf(
    BOUNDED_CREDIT_LABELS.map(([l]) => l),
  )})\\s*[${SEP}：:])[^${OPEN}${CLOSE}]{1,60})[${CLOSE}]`,
  'g',
);

/**
 * Bracketed credits in body text: `（记者 X）`, `(责编：X)`, `【责任编辑：X】`, `[作者: X 责任编辑: Y]`, `(通讯员 X)`,
 * `〔記者X／台北報導〕`, `（中央社記者X台北15日電）`, `（编译/X）`.
 */
export function bracketedCredits(text: string): Credits {
  let out = emptyCredits();
  for (const m of text.matchAll(BRACKETED)) out = mergeCredits(out, parseCredits(m[1]));
  return out;
}

/**
 * A bare name in brackets closing the last paragraph (`…售6799元。(李楠)`, `（郭旭）`): the author, by Chinese news
 * convention. Organisations (`（德清县发改局）`) and long texts are not names.
 */
export function trailingBareName(lastParagraph: string): string[] {
  const m = /[（(]\s*([\u4e00-\u9fff]{2,4}(?:[\s、][\u4e00-\u9fff]{2,4}){0,2})\s*[）)]\s*$/.exec(lastParagraph.trim());
  return m ? splitNames(m[1]) : [];
}
