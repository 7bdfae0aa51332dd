import { ARTICLE_FIELDS } from '../extract/article';
import { printEditionProblem } from '../extract/print-edition';
import { ANNOTATION_COLORS, type Annotation, type Note } from '../shared/notes-types';
import { isPositionSelector, isQuoteSelector } from './annotation-checks';

/**
 * A file import refuses. `message` says what is wrong (Chinese, then English: logs and tests); the UI shows
 * `t(key, subs)`, the same text from `_locales` in the user's language (this module stays free of `browser.*`).
 */
export class ImportError extends Error {
  constructor(
    message: string,
    public key: string,
    public subs: string[] = [],
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const strOrNull: Check = (v) => v === null || typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const strArr: Check = (v) => Array.isArray(v) && v.every(str);
const iso: Check = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Type of every Article field (the contract of src/extract/article.ts). */
const ARTICLE_CHECKS: Record<(typeof ARTICLE_FIELDS)[number], Check> = {
  isArticle: bool,
  confidence: num,
  url: str,
  canonicalUrl: strOrNull,
  siteName: strOrNull,
  title: str,
  published: strOrNull,
  source: strOrNull,
  authors: strArr,
  editors: strArr,
  section: strArr,
  lang: strOrNull,
  excerpt: str,
  contentHtml: str,
  textContent: str,
  charCount: num,
  readingMinutes: num,
  images: (v) => Array.isArray(v) && v.every((i) => i && str(i.src) && str(i.alt) && str(i.caption)),
  rule: str,
  nextPageUrl: strOrNull,
};

const NOTE_CHECKS: Record<Exclude<keyof Note, 'article'>, Check> = {
  id: (v) => str(v) && (v as string).length > 0,
  canonicalUrl: (v) => str(v) && (v as string).length > 0,
  site: str,
  accessedAt: iso,
  textSha256: (v) => str(v) && /^[0-9a-f]{64}$/.test(v as string),
  note: str,
  tags: strArr,
  quotes: (v) => Array.isArray(v) && v.every((q) => q && str(q.text) && iso(q.savedAt)),
  annotations: (v) => v === undefined || Array.isArray(v),
  // optional: its fields are checked by printEditionProblem (checkNote), which names the one that is wrong
  printEdition: () => true,
  createdAt: iso,
  updatedAt: iso,
};

/** The checks of an Annotation's fields (shared/notes-types.ts), by the path the refusal names. */
const ANNOTATION_CHECKS: [string, (a: Record<string, unknown>) => boolean][] = [
  ['id', (a) => str(a.id) && (a.id as string).length > 0],
  ['motivation', (a) => a.motivation === 'highlighting' || a.motivation === 'commenting'],
  ['bodyValue', (a) => str(a.bodyValue)],
  ['color', (a) => ANNOTATION_COLORS.includes(a.color as Annotation['color'])],
  ['target.selector', (a) => Array.isArray((a.target as Annotation['target'] | null)?.selector)],
  ['target.selector', (a) => (a.target as Annotation['target']).selector.length === 2],
  ['target.selector[0]', (a) => isQuoteSelector((a.target as Annotation['target']).selector[0])],
  ['target.selector[1]', (a) => isPositionSelector((a.target as Annotation['target']).selector[1])],
  ['created', (a) => iso(a.created)],
  ['modified', (a) => iso(a.modified)],
];

/** The most annotations one note may hold in an import (a reader makes tens; this many is a forged or broken file). */
export const MAX_ANNOTATIONS = 10_000;

/**
 * The first field of a note's annotations that is missing or wrong, as a path (`annotations[2].target.selector[0]`),
 * or null when every annotation is as the notes store writes it (both selectors, a known colour, ISO times).
 */
function annotationProblem(list: readonly unknown[]): string | null {
  if (list.length > MAX_ANNOTATIONS) return `annotations (${list.length} > ${MAX_ANNOTATIONS})`;
  const ids = new Map<string, number>();
  for (const [i, a] of list.entries()) {
    if (typeof a !== 'object' || a === null || Array.isArray(a)) return `annotations[${i}]`;
    const bad = ANNOTATION_CHECKS.find(([, check]) => !check(a as Record<string, unknown>));
    if (bad) return `annotations[${i}].${bad[0]}`;
    const id = (a as Annotation).id;
    const first = ids.get(id);
    if (first !== undefined)
      return `annotations[${i}].id ${JSON.stringify(id.slice(0, 40))} = annotations[${first}].id`;
    ids.set(id, i);
  }
  return null;
}

/**
 * Set each annotation's `motivation` from its comment, as the notes store writes it ('commenting' when `bodyValue`
 * holds text, else 'highlighting'): a file where they disagree is normalized, not refused (the comment is the data).
 */
function normalizeMotivations(list: readonly Annotation[]): void {
  for (const a of list) a.motivation = a.bodyValue.trim() ? 'commenting' : 'highlighting';
}

function describeJsonError(text: string, e: unknown): ImportError {
  const msg = (e as Error).message;
  const trimmed = text.trimEnd();
  // A JSON document that starts well but stops early: V8 says "Unexpected end of JSON input" or "Unterminated string".
  const truncated =
    /^[{[]/.test(text.trimStart()) &&
    (/end of (json )?input|unterminated|unexpected end/i.test(msg) || !/[}\]]$/.test(trimmed));
  return truncated
    ? new ImportError(
        `文件不完整：JSON 在第 ${text.length} 个字符处中断（可能下载或复制时被截断）。(Truncated JSON: ${msg})`,
        'importTruncated',
        [String(text.length)],
      )
    : new ImportError(`不是有效的 JSON 文件。(Not valid JSON: ${msg})`, 'importNotJson');
}

/**
 * Parse and check a JSON export (see exportJson). Every note must have every field with the right type, and a
 * `printEdition`, when there is one, the shape the notes store writes (printEditionProblem); annotations
 * must have unique ids, a quote that is not blank and is well-formed UTF-16, positions up to MAX_POSITION, and there
 * may be at most MAX_ANNOTATIONS a note. The one thing fixed up is an annotation's `motivation`, set from its comment
 * (normalizeMotivations); nothing else is changed, so a file that passes imports losslessly.
 * @returns the notes in file order
 * @throws ImportError naming what is wrong: not JSON / truncated, not a Qingdu export (foreign file), a newer format
 *   version, or the first bad note and field
 */
export function parseNotesExport(text: string): Note[] {
  if (!text.trim()) throw new ImportError('文件是空的。(The file is empty.)', 'importEmpty');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw describeJsonError(text, e);
  }
  if (isCslJson(data))
    throw new ImportError(
      '这是 CSL-JSON 导出文件（引文），不是清读笔记备份。(This is a CSL-JSON export, not a Qingdu backup.)',
      'importCslJson',
    );
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ImportError(
      '不是清读笔记导出文件：缺少 format: "qingdu-notes"。(Not a Qingdu notes export.)',
      'importNotQingdu',
    );
  const file = data as Record<string, unknown>;
  if (file.format !== 'qingdu-notes')
    throw new ImportError(
      `不是清读笔记导出文件：format 是 ${JSON.stringify(file.format ?? null)}，应为 "qingdu-notes"。(Foreign file: format is not "qingdu-notes".)`,
      'importForeign',
      [JSON.stringify(file.format ?? null)],
    );
  if (file.version !== 1)
    throw new ImportError(
      `不支持的导出版本 ${JSON.stringify(file.version ?? null)}（本版本只能读取 1）。(Unsupported export version.)`,
      'importVersion',
      [JSON.stringify(file.version ?? null)],
    );
  if (!Array.isArray(file.notes))
    throw new ImportError('导出文件缺少 notes 列表。(The export has no "notes" array.)', 'importNoNotes');
  file.notes.forEach((n, i) => checkNote(n, i));
  return file.notes as Note[];
}

/**
 * A CSL-JSON export (the notes page's CSL-JSON button, or any reference manager's): an array of objects that each
 * have the CSL-JSON `type` and `title` strings, or one such object.
 */
function isCslJson(data: unknown): boolean {
  const items = Array.isArray(data) ? data : [data];
  const cslItem = (v: unknown) =>
    typeof v === 'object' && v !== null && str((v as Record<string, unknown>).type) && 'title' in v && !('format' in v);
  return items.length > 0 && items.every(cslItem);
}

function checkNote(n: unknown, i: number): void {
  const where = `第 ${i + 1} 条笔记`;
  const nth = String(i + 1);
  if (typeof n !== 'object' || n === null)
    throw new ImportError(`${where}不是对象。(Note ${i + 1} is not an object.)`, 'importNoteNotObject', [nth]);
  const note = n as Record<string, unknown>;
  for (const [k, check] of Object.entries(NOTE_CHECKS))
    if (!check(note[k]))
      throw new ImportError(
        `${where}的字段 ${k} 缺失或类型不对。(Note ${i + 1}: field "${k}" is missing or invalid.)`,
        'importNoteField',
        [nth, k],
      );
  const annotation = annotationProblem((note.annotations as unknown[] | undefined) ?? []);
  if (annotation)
    throw new ImportError(
      `${where}的字段 ${annotation} 缺失或类型不对。(Note ${i + 1}: field "${annotation}" is missing or invalid.)`,
      'importNoteField',
      [nth, annotation],
    );
  normalizeMotivations((note.annotations as Annotation[] | undefined) ?? []);
  const print = 'printEdition' in note ? printEditionProblem(note.printEdition) : null;
  if (print)
    throw new ImportError(
      `${where}的字段 ${print} 缺失或类型不对。(Note ${i + 1}: field "${print}" is missing or invalid.)`,
      'importNoteField',
      [nth, print],
    );
  const a = note.article as Record<string, unknown> | undefined;
  if (typeof a !== 'object' || a === null)
    throw new ImportError(`${where}缺少 article。(Note ${i + 1}: no "article".)`, 'importNoteNoArticle', [nth]);
  for (const [k, check] of Object.entries(ARTICLE_CHECKS))
    if (!check(a[k]))
      throw new ImportError(
        `${where}的 article.${k} 缺失或类型不对。(Note ${i + 1}: article.${k} is missing or invalid.)`,
        'importArticleField',
        [nth, k],
      );
  // The notes page shows these addresses as links: a javascript:/data: URL there would run or load with the
  // extension's privileges on a click. Notes are only made from web pages (the content script runs on http(s) only;
  // the CLI writes Articles, never notes), so anything else is a forged or broken file.
  const urls: [string, unknown][] = [
    ['canonicalUrl', note.canonicalUrl],
    ['article.url', a.url],
    ['article.canonicalUrl', a.canonicalUrl],
  ];
  for (const [k, v] of urls)
    if (v !== null && !isWebUrl(v as string))
      throw new ImportError(
        `${where}的 ${k} 不是 http(s) 网址：${String(v).slice(0, 80)}。(Note ${i + 1}: ${k} is not an http(s) URL.)`,
        'importNoteUrl',
        [nth, k],
      );
}

/** True for an absolute http: or https: URL (the only addresses a note may link to). */
export function isWebUrl(s: string): boolean {
  try {
    const p = new URL(s).protocol;
    return p === 'http:' || p === 'https:';
  } catch {
    return false;
  }
}

/** What an import would do, for the preview: new notes and duplicates (by canonical URL) of notes already stored. */
export interface ImportPreview {
  total: number;
  fresh: Note[];
  duplicates: Note[];
}

/** Split parsed notes into new ones and duplicates of `existingUrls` (canonical URLs already in the library). */
export function previewImport(notes: readonly Note[], existingUrls: ReadonlySet<string>): ImportPreview {
  const fresh: Note[] = [];
  const duplicates: Note[] = [];
  const seen = new Set<string>();
  for (const n of notes) {
    (existingUrls.has(n.canonicalUrl) || seen.has(n.canonicalUrl) ? duplicates : fresh).push(n);
    seen.add(n.canonicalUrl);
  }
  return { total: notes.length, fresh, duplicates };
}
