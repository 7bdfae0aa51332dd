/**
 * Is the page one article? Evidence is weighed, none is proof:
 * - the body container's strength (CJK-aware paragraph score, characters outside links, paragraph count): Readability's
 *   isProbablyReaderable needs 140-character paragraphs and so rejects Chinese bodies of short paragraphs (case 01);
 * - the page's link density (channel lists, rankings, search results and home pages are mostly links);
 * - URL shapes of Chinese CMSs (`/system/YYYY/MM/DD/*.shtml`, `/t20200315_*.htm`, `/c_*.htm`, `/doc-*.shtml`,
 *   `/a/2020/0315/*`, `/content_*.htm`, `/art/…/art_*.html`) for, and list shapes (`index.shtml`, `list_*`, `/`) against;
 * - page metadata (`og:type` article, `article:published_time`) for.
 * Weights were set on the corpus (test/fixtures/corpus, 52 pages) and the cases (test/fixtures/cases); `npm run eval`
 * prints the result.
 */
import { countChars } from './cjk';
import { NEVER_DUE, runToEnd, ticker, type Due, type Steps } from './slices';
import { linkChars, measureTextSteps, precedes } from './text';

/** The verdict with its reasons (for debugging and the popup). */
export interface Detection {
  isArticle: boolean;
  /** 0..1. */
  confidence: number;
  /** Human-readable evidence, e.g. `body 1069 chars (+2)`. */
  reasons: string[];
}

/** What detection looks at (computed by the engine). */
export interface DetectInput {
  url: string;
  /** Paragraph score of the chosen body container (see body.ts). */
  bodyScore: number;
  /** Non-whitespace characters of the cleaned body text. */
  bodyChars: number;
  /** Characters in the whole page body, and of those in links. */
  pageChars: number;
  pageLinkChars: number;
  /** Page metadata says article (og:type=article, article:published_time, JSON-LD NewsArticle). */
  metaArticle: boolean;
  /** The site rule's article URL pattern matched (null when there is no rule or no pattern). */
  ruleUrl: boolean | null;
  /** A dateline (date and time, or 来源/发布时间) stands right before the body, as on article templates. */
  dateline: boolean;
  /** Repeated items of the body container that carry a headline link or a timestamp (see listItems); 0 if none. */
  listItems: number;
  /** Same-shaped sibling posts, each with its own timestamp, the body is one of (see repeatedPosts); 0 if none. */
  posts: number;
  /** A headline that the page's <title> opens with stands before the body (see headlineBefore). */
  headline: boolean;
}

/** CMS article URL shapes (see the module note). */
const ARTICLE_URL: readonly RegExp[] = [
  /\/system\/\d{4}\/\d{2}\/\d{2}\/\w+\.s?html?$/i,
  /\/t\d{8}_\w+\.s?html?$/i,
  /\/c_\d+\.s?html?$/i,
  /\/doc-\w+\.s?html?$/i,
  /\/a\/\d{4}\/?\d{4}\//i,
  /\/a\/\d+_\d+/i,
  /\/content_\d+\.s?html?$/i,
  /\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_\w+\.html?$/i,
  /\/\d{4}-?\d{2}[-/]?\d{2}\/[\w-]+\.s?html?$/i,
  /\/n\d?\/\d{4}\/\d{4}\/c\d+-\d+\.html?$/i,
  /\/(article|detail|news|story)s?\/[\w-]{6,}/i,
  /\/c\/[0-9a-z]{8,}$/i,
  /\/\d{6,}(_\d+)?\.s?html?$/i,
  /\/(19|20)\d{2}[-/]?[01]\d[-/]?[0-3]\d\/[\w-]+\/[\w-]+\.s?html?$/i,
];

/** List/home URL shapes. */
const LIST_URL: readonly RegExp[] = [
  /\/(index|list|default)(_\d+)?\.\w+$/i,
  /\/list[_/-]/i,
  /\/$/,
  /[?&](q|wd|word|keyword|query|search)=/i,
  /\/search\b/i,
];

/** Fewest characters of a brief's body (a one-sentence 快讯 of a finance or wire page runs 50–100). */
const BRIEF_CHARS = 40;

/** Weigh the evidence. Threshold: score ≥ 2 is an article. */
export function detectArticle(x: DetectInput): Detection {
  const reasons: string[] = [];
  let s = 0;
  const add = (w: number, why: string) => {
    s += w;
    reasons.push(`${why} (${w > 0 ? '+' : ''}${w})`);
  };
  if (x.bodyChars >= 400) add(3, `body ${x.bodyChars} chars`);
  else if (x.bodyChars >= 180) add(2, `body ${x.bodyChars} chars`);
  else if (x.bodyChars >= 100) add(1, `body ${x.bodyChars} chars`);
  // a brief (快讯) under its own headline and dateline: short, still one article (kinds/article-brief-*)
  else if (x.bodyChars >= BRIEF_CHARS && x.headline && x.dateline) add(-1, `brief body ${x.bodyChars} chars`);
  else add(-3, `body only ${x.bodyChars} chars`);
  if (x.bodyScore >= 60) add(1, `body score ${Math.round(x.bodyScore)}`);
  else if (x.bodyScore < 12) add(-2, `weak body score ${Math.round(x.bodyScore)}`);
  else if (x.bodyScore < 25) add(-1, `weak body score ${Math.round(x.bodyScore)}`);
  const linkDensity = x.pageChars ? x.pageLinkChars / x.pageChars : 1;
  if (linkDensity > 0.8) add(-2, `page link density ${linkDensity.toFixed(2)}`);
  else if (linkDensity > 0.7) add(-1, `page link density ${linkDensity.toFixed(2)}`);
  const share = x.pageChars ? x.bodyChars / (x.pageChars - x.pageLinkChars || 1) : 0;
  if (share < 0.1) add(-1, `body is ${Math.round(share * 100)}% of the page's text`);
  let path = '';
  try {
    const u = new URL(x.url);
    path = u.pathname + u.search;
  } catch {
    /* no usable URL: no URL evidence */
  }
  if (x.ruleUrl === true || ARTICLE_URL.some((re) => re.test(path))) add(1, 'article URL shape');
  else if (path && LIST_URL.some((re) => re.test(path))) add(-1, 'list URL shape');
  if (x.metaArticle) add(1, 'page metadata says article');
  if (x.headline) add(1, 'headline of the page title before the body');
  if (x.dateline) add(1, 'dateline before the body');
  if (x.listItems) add(-4, `body is ${x.listItems} repeated items with headline links or timestamps`);
  if (x.posts) add(-4, `body is one of ${x.posts} dated posts`);
  const isArticle = s >= 2;
  const confidence = 1 / (1 + Math.exp(-(s - 1.5)));
  return { isArticle, confidence: Math.round(confidence * 100) / 100, reasons };
}

const TIMESTAMP = /(19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}|(19|20)\d{2}-\d{2}-\d{2}/;

/**
 * Is the body a list of items (channel list with summaries, search results, forum posts, comments) rather than one
 * text? Looks at the container's children (through wrappers holding most of its text): the largest group of siblings with the
 * same tag and class, when it has at least 4 members, covers half of the text, and most members start with a headline
 * link (6+ characters within their first 40) or carry a timestamp, and items average under 300 characters. Article
 * paragraphs are plain text and do not.
 * The body may be given as the sibling containers it is split into (body.ts bodySiblings): they are then read as the
 * children of one wrapper, without copying them.
 * @returns the number of such items, or 0
 */
export function listItems(container: Element | readonly Element[]): number {
  return runToEnd(listItemsSteps(container, NEVER_DUE));
}

/** listItems in slices (slices.ts): its loops over the children yield whenever `due()` says so. */
export function* listItemsSteps(container: Element | readonly Element[], due: Due): Steps<number> {
  const tick = ticker(due);
  // descend through wrappers: a single child, or a child holding most of the text (a list next to its pager)
  let kids: readonly Element[] = Array.isArray(container) ? container : [...(container as Element).children];
  // the elements whose text is the one being read (measured piece by piece: text.ts measureTextSteps)
  let text: readonly Element[] = Array.isArray(container) ? container : [container as Element];
  for (let i = 0; i < 3; i++) {
    if (kids.length === 1) {
      text = [kids[0]];
      kids = [...kids[0].children];
      continue;
    }
    const all = yield* measureTextSteps(text, (t) => t.length, due);
    let main: Element | undefined;
    for (const c of kids) {
      if (tick()) yield;
      if ((c.textContent ?? '').length >= all * 0.8) {
        main = c;
        break;
      }
    }
    if (!main || main.children.length < 4) break;
    text = [main];
    kids = [...main.children];
  }
  const groups = new Map<string, Element[]>();
  for (const c of kids) {
    if (tick()) yield;
    const key = `${c.tagName}.${c.getAttribute('class') ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  // (read only for a group that is list-like otherwise: prose paragraphs stop early)
  let total: number | null = null;
  let best = 0;
  for (const members of groups.values()) {
    if (members.length < 4) continue;
    let chars = 0;
    let marked = 0;
    let left = members.length;
    let listLike = true;
    for (const m of members) {
      if (tick()) yield;
      // prose paragraphs carry no headline links: stop once 60% marked is out of reach (same result, less work)
      if (marked + left-- < members.length * 0.6) {
        listLike = false;
        break;
      }
      const t = (m.textContent ?? '').replace(/\s+/g, '');
      chars += t.length;
      const a = m.querySelector('a');
      const linkText = (a?.textContent ?? '').replace(/\s+/g, '');
      const headline =
        linkText.length >= 6 && t.indexOf(linkText) >= 0 && t.indexOf(linkText) < 40 && linkText.length < t.length;
      if (headline || TIMESTAMP.test(t)) marked++;
    }
    // items are short (a summary, a post, a result); long linked sections are a document's chapters
    if (!listLike || marked < 4 || marked < members.length * 0.6 || chars / members.length >= 300) continue;
    total ??= yield* measureTextSteps(text, (t) => t.replace(/\s+/g, '').length, due);
    if (chars >= total * 0.5) best = Math.max(best, marked);
  }
  return best;
}

/** An element's shape for comparing siblings: tag, class, and id with its digits dropped (`post_101` → `post_`). */
function shapeOf(el: Element): string {
  return `${el.tagName}.${el.getAttribute('class') ?? ''}#${(el.getAttribute('id') ?? '').replace(/\d+/g, '')}`;
}

const TIMESTAMPS = new RegExp(TIMESTAMP.source, 'g');

/** Characters of an element's text with its timestamps left out (cjk.ts countChars), and of those inside links. */
function textAndLinks(el: Element): { chars: number; linkChars: number } {
  return { chars: countChars((el.textContent ?? '').replace(TIMESTAMPS, '')), linkChars: linkChars(el) };
}

/**
 * Is the body one post of a thread? Walks up to twelve ancestors of the body container (a Discuz! post nests its text ten deep); at each, counts the siblings of
 * the same shape (shapeOf) that read as posts: their own timestamp, and besides it at least 10 characters, mostly
 * outside links (a sidebar's dated headline list is mostly links: test/fixtures/kinds/article-beside-dated-boxes.html). Three or more make the page a thread of posts (a forum
 * thread with a long first post: test/fixtures/kinds/nonarticle-forum-thread.html), not one article.
 * @returns the number of dated posts in the first group of three or more, or 0
 */
export function repeatedPosts(body: Element): number {
  let el: Element | null = body;
  for (let level = 0; el?.parentElement && level < 12; el = el.parentElement, level++) {
    const parent: Element = el.parentElement;
    if (parent.tagName === 'BODY' || parent.tagName === 'HTML') break;
    const shape = shapeOf(el);
    const same = [...parent.children].filter((c) => shapeOf(c) === shape);
    if (same.length < 3) continue;
    let posts = 0;
    for (const c of same) {
      const { chars, linkChars } = textAndLinks(c);
      if (chars >= 10 && linkChars < chars * 0.5 && TIMESTAMP.test(c.textContent ?? '')) posts++;
    }
    if (posts >= 3) return posts;
  }
  return 0;
}

/** Text without whitespace. */
const squeezed = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, '');

/**
 * Does a headline stand before the body: an h1–h3 of at least 6 characters, earlier in the document than the body
 * container (text.ts precedes: linkedom's compareDocumentPosition is wrong across subtrees), that the page's <title> opens with (`标题_栏目_站名`)? Article templates print their title so; a channel
 * or list page's heading is its channel name, which its <title> may open with but which is short.
 */
export function headlineBefore(doc: Document, body: Element): boolean {
  const title = squeezed(doc.querySelector('title')?.textContent);
  if (title.length < 6) return false;
  for (const h of doc.querySelectorAll('h1, h2, h3')) {
    const text = squeezed(h.textContent);
    if (text.length < 6 || !title.startsWith(text)) continue;
    if (precedes(h, body)) return true;
  }
  return false;
}
