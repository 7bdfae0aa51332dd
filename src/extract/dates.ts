import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { ROC_DATE_LABELS, anyOf } from './vocabulary';

dayjs.extend(utc);

/**
 * Date parsing for Chinese news pages: every form portals print, to ISO 8601 in Beijing time.
 *
 * Times without an offset are Beijing time (UTC+08:00): Chinese portals print local time and never say so.
 * Strings with an explicit offset (`Z`, `+00:00`) are converted to +08:00 (dayjs does the offset arithmetic).
 */

/** A date found in text. */
export interface FoundDate {
  /** `2020-03-15T10:13:00+08:00`, or `2020-03-15` when the text gives no time. */
  iso: string;
  hasTime: boolean;
  /** True when the year was not in the text but taken from `refYear`. */
  yearGuessed: boolean;
  /** Index of the match in the input string. */
  index: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return false;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCDate() === d;
}

/** Format parts (Beijing local time) as ISO: date only when `h` is undefined. */
function formatBeijing(y: number, mo: number, d: number, h?: number, mi = 0, s = 0): string {
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  return h === undefined ? date : `${date}T${pad(h)}:${pad(mi)}:${pad(s)}+08:00`;
}

// An ISO timestamp with an explicit offset or Z: the only form that is not Beijing local time.
const ISO_OFFSET = /(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})/;
/** A weekday after a date: `星期三`, `周六`, `週日`, `（星期三）` (Hong Kong sites bracket it). */
const WEEKDAY = String.raw`(?:\s*[（(]?\s*(?:星期|周|週|禮拜|礼拜)[一二三四五六日天]\s*[）)]?)?`;
/** Words of the 12-hour clock before a time (`下午 2:30`), and after it (`2:30 PM`). */
const MERIDIEM_BEFORE = String.raw`(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|[AaPp][Mm])`;
const MERIDIEM_AFTER = String.raw`([AaPp]\.?[Mm]\.?)(?![A-Za-z\d])`;
/**
 * The time after a date: `10:13`, `10:13:25`, `10时13分`, `10時13分`, `下午 2:30`, `2:30 PM`, and after a slash or a bar
 * (`2024年3月15日 / 下午3点20分`, a wire service's style). Five groups: meridiem
 * before, hour, minute, second, meridiem after.
 */
const TIME = String.raw`(?:\s*(?:[T\s,/|｜]|&nbsp;)*\s*(?:${MERIDIEM_BEFORE}\s*)?(\d{1,2})\s*[:：时時点點]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?\s*分?(?:\s*${MERIDIEM_AFTER})?)?`;
// 2020-03-15 10:13[:25], 2020/03/15, 2020.03.15, 2020年03月15日 10:13, 2020年3月15日10时13分; `2024 05/09 22:27:02`;
// `2024年5月1日 週三 下午 2:30`, `2024年5月1日（星期三） 16:45`.
const FULL = new RegExp(
  String.raw`(?<!\d)(\d{4})\s*(?:[-/.年]\s*|\s+)(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?` + WEEKDAY + TIME,
);
// 20-03-15 10:13: a two-digit year is only trusted with a time after it (else it could be any d-d-d run).
const SHORT_YEAR = /(?<![\d-])(\d{2})-(\d{2})-(\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)/;
// 10-08 12:00 / 10-0812:00 / 10月08日 12:00: no year (Baidu/Toutiao style). Needs a reference year.
const NO_YEAR = /(?<![\d-])(\d{1,2})\s*[-月]\s*(\d{1,2})\s*日?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)/;
// Compact 20200315 (URLs), guarded so long ids are not taken.
const COMPACT = /(?<!\d)(20\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?!\d)/;

/**
 * Republic of China calendar (Taiwan: year + 1911), in three safe forms: named (`民國113年5月1日`, `中華民國113年…`),
 * after a date label (`發布日期：113/05/01 14:30`, `更新日期：113-05-01`), or a text that is only such a date
 * (`113/05/01`, a table cell). A bare `113-05-01` inside other text (a meeting number) is no date (kind
 * date-roc-lookalike-control).
 */
const ROC_NAMED = new RegExp(String.raw`民[國国]\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日` + WEEKDAY + TIME);
const ROC_LABELLED = new RegExp(
  String.raw`(?:${anyOf(ROC_DATE_LABELS)})\s*[:：]?\s*(1[0-4]\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?` +
    WEEKDAY +
    TIME,
);
const ROC_ALONE = new RegExp(String.raw`^\s*(1[0-4]\d)([-/.])(\d{1,2})\2(\d{1,2})(?!\d)` + TIME + String.raw`\s*$`);

/** An English month name or abbreviation (Hong Kong and Taiwanese sites print `03 Jun 2024`, `May 17, 2024`). */
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
/** Offsets in minutes of the zone names English dates print (`11:00 PM PST`); CST is China's on Chinese pages. */
const ZONES: Readonly<Record<string, number>> = {
  GMT: 0,
  UTC: 0,
  Z: 0,
  BST: 60,
  CET: 60,
  CEST: 120,
  EST: -300,
  EDT: -240,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  CST: 480,
  HKT: 480,
  SGT: 480,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
};
/** The time and zone after an English date: `, 3:05 pm`, `, at 11:29 a.m.`, `@ 11:10 PM UTC`, `14:30 +0800`. */
const EN_TIME = String.raw`(?:\s*,?\s*(?:at|@|-|–)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:${MERIDIEM_AFTER})?(?:\s*(${Object.keys(ZONES).join('|')})(?![A-Za-z]))?(?:\s*([+-]\d{2}:?\d{2}))?)?`;
const EN_MDY = new RegExp(
  String.raw`(?<![A-Za-z])${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)` + EN_TIME,
  'i',
);
const EN_DMY = new RegExp(
  String.raw`(?<![\dA-Za-z])(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})(?!\d)` + EN_TIME,
  'i',
);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The hour on a 24-hour clock: 下午/晚上/傍晚/PM add twelve to 1–11, 中午 to 1–10 (`中午12:30` stays), and
 * 凌晨/早上/上午/AM make 12 midnight (`上午12:20` is 00:20, kind date-am-midnight). An hour over 12 stays as written.
 */
function hour24(h: number, meridiem: string | undefined): number {
  if (!meridiem || h > 12) return h;
  const m = meridiem.replace(/\./g, '').toUpperCase();
  if (m === 'PM' || m === '下午' || m === '晚上' || m === '傍晚') return h < 12 ? h + 12 : h;
  if (m === '中午') return h < 11 ? h + 12 : h;
  return h === 12 ? 0 : h;
}

/** A FoundDate from date parts and a TIME match's five groups (`t[0]` the meridiem before, `t[1]` the hour …). */
function withTime(y: number, mo: number, d: number, t: (string | undefined)[], index: number): FoundDate | null {
  const h = t[1] !== undefined ? hour24(+t[1], t[0] ?? t[4]) : undefined;
  const mi = t[2] !== undefined ? +t[2] : 0;
  const s = t[3] !== undefined ? +t[3] : 0;
  if (!valid(y, mo, d, h ?? 0, mi, s)) return null;
  return { iso: formatBeijing(y, mo, d, h, mi, s), hasTime: h !== undefined, yearGuessed: false, index };
}

/** `YYYY-MM-DD[ HH:MM[:SS]]` and its 年月日, slash, dot and spaced forms, with a weekday and a 12-hour clock. */
function fullDate(t: string): FoundDate | null {
  const m = FULL.exec(t);
  return m && withTime(+m[1], +m[2], +m[3], m.slice(4, 9), m.index);
}

/** A Republic of China date (ROC_NAMED, ROC_LABELLED, ROC_ALONE), year + 1911. */
function rocDate(t: string): FoundDate | null {
  const named = ROC_NAMED.exec(t) ?? ROC_LABELLED.exec(t);
  if (named) return withTime(+named[1] + 1911, +named[2], +named[3], named.slice(4, 9), named.index);
  const alone = ROC_ALONE.exec(t);
  return alone && withTime(+alone[1] + 1911, +alone[3], +alone[4], alone.slice(5, 10), alone.index);
}

/**
 * An English-month date (`03 Jun 2024 11:20 AM`, `May 17, 2024, 3:05 pm`, `Wed, 01 May 2024 06:30:00 GMT`): local
 * (+08:00) unless it names a zone (ZONES) or an offset, then converted to +08:00.
 */
function englishDate(t: string): FoundDate | null {
  const mdy = EN_MDY.exec(t);
  const dmy = EN_DMY.exec(t);
  const m = mdy && (!dmy || mdy.index <= dmy.index) ? mdy : dmy;
  if (!m) return null;
  const [mon, d] = m === mdy ? [m[1], +m[2]] : [m[2], +m[1]];
  const y = +m[3];
  const mo = MONTHS.indexOf(mon.slice(0, 3).toLowerCase()) + 1;
  const [hh, mi, s, ampm, zone, offset] = m.slice(4, 10);
  const found = withTime(y, mo, d, [undefined, hh, mi, s, ampm], m.index);
  if (!found?.hasTime || (!offset && !zone)) return found;
  const off = offset
    ? (offset[0] === '-' ? -1 : 1) * (+offset.slice(1, 3) * 60 + +offset.slice(-2))
    : ZONES[zone.toUpperCase()];
  if (off === 480) return found;
  const local = Date.UTC(y, mo - 1, d, hour24(+hh, ampm), +mi, s ? +s : 0) - off * 60_000;
  return { ...found, iso: dayjs.utc(local).utcOffset(480).format('YYYY-MM-DDTHH:mm:ss') + '+08:00' };
}

/** An ISO timestamp with an explicit offset, converted to +08:00. */
function isoWithOffset(t: string): FoundDate | null {
  const iso = ISO_OFFSET.exec(t);
  if (!iso) return null;
  const d = dayjs(iso[0].replace(' ', 'T'));
  if (!d.isValid()) return null;
  const b = d.utcOffset(480);
  // the same years as every other form (valid): `9999-12-31T23:59:59-12:00` is no publication date (break-it trial)
  if (b.year() < 1990 || b.year() > 2100) return null;
  return { iso: b.format('YYYY-MM-DDTHH:mm:ss') + '+08:00', hasTime: true, yearGuessed: false, index: iso.index };
}

/** `YY-MM-DD HH:MM`: a two-digit year, only with a time. */
function shortYearDate(t: string): FoundDate | null {
  const sy = SHORT_YEAR.exec(t);
  if (!sy) return null;
  const [y, mo, d, h, mi, s] = [2000 + +sy[1], +sy[2], +sy[3], +sy[4], +sy[5], sy[6] ? +sy[6] : 0];
  if (!valid(y, mo, d, h, mi, s)) return null;
  return { iso: formatBeijing(y, mo, d, h, mi, s), hasTime: true, yearGuessed: false, index: sy.index };
}

/** `MM-DD HH:MM` without a year, in `refYear`. */
function yearlessDate(t: string, refYear: number): FoundDate | null {
  const ny = NO_YEAR.exec(t);
  if (!ny) return null;
  const [mo, d, h, mi, s] = [+ny[1], +ny[2], +ny[3], +ny[4], ny[5] ? +ny[5] : 0];
  if (!valid(refYear, mo, d, h, mi, s)) return null;
  return { iso: formatBeijing(refYear, mo, d, h, mi, s), hasTime: true, yearGuessed: true, index: ny.index };
}

/**
 * Find the first date in `text`. Forms: ISO with offset, `YYYY-MM-DD[ HH:MM[:SS]]` with `-`, `/`, `.`, `年月日`
 * or spaces (a weekday and a 12-hour clock may follow: `週三 下午 2:30`), Republic of China dates (`民國113年5月1日`,
 * `發布日期：113/05/01`), English months (`03 Jun 2024 11:20 AM`), `YY-MM-DD HH:MM`, and (with `refYear`)
 * `MM-DD HH:MM` without a year. Relative times (`3小时前`) are no date.
 * @returns null when no plausible date is present.
 */
export function findDate(text: string, refYear?: number | null): FoundDate | null {
  if (!text) return null;
  const t = text.replace(/\u00a0|\u3000/g, ' ');
  // At the same position the more specific form (listed first) wins.
  const found = [isoWithOffset(t), fullDate(t), rocDate(t), englishDate(t), shortYearDate(t)];
  if (refYear) found.push(yearlessDate(t, refYear));
  const dates = found.filter((d): d is FoundDate => d !== null);
  if (!dates.length) return null;
  // The earliest match wins.
  dates.sort((a, b) => a.index - b.index);
  return dates[0];
}

/**
 * A date from a machine-readable value (meta content, JSON-LD, `datetime` attribute): ISO with or without offset,
 * `2019-9-7 21:30:50`, `2020年09月11日 18:05`, or a Unix timestamp (seconds or milliseconds).
 */
export function parseDateValue(value: string | null | undefined): FoundDate | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d{10}(\d{3})?$/.test(v)) {
    const d = dayjs(+v * (v.length === 10 ? 1000 : 1)).utcOffset(480);
    if (d.year() < 1990 || d.year() > 2100) return null;
    return { iso: d.format('YYYY-MM-DDTHH:mm:ss') + '+08:00', hasTime: true, yearGuessed: false, index: 0 };
  }
  return findDate(v);
}

/**
 * The date in a news URL: `/2020/03/15/`, `/2020/0315/`, `/2020-03/15/`, `/2019-11-25/`, `/20200911/`, `t20200315_`.
 * Date only (URLs carry no time). Last-resort evidence, also the reference year for year-less visible dates.
 */
export function dateFromUrl(url: string | null | undefined): FoundDate | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const forms = [
    /\/(20\d{2})[-/_]?(\d{2})[-/_]?(\d{2})(?=[/_.-]|$)/,
    /\/(20\d{2})-(\d{2})\/(\d{2})\//,
    /[/_t](20\d{2})(\d{2})(\d{2})(?=[/_.-]|$)/,
    /(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)/,
  ];
  for (const re of forms) {
    const m = re.exec(path);
    if (m && valid(+m[1], +m[2], +m[3]))
      return { iso: formatBeijing(+m[1], +m[2], +m[3]), hasTime: false, yearGuessed: false, index: m.index };
  }
  const c = COMPACT.exec(path);
  if (c && valid(+c[1], +c[2], +c[3]))
    return { iso: formatBeijing(+c[1], +c[2], +c[3]), hasTime: false, yearGuessed: false, index: c.index };
  return null;
}
