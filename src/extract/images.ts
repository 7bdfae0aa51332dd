/**
 * Image sources and captions. Chinese portals lazy-load with `data-src` (WeChat, 163), `data-original` (jQuery
 * lazyload), `data-actualsrc` (zhihu) and more, leaving a placeholder gif in `src`; WeChat-style URLs have no file
 * extension (`…/640?wx_fmt=jpeg`); Discuz forums use `zoomfile`/`file`, UEditor `_src`. Sources: cases 18 and 19
 * (test/fixtures/cases/18-lazy-images-cn-patterns.html, 19-photo-captions.html).
 */
import type { ArticleImage } from './article';

/** Attributes holding the real source of a lazy image, most specific first. */
const LAZY_ATTRS = [
  'data-original',
  'data-original-src',
  'data-actualsrc',
  'data-src',
  'data-lazy-src',
  'data-lazy',
  'data-lazyload',
  'data-ks-lazyload',
  'data-imgsrc',
  'data-url',
  'data-echo',
  'original',
  'zoomfile',
  'file',
  '_src',
  'src',
];

/** A source that is a placeholder, not a picture: 1×1/blank/loading gifs, data: URIs, spacers. */
export function isPlaceholder(src: string): boolean {
  return (
    !src ||
    src.startsWith('data:') ||
    src.startsWith('about:') ||
    /(^|[/_.-])(blank|spacer|space|loading|lazy|placeholder|grey|gray|transparent|pixel|1x1|dot|clear)[\w-]*\.(gif|png|svg)(\?|$)/i.test(
      src,
    )
  );
}

/** An icon, not a picture: declared 30 px or smaller, or an icon/favicon/emoji file (share and source-line glyphs). */
function isIcon(img: Element): boolean {
  const w = parseInt(img.getAttribute('width') ?? '', 10);
  const h = parseInt(img.getAttribute('height') ?? '', 10);
  if ((w > 0 && w <= 30) || (h > 0 && h <= 30)) return true;
  const src = img.getAttribute('src') ?? '';
  return /(^|[/_.-])(favicon|icon|ico|emoji|emotion)[\w-]*\.(gif|png|svg|ico)(\?|$)/i.test(src);
}

/** The absolute real source of an <img>, or null when it is an icon or only has a placeholder (or an unusable URL). */
export function imageSource(img: Element, baseUrl: string): string | null {
  if (isIcon(img)) return null;
  for (const attr of LAZY_ATTRS) {
    const v = (img.getAttribute(attr) ?? '').trim();
    if (!v || isPlaceholder(v)) continue;
    try {
      const u = new URL(v, baseUrl);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      /* not a URL: try the next attribute */
    }
  }
  return null;
}

const CAPTION_CLASS = /caption|note|desc|pic-?tit|img-?tit|photo-?tit|tuzhu|explain|pictext/i;
const CAPTION_TEXT = /^(图为|图：|图:|图片|（图|\(图|▲|△)|摄$|摄）$|摄\)$|供图$|[（(]?图片来源/;

/**
 * The caption of an image in a cleaned body: a figcaption; a caption-class sibling in the image's wrapper; or the
 * short block right after the image's own block when it is centred, caption-classed or reads like a caption
 * (图为…, …摄). Returns '' when there is none.
 */
export function captionOf(img: Element, root: Element): string {
  const fig = img.closest('figure');
  if (fig && root.contains(fig)) {
    const cap = fig.querySelector('figcaption');
    if (cap) return (cap.textContent ?? '').trim();
  }
  // climb to the block that holds only this image
  let holder: Element = img;
  while (
    holder.parentElement &&
    holder.parentElement !== root &&
    (holder.parentElement.textContent ?? '').trim() === '' &&
    holder.parentElement.querySelectorAll('img').length === 1
  )
    holder = holder.parentElement;
  const wrapper = holder.parentElement;
  if (wrapper && wrapper !== root && wrapper.querySelectorAll('img').length === 1) {
    for (const c of wrapper.children) {
      if (c === holder) continue;
      const name = `${c.getAttribute('class') ?? ''} ${c.getAttribute('id') ?? ''}`;
      if (CAPTION_CLASS.test(name)) return (c.textContent ?? '').trim();
    }
  }
  const next = holder.nextElementSibling;
  if (next && !next.querySelector('img')) {
    const t = (next.textContent ?? '').trim();
    if (t && t.length <= 120) {
      const name = `${next.getAttribute('class') ?? ''} ${next.getAttribute('id') ?? ''}`;
      const centred =
        /text-align\s*:\s*center/i.test(next.getAttribute('style') ?? '') ||
        next.getAttribute('align') === 'center' ||
        next.tagName === 'CENTER';
      if (centred || CAPTION_CLASS.test(name) || CAPTION_TEXT.test(t)) return t;
    }
  }
  return '';
}

/** Image record for the Article. */
export function imageRecord(src: string, img: Element, caption: string): ArticleImage {
  return { src, alt: (img.getAttribute('alt') ?? '').trim(), caption };
}
