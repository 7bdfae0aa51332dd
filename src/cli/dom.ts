import { parseHTML } from 'linkedom';

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
  if (url && !doc.querySelector('base[href]')) {
    const head = doc.head ?? doc.querySelector('head');
    if (head) {
      const base = doc.createElement('base');
      base.setAttribute('href', url);
      head.insertBefore(base, head.firstChild);
    }
  }
  return doc;
}
