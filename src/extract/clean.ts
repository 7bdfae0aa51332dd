/**
 * Cleaning of the chosen body (a detached clone; the page is never touched): drop clutter by site rule, by class
 * name, by Chinese marker text and by link density, then drop in-body noise lines (noise-lines.ts: credits, player
 * placeholders, notices, prompts, promos, pagers, a repeated title), cut a notice glued to the last paragraph, and
 * mark photo captions.
 * Sources of the patterns: the corpus labels `body_noise` and `must_not_contain` (test/fixtures/corpus/labels.jsonl)
 * and cases 03, 15, 16, 17 and 22 (test/fixtures/cases); they are written for the kind of line (every portal words
 * them alike), not for one page. The words they look for are vocabulary.ts lists.
 */
import { BLOCK_TAGS, NON_ARTICLE_TAGS } from './body';
import { CAPTION_MARK, hasMedia, leafBlocks, text } from './blocks';
import { countChars, hasChars } from './cjk';
import { CLUTTER_SELECTORS, markerOf } from './markers';
import { MORE_NEWS, isNoiseLine, isPhotoCaption, isPhotoLine } from './noise-lines';
import { promoteSubheads } from './subheads';
import { linkChars, textNodes } from './text';
import { AUTHOR_TAIL_LABELS, RELATED_HEADINGS, anyOf } from './vocabulary';

export { isNoiseLine, CAPTION_MARK };

/** Link texts that are navigation even inside a paragraph (`…道阻且长。返回腾讯网首页>>`). */
const NOISE_LINKS =
  /^[【[]?\s*(返回.{0,10}(首页|搜狐|频道)|点击进入(专题)?|查看更多|查看原文|阅读原文|进入专题|更多精彩|展开全文|查看全文|下载.{0,8}(APP|客户端))/i;

/** A related-list heading: the block and the link lists after it are dropped. */
const RELATED_HEADING = new RegExp(`^[【[]?\\s*(${anyOf(RELATED_HEADINGS)})\\s*[】\\]]?\\s*[:：]?`);

/** Class/id words of clutter inside a body container (share bars, related lists in pinyin, pagers, ads). */
const CLUTTER_CLASS =
  /(^|[\s_-])(share|sharebar|bdshare|related|relate|recommend|xgxw|xgyd|tuijian|tj|rank|hot|comment|pinglun|copyright|banqian|statement|disclaimer|pager|pages|page-?nav|pagination|fenye|ad|ads|advert|qrcode|erweima|ewm|weixin|wx|follow|keywords|tags?|editor|zrbj|bianji|source|laiyuan|hide_word|backsohu|back|info|article-info|time|date|pubtime|byline|meta)($|[\s_-])/i;

/** camelCase and snake ad containers (`adInContent`, `gg_ad`, `ad_box`); case-sensitive so `adopt`, `header` pass. */
const AD_CLASS = /(^|\s)(ad[A-Z0-9]\w*|\w+_ad|ad_\w+|gg\d*x\d+|gg_\w+)(\s|$)/;

/**
 * Names of the blocks that hold an article's text, never clutter: content/article/text/body words, and the TRS CMS
 * editor box (`TRS_Editor`, whose `Editor` reads like an editor-credit block; a short government article in it was
 * dropped whole, test/fixtures/kinds/body-writer-credit-bottom.html).
 */
const BODY_CLASS = /(^|\s)(content|article|text|body|TRS_Editor)/i;

/** Names of blocks that are clutter at any size short of a whole article (comment threads, related lists). */
const STRONG_CLUTTER_CLASS =
  /(^|[\s_-])(comments?|pinglun|related|relate|recommend|xgxw|xgyd|tuijian|rank|ranking|share|qrcode|erweima|ewm|follow|ad|ads|advert)($|[\s_-])/i;

/**
 * A block whose text (`t`, its whole text) starts with a clutter marker is clutter when it is short (under 40
 * characters) or mostly links (over half); otherwise it is prose that merely starts with a marker word
 * (`广告投放方面，…`). The one rule for both body cleaning and the in-place declutter (clutter.ts), so the page and the
 * Article keep the same text.
 */
export function isMarkerClutter(el: Element, t: string): boolean {
  const chars = countChars(t);
  return chars < 40 || linkChars(el) / chars > 0.5;
}

/** Is this block a pager (上一页/下一页 links, or a row of page numbers)? */
function isPager(el: Element): boolean {
  const t = text(el).replace(/\s+/g, '');
  if (!t || t.length > 80) return false;
  if (/(上一页|下一页|下页|上页|尾页|末页)/.test(t)) return true;
  return /^(\[?【?\d{1,3}】?\]?)+$/.test(t) && el.querySelector('a') !== null;
}

/** Options of body cleaning. */
export interface CleanOptions {
  /** Extra clutter selectors (the site rule's). */
  clutter?: readonly string[];
  /**
   * The headline, to drop its repetition at the top of the body; as a function, it is asked for only when a leading
   * block of at most HEADLINE_MAX characters could be it (finding the headline is a stage of its own that page load
   * then skips on most pages: page load's budget, scripts/bench.ts).
   */
  title?: string | (() => string);
  /** The document's <title>: a heading at the top of the body that starts it is the headline too. */
  pageTitle?: string;
}

/** The longest text taken for a repeated headline, in characters (findHeadlines takes headlines of 4–150). */
const HEADLINE_MAX = 150;

/**
 * Clean a detached body clone in place: the passes below, in this order (each reads what the one before left), then
 * mark its photo captions (markCaptions).
 * Never removes the root itself; removes nothing outside it.
 * @returns the same element
 */
export function cleanBody(root: Element, opts: CleanOptions = {}): Element {
  dropNonArticleElements(root);
  dropSelectedClutter(root, [...CLUTTER_SELECTORS, ...(opts.clutter ?? [])]);
  dropClutterContainers(root);
  dropNavigationLinks(root);
  dropNoiseLines(root, headlineMatcher(opts));
  dropBareNoiseText(root);
  dropTrailingLinkLines(root);
  dropGluedNotice(root);
  dropEmptyContainers(root);
  markCaptions(root);
  promoteSubheads(root);
  return root;
}

/**
 * Pass 1: elements that never hold article text (NON_ARTICLE_TAGS, video, audio), and forms and hidden blocks
 * (`hidden`, inline `display:none`) holding less than half of the root's text. A form holding the text is a CMS
 * template that wraps the article in a <form> (test/fixtures/breakit/form-body.html): it is unwrapped later like any
 * container. `visibility:hidden` is not hidden here: WeChat's #js_content carries it until its script reveals the
 * article (test/fixtures/engine/wechat.html), and a hidden block holding most of the body is the body.
 */
function dropNonArticleElements(root: Element): void {
  const drop: Element[] = [];
  const rootChars = countChars(root.textContent ?? '');
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toUpperCase();
    if (NON_ARTICLE_TAGS.has(tag) || tag === 'VIDEO' || tag === 'AUDIO') drop.push(el);
    else if (
      tag === 'FORM' ||
      el.hasAttribute('hidden') ||
      /display\s*:\s*none/i.test(el.getAttribute('style') ?? '')
    ) {
      if (countChars(el.textContent ?? '') < rootChars / 2) drop.push(el);
    }
  }
  drop.forEach((el) => el.remove());
}

/**
 * Pass 2: elements matching the clutter selectors (markers.ts CLUTTER_SELECTORS and the site rule's), never the root
 * and never article matter (isArticleMatter: templates reuse those class names inside the body).
 */
function dropSelectedClutter(root: Element, selectors: readonly string[]): void {
  for (const sel of selectors) {
    try {
      root.querySelectorAll(sel).forEach((el) => el !== root && !isArticleMatter(el) && el.remove());
    } catch {
      /* an invalid selector in a rule must not break extraction */
    }
  }
}

/** The longest text of a picture block taken for article matter (a picture with its caption), in characters. */
const MATTER_MAX = 200;

/**
 * Is `el`, found inside the body by a clutter selector, the article's own matter: a photo credit or caption line
 * without links (`<p class="copyright">图：新华社记者 王晓明 摄</p>`, noise-lines.ts isPhotoLine), or a picture that is
 * not a link's with a caption sentence and no links (a chart and its caption in `<div class="adv">`). Portal templates
 * reuse the names the generic selectors look for (test/fixtures/kinds/body-clutter-class-credit.html); a linked banner
 * in the same `div.adv` is still clutter.
 */
export function isArticleMatter(el: Element): boolean {
  const t = (el.textContent ?? '').trim();
  if (!t || el.querySelector('a[href]')) return false;
  if (isPhotoLine(t)) return true;
  const picture = [...el.querySelectorAll('img, picture, video')].some((m) => !m.closest('a'));
  return picture && countChars(t) <= MATTER_MAX && /[。！？!?]$/.test(t);
}

/** Pass 3: containers that are clutter by their tag, their class/id or their links (see isClutterContainer). */
function dropClutterContainers(root: Element): void {
  for (const el of [...root.querySelectorAll('div, section, ul, ol, table, aside, p, span, dl, header, footer')]) {
    if (!el.isConnected && !root.contains(el)) continue;
    if (isClutterContainer(el)) el.remove();
  }
}

/**
 * A short header, footer or aside (under 200 characters); a block named like clutter (see clutterByName) that is not
 * article matter (isArticleMatter); a list, table or div without media whose text is over 60% links and under 1,500 characters.
 */
function isClutterContainer(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  // The text is read only when a rule below needs it: most blocks are unnamed paragraphs, and reading the text of
  // every block is quadratic in nesting (the page-load cost `npm run bench` measures).
  let count = -1;
  const chars = () => (count < 0 ? (count = countChars(text(el))) : count);
  if (tag === 'HEADER' || tag === 'FOOTER' || tag === 'ASIDE') return chars() < 200;
  const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (clutterByName(el, name, chars)) return !isArticleMatter(el);
  if ((tag === 'UL' || tag === 'OL' || tag === 'DIV' || tag === 'TABLE' || tag === 'DL') && chars() && !hasMedia(el))
    return linkChars(el) / chars() > 0.6 && chars() < 1500;
  return false;
}

/**
 * Is a block clutter by its class/id `name` (never one named content/article/text/body)? A CLUTTER_CLASS name under
 * 300 characters without media, an AD_CLASS name under 300 characters, or a STRONG_CLUTTER_CLASS name under 1,500
 * characters or over 30% links. `chars` gives the block's character count (read once, on first call).
 */
function clutterByName(el: Element, name: string, chars: () => number): boolean {
  if (!name.trim() || BODY_CLASS.test(name)) return false;
  return (
    (CLUTTER_CLASS.test(name) && chars() < 300 && !hasMedia(el)) ||
    (AD_CLASS.test(name) && chars() < 300) ||
    (STRONG_CLUTTER_CLASS.test(name) && (chars() < 1500 || linkChars(el) / chars() > 0.3))
  );
}

/** Pass 4: navigation links inside paragraphs (NOISE_LINKS, under 30 characters), an icon inside such a link with it. */
function dropNavigationLinks(root: Element): void {
  for (const a of [...root.querySelectorAll('a')])
    if (NOISE_LINKS.test(text(a)) && countChars(text(a)) < 30) a.remove();
}

/** Is a leaf block (`el`, its text without whitespace `key`) the headline repeated at the top of the body? */
type HeadlineMatcher = (el: Element, key: string) => boolean;

/**
 * The repeated-headline test of CleanOptions: an h1–h3 of at least 5 characters that starts the page's <title>, or a
 * block equal to the headline (at most HEADLINE_MAX characters; the headline is asked for only then, once).
 */
function headlineMatcher(opts: CleanOptions): HeadlineMatcher {
  let titleKey: string | null = null;
  const title = (): string =>
    (titleKey ??= (typeof opts.title === 'function' ? opts.title() : (opts.title ?? '')).replace(/\s+/g, ''));
  const pageTitleKey = (opts.pageTitle ?? '').replace(/\s+/g, '');
  return (el, key) =>
    (key.length >= 5 && pageTitleKey.startsWith(key) && /^H[1-3]$/.test(el.tagName.toUpperCase())) ||
    (key.length <= HEADLINE_MAX && key === title());
}

/**
 * Pass 5: line-level noise on leaf blocks: empty blocks without media, the repeated headline (only before the first
 * line of text), then dropNoiseLeaf's related headings, noise lines, pagers and marker-headed clutter.
 */
function dropNoiseLines(root: Element, isHeadline: HeadlineMatcher): void {
  let sawText = false;
  for (const el of leafBlocks(root)) {
    if (!root.contains(el)) continue;
    const t = text(el);
    const key = t.replace(/\s+/g, '');
    if (!key) {
      if (!hasMedia(el) && el.tagName !== 'HR') el.remove();
      continue;
    }
    if (!sawText && isHeadline(el, key) && !hasMedia(el)) {
      el.remove();
      continue;
    }
    if (dropNoiseLeaf(el, t)) continue;
    sawText = true;
  }
}

/**
 * Is the leaf block `el` (its text `t`) noise? Drops it when so: a related-list heading or
 * a portal's more-news line (`更多…報導`) with the link blocks right after it, a noise line or a pager (keeping its images), or a block starting with a
 * clutter heading that isMarkerClutter takes (not when it holds media).
 * @returns true when `el` was noise (a noise line made only of media stays, but is not text either)
 */
function dropNoiseLeaf(el: Element, t: string): boolean {
  if ((RELATED_HEADING.test(t) && countChars(t) < 30) || MORE_NEWS.test(t.trim())) {
    dropRelatedList(el);
    return true;
  }
  if (isNoiseLine(t) || isPager(el)) {
    if (!hasMedia(el) || countChars(t) > 0) removeKeepingMedia(el);
    return true;
  }
  // the marker as markers.ts markerOf reads it: `分享到朋友圈的信息越来越多…` and `广告，是现代商业…` are sentences
  if (markerOf(t) && isMarkerClutter(el, t) && !hasMedia(el)) {
    el.remove();
    return true;
  }
  return false;
}

/** A related-list heading and the blocks right after it that are over half links (its link paragraphs or lists). */
function dropRelatedList(heading: Element): void {
  let next = nextBlock(heading);
  removeKeepingMedia(heading);
  while (next) {
    const after = nextBlock(next);
    const nt = countChars(text(next));
    if (nt && linkChars(next) / nt > 0.5) next.remove();
    else break;
    next = after;
  }
}

/** Pass 6: bare noise text directly in a container that also holds blocks (`<div>正在加载...<p>…</p></div>`). */
function dropBareNoiseText(root: Element): void {
  for (const el of [root, ...root.querySelectorAll('div, section, article, td, li, blockquote')]) {
    for (let n = el.firstChild; n;) {
      const next = n.nextSibling;
      if (n.nodeType === 3 && isNoiseLine(n.nodeValue ?? '')) n.parentNode?.removeChild(n);
      n = next;
    }
  }
}

/**
 * Pass 7: trailing link lines (links to other articles after the last paragraph of prose), from the end back to the
 * first block with media or with text that is not links through and through: `此前报道：<a>…</a>` is the article's own
 * reference and stays (corpus sina-5).
 */
function dropTrailingLinkLines(root: Element): void {
  const rest = [...root.querySelectorAll('p, div, li, h2, h3, h4, h5, h6, ul, ol')].filter((el) => {
    for (const c of el.children) if (BLOCK_TAGS.has(c.tagName.toUpperCase())) return false;
    return true;
  });
  for (let i = rest.length - 1; i >= 0; i--) {
    const el = rest[i];
    const n = countChars(text(el));
    if (hasMedia(el)) break;
    if (n && linkChars(el) / n < 0.95) break;
    el.remove();
  }
}

/**
 * The tail of a text after a sentence end (。！？ or a closing quote): a bracketed note (`（本文首发于…）`,
 * `(责任编辑:X)`) or a last sentence of at most 80 characters; group 1 is the sentence end, group 2 the tail.
 */
const GLUED_TAIL =
  /([。！？!?”」』])\s*([（(【[][^（(【[）)】\]]{2,80}[）)】\]]|[^。！？!?”」』（(【[]{4,80}[。！？!?]?)\s*$/;

/**
 * Pass 8: a notice or credit glued to the end of the last paragraph (`…效果明显。（本文首发于…）`, `…。(责任编辑:X)`): the
 * tail of its last text is cut when it is a noise line of its own (noise-lines.ts isNoiseLine). A wire story's `（完）`
 * is none (test/fixtures/kinds/body-glued-control-wire-end.html).
 */
function dropGluedNotice(root: Element): void {
  let last: Text | null = null;
  for (const n of textNodes(root)) if (hasChars(n.nodeValue ?? '')) last = n;
  const v = last?.nodeValue ?? '';
  const m = GLUED_TAIL.exec(v);
  if (last && m && !AUTHOR_TAIL.test(m[2]) && isNoiseLine(m[2])) last.nodeValue = v.slice(0, m.index + m[1].length);
}

/**
 * A writer's credit closing the last paragraph (`…美好生活需要。(文/图 刘玺东 易赛楠)`) is the article's own signature:
 * the corpus keeps it in the body (cjddsb-1's body_last), so dropGluedNotice leaves it.
 */
const AUTHOR_TAIL = new RegExp(`^[（(【[]?\\s*(文|图|圖|${anyOf(AUTHOR_TAIL_LABELS)})`);

/** Pass 9: containers left without text, media or a `<br>` pair (a blank line), innermost first. */
function dropEmptyContainers(root: Element): void {
  for (const el of [
    ...root.querySelectorAll('div, section, p, span, ul, ol, li, blockquote, center, strong, b, font'),
  ].reverse())
    if (!hasChars(el.textContent ?? '') && !hasMedia(el) && !el.querySelector('br ~ br')) el.remove();
}

/** The next block in document order after `el` (its next element sibling, or an ancestor's). */
function nextBlock(el: Element): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.nextElementSibling) return e.nextElementSibling;
  }
  return null;
}

/** Remove a block but keep any images in it (a noise line sharing a <p> with a photo, e.g. a caption-less image). */
function removeKeepingMedia(el: Element): void {
  const imgs = [...el.querySelectorAll('img')];
  if (imgs.length && el.parentNode) for (const img of imgs) el.parentNode.insertBefore(img, el);
  el.remove();
}

/** Captions are marked only while they are at most this share of the body: a photo story's captions are its text. */
const CAPTION_SHARE = 0.3;

/**
 * Last: mark the uncredited photo captions (noise-lines.ts isPhotoCaption: 图为…, 图注：…, 圖說：…) that are a
 * figcaption or stand right under or over an image, as CAPTION_MARK: they describe a picture, they are not the
 * article's text (corpus gmw-peer, youth-peer; test/fixtures/kinds/body-caption-*.html), but the reader still shows
 * them under it. None is marked when together they exceed CAPTION_SHARE of the body (corpus xinhuanet-2, a photo
 * story).
 */
function markCaptions(root: Element): void {
  const captions: Element[] = [];
  let chars = 0;
  for (const el of new Set([...leafBlocks(root), ...root.querySelectorAll('figcaption')])) {
    const t = text(el);
    if (!isPhotoCaption(t) || hasMedia(el)) continue;
    if (el.tagName.toUpperCase() !== 'FIGCAPTION' && !el.closest('figure') && !besideMedia(el, root)) continue;
    captions.push(el);
    chars += countChars(t);
  }
  if (!captions.length || chars > countChars(root.textContent ?? '') * CAPTION_SHARE) return;
  for (const el of captions) el.setAttribute(CAPTION_MARK, '');
}

/**
 * Is the nearest block before or after `el` (through its ancestors up to `root`, past blocks without text or media)
 * an image without text?
 */
function besideMedia(el: Element, root: Element): boolean {
  for (const dir of ['previousElementSibling', 'nextElementSibling'] as const) {
    for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
      let sib = at[dir];
      while (sib && !hasMedia(sib) && !hasChars(sib.textContent ?? '')) sib = sib[dir];
      if (!sib) continue;
      if (hasMedia(sib) && !hasChars(sib.textContent ?? '')) return true;
      break;
    }
  }
  return false;
}
