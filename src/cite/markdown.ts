/**
 * Markdown of an Article, one code path for `qingdu extract --format markdown` and the notes page's export: the
 * YAML front matter (frontMatter) and the body (bodyMarkdown, turndown with the rules below).
 */
import TurndownService from 'turndown';
import type { Article } from '../extract/article';
import { isCaptionLine } from '../extract/caption-lines';
import { findSubheads } from '../extract/subheads';

/** What a saved note adds to the front matter (the notes page); the CLI has none of it. */
export interface NoteFrontMatter {
  accessed: string;
  saved: string;
  updated: string;
  tags: readonly string[];
  sha256: string;
}

/** YAML double-quoted scalar: JSON string syntax is valid YAML 1.2 for any string. */
const yq = (s: string): string => JSON.stringify(s);

function yamlList(key: string, items: readonly string[]): string {
  return items.length ? `${key}:\n${items.map((i) => `  - ${yq(i)}`).join('\n')}` : `${key}: []`;
}

/**
 * The YAML front matter of an Article, `---` lines included: title, url (canonical, else the page URL), page_url
 * (when it differs), site, source, published, lang (each only when known), authors, editors, section (lists, `[]`
 * when empty), then for a note: accessed, saved, updated, tags, sha256. Values are JSON-quoted strings, which YAML
 * reads as the same strings.
 */
export function frontMatter(article: Article, note?: NoteFrontMatter): string {
  const url = article.canonicalUrl ?? article.url;
  const lines: string[] = [`title: ${yq(article.title)}`, `url: ${yq(url)}`];
  if (article.url !== url) lines.push(`page_url: ${yq(article.url)}`);
  const known: [string, string | null][] = [
    ['site', article.siteName],
    ['source', article.source],
    ['published', article.published],
    ['lang', article.lang],
  ];
  for (const [k, v] of known) if (v) lines.push(`${k}: ${yq(v)}`);
  lines.push(yamlList('authors', article.authors), yamlList('editors', article.editors));
  lines.push(yamlList('section', article.section));
  if (note) {
    lines.push(`accessed: ${yq(note.accessed)}`, `saved: ${yq(note.saved)}`, `updated: ${yq(note.updated)}`);
    lines.push(yamlList('tags', note.tags), `sha256: ${yq(note.sha256)}`);
  }
  return `---\n${lines.join('\n')}\n---\n`;
}

/** Elements nested deeper than this lose their tags (not their text) before turndown, which recurses per level. */
export const MAX_MARKDOWN_DEPTH = 64;

const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/i;
/** A start or end tag, attribute values quoted or bare (a `>` inside a quoted value does not end the tag). */
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(\/?)>/g;

/**
 * The HTML with every element nested deeper than `max` unwrapped (its tags dropped, its text and shallower elements
 * kept), in one pass without recursion: turndown converts recursively and overflows the stack on a 1000-deep list
 * (`test/unit/markdown.test.ts`). Meant for serialized, balanced HTML such as `Article.contentHtml`.
 */
export function capNesting(html: string, max = MAX_MARKDOWN_DEPTH): string {
  const open: boolean[] = []; // per open element: was its start tag kept?
  return html.replace(TAG, (tag, close: string, name: string, _attrs: string, selfClose: string) => {
    if (VOID.test(name) || selfClose) return open.length >= max ? '' : tag;
    if (close) return open.pop() === false ? '' : tag;
    const keep = open.length < max;
    open.push(keep);
    return keep ? tag : '';
  });
}

/** Per parsed body (turndown parses each call's HTML into a document of its own): its subheads and their levels. */
const subheadsByDoc = new WeakMap<Document, Map<Element, 2 | 3>>();

/**
 * The heading level (2 or 3, as the engine would promote it) of a bold-paragraph subhead in a body that still has
 * them (a note saved before the engine promoted subheads: `<p><strong>一、…</strong></p>`), else undefined. The
 * engine's own reading (src/extract/subheads.ts findSubheads) over the whole body, so the share limit applies too.
 */
function subheadLevel(node: HTMLElement): 2 | 3 | undefined {
  const doc = node.ownerDocument;
  let levels = subheadsByDoc.get(doc);
  if (!levels) {
    levels = new Map(findSubheads(doc.documentElement).map((s) => [s.el, s.level]));
    subheadsByDoc.set(doc, levels);
  }
  return levels.get(node);
}

/** Is `node` inside a subhead (subheadLevel) of its body? */
function inSubhead(node: HTMLElement): boolean {
  for (let p = node.parentElement; p; p = p.parentElement) if (subheadLevel(p) !== undefined) return true;
  return false;
}

/** White space at the start or end of a heading's content (portals indent subheads with `　　`, people-2). */
const EDGE_BLANKS = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g;

/** An element's text on one line: runs of white space (full-width and no-break spaces too) as one space. */
const oneLine = (node: Node): string => (node.textContent ?? '').replace(/[\s\u3000\u00a0]+/g, ' ').trim();

/** Is `node` an image caption: a figcaption (the engine's marked captions) or a caption line (isCaptionLine)? */
const isCaption = (node: HTMLElement): boolean => node.nodeName === 'FIGCAPTION' || isCaptionLine(node);

const services = new Map<string, TurndownService>();

/** While bodyMarkdown runs with `images`: the link target of an archived image by its `src` (turndown is synchronous). */
let archivedTarget: ((src: string) => string | undefined) | null = null;

/** A turndown service whose body headings (h2…, and subheads as the engine would promote them) shift by `shift`. */
function service(shift: number): TurndownService {
  const key = String(shift);
  let td = services.get(key);
  if (td) return td;
  td = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
  // Text that reads `<script>` on the page (escaped in its HTML) must not come back as markup: Markdown renders raw
  // HTML, so `<` in text is written as `&lt;` (turndown escapes Markdown syntax only: break-it trial)
  const escapeMarkdown = td.escape.bind(td);
  const escapeText = (text: string) => escapeMarkdown(text).replace(/</g, '&lt;');
  td.escape = escapeText;
  // A caption is an italic line of its own under the image; an image in the caption's own paragraph goes first.
  td.addRule('caption', {
    filter: (node) => isCaption(node),
    replacement: (_content, node) => {
      const el = node as HTMLElement;
      const images = Array.from(el.querySelectorAll('img'), (img) => td!.turndown(img.outerHTML)).join('\n\n');
      const caption = oneLine(el);
      return `\n\n${images ? `${images}\n\n` : ''}${caption ? `*${escapeText(caption)}*` : ''}\n\n`;
    },
  });
  // A subhead is written as the heading the engine makes of it (subheads.ts renameAsHeading): its bold unwrapped, its
  // content kept (a link in it too), the indent and trailing spaces trimmed.
  td.addRule('bold-subhead', {
    filter: (node) => subheadLevel(node) !== undefined,
    replacement: (content, node) =>
      `\n\n${'#'.repeat(Math.min(6, subheadLevel(node as HTMLElement)! + shift))} ${content.replace(EDGE_BLANKS, '')}\n\n`,
  });
  td.addRule('subhead-bold', {
    filter: (node) => /^(STRONG|B)$/.test(node.nodeName) && inSubhead(node),
    replacement: (content) => content,
  });
  // An image packed with the export links to its file; alt text escaped so `]` cannot end it (others: turndown's rule)
  td.addRule('archived-image', {
    filter: (node) => node.nodeName === 'IMG' && !!archivedTarget?.(node.getAttribute('src') ?? ''),
    replacement: (_content, node) => {
      const el = node as HTMLElement;
      const alt = (el.getAttribute('alt') ?? '').replace(/\s*\n\s*/g, ' ').replace(/[\\[\]]/g, '\\$&');
      return `![${alt}](${archivedTarget?.(el.getAttribute('src') ?? '')})`;
    },
  });
  td.addRule('shifted-heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) =>
      `\n\n${'#'.repeat(Math.min(6, Number(node.nodeName.charAt(1)) + shift))} ${content.trim()}\n\n`,
  });
  services.set(key, td);
  return td;
}

/**
 * The body (`Article.contentHtml`, sanitized) as Markdown. Headings: a body heading `<hN>` becomes level N+shift
 * (shift = `level` − 2); a bold subhead paragraph still in the body (a note saved before the engine promoted them)
 * is read as the engine reads it (subheadLevel) and written as the heading it would have become. Image captions
 * (figcaptions, caption lines: isCaption) are italic lines under their image. The full-width indent that Chinese
 * portals put before paragraphs (`　　`) is dropped.
 * @param level the heading level of the body's sections: 2 under the article's `#` title (CLI), 3 under a `## 正文`
 *   (notes export)
 * @param images image `src` → link target (already a CommonMark destination) for images packed with the export,
 *   undefined for the others, which keep their URL
 */
export function bodyMarkdown(contentHtml: string, level = 2, images?: (src: string) => string | undefined): string {
  const html = capNesting(contentHtml || '');
  archivedTarget = images ?? null;
  try {
    return service(level - 2)
      .turndown(html)
      .replace(/^[\u3000\u00a0]+/gm, '');
  } finally {
    archivedTarget = null;
  }
}

/** The Article as a Markdown file: front matter, `# title`, the body. */
export function articleToMarkdown(article: Article): string {
  return `${frontMatter(article)}\n# ${article.title}\n\n${bodyMarkdown(article.contentHtml)}\n`;
}
