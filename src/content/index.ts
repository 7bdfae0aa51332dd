import browser from 'webextension-polyfill';
import { extractPhases } from '../extract/index';
import type { Article } from '../extract/article';
import { send, isMessage } from '../shared/connector';
import { loadSettings } from '../shared/settings';
import type { ContentProtocol, ContentStatus } from '../shared/messages';
import { applyDeclutter, isDecluttered, removeDeclutter } from './declutter';
import { pageState } from './page-state';
import { measure, timed, yieldToPage } from './timing';
import { unreadable } from './limits';

/**
 * Content script. Runs on manifest-matched news hosts at document_idle, and anywhere else when the background injects
 * it on demand (popup or shortcut, under activeTab). Extracts the Article on a clone of the document, reports the
 * verdict for the badge, declutters articles in place, and answers the ContentProtocol.
 */
const state = pageState();
const loadedFlag = '__qingduContentLoaded';
let analysed: Promise<void> = Promise.resolve();

type Handlers = { [K in keyof ContentProtocol]: (data: ContentProtocol[K][0]) => ContentProtocol[K][1] };

function status(): ContentStatus {
  return {
    isArticle: !!state.article?.isArticle,
    readerLoaded: !!state.reader,
    readerOpen: !!state.reader?.isOpen(),
    declutter: isDecluttered(document),
    unreadable: state.unreadable,
  };
}

const handlers: Handlers = {
  getArticle: () => state.article,
  status,
  setDeclutter: ({ on }) => {
    if (on && state.article?.isArticle) applyDeclutter(document, state.article);
    else removeDeclutter(document);
    return isDecluttered(document);
  },
  toggleReader: () => {
    const reader = state.reader;
    if (!reader || !state.article) return false;
    if (reader.isOpen()) reader.close();
    else reader.open(state.article);
    return reader.isOpen();
  },
};

async function start(): Promise<void> {
  // Injected twice (manifest + on demand): the second copy must not add listeners or extract again.
  const g = globalThis as Record<string, unknown>;
  if (g[loadedFlag]) return;
  g[loadedFlag] = true;

  browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || !isMessage(msg) || !(msg.name in handlers)) return undefined;
    const handler = handlers[msg.name as keyof Handlers] as (d: unknown) => unknown;
    // Answer after the page-load analysis, so `status` and `getArticle` never see a half-done state.
    return analysed.then(() => handler(msg.data));
  });

  analysed = analyse();
}

/**
 * Extract phase by phase, then declutter, yielding to the page between phases: each phase is one task, timed as
 * `qingdu:<phase>` (body, metadata, clean, detect, declutter; see timing.ts and extractPhases).
 */
async function analyse(): Promise<void> {
  let article: Article | null = null;
  state.unreadable = timed('limits', () => unreadable(document)) ?? undefined;
  if (state.unreadable) {
    // Too big or too deep to analyse within the task budget: no article, and the popup says why.
    performance.mark('qingdu:done');
    return;
  }
  await yieldToPage();
  try {
    const steps = extractPhases(document, location.href);
    for (;;) {
      const start = performance.now();
      const step = steps.next();
      measure(step.done ? 'detect' : step.value, start);
      if (step.done) {
        article = step.value.article;
        break;
      }
      await yieldToPage();
    }
  } catch (e) {
    console.warn('[qingdu] extraction failed', e);
  }
  state.article = article;
  // The popup's 自动净化新闻页面 option (src/shared/settings.ts) can turn the automatic declutter off.
  if (article?.isArticle && (await loadSettings()).autoDeclutter) {
    await yieldToPage();
    try {
      timed('declutter', () => applyDeclutter(document, article));
    } catch (e) {
      console.warn('[qingdu] declutter failed', e);
    }
  }
  performance.mark('qingdu:done');
  send('articleDetected', { isArticle: !!article?.isArticle }).catch(() => {
    /* background asleep or reloading: the badge is cosmetic */
  });
}

start().catch((e) => console.warn('[qingdu] content script failed', e));
