/**
 * Cleaning of the chosen body (a detached clone; the page is never touched): drop clutter by site rule, by class
 * name, by Chinese marker text and by link density, then drop in-body noise lines (原标题, 本文来源/责任编辑 credits,
 * video-player placeholders, 点击进入专题, 返回…首页, disclaimers, promos, pagers, a repeated title).
 * Sources of the patterns: the corpus labels `body_noise` and `must_not_contain` (test/fixtures/corpus/labels.jsonl)
 * and cases 03, 15, 16, 17 and 22 (test/fixtures/cases); they are written for the kind of line (every portal words
 * them alike), not for one page. The words they look for are vocabulary.ts lists.
 */
import { BLOCK_TAGS, NON_ARTICLE_TAGS } from './body';
import { countChars, hasChars } from './cjk';
import { CLUTTER_HEADINGS, CLUTTER_SELECTORS } from './markers';
import {
  CREDIT_LINE_LABELS,
  DATE_LINE_LABELS,
  PADDED_ROLE_LABELS,
  RELATED_HEADINGS,
  RELATED_LINES,
  SOURCE_LINE_LABELS,
  anyOf,
  anyOfPadded,
} from './vocabulary';

/**
 * Whole-line noise: a short block whose text matches one of these is not body text. Anchored at the start (after
 * optional brackets) so a sentence that merely mentions e.g. 来源 survives.
 */
const NOISE_LINES: readonly RegExp[] = [
  /^[（(【[]?\s*原标题/,
  new RegExp(`^[（(【[]?\\s*(${anyOf(SOURCE_LINE_LABELS)})\\s*[:：]`),
  /^[（(【[]?\s*(本文)?来自[^，。]{1,20}[，,].{0,20}下载/,
  new RegExp(`^[（(【[]?\\s*(${anyOf(CREDIT_LINE_LABELS)}|${anyOfPadded(PADDED_ROLE_LABELS)})\\s*[:：︰|︱｜/]`),
  /^[（(【[]?\s*(免责|特别|版权|平台|郑重)?声明\s*[】\]:：]/,
  /^[（(【[]?\s*(免责声明|特别声明|版权声明)/,
  /不构成.{0,8}投资建议/,
  /仅代表作者(本人)?(个人)?观点/,
  /^点击进入/,
  /^返回.{0,10}(首页|搜狐)/,
  /您的浏览器.{0,6}(无法|不支持|不能).{0,4}播放/,
  /(浏览器|播放器).{0,12}(不支持|无法播放|版本过低|加载中)/,
  /^视频(加载中|载入中)/,
  /请(安装|升级|更新).{0,10}(Flash|flash|浏览器|播放器)/,
  /^分享\s*[:：]/,
  /关注.{0,12}(客户端|APP|App|app|微博|抖音|视频号)/,
  /(关注|關注).{0,12}(公众号|公眾號|微信号|微信號)/,
  /(下载|下載|打开|打開).{0,12}(APP|App|app|客户端|客戶端)/,
  /(粉丝团|粉絲團|按个赞|按個讚)/,
  /^(正在加载|加载中|載入中)/,
  /^(精彩|热门|熱門|更多)?(视频|視頻|图片|圖片)?推荐$/,
  /(权益|版权|版權)归.{0,16}(所有|享有)|独家所有/,
  /^(文章)?关键词\s*[:：]/,
  /^\S{0,6}声明\s*[:：]/,
  /^(展开全文|查看全文|展开阅读全文|阅读全文|点击查看全文)/,
  /^(文章)?标签\s*[:：]/,
  /(打印本页|关闭窗口|打印此页|收藏本页|【打印】|【关闭】)/,
  /^[【[]?\s*字[体号]\s*[:：]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中/,
  new RegExp(`^(${anyOf(DATE_LINE_LABELS)})\\s*[:：]`),
  // site footer lines that slip into a body container
  /Copyright|All Rights Reserved|ICP[备证]|版权所有|返回顶部|网站地图|关于我们.{0,6}联系我们|举报(电话|邮箱|中心|入口)|^举报$|违法和不良信息/i,
  /(浏览次数|阅读次数|点击数|阅读量|浏览量)\s*[:：]/,
  /(长按|扫描|扫码|识别).{0,8}二维码/,
  /^(点击|戳).{0,6}(蓝字|关注|阅读原文)/,
  /^(欢迎|敬请|请)关注/,
  /^(本文)?(转载|转自|摘自)[于自]?\s*[:：]?/,
  /转载请(注明|联系|务必)/,
  /^未经.{0,12}(授权|许可|同意).{0,12}(转载|使用|复制)/,
  /^版权(所有|归|声明)/,
  /^(分享到|分享至|转发到|转播到|扫一扫|扫描二维码)/,
  /^发布于\s*[:：]/,
  // a bare timestamp line (date and time) is the info line; a bare date may be a transcript's dateline (corpus cmse-1)
  /^(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s*\d{1,2}:\d{2}(:\d{2})?$/,
  /^(上一篇|下一篇)\s*[:：]/,
  /^(上一页|下一页|首页|尾页|末页)$/,
  new RegExp(`^(${anyOf(RELATED_LINES)})\\s*[:：]?$`),
];

/** Link texts that are navigation even inside a paragraph (`…道阻且长。返回腾讯网首页>>`). */
const NOISE_LINKS =
  /^[【[]?\s*(返回.{0,10}(首页|搜狐|频道)|点击进入(专题)?|查看更多|查看原文|阅读原文|进入专题|更多精彩|展开全文|查看全文|下载.{0,8}(APP|客户端))/i;

/** A block of this many characters or fewer may be a noise line (long paragraphs are prose even if they match). */
const NOISE_MAX = 120;

/** A related-list heading: the block and the link lists after it are dropped. */
const RELATED_HEADING = new RegExp(`^[【[]?\\s*(${anyOf(RELATED_HEADINGS)})\\s*[】\\]]?\\s*[:：]?`);

/** Class/id words of clutter inside a body container (share bars, related lists in pinyin, pagers, ads). */
const CLUTTER_CLASS =
  /(^|[\s_-])(share|sharebar|bdshare|related|relate|recommend|xgxw|xgyd|tuijian|tj|rank|hot|comment|pinglun|copyright|banqian|statement|disclaimer|pager|pages|page-?nav|pagination|fenye|ad|ads|advert|qrcode|erweima|ewm|weixin|wx|follow|keywords|tags?|editor|zrbj|bianji|source|laiyuan|hide_word|backsohu|back|info|article-info|time|date|pubtime|byline|meta)($|[\s_-])/i;

/** camelCase and snake ad containers (`adInContent`, `gg_ad`, `ad_box`); case-sensitive so `adopt`, `header` pass. */
const AD_CLASS = /(^|\s)(ad[A-Z0-9]\w*|\w+_ad|ad_\w+|gg\d*x\d+|gg_\w+)(\s|$)/;

/** Names of blocks that are clutter at any size short of a whole article (comment threads, related lists). */
const STRONG_CLUTTER_CLASS =
  /(^|[\s_-])(comments?|pinglun|related|relate|recommend|xgxw|xgyd|tuijian|rank|ranking|share|qrcode|erweima|ewm|follow|ad|ads|advert)($|[\s_-])/i;

function text(el: Element): string {
  return (el.textContent ?? '').trim();
}

function linkChars(el: Element): number {
  let n = 0;
  for (const a of el.querySelectorAll('a')) n += countChars(a.textContent ?? '');
  return n;
}

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

/** Is `t` (a block's whole text) a noise line? */
export function isNoiseLine(t: string): boolean {
  const s = t.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
  if (!s || countChars(s) > NOISE_MAX) return false;
  return NOISE_LINES.some((re) => re.test(s));
}

/** Is this block a pager (上一页/下一页 links, or a row of page numbers)? */
function isPager(el: Element): boolean {
  const t = text(el).replace(/\s+/g, '');
  if (!t || t.length > 80) return false;
  if (/(上一页|下一页|下页|上页|尾页|末页)/.test(t)) return true;
  return /^(\[?【?\d{1,3}】?\]?)+$/.test(t) && el.querySelector('a') !== null;
}

function hasMedia(el: Element): boolean {
  return el.tagName === 'IMG' || el.querySelector('img, video, picture') !== null;
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
 * Clean a detached body clone in place: the passes below, in this order (each reads what the one before left).
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
  dropEmptyContainers(root);
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

/** Pass 2: elements matching the clutter selectors (markers.ts CLUTTER_SELECTORS and the site rule's), never the root. */
function dropSelectedClutter(root: Element, selectors: readonly string[]): void {
  for (const sel of selectors) {
    try {
      root.querySelectorAll(sel).forEach((el) => el !== root && el.remove());
    } catch {
      /* an invalid selector in a rule must not break extraction */
    }
  }
}

/** Pass 3: containers that are clutter by their tag, their class/id or their links (see isClutterContainer). */
function dropClutterContainers(root: Element): void {
  for (const el of [...root.querySelectorAll('div, section, ul, ol, table, aside, p, span, dl, header, footer')]) {
    if (!el.isConnected && !root.contains(el)) continue;
    if (isClutterContainer(el)) el.remove();
  }
}

/**
 * A short header, footer or aside (under 200 characters); a block named like clutter (see clutterByName); a list,
 * table or div without media whose text is over 60% links and under 1,500 characters.
 */
function isClutterContainer(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  // The text is read only when a rule below needs it: most blocks are unnamed paragraphs, and reading the text of
  // every block is quadratic in nesting (the page-load cost `npm run bench` measures).
  let count = -1;
  const chars = () => (count < 0 ? (count = countChars(text(el))) : count);
  if (tag === 'HEADER' || tag === 'FOOTER' || tag === 'ASIDE') return chars() < 200;
  const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (clutterByName(el, name, chars)) return true;
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
  if (!name.trim() || /(^|\s)(content|article|text|body)/i.test(name)) return false;
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

/** Leaf blocks of `root` in document order: BLOCK_TAGS elements (no table parts) without a block child. */
function leafBlocks(root: Element): Element[] {
  const leaves: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toUpperCase();
    if (!BLOCK_TAGS.has(tag) || tag === 'TD' || tag === 'TR' || tag === 'TABLE' || tag === 'TBODY') continue;
    let leaf = true;
    for (const c of el.children)
      if (BLOCK_TAGS.has(c.tagName.toUpperCase())) {
        leaf = false;
        break;
      }
    if (leaf) leaves.push(el);
  }
  return leaves;
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
    if (dropNoiseLeaf(el, t, key)) continue;
    sawText = true;
  }
}

/**
 * Is the leaf block `el` (its text `t`, without whitespace `key`) noise? Drops it when so: a related-list heading
 * with the link blocks right after it, a noise line or a pager (keeping its images), or a block starting with a
 * clutter heading that isMarkerClutter takes (not when it holds media).
 * @returns true when `el` was noise (a noise line made only of media stays, but is not text either)
 */
function dropNoiseLeaf(el: Element, t: string, key: string): boolean {
  if (RELATED_HEADING.test(t) && countChars(t) < 30) {
    dropRelatedList(el);
    return true;
  }
  if (isNoiseLine(t) || isPager(el)) {
    if (!hasMedia(el) || countChars(t) > 0) removeKeepingMedia(el);
    return true;
  }
  if (CLUTTER_HEADINGS.some((h) => key.startsWith(h)) && isMarkerClutter(el, t) && !hasMedia(el)) {
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

/** Pass 8: containers left without text, media or a `<br>` pair (a blank line), innermost first. */
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
