/**
 * The body element in the page, for metadata: metadata reads the text around the body (the info line before it, the
 * credits after it), so it needs the element in the page's own document, not the engine's detached copy.
 */
import { countHan, eachElement, isHidden } from './text';

/**
 * The body element of `doc` for metadata: `content` located in `doc` (see locate); when no content is given, a rough
 * guess (see guessContent). Null when `content` is given but not found, or nothing is guessed.
 */
export function bodyInPage(doc: Document, content: Element | null): Element | null {
  return locate(doc, content) ?? (content ? null : guessContent(doc));
}

/** Path of child indexes from the document element down to `el`. */
function pathOf(el: Element): number[] | null {
  const path: number[] = [];
  for (let n: Element | null = el; n && n.parentElement; n = n.parentElement) {
    path.unshift(Array.prototype.indexOf.call(n.parentElement.children, n));
  }
  return path;
}

/**
 * The element of `doc` that corresponds to `content`: `content` itself when it is in `doc`; for a clone (of the
 * whole document, or a detached clone of the element) the element at the same path, or with the same tag, id, class
 * and text length. Null when none is found.
 */
function locate(doc: Document, content: Element | null): Element | null {
  if (!content) return null;
  if (content.ownerDocument === doc && doc.documentElement.contains(content)) return content;
  const sameShape = (a: Element) =>
    a.tagName === content.tagName &&
    (a.getAttribute('id') ?? '') === (content.getAttribute('id') ?? '') &&
    (a.getAttribute('class') ?? '') === (content.getAttribute('class') ?? '');
  if (!content.parentElement) {
    // A detached clone of one element (the engine clones only the body container).
    const len = (content.textContent ?? '').length;
    const id = content.getAttribute('id');
    if (id) {
      const byId = doc.getElementById(id);
      if (byId && sameShape(byId)) return byId;
    }
    let found: Element | null = null;
    eachElement(doc.documentElement, (a) => {
      if (a.tagName === content.tagName && sameShape(a) && (a.textContent ?? '').length === len) {
        found = a;
        return 'stop';
      }
    });
    return found;
  }
  const path = pathOf(content);
  let n: Element | null = doc.documentElement;
  for (const i of path ?? []) n = n?.children[i] ?? null;
  const same = (a: Element | null) =>
    !!a &&
    a.tagName === content.tagName &&
    (a.getAttribute('id') ?? '') === (content.getAttribute('id') ?? '') &&
    (a.getAttribute('class') ?? '') === (content.getAttribute('class') ?? '');
  if (same(n)) return n;
  const id = content.getAttribute('id');
  if (id) {
    const byId = doc.getElementById(id);
    if (same(byId)) return byId;
  }
  const cls = content.getAttribute('class');
  if (cls) {
    try {
      const sel = `${content.tagName.toLowerCase()}.${cls
        .trim()
        .split(/\s+/)
        .map((c) => CSS_escape(c))
        .join('.')}`;
      const all = [...doc.querySelectorAll(sel)];
      if (all.length === 1) return all[0];
    } catch {
      /* odd class names */
    }
  }
  return null;
}

/** `s` escaped for a CSS class selector (every character outside [a-zA-Z0-9_-] backslashed). */
function CSS_escape(s: string): string {
  return s.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
}

/**
 * A rough body guess for when no content element is given: the element with the most CJK text in its direct
 * `<p>` children and direct text nodes (news bodies are runs of paragraphs or `<br>`-separated text).
 */
function guessContent(doc: Document): Element | null {
  let best: Element | null = null;
  let bestScore = 0;
  for (const el of doc.querySelectorAll('div, article, section, td, main')) {
    if (isHidden(el)) continue;
    let score = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) score += countHan(c.nodeValue ?? '');
      else if (c.nodeType === 1) {
        const tag = (c as Element).tagName.toUpperCase();
        if (tag === 'P' || tag === 'SPAN' || tag === 'FONT' || tag === 'STRONG') {
          const inLink =
            (c as Element).querySelector('a') &&
            countHan((c as Element).querySelector('a')?.textContent ?? '') >
              countHan((c as Element).textContent ?? '') / 2;
          if (!inLink) score += countHan((c as Element).textContent ?? '');
        }
      }
    }
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
  }
  return bestScore >= 30 ? best : null;
}
