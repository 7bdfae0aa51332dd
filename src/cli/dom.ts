import { parseHTML } from 'linkedom';

/**
 * Parse an HTML string into a Document on Node (linkedom: the fastest of the DOMs the engine supports).
 * linkedom has no document URL, so when the page has no `<base href>` one is added for `url`: relative links and
 * image sources then resolve as they would in the browser.
 */
export function parseDocument(html: string, url: string): Document {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
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
