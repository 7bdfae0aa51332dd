/**
 * The one scorer of the corpus evaluation and the case checks, as pure functions (used by `qingdu eval` and the unit
 * tests). Rules: test/fixtures/corpus/README.md ("A good extraction of an article page") plus a `clean` field: the body
 * passes and none of the label's `body_noise` strings remains in it.
 */
import type { Article } from '../extract/article';

/** One row of corpus labels.jsonl (fields used here). */
export interface CorpusLabel {
  file: string;
  site: string;
  url: string | null;
  is_article: boolean;
  title: string | null;
  published: string | null;
  source: string | null;
  author: string | null;
  editor: string | null;
  section?: string[] | null;
  body_first: string | null;
  body_last: string | null;
  must_not_contain: string[];
  body_noise?: string[];
  body_chars: number;
  notes?: string;
}

/** A case's expected.json (test/fixtures/cases). */
export interface CaseExpected {
  title: string | null;
  author: string | null;
  published: string | null;
  source: string | null;
  editor: string | null;
  excerpt: string | null;
  must_contain: string[];
  must_not_contain: string[];
  must_contain_html: string[];
  must_not_contain_html: string[];
  is_article: boolean;
  next_page?: string | null;
  decode_as?: string;
  /** The page address to run at (test/fixtures/kinds); CASE_URL when absent. */
  url?: string;
  focus: string[];
}

export const CORPUS_FIELDS = ['detect', 'title', 'published', 'source', 'authors', 'editors', 'body', 'clean'] as const;
export type CorpusField = (typeof CORPUS_FIELDS)[number];

/** The fields of a Readability-like result that the scoring reads (our Article has them all). */
export type Scored = Pick<
  Article,
  'isArticle' | 'title' | 'published' | 'source' | 'authors' | 'editors' | 'textContent'
>;

// spaces and the separators portals put between names (、，; & / | · • _)
const SEPARATORS = /[\s\u3000\u00a0、，,;；&＆/|｜·•_]+/g;

/**
 * A portal's staff code after a person's name (`杨倩_NF4425` on 163, `黄忆南 PN269` on ifeng): not part of the name.
 * The corpus labels write it on the 163 pages and not on ifeng-5, and the engine drops it, so it is ignored on both
 * sides. A code standing alone (hexun-1's editor `HN666`) is the only name the page gives and stays.
 */
const STAFF_CODE = /([\u4e00-\u9fff])[\s_]*[A-Z]{1,4}\d{2,6}(?![A-Za-z0-9])/g;

/**
 * Equality of names after removing spaces, separators and staff codes after a name (label rule for source, author,
 * editor; STAFF_CODE).
 */
export function sameNames(ours: string | string[] | null | undefined, label: string | null | undefined): boolean {
  const norm = (s: string) => s.replace(STAFF_CODE, '$1').replace(SEPARATORS, '');
  return norm(Array.isArray(ours) ? ours.join(' ') : (ours ?? '')) === norm(label ?? '');
}

/** Same title: equal after whitespace normalisation. */
export function sameTitle(ours: string | null | undefined, label: string | null | undefined): boolean {
  const n = (s: string | null | undefined) => (s ?? '').replace(/[\s\u3000\u00a0]+/g, ' ').trim();
  return n(ours) === n(label);
}

/** Epoch minutes of an ISO date-time, or null when it is date-only or unparsable. */
function minuteOf(iso: string): number | null {
  if (!/T\d{2}:\d{2}/.test(iso)) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : Math.floor(t / 60_000);
}

/**
 * Same publish time: the same instant to the minute when the label has a time, the same calendar date when the label
 * is date-only (our date part, in the offset we report, must match). A null label wants null.
 */
export function samePublished(ours: string | null | undefined, label: string | null | undefined): boolean {
  if (!label) return !ours;
  if (!ours) return false;
  const lm = minuteOf(label);
  if (lm === null) return ours.slice(0, 10) === label.slice(0, 10);
  return minuteOf(ours) === lm;
}

/** Text without any whitespace, for containment checks where the label's whitespace may differ. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '');
}

/** Why a body fails the label rule, or null when it passes. */
export function bodyProblem(text: string, label: CorpusLabel): string | null {
  const body = squeeze(text);
  if (label.body_first && !body.includes(squeeze(label.body_first))) return `missing first "${label.body_first}"`;
  if (label.body_last && !body.includes(squeeze(label.body_last))) return `missing last "${label.body_last}"`;
  for (const s of label.must_not_contain ?? []) if (body.includes(squeeze(s))) return `contains "${s}"`;
  const n = body.length;
  if (label.body_chars && (n < 0.8 * label.body_chars || n > 1.25 * label.body_chars))
    return `length ${n} not within 0.8–1.25 × ${label.body_chars}`;
  return null;
}

/** Why a body is not clean (in-body noise of the label left), or null. */
export function noiseProblem(text: string, label: CorpusLabel): string | null {
  const body = squeeze(text);
  for (const s of label.body_noise ?? []) if (body.includes(squeeze(s))) return `noise "${s}"`;
  return null;
}

export const METADATA_FIELDS = ['title', 'published', 'source', 'authors', 'editors'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/** The metadata of a label (a corpus row or a case's expected.json): names as the corpus labels spell them. */
export type MetadataLabel = Pick<CorpusLabel, 'title' | 'published' | 'source' | 'author' | 'editor'>;

/**
 * Score the five metadata fields by the label rules: for each, null when it passes, else `ours ≠ label`. Works on an
 * Article or on extractMetadata's result (both carry these fields); a missing record fails every field but empty ones.
 */
export function scoreMetadata(
  a: Pick<Article, MetadataField> | null | undefined,
  label: MetadataLabel,
): Record<MetadataField, string | null> {
  const show = (v: unknown) => JSON.stringify(v);
  const why = (ok: boolean, ours: unknown, want: unknown) => (ok ? null : `${show(ours)} ≠ ${show(want)}`);
  return {
    title: why(sameTitle(a?.title, label.title), a?.title, label.title),
    published: why(samePublished(a?.published, label.published), a?.published, label.published),
    source: why(sameNames(a?.source, label.source), a?.source, label.source),
    authors: why(sameNames(a?.authors, label.author), a?.authors, label.author),
    editors: why(sameNames(a?.editors, label.editor), a?.editors, label.editor),
  };
}

/**
 * Score one corpus page: for every field, null when it passes, else a short reason. Non-article pages are only scored
 * on `detect` (the other fields are undefined for them).
 */
export function scoreCorpus(a: Scored | null, label: CorpusLabel): Partial<Record<CorpusField, string | null>> {
  const isArticle = !!a?.isArticle;
  const r: Partial<Record<CorpusField, string | null>> = {
    detect: isArticle === label.is_article ? null : `isArticle ${isArticle}, label ${label.is_article}`,
  };
  if (!label.is_article) return r;
  Object.assign(r, scoreMetadata(a, label));
  r.body = bodyProblem(a?.textContent ?? '', label);
  r.clean = r.body ? 'body fails' : noiseProblem(a?.textContent ?? '', label);
  return r;
}

/** The case harness URL (test/fixtures/cases/README.md). */
export const CASE_URL = 'https://news.example.cn/a/2020/0315/100001.shtml';

/** Check one case: the list of failed checks (empty when the case passes). */
export function scoreCase(a: Article, exp: CaseExpected): string[] {
  const fails: string[] = [];
  const show = (v: unknown) => JSON.stringify(v);
  if (a.isArticle !== exp.is_article) fails.push(`is_article ${a.isArticle}`);
  if (exp.title != null && !sameTitle(a.title, exp.title)) fails.push(`title ${show(a.title)}`);
  if (exp.published != null && !samePublished(a.published, exp.published)) fails.push(`published ${show(a.published)}`);
  if (exp.source != null && !sameNames(a.source, exp.source)) fails.push(`source ${show(a.source)}`);
  if (exp.author != null && !sameNames(a.authors, exp.author)) fails.push(`author ${show(a.authors)}`);
  if (exp.editor != null && !sameNames(a.editors, exp.editor)) fails.push(`editor ${show(a.editors)}`);
  if (exp.excerpt != null && !squeeze(a.excerpt).startsWith(squeeze(exp.excerpt)))
    fails.push(`excerpt ${show(a.excerpt)}`);
  const text = squeeze(a.textContent);
  for (const s of exp.must_contain ?? []) if (!text.includes(squeeze(s))) fails.push(`body lacks ${show(s)}`);
  for (const s of exp.must_not_contain ?? []) if (text.includes(squeeze(s))) fails.push(`body has ${show(s)}`);
  for (const s of exp.must_contain_html ?? []) if (!a.contentHtml.includes(s)) fails.push(`html lacks ${show(s)}`);
  for (const s of exp.must_not_contain_html ?? []) if (a.contentHtml.includes(s)) fails.push(`html has ${show(s)}`);
  if (exp.next_page !== undefined) {
    const want = exp.next_page ? new URL(exp.next_page, exp.url ?? CASE_URL).href : null;
    if ((a.nextPageUrl ?? null) !== want) fails.push(`nextPageUrl ${show(a.nextPageUrl)}`);
  }
  return fails;
}
