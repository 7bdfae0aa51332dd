import browser from 'webextension-polyfill';
// Stage one only: stage two (build.ts) is the `complete` part (complete-part.ts), loaded on the first request.
import { scanPageSteps, settledVerdict, type PageScan, type PageVerdict } from '../extract/scan';
import { runToEnd, type Due, type Steps } from '../extract/slices';
import type { Article, CleanCopy, ReadabilityClass } from '../extract/engine';
import { sendCStoBG, isMessage } from '../shared/connector';
import { loadSettings } from '../shared/settings';
import type { BGtoCS, ContentStatus } from '../shared/messages';
import { applyDeclutter, declutterSteps, isDecluttered, removeDeclutter, type DeclutterTarget } from './declutter';
import { pageState } from '../shared/page-state';
import { printEdition } from '../extract/print-edition';
import { mark, sliced, timed, yieldToPage } from './timing';
import { readabilityAtLoad, unreadable } from './limits';
import { watchPage } from './marker-watch';
import type { MarkerTexts } from '../extract/body';
import { loadPart, parts, type PartApis } from '../shared/parts';

/**
 * Content script. Runs on manifest-matched news hosts at document_idle, and anywhere else when the background injects
 * it on demand (popup or shortcut, under activeTab). Scans the page (extraction's stage one, read-only), reports the
 * verdict for the badge, declutters articles in place, and builds the Article (stage two) when the popup, the reader
 * or the notes first ask; answers the background's and popup's messages (BGtoCS).
 */
const state = pageState();

/** What page load found: the scan, its verdict, and the cleaned copy when the verdict needed one (reused later). */
interface PageLoad {
  /** The URL the scan ran with. */
  url: string;
  scan: PageScan;
  verdict: PageVerdict;
  copy: CleanCopy | null;
}

/** The last page load (or the one after a single-page navigation); null when it failed. */
let load: PageLoad | null = null;
const loadedFlag = '__qingduContentLoaded';

type Handlers = { [K in keyof BGtoCS]: (data: BGtoCS[K][0]) => BGtoCS[K][1] | Promise<BGtoCS[K][1]> };

/** The parts that could not be loaded on this page: extraction that needs one fails (no article) from then on. */
const failedParts = new Set<'readability' | 'complete'>();

/** The URL the last page load ran with (page load's, or followNavigation's), even when it found nothing. */
let loadUrl: string | null = null;

/**
 * A part this script leaves out, loaded once (shared/parts.ts loadPart): Readability for a page whose body only it
 * finds, stage two of extraction (complete-part.ts) for the first request or a verdict that needs a cleaned copy.
 * When it cannot be loaded, say so and let extraction that needs it fail from then on (failedParts). Never rejects.
 */
async function ensurePart<K extends 'readability' | 'complete'>(name: K): Promise<PartApis[K] | null> {
  if (!parts()[name] && !failedParts.has(name)) {
    mark(`part:${name}`);
    await loadPart(name).catch((e) => {
      console.warn(`[qingdu] ${name} did not load`, e);
      failedParts.add(name);
    });
  }
  return (parts()[name] as PartApis[K] | undefined) ?? null;
}

/** Readability, once its part (src/content/readability-part.ts) is loaded in this page; this script does not carry it. */
const readabilityClass = (): ReadabilityClass | null => parts().readability?.Readability ?? null;

/** A URL without its fragment: a single-page site that navigates (pushState) changes it, an #anchor does not. */
const withoutHash = (href: string): string => href.split('#')[0];

/** How page load runs its stages: each timed as its own task with a yield between (page load), or all at once. */
interface Pacing {
  step<T>(phase: string, fn: () => T): T;
  /** A stage written in slices (extract/slices.ts). */
  steps<T>(phase: string, start: (due: Due) => Steps<T>): Promise<T>;
  /** Between stages. */
  pause(): Promise<void>;
}
/**
 * At page load: each stage a task of its own, and a stage written in slices one task per slice, timed as
 * `qingdu:<phase>` (timing.ts).
 */
const PAGE_LOAD: Pacing = { step: timed, steps: sliced, pause: yieldToPage };
/** On a request (a navigation or a replaced body found when the popup asks): at once, untimed. */
const AT_ONCE: Pacing = {
  step: (_phase, fn) => fn(),
  steps: (_phase, start) => Promise.resolve(runToEnd(start(() => false))),
  pause: () => Promise.resolve(),
};

/**
 * Page load's stages on the page as it is now: the scan (`body`), which settles the verdict of most pages; else, with
 * stage two's code loaded (complete-part.ts; and Readability's part on a page only it reads), the cleaned copy for
 * the exact count (`clean`, or `readability`) and the verdict (`detect`). Serialisation and metadata wait for the
 * first request (article()), except on Readability's path (build.ts cleanCopy).
 * @returns null when a part the page needs cannot be loaded
 * @throws what the engine throws in a broken environment (the callers catch)
 */
async function loadPage(pacing: Pacing): Promise<PageLoad | null> {
  const url = location.href;
  // (in slices at page load: the page may change between them, see extract/body.ts chooseBodySteps)
  const scan = await pacing.steps('body', (due) => scanPageSteps(document, url, {}, due));
  const settled = settledVerdict(scan);
  if (settled) return { url, scan, verdict: settled, copy: null };
  if (scan.needsReadability && pacing === PAGE_LOAD && !readabilityAtLoad(document))
    return { url, scan, verdict: LEFT_TO_REQUEST, copy: null };
  // (the parts load in tasks of their own)
  const readability = scan.needsReadability ? await ensurePart('readability') : null;
  const engine = await ensurePart('complete');
  if (!engine || (scan.needsReadability && !readability)) return null;
  await pacing.pause();
  const phase = scan.needsReadability ? 'readability' : 'clean';
  const copy = pacing.step(phase, () => engine.cleanCopy(scan, readability?.Readability ?? null));
  await pacing.pause();
  const verdict = pacing.step('detect', () => engine.pageVerdict(scan, copy));
  return { url, scan, verdict, copy };
}

/**
 * Page load's verdict on a page only Readability reads and too large to parse at page load (limits.ts
 * READABILITY_AT_LOAD): no badge and no declutter yet; the first request builds the Article, whose verdict then
 * counts (article(): the badge is set when it is an article).
 */
const LEFT_TO_REQUEST: PageVerdict = {
  detection: {
    isArticle: false,
    confidence: 0,
    reasons: ['left to the first request: too large for Readability at page load'],
  },
  exact: false,
};

/** loadPage that reports a failure on the console and gives null (extraction never breaks the content script). */
function loadPageSafely(pacing: Pacing): Promise<PageLoad | null> {
  return loadPage(pacing).catch((e) => {
    console.warn('[qingdu] extraction failed', e);
    return null;
  });
}

/**
 * Keep the page load in step with a single-page site that navigated since (history.pushState, found by the break-it
 * trial: test/fixtures/breakit/spa-navigate.html): the Article must be the page now shown, with the URL now shown, not
 * the old URL on the new text. The old page's declutter goes; the new page's is applied when it is an article and the
 * option is on.
 */
async function followNavigation(): Promise<void> {
  if (loadUrl === null || withoutHash(loadUrl) === withoutHash(location.href)) return;
  // Load first (a page only Readability reads loads its part here), then change what is shown: the old declutter
  // does not change what extraction reads (a sheet, and attributes it ignores).
  const next = await loadPageSafely(AT_ONCE);
  loadUrl = next?.url ?? location.href;
  const wasDecluttered = isDecluttered(document);
  removeDeclutter(document);
  state.article = null;
  load = next;
  const isArticleNow = !!next?.verdict.detection.isArticle;
  // The new page is decluttered as page load would (the 自动净化 setting), or because the old one was: a reader who
  // decluttered by hand keeps it. (the page may have changed since the scan: the declutter reads its marker texts anew)
  if (isArticleNow && (wasDecluttered || (await loadSettings()).autoDeclutter)) await declutterPage(null);
  reportVerdict(isArticleNow);
}

/** Tell the background the verdict, for the toolbar badge. */
function reportVerdict(isArticle: boolean): void {
  sendCStoBG('articleDetected', { isArticle }).catch(() => {
    /* background asleep or reloading: the badge is cosmetic */
  });
}

/**
 * A single-page site replaced the body element since the scan (hostile fixture spa-rewrite, break-it fixture
 * spa-rerender): the scan's containers are detached, so the page is scanned afresh before the Article is built.
 */
const bodyReplaced = (page: PageLoad): boolean => page.scan.body.containers.some((c) => c.isConnected === false);

/**
 * The Article, built on first use (popup, reader, notes) from page load's scan (extraction's stage two), once, and
 * kept in the page state. Page load may have taken a long body for an article before cleaning it
 * (PageVerdict.exact): the Article's verdict is the one that counts, so a page that turns out to be none gets its
 * clutter back and its badge cleared.
 */
async function article(): Promise<Article | null> {
  await followNavigation();
  if (state.article || !load) return state.article;
  const shown = load.verdict.detection.isArticle;
  try {
    if (bodyReplaced(load)) load = await loadPage(AT_ONCE);
    const page = load;
    // (Readability's part too when page load left a page only it reads to this request: limits.ts READABILITY_AT_LOAD)
    if (page?.scan.needsReadability) await ensurePart('readability');
    const engine = await ensurePart('complete');
    if (page && engine)
      state.article = timed('complete', () =>
        engine.buildArticle(page.scan, { readability: readabilityClass(), copy: page.copy }),
      );
  } catch (e) {
    console.warn('[qingdu] extraction failed', e);
    load = null;
  }
  if (state.article && state.article.isArticle !== shown) {
    if (!state.article.isArticle) removeDeclutter(document);
    reportVerdict(state.article.isArticle);
  }
  return state.article;
}

/**
 * Declutter the page in place around its body: the live element page load found, or, when a single-page site has
 * replaced that element since (break-it trial: re-rendered containers), the element holding the Article's text.
 * @param markers page load's marker texts as they are now (the scan just ran in this task, or a PageWatch brought
 *   them up to date), or null: then the declutter reads the page's text for them itself
 * @returns whether the page is decluttered
 */
async function declutterPage(markers: MarkerTexts | null): Promise<boolean> {
  const page = load;
  if (!page) return false;
  return applyDeclutter(document, atBody(page, markers)) || declutterAtText(page.url);
}

/** The declutter around the live body element page load found (extract/scan.ts BodyLocation.holder). */
function atBody(page: PageLoad, markers: MarkerTexts | null): DeclutterTarget {
  return { url: page.url, bodyElement: page.scan.body.holder, bodyText: null, markerTexts: markers };
}

/**
 * The declutter around the element holding the Article's text, when there is no live body element (Readability's
 * path, or a body replaced since the scan): builds the Article first.
 */
async function declutterAtText(url: string): Promise<boolean> {
  const a = await article();
  return !!a?.isArticle && applyDeclutter(document, { url, bodyElement: null, bodyText: a.textContent });
}

/** The verdict: the Article's once it exists, else page load's. */
const isArticle = (): boolean => state.article?.isArticle ?? !!load?.verdict.detection.isArticle;

/** The parts article() would load now (ContentStatus.partsWanted): stage two, and Readability on a page only it reads. */
function partsWanted(): ContentStatus['partsWanted'] {
  if (state.article || !load) return [];
  const wanted = load.scan.needsReadability ? (['readability', 'complete'] as const) : (['complete'] as const);
  return wanted.filter((name) => !parts()[name] && !failedParts.has(name));
}

async function status(): Promise<ContentStatus> {
  await followNavigation();
  return {
    isArticle: isArticle(),
    readerLoaded: !!state.reader,
    readerOpen: !!state.reader?.isOpen(),
    partsWanted: partsWanted(),
    declutter: isDecluttered(document),
    unreadable: state.unreadable,
  };
}

const handlers: Handlers = {
  getArticle: () => article(),
  printEdition: async () => printEdition(document),
  status,
  setDeclutter: async ({ on }) => {
    await followNavigation();
    if (on && isArticle()) await declutterPage(null);
    else removeDeclutter(document);
    return isDecluttered(document);
  },
  toggleReader: async (data) => {
    const readAnyway = !!data?.readAnyway;
    const reader = state.reader;
    const a = await article();
    if (!reader || !a) return false;
    if (reader.isOpen()) {
      reader.close();
      if (!readAnyway) return false;
    }
    reader.open(a, { readAnyway });
    return reader.isOpen();
  },
};

/**
 * Messages are answered one at a time, after page load: a handler may load a page afresh (a navigation, a replaced
 * body), and two at once would each do it.
 */
let queue: Promise<unknown> = Promise.resolve();
function inTurn<T>(run: () => Promise<T>): Promise<T> {
  const result = queue.then(run);
  queue = result.catch(() => undefined);
  return result;
}

async function start(): Promise<void> {
  // Injected twice (manifest + on demand): the second copy must not add listeners or extract again.
  // (an own property: an element with that id is a named property of the window, which a page could use to turn us off)
  const g = globalThis as Record<string, unknown>;
  if (Object.hasOwn(g, loadedFlag)) return;
  g[loadedFlag] = true;

  browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || !isMessage(msg) || !Object.hasOwn(handlers, msg.name)) return undefined;
    const handler = handlers[msg.name as keyof Handlers] as (d: unknown) => unknown;
    return inTurn(async () => handler(msg.data));
  });

  void inTurn(analyse);
}

/**
 * Page load: the size limits, then the stages of loadPage with a yield between them, then the declutter on articles
 * (each phase a task of its own, timed as `qingdu:<phase>`; see timing.ts). Marks `qingdu:done` when finished.
 */
async function analyse(): Promise<void> {
  state.unreadable = timed('limits', () => unreadable(document)) ?? undefined;
  if (state.unreadable) {
    // Too big or too deep to analyse within the task budget: no article, and the popup says why.
    performance.mark('qingdu:done');
    return;
  }
  await yieldToPage();
  // what the page changes from the body pass on, for the declutter's marker texts (same task as the pass)
  const watch = watchPage(document);
  loadUrl = location.href;
  const result = await loadPageSafely(PAGE_LOAD);
  load = result;
  const verdict = !!result?.verdict.detection.isArticle;
  // The popup's 自动净化新闻页面 option (src/shared/settings.ts) can turn the automatic declutter off.
  if (result && verdict && (await loadSettings()).autoDeclutter) {
    await yieldToPage();
    try {
      const markers = watch.markerTexts(result.scan.markerTexts);
      // (in slices: see declutter.ts declutterSteps)
      const applied = await sliced('declutter', (due) => declutterSteps(document, atBody(result, markers), due));
      // no live element (Readability's path, or the body replaced): the element holding the Article's text
      if (!applied) await declutterAtText(result.url);
    } catch (e) {
      console.warn('[qingdu] declutter failed', e);
    }
  }
  watch.stop();
  performance.mark('qingdu:done');
  reportVerdict(verdict);
}

start().catch((e) => console.warn('[qingdu] content script failed', e));
