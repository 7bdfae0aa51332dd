/**
 * Body selection by CJK-aware text density: one read-only pass over the page (the given document is never touched).
 *
 * Scoring follows Readability's idea (paragraph scores flow up to their containers, discounted by link density) with
 * the two changes CJK pages need: a paragraph counts from 8 characters (Readability's 25-character floor drops the
 * short sentences of Chinese bodies, case 03) and CJK clause punctuation (，。；、！？) counts like ASCII commas
 * (Readability counts only ASCII commas, so Chinese prose scores as if it had none). Length counts in characters,
 * one point per 50 (a CJK character carries about what a short English word does).
 */
import { countAll, countChars } from './cjk';
import { MARKER_LEADS, NO_MARKER_TEXT, isMarkerText } from './markers';
import { isStreamBlock, isStreamBlockSteps, streamAmongSteps } from './streams';
import { textNodes } from './text';
import { CHECK_EVERY, NEVER_DUE, runToEnd, ticker, type Due, type Steps } from './slices';

/** Tags whose content is never article text. */
export const NON_ARTICLE_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'NOFRAMES',
  'NOEMBED',
  'TEMPLATE',
  'IFRAME',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'BUTTON',
  'INPUT',
  'SVG',
  'CANVAS',
  'OBJECT',
  'EMBED',
  'NAV',
  'HEAD',
  'LINK',
  'META',
]);

/** Block-level tags: they end an inline run (a "paragraph"). */
export const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'TD',
  'TH',
  'LI',
  'UL',
  'OL',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'FIGURE',
  'FIGCAPTION',
  'DL',
  'DT',
  'DD',
  'CENTER',
  'FORM',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'ADDRESS',
  'HR',
  'BODY',
  'FIELDSET',
  'DETAILS',
  'SUMMARY',
  'CAPTION',
]);

/** Tag kinds for the body pass: NON_ARTICLE_TAGS, BLOCK_TAGS and BR (which ends a run like a block), anything else inline. */
const INLINE = 0;
const BLOCK = 1;
const SKIP = 2;
const TAG_KIND = new Map<string, number>([
  ...[...BLOCK_TAGS, 'BR'].map((t) => [t, BLOCK] as const),
  ...[...NON_ARTICLE_TAGS].map((t) => [t, SKIP] as const),
]);
/** Tag names as the DOM may report them (upper case for HTML, lower case for svg and XHTML) → upper case. */
const TAG_CASE = new Map<string, string>(
  [...TAG_KIND.keys(), 'A', 'SPAN', 'IMG', 'FONT', 'STRONG', 'B', 'EM', 'I', 'U', 'SMALL', 'LABEL'].flatMap(
    (t) =>
      [
        [t, t],
        [t.toLowerCase(), t],
      ] as [string, string][],
  ),
);

/** The totals of an element without text (shared, never changed). */
const NO_TEXT: NodeStats = Object.freeze({ chars: 0, linkChars: 0, punct: 0, cjk: 0, score: 0, paragraphs: 0 });

/** Class/id words of containers that hold article text (positive) or clutter (negative); Readability's lists plus
 * the pinyin and English class names of Chinese portals (zw = 正文, xgxw = 相关新闻, tj = 推荐). */
const POSITIVE =
  /article|body|content|entry|main|post|text|detail|story|news_txt|zw|zhengwen|endtext|post_text|rich_media|cont/i;
// long words match anywhere (commentBox, sidebarLeft); short ones only as whole words, so photo, inside, stage,
// and container are not taken for hot, side, tag, nav
const NEGATIVE =
  /comment|footer|sidebar|related|recommend|ranking|share|copyright|banner|advert|xgxw|tuijian|login|breadcrumb|crumb|pager|widget|popup|qrcode|weixin|(^|[\s_-])(foot|side|rank|hot|nav|menu|ad|ads|header|tags?|page|list|hotnews|more)($|[\s_-])/i;

/** Per-element statistics of one pass. */
export interface NodeStats {
  /** Non-whitespace characters in the subtree (skipped tags excluded). */
  chars: number;
  /** Of those, characters inside links. */
  linkChars: number;
  /** Clause punctuation marks. */
  punct: number;
  /** CJK characters. */
  cjk: number;
  /** Paragraph score accumulated from descendants. */
  score: number;
  /** Paragraph-like inline runs counted for this element. */
  paragraphs: number;
}

/** The result of body selection. */
export interface BodyChoice {
  /** The chosen container in the original document (read-only), or null. */
  element: Element | null;
  /**
   * The body as several containers, in document order: the sibling containers it is split into (`element` among
   * them), or the children of `element` that are no stream beside the article (partsWithoutStreams); empty when the
   * body is `element` whole.
   */
  siblings: Element[];
  /** Final score of the chosen container. */
  score: number;
  /** Statistics of the elements with text or a score (an element without a record has neither). */
  stats: Map<Element, NodeStats>;
  /** Totals over the page body. */
  page: NodeStats;
  /** The marker texts of the page body, as the pass found them; see MarkerTexts. */
  markers: MarkerTexts;
}

/**
 * The text nodes under `root` (the page's <body>, or <html> on a page without one) that start with a clutter marker
 * (markers.ts markerOf), in document order, when the pass ran: exactly those the declutter's findClutterBlocks would
 * find by walking the body's text itself (text under tags the pass does not score, as nav or button, included; a
 * text whose parent is in markers.ts NO_MARKER_TEXT excluded). Gathered by the body pass so page load reads the text
 * once (page load's budget, scripts/bench.ts); the page may change them afterwards (clutter.ts currentMarkerTexts).
 */
export interface MarkerTexts {
  root: Element;
  texts: readonly Text[];
}

/**
 * The page's <body>. Never `doc.body` in extraction code: linkedom's getter only looks right after <head> and, when
 * anything sits between (a stray <img> in saved pages, corpus chinacomcn-1), inserts a new empty <body> into the
 * document, which both mutates the page and hides its text.
 */
function pageBody(doc: Document): Element {
  return doc.querySelector('body') ?? doc.documentElement;
}

/** Readability-style class weight: -25 for a NEGATIVE class/id name, +25 for a POSITIVE one (both may apply). */
function classWeight(el: Element): number {
  const s = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (s.length < 2) return 0;
  let w = 0;
  if (NEGATIVE.test(s)) w -= 25;
  if (POSITIVE.test(s)) w += 25;
  return w;
}

/** Link density of a stats record (0..1). */
export function linkDensity(s: NodeStats): number {
  return s.chars ? s.linkChars / s.chars : 0;
}

/** Score of one paragraph (an inline run): 0 under 8 characters or over half links, else 1 + punctuation + length. */
function paragraphScore(chars: number, linkChars: number, punct: number): number {
  if (chars < 8 || linkChars > chars * 0.5) return 0;
  return 1 + punct + Math.min(chars / 50, 3);
}

/** A fresh stats record with nothing counted. */
function emptyStats(): NodeStats {
  return { chars: 0, linkChars: 0, punct: 0, cjk: 0, score: 0, paragraphs: 0 };
}

/**
 * Score the page and pick the body container; elements `skip` accepts are not scored.
 * Cost: one walk over the body (BodyPass) plus a pass over the scored candidates (bestCandidate). On the way the walk
 * gathers the clutter marker texts (`markers`). chooseBodySteps in one go.
 */
export function chooseBody(doc: Document, skip?: (el: Element) => boolean): BodyChoice {
  return runToEnd(chooseBodySteps(doc, NEVER_DUE, skip));
}

/** Walks restarted at most this often when the page moves the walk's place between slices (then one go). */
const MAX_RESTARTS = 3;

/**
 * chooseBody in slices (slices.ts): the walk yields whenever `due()` says so and resumes where it stopped. When the
 * page changed the nodes the walk stands on between two slices (removed or moved them: BodyPass.intact), the walk
 * starts over, after MAX_RESTARTS in one go; changes elsewhere are what the page might have made just after a walk
 * in one go (the declutter's marker texts follow them: src/content/marker-watch.ts).
 * @returns the same BodyChoice as chooseBody on the page as the walk read it
 */
export function* chooseBodySteps(doc: Document, due: Due, skip?: (el: Element) => boolean): Steps<BodyChoice> {
  let root = pageBody(doc);
  let pass = new BodyPass(root, skip);
  for (let restarts = 0; !pass.walk(restarts < MAX_RESTARTS ? due : NEVER_DUE);) {
    yield;
    if (!pass.intact()) {
      // from the page's body as it is now: a page that replaced <body> (document.write, Turbo-style navigation) has
      // a new one
      root = pageBody(doc);
      pass = new BodyPass(root, skip);
      restarts++;
    }
  }
  const page = pass.page!;
  if (due()) yield;
  const { element, score } = yield* bestCandidate(pass.candidates, pass.stats, due);
  if (due()) yield;
  let siblings = element ? bodySiblings(element, score, pass.stats) : [];
  if (due()) yield;
  if (element && !siblings.length) siblings = yield* partsWithoutStreams(element, pass.stats, due);
  return { element, siblings, score, stats: pass.stats, page, markers: { root, texts: pass.markers } };
}

/** A stream outscoring the article is passed over for a candidate scoring at least this share of it. */
const STREAM_RIVAL_SHARE = 0.3;

/**
 * The candidate with the highest final score, (score + class weight) × (1 − link density); null when none is above 0.
 * When that candidate is a stream (streams.ts: a teaser feed or a comment stream long enough to outscore the article
 * it hangs under; test/fixtures/kinds/body-comments-generated-classes.html), the best candidate neither inside nor
 * around it with at least three paragraphs and STREAM_RIVAL_SHARE of its score is the body instead. A thread of
 * posts or a channel list has no such rival outside its items, so it stays what it is (detect.ts reads it as a list).
 */
function* bestCandidate(
  candidates: readonly Element[],
  stats: Map<Element, NodeStats>,
  due: Due,
): Steps<{ element: Element | null; score: number }> {
  let best: Element | null = null;
  let bestScore = 0;
  const tick = ticker(due);
  for (const el of candidates) {
    if (tick()) yield;
    const final = finalScore(el, stats);
    if (final > bestScore) {
      bestScore = final;
      best = el;
    }
  }
  if (best && (yield* isStreamBlockSteps(best, due))) {
    const rival = streamRival(best, bestScore, candidates, stats);
    if (rival) return rival;
  }
  return { element: best, score: bestScore };
}

/** A candidate's final score: (score + class weight) × (1 − link density). */
function finalScore(el: Element, stats: Map<Element, NodeStats>): number {
  const s = stats.get(el)!;
  return (s.score + classWeight(el)) * (1 - linkDensity(s));
}

/** The best candidate to take instead of the stream `stream` (see bestCandidate), or null. */
function streamRival(
  stream: Element,
  streamScore: number,
  candidates: readonly Element[],
  stats: Map<Element, NodeStats>,
): { element: Element; score: number } | null {
  let rival: { element: Element; score: number } | null = null;
  for (const el of candidates) {
    const final = finalScore(el, stats);
    if (final < streamScore * STREAM_RIVAL_SHARE || (rival && final <= rival.score)) continue;
    if (stats.get(el)!.paragraphs < 3 || stream.contains(el) || el.contains(stream)) continue;
    if (!isStreamBlock(el)) rival = { element: el, score: final };
  }
  return rival;
}

/** An element being visited by BodyPass: its running totals and the inline run being scored. */
interface Frame {
  el: Element;
  /** Upper-case tag name. */
  tag: string;
  /** Inside a link (the element or an ancestor is an A). */
  link: boolean;
  /** Its kind as its parent's child (BLOCK or INLINE): how its totals join the parent's. */
  kind: number;
  total: NodeStats;
  runChars: number;
  runLink: number;
  runPunct: number;
  sawBlock: boolean;
  /** The next child to read, or null when all were read. */
  next: ChildNode | null;
}

/**
 * The one read-only walk of chooseBody over the page body: per-element totals (`stats`), paragraph scores credited to
 * up to four ancestors (`candidates`: the elements that received one), and the marker texts (`markers`: a text node
 * whose first counted character may start a marker gets the full marker test; a subtree the walk does not score, as
 * nav, button or svg, is searched for them with a text walker). This walk reads every node of the page at page load,
 * so it is resumable (walk stops when its slice is due and goes on from the same node) and keeps the elements being
 * visited in stacks: `path` and `totals` for the credits, `frames` for each one's inline run and next child.
 */
class BodyPass {
  /** Statistics of the elements with text or a score (an element without a record has neither). */
  readonly stats = new Map<Element, NodeStats>();
  /** Elements that received a paragraph score, in the order they first did. */
  readonly candidates: Element[] = [];
  /** Text nodes starting with a clutter marker, in document order (body.ts MarkerTexts). */
  readonly markers: Text[] = [];
  /** The root's totals once the walk is done. */
  page: NodeStats | null = null;
  /**
   * The elements being visited (root first) and their running totals: credits go to them without a Map lookup, and
   * only elements that end up with text or a score are kept in `stats` (most elements of a page have neither).
   */
  private readonly path: Element[] = [];
  private readonly totals: NodeStats[] = [];
  private readonly frames: Frame[] = [];

  constructor(
    private readonly root: Element,
    private readonly skip?: (el: Element) => boolean,
  ) {
    this.enter(root, root.tagName.toUpperCase(), false, BLOCK);
  }

  /**
   * Walk on until the body is read (true) or `due()` says the slice is over (false: call again to go on). Counts
   * each element's text, scores its inline runs (text and inline elements between blocks) and credits them: a block
   * whose content is one inline run is a paragraph of its parent; a mixed block owns its runs; an inline element's
   * run is counted by its parent.
   */
  walk(due: Due): boolean {
    const frames = this.frames;
    let count = 0;
    while (frames.length) {
      if (++count === CHECK_EVERY) {
        if (due()) return false;
        count = 0;
      }
      const f = frames[frames.length - 1];
      const n = f.next;
      if (!n) {
        this.leave(f);
        continue;
      }
      f.next = n.nextSibling;
      const type = n.nodeType;
      if (type === 3) this.readText(f, n);
      else if (type === 1) this.readElement(f, n as Element);
    }
    return true;
  }

  /**
   * Can the walk go on after a slice: every element it stands in is still the child of the one above, under the
   * root in the document, and the next child to read is still theirs. False when the page removed or moved them.
   */
  intact(): boolean {
    const frames = this.frames;
    if (!this.root.isConnected) return false;
    for (let i = 0; i < frames.length; i++) {
      const f = frames[i];
      if (i > 0 && f.el.parentNode !== frames[i - 1].el) return false;
      if (f.next && f.next.parentNode !== f.el) return false;
    }
    return true;
  }

  /** Start visiting `el` (its upper-case tag name `tag`, inside a link or not, its `kind` as a child). */
  private enter(el: Element, tag: string, inLink: boolean, kind: number): void {
    const total = emptyStats();
    this.path.push(el);
    this.totals.push(total);
    this.frames.push({
      el,
      tag,
      link: inLink || tag === 'A',
      kind,
      total,
      runChars: 0,
      runLink: 0,
      runPunct: 0,
      sawBlock: false,
      next: el.firstChild,
    });
  }

  /** Finish the element of frame `f` (the top one): score its last run, keep its totals, join them to its parent's. */
  private leave(f: Frame): void {
    const index = this.frames.length - 1;
    if (f.runChars && (f.sawBlock || BLOCK_TAGS.has(f.tag)))
      this.scoreRun(f.sawBlock ? index : index - 1, f.runChars, f.runLink, f.runPunct);
    this.path.pop();
    this.totals.pop();
    this.frames.pop();
    const total = f.total;
    if (total.chars || total.score) this.stats.set(f.el, total);
    const parent = this.frames[index - 1];
    if (parent) this.join(parent, total, f.kind, index - 1);
    else this.page = total;
  }

  /** A text child of frame `f`'s element: its counts join the element's totals and its current run. */
  private readText(f: Frame, n: Node): void {
    const { chars: c, punct: p, cjk: k, lead } = countAll(n.nodeValue ?? '');
    if (!c) return;
    this.noteMarker(n, lead);
    const total = f.total;
    total.chars += c;
    total.punct += p;
    total.cjk += k;
    f.runChars += c;
    f.runPunct += p;
    if (f.link) {
      total.linkChars += c;
      f.runLink += c;
    }
  }

  /** An element child of frame `f`'s element: skipped (markers only), read at once (shallowStats), or entered. */
  private readElement(f: Frame, child: Element): void {
    // known HTML tag names map to their kind in one lookup (no upper-casing per element)
    const childTag = TAG_CASE.get(child.tagName) ?? child.tagName.toUpperCase();
    const kind = TAG_KIND.get(childTag) ?? INLINE;
    if (kind === SKIP || (this.skip && this.skip(child))) {
      this.markersIn(child);
      return;
    }
    const index = this.frames.length - 1;
    const s = this.shallowStats(child, childTag, f.link, index);
    if (s) this.join(f, s, kind, index);
    else this.enter(child, childTag, f.link, kind);
  }

  /**
   * A child's totals `s` join frame `f` (at `index` of the path): a block child ends the current run (scored on the
   * element), an inline child's text joins it (its own block children, if any, were scored inside it).
   */
  private join(f: Frame, s: NodeStats, kind: number, index: number): void {
    const total = f.total;
    total.chars += s.chars;
    total.linkChars += s.linkChars;
    total.punct += s.punct;
    total.cjk += s.cjk;
    if (kind === BLOCK) {
      if (f.runChars) this.scoreRun(index, f.runChars, f.runLink, f.runPunct);
      f.runChars = f.runLink = f.runPunct = 0;
      f.sawBlock = true;
    } else {
      f.runChars += s.chars;
      f.runLink += s.linkChars;
      f.runPunct += s.punct;
    }
  }

  /**
   * Fast paths with visit's own results, for most elements of a page: an element without children has no text; an
   * element holding one text node has that text's counts, and, when a block, is one paragraph of the element at
   * `parentIndex`. Null for any other element (visit it).
   */
  private shallowStats(child: Element, childTag: string, link: boolean, parentIndex: number): NodeStats | null {
    const first = child.firstChild;
    if (!first) return NO_TEXT;
    if (first.nodeType !== 3 || first.nextSibling) return null;
    const { chars: c, punct: p, cjk: k, lead } = countAll(first.nodeValue ?? '');
    if (!c) return NO_TEXT;
    this.noteMarker(first, lead);
    const lc = link || childTag === 'A' ? c : 0;
    const s: NodeStats = { chars: c, linkChars: lc, punct: p, cjk: k, score: 0, paragraphs: 0 };
    this.stats.set(child, s);
    if (BLOCK_TAGS.has(childTag)) {
      const sc = paragraphScore(c, lc, p);
      if (sc) this.credit(parentIndex, sc);
    }
    return s;
  }

  /** Score a finished inline run and credit it to the element at `ownerIndex` of the path (and its ancestors). */
  private scoreRun(ownerIndex: number, chars: number, linkChars: number, punct: number): void {
    const sc = paragraphScore(chars, linkChars, punct);
    if (sc) this.credit(ownerIndex, sc);
  }

  /**
   * Credit a paragraph score to its owner (full), its parent (half) and two more ancestors (a sixth, a ninth), as in
   * Readability. Owners on the path take it in their running totals; ancestors above the root (its parent, <html>)
   * in `stats`. An element's first credit makes it a candidate.
   */
  private credit(ownerIndex: number, score: number): void {
    let el: Element | null = null;
    for (let level = 0; level < 4; level++) {
      const i = ownerIndex - level;
      let s: NodeStats | undefined;
      if (i >= 0) {
        el = this.path[i];
        s = this.totals[i];
      } else {
        el = (i === -1 ? this.root : el)?.parentElement ?? null;
        if (!el) return;
        s = this.stats.get(el);
        if (!s) {
          s = emptyStats();
          this.stats.set(el, s);
        }
      }
      if (!s.paragraphs && !s.score) this.candidates.push(el);
      s.score += level === 0 ? score : level === 1 ? score / 2 : score / (level * 3);
      if (level === 0) s.paragraphs++;
    }
  }

  /** A text with text to count whose first counted character (`lead`) may start a marker: the full marker test. */
  private noteMarker(n: Node, lead: string): void {
    if (MARKER_LEADS.has(lead) && isMarkerText(n)) this.markers.push(n as Text);
  }

  /** Text under a tag the pass skips (nav, button, svg …) is not scored but may still hold a marker. */
  private markersIn(el: Element): void {
    if (!el.firstChild || (NO_MARKER_TEXT.has(el.tagName) && !el.firstElementChild)) return;
    for (const n of textNodes(el)) if (isMarkerText(n)) this.markers.push(n);
  }
}

/** A date with a time (`2023-05-12 19:02`, `2023年5月12日 19:02`): an article's info line. */
const TIMESTAMP = /(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s*\d{1,2}:\d{2}/;

/**
 * Does `el` open an article of its own: a headline (h1–h3) first, then a timestamp within its first 200 characters?
 * The next articles an infinite scroll appends (test/fixtures/kinds/body-feed-next-articles.html) do; the parts of
 * one split body and its sections (a subheading, paragraphs) do not.
 */
function opensAnArticle(el: Element): boolean {
  let first = el.firstElementChild;
  while (first && !(first.textContent ?? '').trim()) first = first.nextElementSibling;
  if (!first || !/^H[1-3]$/.test(first.tagName.toUpperCase())) return false;
  return TIMESTAMP.test((el.textContent ?? '').slice(0, 200));
}

/**
 * Siblings that continue the body (an article split by an ad or a picture block into several containers): as in
 * Readability, a sibling scoring at least a fifth of the top candidate (a twentieth when it shares the top's tag and
 * class: the parts of one template), or a plain paragraph of prose, with few links and no clutter class name. Small
 * blocks between the first and the last part (subheadings, picture blocks, captions) belong to the article too, unless
 * named like clutter. A sibling that opens an article of its own (opensAnArticle) or is a stream (streams.ts) is none.
 * Returned in document order, including `best`; empty when `best` is alone.
 */
function bodySiblings(best: Element, bestScore: number, stats: Map<Element, NodeStats>): Element[] {
  const parent = best.parentElement;
  if (!parent) return [];
  const kids = [...parent.children];
  const cls = best.getAttribute('class') ?? '';
  const part = kids.map((sib) => {
    if (sib === best) return true;
    const s = stats.get(sib);
    if (!s || !s.chars || NON_ARTICLE_TAGS.has(sib.tagName.toUpperCase())) return false;
    const weight = classWeight(sib);
    if (weight < 0 || linkDensity(s) > 0.25) return false;
    const final = s.score * (1 - linkDensity(s)); // (a positive name alone, e.g. id="post-member", does not qualify)
    const sameKind = !!cls && sib.tagName === best.tagName && (sib.getAttribute('class') ?? '') === cls;
    if (opensAnArticle(sib)) return false;
    const prose = sib.tagName.toUpperCase() === 'P' && s.chars >= 40 && s.punct >= 2 && linkDensity(s) < 0.1;
    const scores = final >= Math.max(10, bestScore * 0.2) || (sameKind && final >= Math.max(3, bestScore * 0.05));
    // a teaser feed or a comment stream next to the article scores like a part of it (body-feed-teaser-ul.html)
    return prose || (scores && !isStreamBlock(sib));
  });
  const first = part.indexOf(true);
  const last = part.lastIndexOf(true);
  if (first === last) return [];
  const out: Element[] = [];
  for (let i = first; i <= last; i++) {
    const sib = kids[i];
    if (!part[i]) {
      // only what joins parts: a subheading, a picture block or a caption; anything bigger qualifies on its own
      const tag = sib.tagName.toUpperCase();
      if (NON_ARTICLE_TAGS.has(tag) || classWeight(sib) < 0) continue;
      const s = stats.get(sib);
      const small = !s || (s.chars <= 60 && linkDensity(s) < 0.3);
      if (!small && !/^H[1-6]$/.test(tag)) continue;
    }
    out.push(sib);
  }
  return out;
}

/** The fewest characters of an article block before a stream (detect.ts gives a body under 100 no chance). */
const ARTICLE_MIN = 100;

/**
 * The children of `el` that are no stream (streams.ts: a group of them, streamAmong, or a child that is a stream block,
 * a teaser list or a comment box in its wrapper), when the streams hold at least half as much text as the rest: the
 * body would be half as long again as its article block or more. Portal article + infinite feed and aggregator pages
 * append the next teaser cards inside the article container itself (test/fixtures/kinds/body-feed-flat-cards.html) or
 * under its paragraphs in a wrapper (body-feed-column-wrapper.html); article + comment stream pages render the comment
 * box there (body-comments-inside-text-box.html). Empty when there is no stream, when text stands directly in `el`
 * (paragraphs written as `<br>`-separated text: not containers of their own), or when the rest is no article (under
 * ARTICLE_MIN characters or three clause marks: a forum thread's title, test/fixtures/engine/forum.html).
 */
function* partsWithoutStreams(el: Element, stats: Map<Element, NodeStats>, due: Due): Steps<Element[]> {
  const among = yield* streamAmongSteps(el, due);
  const items = new Set(among?.items);
  let streamChars = among?.chars ?? 0;
  const parts: Element[] = [];
  let chars = 0;
  let punct = 0;
  const tick = ticker(due);
  // (the children as they are now: a nextSibling walk would end at a child the page removes during a slice, an ad
  // script's block, and leave out the rest of the article; test/unit/slices.test.ts)
  for (const n of Array.from(el.childNodes)) {
    if (tick()) yield;
    if (n.parentNode !== el) continue;
    if (n.nodeType === 3 && countChars(n.nodeValue ?? '')) return [];
    if (n.nodeType !== 1 || items.has(n as Element)) continue;
    const c = n as Element;
    const s = stats.get(c);
    // (in slices too: a child's own children are read, 27 spans a paragraph on scripts/lib/huge-pages.ts small-nodes)
    const stream = !!s && !!c.firstElementChild && (yield* isStreamBlockSteps(c, due));
    // removed while it was read: as if it had never been there, as a pass after the change reads the page
    if (c.parentNode !== el) continue;
    if (stream) {
      streamChars += s!.chars;
      continue;
    }
    parts.push(c);
    chars += s?.chars ?? 0;
    punct += s?.punct ?? 0;
  }
  return streamChars && chars >= ARTICLE_MIN && punct >= 3 && streamChars * 2 >= chars ? parts : [];
}
