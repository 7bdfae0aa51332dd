import { strToU8, zipSync } from 'fflate';
import { bodyMarkdown, frontMatter } from '../cite/markdown';
import { annotationsMarkdown, type HighlightStyle } from './annotations-markdown';
import type { Note, NotesExport } from '../shared/notes-types';
import { assetPaths, fileNameText, markdownLinkTarget, notDeviceName, type PackedImage } from './export-assets';
import { archivableUrl } from './image-urls';
import { citationSource } from './note-citation';

/**
 * Exports of the library: JSON (everything, lossless), Markdown (one file per note with YAML front matter; a zip for
 * many) and citation formats (through src/cite, loaded on demand).
 */

/** The JSON export: every note exactly as stored, so importing it gives back identical notes. */
export function exportJson(notes: readonly Note[], now = new Date()): string {
  const file: NotesExport = { format: 'qingdu-notes', version: 1, exportedAt: now.toISOString(), notes: [...notes] };
  return JSON.stringify(file, null, 1);
}

/**
 * The JSON export as a Blob built from batches of notes: the same bytes as exportJson of all of them, but no string
 * holds more than one batch, and only one batch of notes is in memory at a time. The whole library as one string
 * is 270 million characters at 50,000 corpus-sized notes (bench:notes), half of V8's longest string, and held
 * twice over (the notes, then the text) before the Blob copies it.
 * @returns the file and the number of notes in it
 */
export async function exportJsonBlob(
  batches: AsyncIterable<readonly Note[]>,
  now = new Date(),
): Promise<{ blob: Blob; count: number }> {
  const head = JSON.stringify({ format: 'qingdu-notes', version: 1, exportedAt: now.toISOString() }, null, 1);
  let blob = new Blob([`${head.slice(0, -2)},\n "notes": [`]);
  let count = 0;
  for await (const batch of batches) {
    if (!batch.length) continue;
    // Nested in two arrays, the notes come out indented as exportJson's (at depth 2): `[\n [` + notes + `\n ]\n]`.
    const notes = JSON.stringify([batch], null, 1).slice(4, -5);
    blob = new Blob([blob, count ? ',' : '', notes]);
    count += batch.length;
  }
  return { blob: new Blob([blob, count ? '\n ]\n}' : ']\n}'], { type: 'application/json' }), count };
}

/**
 * One note as Markdown: front matter (the CLI's, plus the note's fields), title, note, quotes, highlights (`## 标注`,
 * written as `highlights` says: annotations-markdown.ts), then the body.
 * @param images image URL (the Asset's key) → link target, for the images packed beside the file (markdownZip); an
 *   image `src` is looked up as the archive resolved it (image-urls.ts); the others keep their URL
 */
export function toMarkdown(
  n: Note,
  highlights: HighlightStyle = 'quote',
  images?: ReadonlyMap<string, string>,
): string {
  const note = { accessed: n.accessedAt, saved: n.createdAt, updated: n.updatedAt, tags: n.tags, sha256: n.textSha256 };
  const parts = [frontMatter(n.article, note), `# ${n.article.title}`];
  if (n.note) parts.push(`## 笔记\n\n${n.note}`);
  if (n.quotes.length)
    parts.push(`## 摘录\n\n${n.quotes.map((q) => `> ${q.text.replace(/\n/g, '\n> ')}`).join('\n\n')}`);
  if (n.annotations?.length) parts.push(annotationsMarkdown(n.annotations, highlights));
  // contentHtml is stored sanitized; turndown only reads it (on Node through its bundled DOM, in the page through
  // DOMParser, which does not run scripts). Its sections sit under 正文, one level down.
  const target = images && ((src: string) => images.get(archivableUrl(src, n.article.url) ?? src));
  parts.push(`## 正文\n\n${bodyMarkdown(n.article.contentHtml, 3, target)}`);
  return parts.join('\n\n') + '\n';
}

/**
 * A file name for a note that keeps Chinese readable: `YYYY-MM-DD 标题.ext`, with characters that Windows, macOS or
 * Linux refuse (\ / : * ? " < > | and control characters) replaced, and at most 80 characters of title; NFC, without
 * bidirectional controls, never a Windows device name (export-assets.ts fileNameText, notDeviceName).
 */
export function fileName(n: Note, ext: string): string {
  const date = (n.article.published ?? n.createdAt).slice(0, 10);
  const title = Array.from(fileNameText(n.article.title).replace(/\s+/g, ' ').trim() || 'untitled')
    .slice(0, 80)
    .join('')
    .replace(/[. ]+$/, '');
  return notDeviceName(`${date ? `${date} ` : ''}${title}.${ext}`);
}

/**
 * Make names unique by adding ` (2)`, ` (3)`… before the extension; names that differ only by case count as the same
 * (Windows and macOS file systems ignore case, so `iPhone.md` and `IPHONE.md` would overwrite each other).
 */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let out = name;
    for (let i = 2; used.has(out.toLowerCase()); i++) out = name.replace(/(\.[^.]+)?$/, ` (${i})$1`);
    used.add(out.toLowerCase());
    return out;
  });
}

/**
 * How the zip says its entries were made: on Unix (APPNOTE 4.4.2.2: 3) with mode 0644. fflate's default, MS-DOS,
 * makes Info-ZIP's unzip (Debian's 6.00) read the UTF-8 names as a DOS code page and garble every Chinese file name,
 * although the entries carry the UTF-8 flag (test/unit/notes-export.test.ts).
 */
const ZIP_ENTRY = { level: 6, os: 3, attrs: (0o100644 << 16) >>> 0 } as const;

/** Zip entries: a Markdown file's bytes, or an image's bytes stored as they are (PNG and JPEG do not deflate). */
type ZipFiles = Record<string, Uint8Array | [Uint8Array, { level: 0 }]>;

/**
 * Add one note to a zip: its archived images under `assets/<note>/` (export-assets.ts) and its Markdown at `name`,
 * linking to them with relative, percent-encoded targets; images without an archived copy keep their URL.
 */
function addNote(
  files: ZipFiles,
  used: Set<string>,
  name: string,
  n: Note,
  images: readonly PackedImage[],
  highlights: HighlightStyle,
): void {
  const paths = assetPaths(name.replace(/\.md$/, ''), images, used);
  const links = new Map<string, string>();
  for (const img of images) {
    const path = paths.get(img.url)!;
    files[path] = [img.data, { level: 0 }];
    links.set(img.url, markdownLinkTarget(path));
  }
  files[name] = strToU8(toMarkdown(n, highlights, links));
}

/**
 * Markdown of many notes as a zip (UTF-8 file names, which fflate flags as such for non-ASCII names), each note's
 * archived images under `assets/`.
 * @param images note id → its archived images (none when absent)
 * @param highlights how highlights are written (annotations-markdown.ts)
 */
export function markdownZip(
  notes: readonly Note[],
  images?: ReadonlyMap<string, readonly PackedImage[]>,
  highlights: HighlightStyle = 'quote',
): Uint8Array {
  const names = uniqueNames(notes.map((n) => fileName(n, 'md')));
  const files: ZipFiles = {};
  const used = new Set<string>();
  notes.forEach((n, i) => addNote(files, used, names[i], n, images?.get(n.id) ?? [], highlights));
  return zipSync(files, ZIP_ENTRY);
}

/**
 * markdownZip for the page: converts in batches and yields between them, so exporting thousands of notes (turndown
 * takes about 2 ms a note) does not freeze the page.
 * @param imagesOf a note's archived images (export-assets.ts packedImages), read one note at a time
 */
export async function markdownZipAsync(
  notes: readonly Note[],
  batch = 50,
  imagesOf: (noteId: string) => Promise<PackedImage[]> = async () => [],
  highlights: HighlightStyle = 'quote',
): Promise<Uint8Array> {
  const names = uniqueNames(notes.map((n) => fileName(n, 'md')));
  const files: ZipFiles = {};
  const used = new Set<string>();
  for (let i = 0; i < notes.length; i += batch) {
    for (let j = i; j < Math.min(notes.length, i + batch); j++)
      addNote(files, used, names[j], notes[j], await imagesOf(notes[j].id), highlights);
    await new Promise((r) => setTimeout(r, 0));
  }
  return zipSync(files, ZIP_ENTRY);
}

/** What an export file holds: the JSON backup, a Markdown zip, or citations. */
export type ExportKind = 'backup' | 'markdown' | 'html' | CitationExport;

const EXPORT_SUFFIX: Record<ExportKind, string> = {
  backup: '-backup.json',
  markdown: '.zip',
  html: '.html',
  'csl-json': '-csl.json',
  bibtex: '.bib',
  ris: '.ris',
};

/**
 * The file name of a library export: `<prefix>-YYYY-MM-DD-backup.json` for the JSON backup, `…-csl.json` for
 * CSL-JSON (two names, so one never replaces the other in a downloads folder), `….bib`, `….ris`, `….zip`, `….html`.
 * @param prefix the localized start (`qingdu-notes`, 清读笔记)
 * @param date `YYYY-MM-DD`
 */
export function exportFileName(prefix: string, date: string, kind: ExportKind): string {
  return `${prefix}-${date}${EXPORT_SUFFIX[kind]}`;
}

/** Citation formats the notes page offers for export, in the order its format select lists them. */
export const CITATION_EXPORTS = ['bibtex', 'ris', 'csl-json'] as const;
/** A citation format the notes page exports. */
export type CitationExport = (typeof CITATION_EXPORTS)[number];

/**
 * Citations of many notes in one file (the citation module is loaded now, with a dynamic import): a CSL-JSON array, or
 * BibTeX/RIS entries separated by blank lines, keys unique within the file. Each note is cited from citationSource:
 * the note's accessedAt as the access date, and its print edition (a reprint's 版次) as the printed article.
 */
export async function exportCitations(notes: readonly Note[], style: CitationExport): Promise<string> {
  const cite = await import('../cite/index');
  return cite.formatCitationFile(notes.map(citationSource), style);
}
