/**
 * What the page's own markup says about it: `<meta>` values, JSON-LD NewsArticle-like objects, the canonical URL,
 * and the one metadata signal that detection reads (does the markup call the page an article?). Read-only.
 */
import { squash } from './text';

/** og:type=article, article:published_time, or a JSON-LD *Article type. Read-only. */
export function metaSaysArticle(doc: Document): boolean {
  const og = doc.querySelector('meta[property="og:type"]')?.getAttribute('content') ?? '';
  if (/article|news/i.test(og)) return true;
  if (doc.querySelector('meta[property="article:published_time"]')) return true;
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]'))
    if (/"@type"\s*:\s*"(News)?Article"/.test(s.textContent ?? '')) return true;
  return false;
}

/** meta name/property/itemprop (lower-cased, trimmed) → first non-empty content. */
export function metaMap(doc: Document): Map<string, string> {
  const m = new Map<string, string>();
  for (const el of doc.getElementsByTagName('meta')) {
    const key = (
      el.getAttribute('property') ||
      el.getAttribute('name') ||
      el.getAttribute('itemprop') ||
      el.getAttribute('http-equiv') ||
      ''
    )
      .trim()
      .toLowerCase()
      .replace(/\s+/g, '');
    const content = (el.getAttribute('content') ?? '').trim();
    if (key && content && !m.has(key)) m.set(key, content);
  }
  return m;
}

/** What metadata reads from JSON-LD. */
export interface LdInfo {
  headline?: string;
  published?: string;
  author?: string[];
  publisher?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * A JSON-LD string as text: CMSes write markup and entities into it (`"name": "<b>李四</b>"`, `&amp;`), which a
 * reader never sees on the page. Tags dropped, the common and numeric entities decoded, trimmed.
 */
export function plainText(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    })
    .trim();
}

/** JSON-LD NewsArticle-like objects (also Baidu 熊掌号 `cambrian` objects with title/pubDate). */
export function jsonLd(doc: Document): LdInfo {
  const info: LdInfo = {};
  const visit = (o: unknown): void => {
    if (!o || typeof o !== 'object') return;
    if (Array.isArray(o)) return o.forEach(visit);
    const r = o as Record<string, unknown>;
    if (Array.isArray(r['@graph'])) (r['@graph'] as unknown[]).forEach(visit);
    const str = (v: unknown) => (typeof v === 'string' ? plainText(v) || undefined : undefined);
    info.headline ??= str(r.headline) ?? str(r.title);
    info.published ??= str(r.datePublished) ?? str(r.pubDate) ?? str(r.dateCreated);
    const names = (v: unknown): string[] =>
      Array.isArray(v)
        ? v.flatMap(names)
        : typeof v === 'string'
          ? [plainText(v)]
          : v && typeof v === 'object'
            ? names((v as Record<string, unknown>).name)
            : [];
    if (!info.author && r.author) {
      const a = names(r.author).map(squash).filter(Boolean);
      if (a.length) info.author = a;
    }
    if (!info.publisher && r.publisher) info.publisher = names(r.publisher)[0];
  };
  for (const s of doc.getElementsByTagName('script')) {
    if (!/ld\+json/i.test(s.getAttribute('type') ?? '')) continue;
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      /* malformed JSON-LD is common; ignore it */
    }
  }
  return info;
}

/** `href` made absolute against `base` (a scheme-less `www.…/` host taken as one); null when it is no URL. */
function absolute(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  let h = href.trim();
  if (/^www\.|^[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(h)) h = '//' + h; // `www.sohu.com/a/…` without a scheme
  try {
    return new URL(h, base).href;
  } catch {
    return null;
  }
}

/**
 * link rel=canonical, else og:url; a bare site root (china.com.cn's og:url) is not the article's URL. Only http(s)
 * URLs count: the value is page-supplied and ends up as a link in citations and the notes page, so a `javascript:` or
 * `data:` "canonical URL" (seen in the break-it tests) is dropped here.
 */
export function canonical(doc: Document, url: string, metas: Map<string, string>): string | null {
  const cands = [doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), metas.get('og:url')];
  for (const c of cands) {
    const abs = absolute(c, url);
    if (!abs) continue;
    try {
      const u = new URL(abs);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
      if ((u.pathname === '/' || u.pathname === '') && !u.search) continue;
    } catch {
      continue;
    }
    return abs;
  }
  return null;
}
