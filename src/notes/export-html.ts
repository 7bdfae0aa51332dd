import { formatPublished } from '../shared/format';
import { assetsOf } from './assets';
import type { NotesDb } from './db';
import { dropEmptyLinks } from './empty-links';
import { EXPORT_CSS } from './export-html-css';
import { archivableUrl } from './image-urls';
import { isWebUrl } from './import';
import { sanitizeArticleHtml } from './sanitize';
import type { Annotation, Asset, Note } from '../shared/notes-types';

/**
 * The single-file HTML export: one note, or several with a table of contents, as ONE self-contained .html file that
 * any browser opens offline: metadata header, the user's note and quotes, the body sanitized exactly as the notes page
 * renders it (sanitize.ts, empty-links.ts), and the archived images (the `assets` store) inlined as data: URIs.
 * The file loads nothing: its CSP allows images from data: and inline styles only (no script, no remote request).
 * An image with no archived copy is not left pointing at the web (the file would fail its own CSP and, without it,
 * tell the site when the file is read): it becomes a visible line naming the image and its address as a plain link.
 */

/** The file's Content-Security-Policy, in a `<meta http-equiv>` before anything else in its head. */
export const HTML_EXPORT_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** A UI string by `_locales` key with substitutions (the notes page passes its `t`). */
export type Label = (key: string, subs?: string | string[]) => string;

/** Archived images of each note: note id → image URL (the Asset's key: absolute, image-urls.ts) → data: URI. */
export type InlineImages = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Image types inlined as they are; anything else an asset claims to be is treated as not archived. */
const IMAGE_TYPES = /^image\/(png|jpeg|gif|webp|avif|bmp|svg\+xml|x-icon|vnd\.microsoft\.icon)$/;

/** Attributes that could make a browser load something, removed everywhere except the inlined `<img src>`. */
const LOADING_ATTRS = ['src', 'srcset', 'poster', 'background', 'lowsrc', 'dynsrc', 'data', 'href', 'xlink:href'];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text escaped for HTML content and quoted attribute values. */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A BCP 47 tag safe for `lang="…"`, or null (the Article's `lang` comes from the page). */
const safeLang = (lang: string | null | undefined): string | null =>
  lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : null;

/**
 * A data: URI of an archived image's bytes (base64), or null when its type is not an image type browsers show.
 * @param type the Asset's MIME type (parameters such as `; charset` are ignored)
 */
export async function dataUri(blob: Blob, type: string): Promise<string | null> {
  const mime = type.split(';')[0].trim().toLowerCase();
  if (!IMAGE_TYPES.test(mime)) return null;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${mime};base64,${btoa(binary)}`;
}

/** The archived images of these notes as data: URIs, read from the `assets` store (assets.ts). */
export async function archivedImages(db: NotesDb, notes: readonly Note[]): Promise<InlineImages> {
  const out = new Map<string, Map<string, string>>();
  for (const n of notes) {
    const uris = new Map<string, string>();
    for (const a of await assetsOf(db, n.id)) {
      const uri = await dataUri((a as Asset).blob, a.type);
      if (uri) uris.set(a.url, uri);
    }
    out.set(n.id, uris);
  }
  return out;
}

/** A link the file keeps: a web address or mailto: (anything else, e.g. a relative path, leads nowhere offline). */
const keepsHref = (href: string): boolean => isWebUrl(href) || /^mailto:/i.test(href);

/** The line that stands for an image without an archived copy: its alt text and its address as a plain link. */
function missingImage(doc: Document, url: string, alt: string, label: Label, inLink: boolean): HTMLElement {
  const span = doc.createElement('span');
  span.className = 'missing-image';
  span.append(`${label('exportHtmlImageMissing')}${alt ? ` (${alt})` : ''} `);
  // (inside a link the address stays text: links do not nest)
  if (isWebUrl(url) && !inLink) {
    const a = doc.createElement('a');
    a.href = url;
    a.rel = 'noopener noreferrer';
    a.textContent = url;
    span.append(a);
  } else span.append(url);
  return span;
}

/**
 * The body as the notes page renders it, made self-contained: each image gets its archived copy as a data: URI or is
 * replaced by missingImage; `<source>`/`<track>` and every other attribute that would load something are removed
 * (links keep their web addresses: following one is the reader's choice). Parsed in an inert document (DOMParser);
 * the input is already sanitized, so no handler attribute is ever created.
 * @param baseUrl the article's URL: sources resolve against it as the archive resolved them (image-urls.ts)
 */
export function selfContainedBody(
  contentHtml: string,
  images: ReadonlyMap<string, string>,
  label: Label,
  baseUrl: string,
): string {
  const html = dropEmptyLinks(sanitizeArticleHtml(contentHtml));
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  for (const el of Array.from(doc.body.querySelectorAll('source, track'))) el.remove();
  for (const img of Array.from(doc.body.querySelectorAll('img'))) {
    const url = img.getAttribute('data-qingdu-src');
    img.removeAttribute('data-qingdu-src');
    const key = url ? (archivableUrl(url, baseUrl) ?? url) : '';
    const uri = images.get(key);
    if (uri) img.setAttribute('src', uri);
    else if (url) img.replaceWith(missingImage(doc, key, img.getAttribute('alt') ?? '', label, !!img.closest('a')));
  }
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    for (const name of LOADING_ATTRS) {
      if (name === 'src' && el.tagName === 'IMG') continue;
      if (name === 'href' && el.tagName === 'A' && keepsHref(el.getAttribute('href') ?? '')) continue;
      el.removeAttribute(name);
    }
  }
  return doc.body.innerHTML;
}

/** One `<dt>…</dt><dd>…</dd>` pair of the metadata header, or '' when the value is empty. */
const row = (term: string, value: string, html = esc(value)): string =>
  value ? `<dt>${esc(term)}</dt><dd>${html}</dd>` : '';

/** `2026-12-05T08:30:00.000Z` → `2026-12-05 08:30 UTC`. */
const utcMinute = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** The metadata header of a note: site, 来源, authors, editors, published, URL, 访问日期, tags. */
export function metaHeader(n: Note, label: Label): string {
  const a = n.article;
  const url = n.canonicalUrl || a.url;
  const link = isWebUrl(url) ? `<a href="${esc(url)}" rel="noopener noreferrer">${esc(url)}</a>` : esc(url);
  return [
    row(label('exportHtmlSite'), a.siteName ?? n.site),
    row(label('metaSource'), a.source ?? ''),
    row(label('metaAuthor'), a.authors.join('、')),
    row(label('metaEditor'), a.editors.join('、')),
    row(label('exportHtmlPublished'), a.published ? formatPublished(a.published) : ''),
    row(label('exportHtmlUrl'), url, link),
    row(label('exportHtmlAccessed'), utcMinute(n.accessedAt)),
    row(label('exportHtmlTags'), n.tags.join('、')),
  ].join('');
}

/**
 * A note's highlights (标注) as a list: each quote with its colour, comment and time, as the notes page lists them
 * (Annotations.tsx), all as text. The marks are not drawn in the body: the file carries no script to anchor them.
 */
function annotationsSection(annotations: readonly Annotation[], label: Label): string {
  const items = annotations.map((a) => {
    const comment = a.bodyValue.trim() ? `<p class="comment">${esc(a.bodyValue)}</p>` : '';
    const when = a.created.slice(0, 16).replace('T', ' ');
    return `<li class="hl-${a.color}"><blockquote>${esc(a.target.selector[0].exact)}</blockquote>${comment}<p class="when">${esc(label(`notesColor_${a.color}`))} · ${esc(when)}</p></li>`;
  });
  return `<section class="annotations"><h2>${esc(label('notesAnnotations'))}</h2><ul>${items.join('')}</ul></section>`;
}

/** One note as an `<article>`: title, metadata, the user's note, quotes, highlights, the self-contained body. */
function noteArticle(n: Note, index: number, images: ReadonlyMap<string, string>, label: Label, h: 1 | 2): string {
  const lang = safeLang(n.article.lang);
  const parts = [
    `<article class="note" id="note-${index + 1}"${lang ? ` lang="${lang}"` : ''}>`,
    `<header><h${h}>${esc(n.article.title)}</h${h}><dl class="note-meta">${metaHeader(n, label)}</dl></header>`,
  ];
  if (n.note) parts.push(`<section class="user-note"><h2>${esc(label('notesNoteLabel'))}</h2>${esc(n.note)}</section>`);
  if (n.quotes.length)
    parts.push(
      `<section class="quotes"><h2>${esc(label('notesQuotes'))}</h2>${n.quotes
        .map((q) => `<blockquote>${esc(q.text)}</blockquote>`)
        .join('')}</section>`,
    );
  if (n.annotations?.length) parts.push(annotationsSection(n.annotations, label));
  const body = selfContainedBody(n.article.contentHtml, images, label, n.article.url);
  parts.push(`<div class="body">${body}</div></article>`);
  return parts.join('\n');
}

/** The table of contents of a several-note file: each title linking to its article, with site and date. */
function tableOfContents(notes: readonly Note[], label: Label): string {
  const items = notes.map((n, i) => {
    const when = n.article.published ? formatPublished(n.article.published).slice(0, 10) : '';
    const meta = [n.article.siteName ?? n.site, when].filter(Boolean).join(' · ');
    return `<li><a href="#note-${i + 1}">${esc(n.article.title)}</a> <span class="meta">${esc(meta)}</span></li>`;
  });
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${esc(label('exportHtmlContents'))}</h2><ol>${items.join('')}</ol></nav>`;
}

export interface HtmlFileOptions {
  label: Label;
  /** When the file is made (its footer). */
  now?: Date;
  /** The file's `<html lang>`: the UI language (e.g. `zh-CN`); each article carries its own. */
  lang?: string;
}

/**
 * The single-file HTML of these notes (one: its title is the file's; several: a collection heading and a table of
 * contents first), with the images of `images` inlined. Pure: no storage, no network.
 * @throws Error when `notes` is empty
 */
export function notesHtmlFile(notes: readonly Note[], images: InlineImages, opts: HtmlFileOptions): string {
  if (!notes.length) throw new Error('no notes to export');
  const { label, now = new Date(), lang = 'zh-CN' } = opts;
  const several = notes.length > 1;
  const title = several ? label('exportHtmlCollection', String(notes.length)) : notes[0].article.title;
  const none = new Map<string, string>();
  const articles = notes.map((n, i) => noteArticle(n, i, images.get(n.id) ?? none, label, several ? 2 : 1));
  return [
    '<!doctype html>',
    `<html lang="${safeLang(lang) ?? 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_EXPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Qingdu 清读">',
    `<title>${esc(title)}</title>`,
    `<style>${EXPORT_CSS}</style>`,
    '</head>',
    '<body>',
    several ? `<header class="collection"><h1>${esc(title)}</h1>${tableOfContents(notes, label)}</header>` : '',
    ...articles,
    `<footer>${esc(label('exportHtmlFooter', utcMinute(now.toISOString())))}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Read the notes' archived images and make their single-file HTML (notesHtmlFile). */
export async function exportHtml(db: NotesDb, notes: readonly Note[], opts: HtmlFileOptions): Promise<string> {
  return notesHtmlFile(notes, await archivedImages(db, notes), opts);
}
