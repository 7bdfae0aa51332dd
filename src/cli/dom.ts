import { parseHTML } from 'linkedom';

/** Elements a browser's parser keeps in <head>; any other element there ends the head (its content goes to <body>). */
const HEAD_TAGS = new Set(['TITLE', 'META', 'LINK', 'STYLE', 'SCRIPT', 'BASE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Put content where a browser's parser puts it and linkedom does not: nodes after `</html>` (siblings of the root
 * element) and content in `<head>` from the first element that does not belong there on, into `<body>`. Without it
 * such content sat outside `<body>` and Readability, walking up from it, met a null parent
 * (test/unit/cli-dom.test.ts).
 */
function moveStrayContent(doc: Document): void {
  const root = doc.documentElement;
  if (!root) return;
  const head = doc.querySelector('head');
  const strayInHead: Node[] = [];
  if (head && head.parentNode === root) {
    const first = Array.from(head.children).find((el) => !HEAD_TAGS.has(el.tagName));
    for (let n: Node | null = first ?? null; n; n = n.nextSibling) strayInHead.push(n);
  }
  const afterRoot: Node[] = [];
  for (let n = root.nextSibling; n; n = n.nextSibling)
    if (n.nodeType === 1 || (n.nodeType === 3 && n.nodeValue?.trim())) afterRoot.push(n); // (whitespace stays: it shows nowhere)
  if (!strayInHead.length && !afterRoot.length) return;
  let body = doc.querySelector('body');
  if (!body) body = root.appendChild(doc.createElement('body'));
  for (const n of strayInHead.reverse()) body.insertBefore(n, body.firstChild);
  for (const n of afterRoot) body.appendChild(n);
}

/**
 * Parse an HTML string into a Document on Node (linkedom: the fastest of the DOMs the engine supports).
 * linkedom has no document URL, so when the page has no `<base href>` one is added for `url`: relative links and
 * image sources then resolve as they would in the browser.
 */
export function parseDocument(html: string, url: string): Document {
  // linkedom builds a broken tree (documentElement = HEAD) for a page saved without its <html> tag: add it.
  if (!/<html[\s>]/i.test(html.slice(0, 5000))) html = `<html>${html}</html>`;
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  // As a browser's parser does, elements between </head> and <body> belong to the body (linkedom leaves them in
  // <html>, and its `document.body` getter then inserts a second, empty body).
  const body = doc.querySelector('body');
  if (body && body.parentNode === doc.documentElement) {
    for (let n = body.previousSibling; n;) {
      const prev = n.previousSibling;
      if (n.nodeType === 1 && (n as Element).tagName !== 'HEAD') body.insertBefore(n, body.firstChild);
      n = prev;
    }
  }
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
