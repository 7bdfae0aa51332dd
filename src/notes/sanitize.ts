import DOMPurify from 'dompurify';
import { parseHTML } from 'linkedom';

/**
 * Elements dropped with their content before the browser parses anything: script and raw-text elements (their content
 * is not markup to htmlparser2 but may be to the browser, e.g. `<svg><style>`), frames and templates. DOMPurify
 * forbids all of them anyway; dropping them here keeps a handler hidden in them from reaching the browser's parser.
 */
const DROP =
  'script, style, noscript, template, xmp, noembed, noframes, plaintext, iframe, frame, object, embed, textarea, title';

/**
 * Strip every event-handler attribute (`on*`) and the DROP elements with linkedom (htmlparser2, plain JS): no browser
 * document is involved, so no handler attribute is ever created in this page. Why not DOMParser or `<template>`:
 * Chromium checks the page's CSP (script-src-attr) when the parser sets an `on*` attribute even in those inert
 * documents, and reports a violation for each one (test/e2e/notes.test.ts); Firefox reports for live-document
 * elements only. This is a pre-filter, not the sanitizer: DOMPurify still runs on its output.
 */
export function stripHandlers(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  for (const el of Array.from(document.body.querySelectorAll(DROP))) el.remove();
  for (const el of Array.from(document.body.querySelectorAll('*')))
    for (const name of el.getAttributeNames()) if (/^on/i.test(name)) el.removeAttribute(name);
  return document.body.innerHTML;
}

/**
 * Sanitize stored article HTML before it is rendered in the notes page, which has the extension's privileges: a saved
 * page must never run script there. DOMPurify removes scripts, event handlers and javascript: URLs; forms, frames and
 * inline styles go too (they would let a page restyle or phish inside our UI). Images are not loaded until the user
 * asks (a remote request per image would tell the site when a note is read): their source moves to data-qingdu-src.
 * Handler attributes are removed before DOMPurify parses the HTML (stripHandlers), so none exists even transiently.
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
  return purify.sanitize(stripHandlers(html), {
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'iframe',
      'frame',
      'object',
      'embed',
      'link',
      'meta',
      'base',
    ],
    FORBID_ATTR: ['style', 'class', 'id'],
    ALLOW_DATA_ATTR: false,
  });
}
