import { parseHTML } from 'linkedom';
import { parse, serialize } from 'parse5';

/** Elements a browser's parser keeps in <head>; any other element there ends the head (its content goes to <body>). */
const HEAD_TAGS = new Set(['TITLE', 'META', 'LINK', 'STYLE', 'SCRIPT', 'BASE', 'NOSCRIPT', 'TEMPLATE']);

/** The parts of <html> a browser's parser makes: anything else in <html> belongs to <body>. */
const ROOT_PARTS = new Set(['HEAD', 'BODY', 'FRAMESET']);

/** A node that shows: an element or text that is not whitespace (whitespace and comments stay where they are). */
const shows = (n: Node) => n.nodeType === 1 || (n.nodeType === 3 && !!n.nodeValue?.trim());

/** The first child element of `el` with tag `tag`. */
const childTagged = (el: Element, tag: string) => Array.from(el.children).find((c) => c.tagName === tag) ?? null;

/**
 * The nodes a browser's parser puts in <body> and linkedom leaves outside it, in document order: content in <head>
 * from the first element that does not belong there on, children of <html> other than head and body (between
 * `</head>` and `<body>`, after `</body>`, or all of a page without `<body>`), and nodes after `</html>`.
 */
function strayNodes(root: Element): Node[] {
  const stray: Node[] = [];
  const head = childTagged(root, 'HEAD');
  if (head) {
    const first = Array.from(head.children).find((el) => !HEAD_TAGS.has(el.tagName));
    for (let n: Node | null = first ?? null; n; n = n.nextSibling) stray.push(n);
  }
  for (const n of Array.from(root.childNodes))
    if (shows(n) && !(n.nodeType === 1 && ROOT_PARTS.has((n as Element).tagName))) stray.push(n);
  for (let n = root.nextSibling; n; n = n.nextSibling) if (shows(n)) stray.push(n);
  return stray;
}

/**
 * Put content where a browser's parser puts it and linkedom does not: every node strayNodes finds goes into <body>,
 * those before the body at its start and those after it at its end. A `<body>` that linkedom left after an early
 * `</html>` becomes the body of <html>; a page with stray content and no body gets one. Without it such content sat
 * outside `<body>` and Readability, walking up from it, met a null parent (test/unit/cli-dom.test.ts).
 */
function moveStrayContent(doc: Document): void {
  const root = doc.documentElement;
  if (!root) return;
  let body = childTagged(root, 'BODY');
  for (let n = root.nextSibling; n && !body; n = n.nextSibling)
    if ((n as Element).tagName === 'BODY') body = n as Element;
  const stray = strayNodes(root).filter((n) => n !== body);
  if (!stray.length && (!body || body.parentNode === root)) return;
  body ??= doc.createElement('body');
  // Document order decides which side of the body a node goes to (the body itself may sit after </html>).
  const before = stray.filter((n) => body.compareDocumentPosition(n) & 2);
  const after = stray.filter((n) => !before.includes(n));
  if (body.parentNode !== root) root.appendChild(body);
  for (const n of before.reverse()) body.insertBefore(n, body.firstChild);
  for (const n of after) body.appendChild(n);
}

/**
 * linkedom's tree for `html`: a page saved without its <html> tag is wrapped in one (linkedom builds a broken tree,
 * documentElement = HEAD, without it), and so is a page whose tree still has no <html> root (the tag only inside a
 * comment or a script); a page that is all one unclosed comment is empty, as in a browser.
 */
function parseTree(html: string): Document {
  const parse = (h: string) => parseHTML(h).document as unknown as Document;
  let doc = parse(/<html[\s>]/i.test(html.slice(0, 5000)) ? html : `<html>${html}</html>`);
  if (doc.documentElement?.tagName !== 'HTML') doc = parse(`<html>${html}</html>`);
  if (!doc.documentElement) doc = parse('<html><head></head><body></body></html>');
  return doc;
}

/**
 * The page as a browser's parser builds it, written out again: parse5 follows the HTML standard's tree construction
 * (unclosed `<a>` and `<p>`, misnested formatting tags, tables, foreign content) and writes attribute names in lower
 * case, which linkedom, matching names as written, needs (`<LINK REL="canonical" HREF=…>` and `<IMG SRC=…>` of old
 * GB2312-era templates were unseen: test/unit/cli-dom.test.ts). A page nested too deep for the serializer's recursion
 * is passed on as it is.
 */
function asBrowserParses(html: string): string {
  try {
    return serialize(parse(html));
  } catch (e) {
    if (e instanceof RangeError) return html;
    throw e;
  }
}

/**
 * Parse an HTML string into a Document on Node (linkedom: the fastest of the DOMs the engine supports), in the shape
 * a browser's parser gives (asBrowserParses, then moveStrayContent for what still lies outside <body>).
 * linkedom has no document URL, so when the page has no `<base href>` one is added for `url`: relative links and
 * image sources then resolve as they would in the browser.
 */
export function parseDocument(html: string, url: string): Document {
  const doc = parseTree(asBrowserParses(html));
  moveStrayContent(doc);
  if (url) setDocumentUrl(doc, url);
  return doc;
}

/**
 * Give a parsed page its address, as the browser knows it: a `<base href>` first in `<head>` (linkedom has no document
 * URL), unless the page has a `<base href>` of its own. For a page parsed with an empty URL whose address is read from
 * the page itself (address.ts statedAddress).
 */
export function setDocumentUrl(doc: Document, url: string): void {
  if (doc.querySelector('base[href]')) return;
  const head = doc.head ?? doc.querySelector('head');
  if (!head) return;
  const base = doc.createElement('base');
  base.setAttribute('href', url);
  head.insertBefore(base, head.firstChild);
}
