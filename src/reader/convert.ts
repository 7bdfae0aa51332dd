import type { TextConverter } from '../shared/parts';

/**
 * Script conversion of the displayed text: OpenCC (opencc-js, phrase-level dictionaries) applied to the text
 * nodes of sanitized HTML only, so markup, attributes and URLs are never touched. The original HTML stays with the
 * caller; converting is a pure function of it.
 */

/** Which way to convert: pages in traditional characters go to simplified, everything else to traditional. */
export function direction(lang: string | null): 'cn2t' | 't2cn' {
  return /^zh-(tw|hk|mo|hant)/i.test(lang ?? '') ? 't2cn' : 'cn2t';
}

/** The `lang` of converted text: traditional output is set as zh-TW (so TC glyphs are chosen), simplified as zh-CN. */
export function convertedLang(lang: string | null): string {
  return direction(lang) === 'cn2t' ? 'zh-TW' : 'zh-CN';
}

/**
 * Convert every text node of an HTML fragment. It is parsed by DOMParser into an inert document (no scripts run, nothing
 * loads; and no innerHTML assignment, which AMO's linter reports); `doc` supplies the DOMParser of its window.
 */
export function convertHtml(html: string, convert: TextConverter, doc: Document): string {
  const Parser = doc.defaultView?.DOMParser ?? DOMParser;
  const inert = new Parser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  const walker = inert.createTreeWalker(inert.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const v = n.nodeValue ?? '';
    if (/[\u3400-\u9fff]/.test(v)) n.nodeValue = convert(v);
  }
  return inert.body.innerHTML;
}
