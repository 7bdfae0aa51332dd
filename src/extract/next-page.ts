/**
 * The next page of a multi-page article. Portals paginate with a pager of `下一页` links and `【1】【2】` numbers;
 * URLs follow `<id>_2.shtml` (page 1 has no suffix) or `index_1.htm` (0-based). Sources: case 17
 * (test/fixtures/cases/17-pagination-next-page.html), test/fixtures/multipage; fivefilters/ftr-site-config next_page
 * rules for Chinese portals. Read-only on the document.
 */

const NEXT_TEXT = /^\s*(下一页|下页|后一页|下一頁|next\s*page|next|›|»|>)\s*[>›»]*\s*$/i;

/** Page number of a URL: `_N` before the extension, or a `page`/`p`/`pageno` query parameter (news.cn `?page=2`). */
function pageKey(u: URL): { stem: string; ext: string; n: number; query: boolean } | null {
  const m = /^(.*?)(?:_(\d{1,3}))?(\.s?html?|\.php|\.aspx?)?$/i.exec(u.pathname);
  if (!m) return null;
  const q = /(?:^|[?&])(?:page|p|pageno|pn)=(\d{1,3})(?:&|$)/i.exec(u.search);
  if (q && !m[2]) return { stem: m[1], ext: m[3] ?? '', n: Number(q[1]), query: true };
  return { stem: m[1], ext: m[3] ?? '', n: m[2] ? Number(m[2]) : 0, query: false };
}

/**
 * Find the next page's absolute URL, or null. `scope` limits the search (the body's neighbourhood); a rule's
 * `selector` (nextPage) is tried first. Only same-host URLs that continue the current URL's numbering, or links
 * labelled 下一页 that are not the current page, are accepted.
 */
export function findNextPage(doc: Document, url: string, selector?: string): string | null {
  let here: URL;
  try {
    here = new URL(url);
  } catch {
    return null;
  }
  const resolve = (a: Element): URL | null => {
    const href = (a.getAttribute('href') ?? '').trim();
    if (!href || href.startsWith('#') || /^javascript:/i.test(href)) return null;
    try {
      const u = new URL(href, url);
      return u.host === here.host && u.href.split('#')[0] !== here.href.split('#')[0] ? u : null;
    } catch {
      return null;
    }
  };
  if (selector) {
    try {
      const a = doc.querySelector(selector);
      const u = a && resolve(a);
      if (u) return u.href;
    } catch {
      /* invalid rule selector */
    }
  }
  const key = pageKey(here);
  let byText: URL | null = null;
  let byNumber: { u: URL; n: number } | null = null;
  for (const a of doc.querySelectorAll('a[href]')) {
    const t = (a.textContent ?? '').trim();
    if (t.length > 12) continue;
    const u = resolve(a);
    if (!u) continue;
    if (!byText && NEXT_TEXT.test(t) && /下|next/i.test(t + (a.getAttribute('class') ?? ''))) byText = u;
    const k = pageKey(u);
    // the page we are on: its own number, or 1 for a query series (?page=2 follows the bare URL)
    const current = key && k ? (k.query && !key.query ? 1 : key.n) : 0;
    if (key && k && k.stem === key.stem && k.ext === key.ext && k.n > current && (!byNumber || k.n < byNumber.n))
      byNumber = { u, n: k.n };
  }
  if (!byText && !byNumber) {
    // a numbered pager whose URLs follow no pattern: on page 1 (no number in the URL), the link labelled 2 next to a 1
    for (const a of doc.querySelectorAll('a[href]')) {
      if (!/^[【[]?\s*2\s*[】\]]?$/.test((a.textContent ?? '').trim())) continue;
      const siblings = a.parentElement ? [...a.parentElement.children] : [];
      const one = siblings.some((x) => x !== a && /^[【[]?\s*1\s*[】\]]?$/.test((x.textContent ?? '').trim()));
      const u = one ? resolve(a) : null;
      if (u && key && key.n === 0) return u.href;
    }
  }
  if (byText && key) {
    const k = pageKey(byText);
    // a 下一页 link that points into the same numbered series, or anywhere on a page without a series
    if (k && (k.stem === key.stem || !byNumber)) return byText.href;
  }
  return byNumber ? byNumber.u.href : byText ? byText.href : null;
}
