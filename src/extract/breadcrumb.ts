import { linesOf, squash, eachElement, textNodesMatching } from './text';

/**
 * Breadcrumb (`您当前的位置：中国甘肃网 >> 甘肃新闻 >> 来稿选登`, `当前位置： 首页 > 要闻`) → section items.
 * Per the Article contract the items after the site name (and 首页) are returned, without `正文`.
 */

const LEAD = /^(?:您?当前(?:的)?位置|您?(?:现在)?所在(?:的)?位置|当前栏目|位置)\s*[:：]?\s*/;
const SPLIT = /\s*(?:>>|>|›|»|＞|→|\/|\\)\s*/;
const CRUMB_ATTR =
  /bread|crumb|position|location|weizhi|dangqian|curpos|nav-?path|(?:^|[-_\s])path(?:$|[-_\s])|daohang|mbx/i;

function items(text: string): string[] {
  return text
    .replace(LEAD, '')
    .split(SPLIT)
    .map((s) => squash(s).replace(/^[:：]+|[:：]+$/g, ''))
    .filter(Boolean);
}

const SEP_CHAR = /[>›»＞→]/;

/** The innermost element whose class/id names a breadcrumb and whose text has separators (or 2–5 links). */
function byAttribute(doc: Document): Element | null {
  let hit: Element | null = null;
  const TAGS = /^(DIV|P|SPAN|NAV|UL|OL|SECTION|TD)$/;
  eachElement(doc.documentElement, (el) => {
    const tag = el.tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'HEAD') return false;
    if (hit && !hit.contains(el)) return 'stop';
    if (!TAGS.test(tag)) return;
    // Attribute test first: reading textContent of every element is quadratic on big pages.
    const own = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (own.length < 3 || !CRUMB_ATTR.test(own)) return;
    const t = squash(el.textContent ?? '');
    if (!t || t.length >= 80) return;
    const links = el.querySelectorAll('a').length;
    if (SEP_CHAR.test(t) || (links >= 2 && links <= 5)) hit = el;
  });
  return hit;
}

/** The block around a `您当前的位置` / `当前位置` text node, when its text has separators. */
function byLeadText(doc: Document): Element | null {
  for (const n of textNodesMatching(doc.documentElement, /当前(?:的)?位置|所在(?:的)?位置/, 5)) {
    for (let el = n.parentElement, i = 0; el && i < 4; el = el.parentElement, i++) {
      const t = squash(el.textContent ?? '');
      if (t.length > 120) break;
      if (LEAD.test(t) && SEP_CHAR.test(t)) return el;
    }
  }
  return null;
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
    const el = byAttribute(doc) ?? byLeadText(doc);
    if (el) {
      const t = squash(el.textContent ?? '');
      text = SEP_CHAR.test(t) ? t : [...el.querySelectorAll('a')].map((a) => squash(a.textContent ?? '')).join(' > ');
    }
  }
  if (!text) return [];
  let list = items(text);
  // Drop the leading home item (首页, 网易首页) and then the site item (the site name, or a name ending in 网).
  if (list.length && /首页$|^home$/i.test(list[0])) list.shift();
  if (list.length && ((siteName && (list[0] === siteName || siteName.includes(list[0]))) || /网$/.test(list[0])))
    list.shift();
  list = list.filter((s) => s !== '正文' && s.length <= 20);
  return list;
}
