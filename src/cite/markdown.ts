/**
 * Markdown of an Article, one code path for `qingdu extract --format markdown` and the notes page's export: the
 * YAML front matter (frontMatter) and the body (bodyMarkdown, turndown with the rules below).
 */
import TurndownService from 'turndown';
import type { Article } from '../extract/article';

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

/** Characters a paragraph may hold outside its bold run and still be a subhead: spaces, full-width spaces, nbsp. */
const BLANK = /^[\s\u3000\u00a0]*$/;
/** Longest subhead in characters: longer bold paragraphs are emphasised text, not headings. */
const MAX_SUBHEAD = 40;

/**
 * Bold lines that are no subhead (corpus pages): a sentence (holds 。: huanqiu-1, toutiao-1), a part of one (ends in
 * ，；：、), an attribution (`——（宋）陆游`, people-1), a byline (`澎湃新闻记者 段彦超 廖艳` ifeng-1, `文丨政能亮特约评论员`
 * ifeng-5) or a date alone (`2012年6月24日`, cmse-1).
 */
const NOT_SUBHEAD = [
  /。/,
  /[，；：、,;:]$/,
  /^[—–-]/,
  /记者|评论员|通讯员|编辑|作者|^文\s*[丨|｜:：/]/,
  /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/,
];

/**
 * Is this paragraph a subhead that a portal wrote as bold text (`<p><strong>一、加强组织领导</strong></p>`, also
 * centred ones: the alignment is not needed; corpus people-2, sina-6, youth-peer)? Every non-blank text is inside
 * `<strong>`/`<b>`, there is no link or image, the text is 2–40 characters and none of NOT_SUBHEAD.
 */
function isBoldSubhead(node: HTMLElement): boolean {
  if (node.nodeName !== 'P' || node.querySelector('a, img')) return false;
  const text = (node.textContent ?? '').replace(/[\s\u3000\u00a0]+/g, ' ').trim();
  if (text.length < 2 || text.length > MAX_SUBHEAD || NOT_SUBHEAD.some((re) => re.test(text))) return false;
  const walk: Node[] = [...node.childNodes];
  let bold = false;
  while (walk.length) {
    const n = walk.pop()!;
    if (n.nodeType === 3) {
      if (!BLANK.test(n.nodeValue ?? '')) return false;
    } else if (/^(STRONG|B)$/.test(n.nodeName)) bold ||= !BLANK.test(n.textContent ?? '');
    else walk.push(...n.childNodes);
  }
  return bold;
}

const services = new Map<string, TurndownService>();

/** While bodyMarkdown runs with `images`: the link target of an archived image by its `src` (turndown is synchronous). */
let archivedTarget: ((src: string) => string | undefined) | null = null;

/** A turndown service whose headings start at `level` (subheads) with existing h2… shifted by `shift`. */
function service(subhead: number, shift: number): TurndownService {
  const key = `${subhead}/${shift}`;
  let td = services.get(key);
  if (td) return td;
  td = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
  // Text that reads `<script>` on the page (escaped in its HTML) must not come back as markup: Markdown renders raw
  // HTML, so `<` in text is written as `&lt;` (turndown escapes Markdown syntax only: break-it trial)
  const escapeMarkdown = td.escape.bind(td);
  const escapeText = (text: string) => escapeMarkdown(text).replace(/</g, '&lt;');
  td.escape = escapeText;
  td.addRule('bold-subhead', {
    filter: (node) => isBoldSubhead(node),
    replacement: (_content, node) =>
      `\n\n${'#'.repeat(subhead)} ${escapeText((node.textContent ?? '').replace(/[\s\u3000\u00a0]+/g, ' ').trim())}\n\n`,
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
 * (shift = `level` − 2) and a bold subhead paragraph (isBoldSubhead) becomes level `level`, or one below when the
 * body has its own `<h2>`s. The full-width indent that Chinese portals put before paragraphs (`　　`) is dropped.
 * @param level the heading level of the body's sections: 2 under the article's `#` title (CLI), 3 under a `## 正文`
 *   (notes export)
 * @param images image `src` → link target (already a CommonMark destination) for images packed with the export,
 *   undefined for the others, which keep their URL
 */
export function bodyMarkdown(contentHtml: string, level = 2, images?: (src: string) => string | undefined): string {
  const html = capNesting(contentHtml || '');
  const subhead = Math.min(6, /<h2[\s>]/i.test(html) ? level + 1 : level);
  archivedTarget = images ?? null;
  try {
    return service(subhead, level - 2)
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
