/**
 * Credit-line parsing (来源 / 作者 / 记者 / 通讯员 / 编辑 …) for Chinese news pages.
 *
 * Portals print credits as labelled runs that often run together in textContent
 * (`来源：证券时报网作者：李在山`, `责任编辑：李跃群校对：刘威`), inside brackets in the body (`（记者 X）`, `(责编：X)`,
 * `【责任编辑：X】`), or as a byline paragraph (`澎湃新闻记者 段彦超 廖艳`, `执笔/叨叨姐、胡一刀&李小飞刀`). A value ends at
 * the next label, a bracket, a line end or `|`. Names padded to three columns (`方  敏`) are joined back.
 * The labels are vocabulary.ts CREDIT_LABELS.
 */
import { BRACKET_CREDIT_LABELS, CREDIT_LABELS, NOT_NAME_WORDS, anyOf, type CreditKind } from './vocabulary';

/** The credits found in one text, or merged from several (mergeCredits). */
export interface Credits {
  /** 来源 value (the outlet), or null. */
  source: string | null;
  /** An outlet named before 记者 (`扬子晚报记者 张楠`) or in a `X讯（记者` dateline: weaker evidence for the source. */
  outlet: string | null;
  /** 作者 / 记者 / 文 / 执笔 / 撰文 names. */
  authors: string[];
  /** 通讯员 names (reported as authors only when no author is named). */
  correspondents: string[];
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
  chiefEditors: [],
  editors: [],
});

// `文` alone is a label only when a slash/丨/colon follows (文/X, 文丨X, 文：X) — else it is just a character.
const LABEL_RE = new RegExp(`(${anyOf(CREDIT_LABELS.map(([l]) => l))}|文\\s*[/丨｜|：:](?!图))`, 'g');

const KIND = new Map(CREDIT_LABELS);

/** A token holding one of these words is an organisation or a role, not a person's name. */
const NOT_NAME = new RegExp(`(${anyOf(NOT_NAME_WORDS)})`);

/** True when `s` looks like a person's (or an editor account's) name. */
export function isName(s: string, maxCjk = 4): boolean {
  // Transliterated names keep their middle dot (`阿卜杜拉·买买提`) and run longer.
  if (/^[\u4e00-\u9fff]{1,8}[·•][\u4e00-\u9fff·•]{1,10}$/.test(s)) return !NOT_NAME.test(s);
  if (new RegExp(`^[\\u4e00-\\u9fff·•]{2,${maxCjk}}$`).test(s))
    return !NOT_NAME.test(s) || (maxCjk > 4 && /管理员|编辑部/.test(s));
  if (/^[\u4e00-\u9fff]{2,4}_[A-Za-z0-9]+$/.test(s)) return true; // 杨倩_NF4425 (163 editor ids)
  if (/^[A-Za-z][A-Za-z0-9_.-]{1,30}$/.test(s)) return true; // biaoffeng, HN666
  return false;
}

/**
 * Split a credit value into names: separators are spaces, `、`, `，`, `,`, `;`, `&`, `/`; single characters padded
 * apart (`方  敏`) are joined back; editor codes after a Chinese name (`韩保林 PK155`) are dropped; non-names dropped.
 */
export function splitNames(value: string, maxCjk = 4): string[] {
  const v = value
    .replace(/[\u3000\u00a0]/g, ' ')
    .replace(/(摄影?|报道|整理|编译|供稿|图)\s*$/, '')
    .trim();
  const raw = v.split(/[\s、，,;；&＆/|｜丨]+/).filter(Boolean);
  const tokens: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    // `方 敏`: two single characters in a row are one padded two-character name.
    if (/^[\u4e00-\u9fff]$/.test(t) && i + 1 < raw.length && /^[\u4e00-\u9fff]$/.test(raw[i + 1])) {
      tokens.push(t + raw[i + 1]);
      i++;
      continue;
    }
    tokens.push(t);
  }
  let names = tokens.filter((t) => isName(t, maxCjk));
  if (names.some((n) => /[\u4e00-\u9fff]/.test(n))) names = names.filter((n) => !/^[A-Z]{1,4}\d{2,}$/.test(n));
  return [...new Set(names)];
}

/** A 来源 value: the first word, cut before counters (`1032人参与`) and dates that run into it. */
export function cleanSource(value: string): string | null {
  let v =
    value
      .replace(/[\u3000\u00a0]/g, ' ')
      .trim()
      .split(/\s+/)[0] ?? '';
  v = v.replace(
    /\d+人参与.*$|\d+评论.*$|\d+条评论.*$|(?:19|20)\d{2}\s*[-年/.].*$|\d{1,2}-\d{1,2}.*$|\d{1,2}:\d{2}.*$/,
    '',
  );
  v = v.replace(/^[：:\s|]+|[，。,.;；:：|]+$/g, '').replace(/^《(.+)》$/, '$1');
  if (!v || v.length > 30 || !/[\u4e00-\u9fffA-Za-z]/.test(v)) return null;
  if (/^(分享|举报|评论|字号|打印|收藏|关注|微信|微博)/.test(v)) return null;
  return v;
}

const TERMINATOR = /[)）(（】\]\n|｜>》]/;

/**
 * Parse one credit text (an info line, a bracketed credit, a byline paragraph).
 * @param text plain text; line breaks end values
 * @returns the credits found (empty lists when none)
 */
export function parseCredits(text: string): Credits {
  const out = emptyCredits();
  // `张三/文 李四/图` puts the role after the name: rewrite to the label-first form.
  const t = text
    .replace(/[\u3000\u00a0]/g, ' ')
    .replace(/([\u4e00-\u9fff]{2,4})\s*[/／]\s*文(?![\u4e00-\u9fff])/g, '文/$1 ')
    .replace(/([\u4e00-\u9fff]{2,4})\s*[/／]\s*(?:图|摄)(?![\u4e00-\u9fff])/g, '摄影/$1 ');
  const hits: { kind: CreditKind; start: number; end: number; label: string }[] = [];
  for (const m of t.matchAll(LABEL_RE)) {
    const label = m[0];
    const kind: CreditKind = label.startsWith('文') && !KIND.has(label) ? 'author' : (KIND.get(label) ?? 'other');
    hits.push({ kind, start: m.index!, end: m.index! + label.length, label });
  }
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    const prefix = t.slice(Math.max(0, h.start - 12), h.start);
    let value = t.slice(h.end, i + 1 < hits.length ? hits[i + 1].start : t.length);
    value = value.replace(/^[\s:：/丨｜|]+/, '');
    const cut = value.search(TERMINATOR);
    if (cut >= 0) value = value.slice(0, cut);
    value = value.trim();
    // Prose, not a credit: `记者在现场看到，…`, `作者本人观点。`
    if (h.kind !== 'source' && /[，。！？；,!?;]/.test(value)) continue;
    if (h.kind === 'source') {
      // 图片来源 / 视频来源 / 数据来源 credit a picture or a figure, not the article.
      if (/(图片|图|视频|数据|资料|图表)\s*$/.test(prefix)) continue;
      const s = cleanSource(value);
      if (s && !out.source) out.source = s;
      continue;
    }
    if (h.kind === 'other') continue;
    // `周航 摄` credits a photo (case 19): the photographer is not the author.
    if (
      /^[^\n]{0,12}?\s*摄(?![\u4e00-\u9fff])/.test(t.slice(h.end, h.end + 16)) &&
      h.kind !== 'chief' &&
      h.kind !== 'editor'
    )
      continue;
    // Editor accounts are sometimes roles (cmse: 责任编辑：系统管理员), so editors may be longer.
    // A single value after an explicit 作者/撰文 label may be a self-media account (`作者：加拿大必读`).
    const single = h.kind === 'author' && !/[\s、，,&/]/.test(value);
    const names = splitNames(value, h.kind === 'chief' || h.kind === 'editor' ? 6 : single ? 8 : 4);
    if (!names.length) continue;
    if (h.kind === 'reporter') {
      const m = /([\u4e00-\u9fffA-Za-z·]{2,10})$/.exec(prefix.replace(/\s+$/, ''));
      const outlet = m ? m[1].replace(/^.*[，。、：:（(【[]/, '') : '';
      if (
        outlet &&
        !/^(本报|本刊|本台|本网|特约|实习|见习|首席|驻\S*|前方|融媒体|全媒体|文字|摄影|视频|专栏)$/.test(outlet) &&
        !/[讯电]$/.test(outlet)
      )
        out.outlet ??= outlet;
    }
    const list =
      h.kind === 'author' || h.kind === 'reporter'
        ? out.authors
        : h.kind === 'corr'
          ? out.correspondents
          : h.kind === 'chief'
            ? out.chiefEditors
            : out.editors;
    for (const n of names) if (!list.includes(n)) list.push(n);
  }
  // `石佳/中国青年报` (thepaper byline): name / outlet, no label.
  const so =
    /^\s*([\u4e00-\u9fff]{2,4}(?:[ 、][\u4e00-\u9fff]{2,4}){0,3})\s*[/／]\s*([\u4e00-\u9fffA-Za-z·]{2,12}(?:报|网|社|台|新闻|杂志|周刊|刊))\s*$/.exec(
      t,
    );
  if (so && !hits.length) {
    out.authors.push(...splitNames(so[1]));
    out.source ??= so[2];
  }
  // `江川日报讯（记者 …）`, `新京报快讯（记者 …）`: the outlet of a dateline.
  const dl = /^\s*([\u4e00-\u9fffA-Za-z]{2,10}?)(?:快讯|讯)\s*[（(]/.exec(t);
  if (dl && !out.outlet) out.outlet = dl[1];
  return out;
}

/** Merge `b` into `a` (first value wins, lists unioned). */
export function mergeCredits(a: Credits, b: Credits): Credits {
  const u = (x: string[], y: string[]) => [...x, ...y.filter((n) => !x.includes(n))];
  return {
    source: a.source ?? b.source,
    outlet: a.outlet ?? b.outlet,
    authors: u(a.authors, b.authors),
    correspondents: u(a.correspondents, b.correspondents),
    chiefEditors: u(a.chiefEditors, b.chiefEditors),
    editors: u(a.editors, b.editors),
  };
}

/** A bracketed credit: a bracket, a label of BRACKET_CREDIT_LABELS (or `文` before a slash, 丨 or colon), its value. */
const BRACKETED = new RegExp(
  `[（(【\\[]\\s*((?:${anyOf(BRACKET_CREDIT_LABELS)}|文\\s*[/丨｜：:])[^（(【\\[）)】\\]]{1,60})[）)】\\]]`,
  'g',
);

/** Bracketed credits in body text: `（记者 X）`, `(责编：X)`, `【责任编辑：X】`, `[作者: X 责任编辑: Y]`, `(通讯员 X)`. */
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
