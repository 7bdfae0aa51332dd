import browser from 'webextension-polyfill';
import { loadPhases, runPhases, ReadabilityMissing, type PageLoad, type ReadabilitySource } from '../extract/engine';
import type { Article } from '../extract/article';
import { send, isMessage } from '../shared/connector';
import { loadSettings } from '../shared/settings';
import type { ContentProtocol, ContentStatus } from '../shared/messages';
import { applyDeclutter, isDecluttered, removeDeclutter } from './declutter';
import { pageState } from './page-state';
import { measure, timed, yieldToPage } from './timing';
import { unreadable } from './limits';
import { watchPage } from './marker-watch';
import type { MarkerTexts } from '../extract/body';
import { loadPart, parts } from '../reader/parts';

/**
 * Content script. Runs on manifest-matched news hosts at document_idle, and anywhere else when the background injects
 * it on demand (popup or shortcut, under activeTab). Extracts the Article on a clone of the document, reports the
 * verdict for the badge, declutters articles in place, and answers the ContentProtocol.
 */
const state = pageState();
/** The page-load result; the full Article is completed from it when first asked for (see article()). */
let load: PageLoad | null = null;
const loadedFlag = '__qingduContentLoaded';
let analysed: Promise<void> = Promise.resolve();

type Handlers = { [K in keyof ContentProtocol]: (data: ContentProtocol[K][0]) => ContentProtocol[K][1] };

/**
 * Readability for the engine: loaded as a part (src/content/readability-part.ts) only on pages whose body only it
 * finds, so this script does not carry it (issue 8). @throws ReadabilityMissing until the part is loaded
 */
const readability: ReadabilitySource = () => {
  const part = parts().readability;
  if (!part) throw new ReadabilityMissing();
  return part.Readability;
};

/** The Readability part could not be loaded on this page: extraction that needs it fails (no article) from then on. */
let readabilityFailed = false;

/** The URL the last extraction ran with (page load's, or followNavigation's), even when it found nothing. */
let loadUrl: string | null = null;

/**
 * Load the Readability part (once; reader/parts.ts loadPart); when it cannot be loaded, say so and let extraction that
 * needs it fail from then on (readabilityFailed). Never rejects.
 */
function loadReadability(): Promise<void> {
  return loadPart('readability').then(
    () => undefined,
    (e) => {
      console.warn('[qingdu] Readability did not load', e);
      readabilityFailed = true;
    },
  );
}

/** Is `e` the engine asking for Readability that can still be loaded (see answer)? */
const wantsReadability = (e: unknown): boolean => e instanceof ReadabilityMissing && !readabilityFailed;

/** A URL without its fragment: a single-page site that navigates (pushState) changes it, an #anchor does not. */
const withoutHash = (href: string): string => href.split('#')[0];

/**
 * Run loadPhases to its end in one go (on demand, not at page load: nothing to yield to).
 * @throws ReadabilityMissing when the page needs Readability and it is not loaded yet (see answer)
 */
function loadNow(): PageLoad | null {
  try {
    return runPhases(loadPhases(document, location.href, { lazy: true, readability }));
  } catch (e) {
    if (wantsReadability(e)) throw e;
    console.warn('[qingdu] extraction failed', e);
    return null;
  }
}

/**
 * Keep the page-load result in step with a single-page site that navigated since (history.pushState, found by the
 * break-it trial): the Article must be the page now shown, with the URL now shown, not the old URL on the new text.
 * The old page's declutter goes; the new page's is applied when it is an article and the option is on.
 */
function followNavigation(): void {
  if (loadUrl === null || withoutHash(loadUrl) === withoutHash(location.href)) return;
  // Extract first: a page that needs Readability stops here, before anything changes, and answer() asks again once
  // it is loaded (the old declutter does not change what extraction reads: a sheet, and attributes it ignores).
  const next = loadNow();
  loadUrl = location.href;
  const wasDecluttered = isDecluttered(document);
  removeDeclutter(document);
  state.article = null;
  load = next;
  const isArticleNow = !!load?.detection.isArticle;
  // (no yield since the body pass: its marker texts are the page's)
  if (wasDecluttered && isArticleNow) declutterPage(load!.markerTexts);
  reportVerdict(isArticleNow);
}

/** Tell the background the verdict, for the toolbar badge. */
function reportVerdict(isArticle: boolean): void {
  send('articleDetected', { isArticle }).catch(() => {
    /* background asleep or reloading: the badge is cosmetic */
  });
}

/**
 * The Article, completed on first use (popup, reader, notes): page load only does what the badge and the declutter
 * need (loadPhases, lazy), so the rest is done now, once, and kept in the page state.
 */
function article(): Article | null {
  followNavigation();
  if (!state.article && load) {
    try {
      state.article = timed('complete', () => load!.complete());
    } catch (e) {
      if (wantsReadability(e)) throw e;
      console.warn('[qingdu] extraction failed', e);
      load = null;
    }
    // Page load may have taken a long body for an article before cleaning it (PageLoad.exact): the Article's verdict
    // is the one that counts, so a page that turns out to be none gets its clutter back and its badge cleared.
    if (state.article && load && state.article.isArticle !== load.detection.isArticle) {
      if (!state.article.isArticle) removeDeclutter(document);
      reportVerdict(state.article.isArticle);
    }
  }
  return state.article;
}

/**
 * Declutter the page in place around its body: the live element page load chose, or, when a single-page site has
 * replaced that element since (break-it trial: re-rendered containers), the element holding the Article's text (the
 * Article is then extracted afresh from the page as it is, see PageLoad.complete).
 * @param markers page load's marker texts as they are now (the page load just ran in this task, or a PageWatch
 *   brought them up to date), or null: then the declutter reads the page's text for them itself
 * @returns whether the page is decluttered
 */
function declutterPage(markers: MarkerTexts | null): boolean {
  const page = load;
  if (!page) return false;
  if (applyDeclutter(document, { ...page, markerTexts: markers })) return true;
  const a = article();
  return !!a?.isArticle && applyDeclutter(document, { url: page.url, bodyElement: null, bodyText: a.textContent });
}

/** The verdict: the Article's once it exists, else page load's. */
const isArticle = (): boolean => state.article?.isArticle ?? !!load?.detection.isArticle;

function status(): ContentStatus {
  followNavigation();
  return {
    isArticle: isArticle(),
    readerLoaded: !!state.reader,
    readerOpen: !!state.reader?.isOpen(),
    declutter: isDecluttered(document),
    unreadable: state.unreadable,
  };
}

const handlers: Handlers = {
  getArticle: () => article(),
  status,
  setDeclutter: ({ on }) => {
    followNavigation();
    if (on && isArticle()) declutterPage(null);
    else removeDeclutter(document);
    return isDecluttered(document);
  },
  toggleReader: () => {
    const reader = state.reader;
    const a = article();
    if (!reader || !a) return false;
    if (reader.isOpen()) reader.close();
    else reader.open(a);
    return reader.isOpen();
  },
};

/**
 * Run a message handler; when it needs Readability and the part is not loaded yet (a single-page site navigated to a
 * page only Readability reads, or the body was replaced since page load), load the part and run it again. The
 * handlers change no state before the engine asks. When the part cannot be loaded, the second run treats that as a
 * failed extraction (not an article, badge cleared), so the popup still gets an answer (break-it trial).
 * @throws what the handler throws
 */
async function answer<T>(run: () => T): Promise<T> {
  try {
    return run();
  } catch (e) {
    if (!wantsReadability(e)) throw e;
    await loadReadability();
    return run();
  }
}

async function start(): Promise<void> {
  // Injected twice (manifest + on demand): the second copy must not add listeners or extract again.
  // (an own property: an element with that id is a named property of the window, which a page could use to turn us off)
  const g = globalThis as Record<string, unknown>;
  if (Object.hasOwn(g, loadedFlag)) return;
  g[loadedFlag] = true;

  browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || !isMessage(msg) || !(msg.name in handlers)) return undefined;
    const handler = handlers[msg.name as keyof Handlers] as (d: unknown) => unknown;
    // Answer after the page-load analysis, so `status` and `getArticle` never see a half-done state.
    return analysed.then(() => answer(() => handler(msg.data)));
  });

  analysed = analyse();
}

/**
 * Detect phase by phase, then declutter, yielding to the page between phases: each phase is one task, timed as
 * `qingdu:<phase>` (body; on pages only Readability reads, readability after its part has loaded; on articles clean;
 * detect; declutter; see timing.ts and loadPhases). The rest of
 * the Article (serialisation, metadata) waits until something asks for it (article()).
 */
async function analyse(): Promise<void> {
  let result: PageLoad | null = null;
  state.unreadable = timed('limits', () => unreadable(document)) ?? undefined;
  if (state.unreadable) {
    // Too big or too deep to analyse within the task budget: no article, and the popup says why.
    performance.mark('qingdu:done');
    return;
  }
  await yieldToPage();
  // what the page changes from the body pass on, for the declutter's marker texts (same task as the pass)
  const watch = watchPage(document);
  try {
    loadUrl = location.href;
    const steps = loadPhases(document, loadUrl, { lazy: true, readability });
    let readabilityNext = false;
    for (;;) {
      const start = performance.now();
      const step = steps.next();
      // `readability` ends the body pass and asks for the library (loaded now, in tasks of its own): the step after
      // it is Readability's parse
      const phase = step.done ? 'detect' : step.value === 'readability' ? 'body' : readabilityNext ? 'readability' : step.value;
      readabilityNext = !step.done && step.value === 'readability';
      measure(phase, start);
      if (step.done) {
        result = step.value;
        break;
      }
      // (a part that fails to load: the engine's next call throws, and extraction fails as on any other error)
      await (readabilityNext ? loadReadability() : yieldToPage());
    }
  } catch (e) {
    console.warn('[qingdu] extraction failed', e);
  }
  load = result;
  const verdict = !!result?.detection.isArticle;
  // The popup's 自动净化新闻页面 option (src/shared/settings.ts) can turn the automatic declutter off.
  if (result && verdict && (await loadSettings()).autoDeclutter) {
    await yieldToPage();
    try {
      timed('declutter', () => declutterPage(watch.markerTexts(result!.markerTexts)));
    } catch (e) {
      console.warn('[qingdu] declutter failed', e);
    }
  }
  watch.stop();
  performance.mark('qingdu:done');
  reportVerdict(verdict);
}

start().catch((e) => console.warn('[qingdu] content script failed', e));
