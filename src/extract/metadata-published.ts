/**
 * The publication time of the Article: declared dates (site rule, page metadata, `<time datetime>`), visible dates
 * (the info line, the lines above the headline, the body's first lines, a labelled line anywhere), JSON-LD and
 * modification times, and the URL, weighed by pickPublished. Times are Beijing time unless they say otherwise
 * (dates.ts).
 */
import { findDate, parseDateValue, dateFromUrl, type FoundDate } from './dates';
import { firstParagraphs, selectText, type InfoLines } from './info-lines';
import type { HeadlineStage } from './metadata';
import { squash, textNodesMatching } from './text';
import { DATE_NOUNS, LABELLED_DATE_VERBS, PUBLISH_VERBS, UPDATE_VERBS, anyOf } from './vocabulary';

/**
 * The Article's `published`: ISO 8601 with +08:00, a date only when no time is given anywhere, or null.
 * @param stage the headline stage (page, metadata maps, rule selectors, body)
 * @param info the header lines around the headline and the reference year
 */
export function findPublished(stage: HeadlineStage, info: InfoLines): string | null {
  const { metas, ld, url } = stage;
  return pickPublished(
    {
      meta: declaredDate(stage, info.refYear),
      visible: visiblePublished(stage, info),
      ld: parseDateValue(ld.published),
      update: firstMetaDate(metas, META_UPDATE_KEYS),
    },
    url,
  );
}

/** A date the page declares: the site rule's published element, then a publication meta key, then a <time datetime>. */
function declaredDate(stage: HeadlineStage, refYear: number | null): FoundDate | null {
  const { doc, metas, sel } = stage;
  let metaDate: FoundDate | null = null;
  const selDate = selectText(doc, sel.published);
  if (selDate) metaDate = findDate(selDate, refYear);
  metaDate ??= firstMetaDate(metas, META_DATE_KEYS);
  if (!metaDate) {
    // A <time datetime> counts only outside lists, comments and asides (related items carry their own times).
    const t = [...doc.querySelectorAll('time[datetime], [itemprop="datePublished"][datetime]')].find(
      (e) =>
        !e.closest('li, aside, footer, [class*="comment"], [class*="related"], [class*="list"], [class*="recommend"]'),
    );
    metaDate = parseDateValue(t?.getAttribute('datetime'));
  }
  return metaDate;
}

/** The first of `keys` whose meta value parses as a date. */
function firstMetaDate(metas: Map<string, string>, keys: readonly string[]): FoundDate | null {
  for (const k of keys) {
    const d = parseDateValue(metas.get(k));
    if (d) return d;
  }
  return null;
}

/**
 * A date the reader sees: in the header lines, else in the lines above the headline, else in the body's first two
 * short lines, else on a labelled line anywhere (labelledDate).
 */
function visiblePublished(stage: HeadlineStage, info: InfoLines): FoundDate | null {
  const { lines, above, refYear } = info;
  let visible = visibleDate(lines, refYear) ?? visibleDate(above, refYear);
  if (!visible && stage.body)
    visible = visibleDate(
      firstParagraphs(stage.body, 2).filter((l) => l.length < 60),
      refYear,
    );
  visible ??= labelledDate(stage.doc, refYear);
  return visible;
}

/** Meta keys that state the publication time, strongest first. */
const META_DATE_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'og:release_date',
  'datepublished',
  'publishdate',
  'pubdate',
  'publish_date',
  'publish-date',
  'publishtime',
  'pubtime',
  'firstpublishedtime',
  'og:time',
  'apub:time',
  'weibo:article:create_at',
  'dcterms.created',
  'dcterms.issued',
  'dc.date.issued',
  'dc.date.created',
  'dc.date',
  'sailthru.date',
  'parsely-pub-date',
  'publication_date',
  'releasedate',
  'date',
];
/** Meta keys that state a modification time: weaker than a visible publication time. */
const META_UPDATE_KEYS = ['dateupdate', 'article:modified_time', 'lastmodified', 'last-modified', 'dcterms.modified'];

/** Latest plausible year for year-less dates: from the URL, then any meta date. */
export function referenceYear(url: string, metas: Map<string, string>): number | null {
  const u = dateFromUrl(url);
  if (u) return +u.iso.slice(0, 4);
  for (const k of [...META_DATE_KEYS, ...META_UPDATE_KEYS]) {
    const d = parseDateValue(metas.get(k));
    if (d) return +d.iso.slice(0, 4);
  }
  return null;
}

/** A date label of a labelled line (`发布时间：`, `日期：`), and a text that starts with one. */
const LABELLED_DATE = new RegExp(`(${anyOf(LABELLED_DATE_VERBS)})?(${anyOf(DATE_NOUNS)})\\s*[:：]`);
const LABELLED_DATE_LINE = new RegExp(`^${LABELLED_DATE.source}`);

/**
 * visibleDate's label tiers: a publication label (发布/发表/首发 时间/日期, 發佈時間, 发布于, 發表於), then a date label that
 * is no update's.
 */
const LABEL_TIERS = [
  new RegExp(`(${anyOf(PUBLISH_VERBS)})((${anyOf(DATE_NOUNS)})\\s*[:：]?|[于於])`),
  new RegExp(`(?<!${anyOf(UPDATE_VERBS)})(${anyOf(DATE_NOUNS)})\\s*[:：]`),
];
/** A modification-time label (`更新时间`, `更新日期`, `最後修改於`). */
const UPDATE_LABEL = new RegExp(`(${anyOf(UPDATE_VERBS)})((${anyOf(DATE_NOUNS)})|[于於])`);

/** A short element anywhere that starts with a date label (`发布日期：2019-09-23 14:34:05`), outside lists and comments. */
function labelledDate(doc: Document, refYear: number | null): FoundDate | null {
  for (const n of textNodesMatching(doc.documentElement, LABELLED_DATE, 20)) {
    for (let el = n.parentElement, i = 0; el && i < 3; el = el.parentElement, i++) {
      const t = squash(el.textContent ?? '');
      if (t.length > 80) break;
      if (!LABELLED_DATE_LINE.test(t)) continue;
      if (el.closest('[class*="comment"], [id*="comment"], [class*="list"], [class*="related"], ul li')) break;
      const d = findDate(t, refYear);
      if (d) return d;
    }
  }
  return null;
}

/**
 * The first date in `lines`: in a line labelled 发布/发表/首发 时间/日期 first, then one labelled 时间/日期 (not
 * 更新时间), then any line but an update line, then any line (an update time last).
 */
function visibleDate(lines: string[], refYear: number | null): FoundDate | null {
  const at = (l: string, re: RegExp) => {
    const i = l.search(re);
    return i >= 0 ? findDate(l.slice(i), refYear) : null;
  };
  for (const re of LABEL_TIERS)
    for (const l of lines) {
      const d = at(l, re);
      if (d) return d;
    }
  for (const l of lines) {
    if (UPDATE_LABEL.test(l)) continue;
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
function pickPublished(
  ds: { meta: FoundDate | null; visible: FoundDate | null; ld: FoundDate | null; update: FoundDate | null },
  url: string,
): string | null {
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
