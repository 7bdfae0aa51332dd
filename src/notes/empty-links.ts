/** Does this link have a name a screen reader can say (its text, an image's alt, aria-label or title)? */
function hasName(a: Element): boolean {
  if ((a.textContent ?? '').trim()) return true;
  if (a.getAttribute('aria-label')?.trim() || a.getAttribute('title')?.trim()) return true;
  return Array.from(a.querySelectorAll('img')).some((img) => !!img.getAttribute('alt')?.trim());
}

/**
 * Unwrap the links that have no name: news pages leave empty anchors around images and as jump targets (e.g.
 * `<a href="…"></a>` before a photo), which a screen reader announces as a bare "link" and axe-core reports as
 * `link-name`. The link goes, its content (an image without alt, whitespace) stays. Input: sanitized HTML (no
 * handler attributes, see sanitize.ts), parsed in an inert document (DOMParser); output: HTML.
 */
export function dropEmptyLinks(html: string): string {
  const body = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
  const empty = Array.from(body.querySelectorAll('a')).filter((a) => !hasName(a));
  if (!empty.length) return html;
  for (const a of empty) a.replaceWith(...Array.from(a.childNodes));
  return body.innerHTML;
}
