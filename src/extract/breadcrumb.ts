import { linesOf, squash } from './text';

/**
 * Breadcrumb (`您当前的位置：中国甘肃网 >> 甘肃新闻 >> 来稿选登`, `当前位置： 首页 > 要闻`) → section items.
 * Per the Article contract the items after the site name (and 首页) are returned, without `正文`.
 */

const LEAD = /^(?:您?当前(?:的)?位置|您?(?:现在)?所在(?:的)?位置|当前栏目|位置)\s*[:：]?\s*/;
const SPLIT = /\s*(?:>>|>|›|»|＞|→|\/|\\)\s*/;
const CRUMB_ATTR = /bread|crumb|position|location|weizhi|dangqian|curpos|nav-?path|(?:^|[-_\s])path(?:$|[-_\s])|daohang|mbx/i;

function items(text: string): string[] {
  return text
    .replace(LEAD, '')
    .split(SPLIT)
    .map((s) => squash(s).replace(/^[:：]+|[:：]+$/g, ''))
    .filter(Boolean);
}

/**
 * Find the breadcrumb and return its items after the site name, without 首页/正文.
 * @param siteName known site name (dropped when it is the first item), or null
 * @param ruleSelector SiteRule `selectors.breadcrumb`, tried first
 */
export function extractSection(doc: Document, siteName: string | null, ruleSelector?: string | null): string[] {
  let text = '';
  if (ruleSelector) {
    try {
      text = linesOf(doc.querySelector(ruleSelector)).replace(/\n/g, ' ');
    } catch {
      /* bad selector in rule data */
    }
  }
  if (!text) {
    // An element whose class/id names a breadcrumb and whose text has `>` separators (or 2–5 links), or a `当前位置`
    // text. The innermost match wins (sina's div.path wraps the channel logo and div.channel-path).
    const hits: Element[] = [];
    for (const el of doc.querySelectorAll('div, p, span, nav, ul, ol, section, td')) {
      const own = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
      const t = squash(el.textContent ?? '');
      if (!t || t.length > 120) continue;
      const links = el.querySelectorAll('a').length;
      if ((LEAD.test(t) && /[>›»＞]/.test(t)) || (CRUMB_ATTR.test(own) && t.length < 80 && (/[>›»＞]/.test(t) || (links >= 2 && links <= 5)))) {
        if (hits.length && hits[hits.length - 1].contains(el)) hits[hits.length - 1] = el;
        else if (!hits.length) hits.push(el);
        else break;
      }
    }
    const el = hits[0];
    if (el) {
      const t = squash(el.textContent ?? '');
      text = /[>›»＞]/.test(t) ? t : [...el.querySelectorAll('a')].map((a) => squash(a.textContent ?? '')).join(' > ');
    }
  }
  if (!text) return [];
  let list = items(text);
  // Drop the leading home item (首页, 网易首页) and then the site item (the site name, or a name ending in 网).
  if (list.length && /首页$|^home$/i.test(list[0])) list.shift();
  if (list.length && ((siteName && (list[0] === siteName || siteName.includes(list[0]))) || /网$/.test(list[0]))) list.shift();
  list = list.filter((s) => s !== '正文' && s.length <= 20);
  return list;
}
