/**
 * Serialise a cleaned body into sanitized HTML and paragraph text in one allow-list walk (no innerHTML round trip,
 * no DOM window needed on Node). Only structural and phrasing tags survive, with `href` (http/https, absolute),
 * `src`/`alt` (absolute, lazy sources resolved), `colspan`/`rowspan`; everything else is unwrapped (its text kept) or
 * dropped (script-like tags). The reader sanitizes again with DOMPurify in the browser.
 */
import type { ArticleImage } from './article';
import { captionOf, imageRecord, imageSource } from './images';
import { countChars } from './cjk';
import { CAPTION_MARK } from './clean';

const KEEP_BLOCK = new Set([
  'P',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'LI',
  'FIGCAPTION',
  'DT',
  'DD',
  'TD',
  'TH',
  'CAPTION',
]);
const KEEP_STRUCT = new Set(['UL', 'OL', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'DL', 'FIGURE']);
const KEEP_INLINE = new Set([
  'STRONG',
  'B',
  'EM',
  'I',
  'U',
  'SUB',
  'SUP',
  'CODE',
  'SMALL',
  'MARK',
  'S',
  'DEL',
  'INS',
  'Q',
  'CITE',
  'ABBR',
  'TIME',
]);
const DROP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'NOFRAMES',
  'NOEMBED',
  'FRAMESET',
  'FRAME',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'VIDEO',
  'AUDIO',
  'LINK',
  'META',
  'HEAD',
  'TITLE',
]);
const BLOCKISH = new Set([
  ...KEEP_BLOCK,
  ...KEEP_STRUCT,
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'CENTER',
  'H1',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'ADDRESS',
  'HR',
  'BODY',
  'FIELDSET',
  'DETAILS',
  'SUMMARY',
  // a form left in a cleaned body holds the article text (clean.ts drops the others): unwrapped
  'FORM',
]);

/** The serialised body. */
export interface Serialized {
  html: string;
  /** Paragraph texts in order (blank-line joined this is Article.textContent). */
  paragraphs: string[];
  images: ArticleImage[];
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escAttr(s: string): string {
  return esc(s).replace(/"/g, '&quot;');
}

/** Serialise `root` (a cleaned, detached clone). `baseUrl` resolves links and image sources. */
export function serializeBody(root: Element, baseUrl: string): Serialized {
  const writer = new BodyWriter(root, baseUrl);
  writer.children(root);
  writer.endPara();
  return { html: writer.out.join(''), paragraphs: writer.paragraphs, images: writer.images };
}

/** The allow-list walk of serializeBody: writes the HTML (`out`), the paragraph texts and the image records. */
class BodyWriter {
  /** The HTML, in pieces. */
  readonly out: string[] = [];
  readonly paragraphs: string[] = [];
  readonly images: ArticleImage[] = [];
  /** The text of the paragraph being written. */
  private text = '';
  /** Text nodes with content and images written so far (an element that added none is left out). */
  private emitted = 0;
  /** Writing a marked photo caption: its text goes into the HTML only, not into the paragraphs. */
  private muted = false;

  constructor(
    private readonly root: Element,
    private readonly baseUrl: string,
  ) {}

  /** End the paragraph being written: its text, whitespace tidied, joins `paragraphs` unless blank. */
  endPara(): void {
    const t = this.text
      .replace(/[ \t\r\f\u00a0\u3000]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .replace(/\n{2,}/g, '\n')
      .trim();
    if (t) this.paragraphs.push(t);
    this.text = '';
  }

  /**
   * Children of a container: inline runs become <p>, blocks are handled by `block`. A `<br>` among the children ends
   * the run: portals write paragraphs as `<br>`-separated lines straight in the container (thepaper-1: `…<br><div
   * class="contheight"></div>…`), and each line is a paragraph of the text, so it is one <p> in the HTML too (the
   * reader, Markdown and the notes page then show paragraphs). A `<br>` inside an inline element stays a line break.
   */
  children(el: Element): void {
    let run: Node[] = [];
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1 && (c as Element).tagName.toUpperCase() === 'BR') {
        this.runParagraph(run);
        run = [];
      } else if (c.nodeType === 1 && BLOCKISH.has((c as Element).tagName.toUpperCase())) {
        this.runParagraph(run);
        run = [];
        this.block(c as Element);
      } else if (c.nodeType === 1 || c.nodeType === 3) run.push(c);
    }
    this.runParagraph(run);
  }

  /** An inline run of a container as one <p>, left out when it writes no text or image. */
  private runParagraph(run: readonly Node[]): void {
    if (!run.length) return;
    const start = this.out.length;
    const before = this.emitted;
    this.out.push('<p>');
    for (const n of run) this.inline(n);
    if (this.emitted > before) {
      this.out.push('</p>\n');
      this.endPara();
    } else {
      this.out.length = start;
      this.text = '';
    }
  }

  /** A block element: dropped, a rule, a kept structure (list, table, figure), a kept block, or unwrapped. */
  private block(el: Element): void {
    const tag = el.tagName.toUpperCase();
    if (DROP.has(tag)) return;
    if (el.hasAttribute(CAPTION_MARK)) return this.caption(el);
    if (tag === 'HR') {
      this.out.push('<hr>\n');
      return;
    }
    const name = tag === 'H1' ? 'h2' : tag.toLowerCase();
    if (KEEP_STRUCT.has(tag)) this.structure(el, tag, name);
    else if (KEEP_BLOCK.has(tag) || tag === 'H1') this.keptBlock(el, tag, name);
    // DIV, SECTION, CENTER, … and unknown blocks: unwrap
    else if (BLOCKISH.has(tag)) this.children(el);
    else {
      this.inlineChildren(el);
      this.endPara();
    }
  }

  /** A list, table or figure (`name`: the tag written): kept with its blocks; a figure's inline runs become <p>. */
  private structure(el: Element, tag: string, name: string): void {
    this.out.push(`<${name}>\n`);
    if (tag === 'FIGURE') this.children(el);
    else
      for (let c = el.firstChild; c; c = c.nextSibling) {
        // stray text or inline content directly in a list or table (invalid, but pages have it) is kept as it is
        if (c.nodeType === 1 && BLOCKISH.has((c as Element).tagName.toUpperCase())) this.block(c as Element);
        else if (c.nodeType === 1 || /\S/.test(c.nodeValue ?? '')) this.inline(c);
      }
    this.out.push(`</${name}>\n`);
  }

  /**
   * A kept block (paragraph, heading, list item, cell …; an h1 is written as h2): one paragraph of text, or its
   * children when it holds blocks; left out when it writes no text or image (table cells are always kept).
   */
  private keptBlock(el: Element, tag: string, name: string): void {
    const attrs =
      tag === 'TD' || tag === 'TH'
        ? ['colspan', 'rowspan']
            .map((a) => (el.getAttribute(a) ? ` ${a}="${escAttr(el.getAttribute(a)!)}"` : ''))
            .join('')
        : '';
    const start = this.out.length;
    const before = this.emitted;
    this.out.push(`<${name}${attrs}>`);
    if (hasBlockChild(el)) this.children(el);
    else {
      this.inlineChildren(el);
      this.endPara();
    }
    if (this.emitted === before && tag !== 'TD' && tag !== 'TH')
      this.out.length = start; // nothing in it: leave it out
    else this.out.push(`</${name}>\n`);
  }

  /**
   * A photo caption marked by cleaning (clean.ts markCaptions): a figcaption in the HTML, left out of the paragraph
   * text, left out altogether when it writes nothing.
   */
  private caption(el: Element): void {
    const start = this.out.length;
    const before = this.emitted;
    this.muted = true;
    this.out.push('<figcaption>');
    this.inlineChildren(el);
    this.out.push('</figcaption>\n');
    this.muted = false;
    this.text = '';
    if (this.emitted === before) this.out.length = start;
  }

  /** Inline content: text, a line break, an image, a link, a block inside phrasing content, a kept or unwrapped tag. */
  private inline(n: Node): void {
    if (n.nodeType === 3) return this.textNode(n);
    if (n.nodeType !== 1) return;
    const el = n as Element;
    const tag = el.tagName.toUpperCase();
    if (DROP.has(tag)) return;
    if (tag === 'BR') {
      // Chinese portals write paragraphs as <br>-separated lines: each line is a paragraph of the text
      this.out.push('<br>');
      this.endPara();
    } else if (tag === 'IMG') this.image(el);
    else if (tag === 'A') this.link(el);
    else if (el.hasAttribute(CAPTION_MARK)) {
      this.endPara();
      this.caption(el);
    } else if (BLOCKISH.has(tag)) {
      // a block inside phrasing content: unwrapped in the HTML, its own paragraph in the text
      this.endPara();
      this.inlineChildren(el);
      this.endPara();
    } else {
      const keep = KEEP_INLINE.has(tag);
      if (keep) this.out.push(`<${tag.toLowerCase()}>`);
      this.inlineChildren(el);
      if (keep) this.out.push(`</${tag.toLowerCase()}>`);
    }
  }

  private inlineChildren(el: Element): void {
    for (let c = el.firstChild; c; c = c.nextSibling) this.inline(c);
  }

  /** A text node: escaped into the HTML, whitespace runs as one space into the paragraph text. */
  private textNode(n: Node): void {
    const v = n.nodeValue ?? '';
    if (/\S/.test(v)) this.emitted++;
    this.out.push(esc(v));
    if (!this.muted) this.text += v.replace(/\s+/g, ' ');
  }

  /** An image with a real source (images.ts imageSource) and its record; dropped without one. */
  private image(el: Element): void {
    const src = imageSource(el, this.baseUrl);
    if (!src) return;
    const rec = imageRecord(src, el, captionOf(el, this.root));
    this.images.push(rec);
    this.emitted++;
    this.out.push(`<img src="${escAttr(src)}" alt="${escAttr(rec.alt)}">`);
  }

  /**
   * A link: kept with an absolute http(s) `href` when it has a name (linkName), unwrapped otherwise (fragment links,
   * javascript:, bad URLs, and the empty anchors news pages leave around photos and as jump targets, which a screen
   * reader announces as a bare "link": test/unit/empty-links.test.ts).
   */
  private link(el: Element): void {
    const href = (el.getAttribute('href') ?? '').trim();
    let abs: string | null = null;
    try {
      const u = new URL(href, this.baseUrl);
      if (href && !href.startsWith('#') && (u.protocol === 'http:' || u.protocol === 'https:') && linkName(el))
        abs = u.href;
    } catch {
      abs = null;
    }
    if (abs) this.out.push(`<a href="${escAttr(abs)}">`);
    this.inlineChildren(el);
    if (abs) this.out.push('</a>');
  }
}

/** Does a link have a name once serialized: text, or an image with alt text (the only attributes kept). */
function linkName(a: Element): boolean {
  if ((a.textContent ?? '').trim()) return true;
  for (const img of a.getElementsByTagName('img')) if ((img.getAttribute('alt') ?? '').trim()) return true;
  return false;
}

/** Does `el` have a BLOCKISH element child? */
function hasBlockChild(el: Element): boolean {
  for (const c of el.children) if (BLOCKISH.has(c.tagName.toUpperCase())) return true;
  return false;
}

/**
 * What serialisation writes no text of, as one selector: the DROP tags in lower case (it then matches svg's own case
 * too) and the marked photo captions.
 */
const DROP_SELECTOR = [...[...DROP].map((t) => t.toLowerCase()), `[${CAPTION_MARK}]`].join(',');

/**
 * The Article's charCount of `root` without serialising it: `countChars` of serializeBody's paragraph text, which is
 * every text node outside the dropped (script-like) tags and the marked captions with whitespace runs made one space. Counted natively: the
 * root's text minus the text of its outermost dropped elements (the content script's page load needs only this count
 * for the verdict: page load's budget, scripts/bench.ts). lazy-load.test.ts checks it equals the serialised count on
 * every fixture.
 */
export function serializedChars(root: Element): number {
  let chars = countChars((root.textContent ?? '').replace(/\s+/g, ' '));
  for (const el of root.querySelectorAll(DROP_SELECTOR)) {
    // a dropped element inside another dropped one was subtracted with it
    const outer = el.parentElement?.closest(DROP_SELECTOR);
    if (outer && outer !== root && root.contains(outer)) continue;
    chars -= countChars((el.textContent ?? '').replace(/\s+/g, ' '));
  }
  return chars;
}
