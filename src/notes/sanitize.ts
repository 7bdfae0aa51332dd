import DOMPurify from 'dompurify';

/**
 * Sanitize stored article HTML before it is rendered in the notes page, which has the extension's privileges: a saved
 * page must never run script there. DOMPurify removes scripts, event handlers and javascript: URLs; forms, frames and
 * inline styles go too (they would let a page restyle or phish inside our UI). Images are not loaded until the user
 * asks (a remote request per image would tell the site when a note is read): their source moves to data-qingdu-src.
 */
export function sanitizeArticleHtml(html: string): string {
  const purify = DOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.tagName === 'A') {
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    }
    if (el.tagName === 'IMG') {
      const src = el.getAttribute('src');
      if (src) el.setAttribute('data-qingdu-src', src);
      el.removeAttribute('src');
      el.removeAttribute('srcset');
      el.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
  return purify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base'],
    FORBID_ATTR: ['style', 'class', 'id'],
    ALLOW_DATA_ATTR: false,
  });
}
