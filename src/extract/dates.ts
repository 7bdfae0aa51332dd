import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

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
// 2020-03-15 10:13[:25], 2020/03/15, 2020.03.15, 2020年03月15日 10:13, 2020年3月15日10时13分; `2024 05/09 22:27:02`.
const FULL =
  /(?<!\d)(\d{4})\s*(?:[-/.年]\s*|\s+)(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*(?:[T\s]|&nbsp;)*\s*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?/;
// 20-03-15 10:13: a two-digit year is only trusted with a time after it (else it could be any d-d-d run).
const SHORT_YEAR = /(?<![\d-])(\d{2})-(\d{2})-(\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)/;
// 10-08 12:00 / 10-0812:00 / 10月08日 12:00: no year (Baidu/Toutiao style). Needs a reference year.
const NO_YEAR = /(?<![\d-])(\d{1,2})\s*[-月]\s*(\d{1,2})\s*日?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)/;
// Compact 20200315 (URLs), guarded so long ids are not taken.
const COMPACT = /(?<!\d)(20\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?!\d)/;

/**
 * Find the first date in `text`. Forms: ISO with offset, `YYYY-MM-DD[ HH:MM[:SS]]` with `-`, `/`, `.`, `年月日`
 * or spaces, `YY-MM-DD HH:MM`, and (with `refYear`) `MM-DD HH:MM` without a year.
 * @returns null when no plausible date is present.
 */
export function findDate(text: string, refYear?: number | null): FoundDate | null {
  if (!text) return null;
  const t = text.replace(/\u00a0|\u3000/g, ' ');
  const found: FoundDate[] = [];
  const iso = ISO_OFFSET.exec(t);
  if (iso) {
    const d = dayjs(iso[0].replace(' ', 'T'));
    if (d.isValid()) {
      const b = d.utcOffset(480);
      found.push({
        iso: b.format('YYYY-MM-DDTHH:mm:ss') + '+08:00',
        hasTime: true,
        yearGuessed: false,
        index: iso.index,
      });
    }
  }
  const full = FULL.exec(t);
  if (full) {
    const [y, mo, d] = [+full[1], +full[2], +full[3]];
    const h = full[4] !== undefined ? +full[4] : undefined;
    const mi = full[5] !== undefined ? +full[5] : 0;
    const s = full[6] !== undefined ? +full[6] : 0;
    if (valid(y, mo, d, h ?? 0, mi, s))
      found.push({
        iso: formatBeijing(y, mo, d, h, mi, s),
        hasTime: h !== undefined,
        yearGuessed: false,
        index: full.index,
      });
  }
  const sy = SHORT_YEAR.exec(t);
  if (sy) {
    const y = 2000 + +sy[1];
    const [mo, d, h, mi, s] = [+sy[2], +sy[3], +sy[4], +sy[5], sy[6] ? +sy[6] : 0];
    if (valid(y, mo, d, h, mi, s))
      found.push({ iso: formatBeijing(y, mo, d, h, mi, s), hasTime: true, yearGuessed: false, index: sy.index });
  }
  if (refYear) {
    const ny = NO_YEAR.exec(t);
    if (ny) {
      const [mo, d, h, mi, s] = [+ny[1], +ny[2], +ny[3], +ny[4], ny[5] ? +ny[5] : 0];
      if (valid(refYear, mo, d, h, mi, s))
        found.push({ iso: formatBeijing(refYear, mo, d, h, mi, s), hasTime: true, yearGuessed: true, index: ny.index });
    }
  }
  if (!found.length) return null;
  // The earliest match wins; at the same position the more specific one (listed first) wins.
  found.sort((a, b) => a.index - b.index);
  return found[0];
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
