import browser from 'webextension-polyfill';
import { extractArticle } from '../extract/index';
import { send, isMessage } from '../shared/connector';
import type { ContentProtocol, ContentStatus } from '../shared/messages';
import { applyDeclutter, isDecluttered, removeDeclutter } from './declutter';
import { pageState } from './page-state';

/**
 * Content script. Runs on manifest-matched news hosts at document_idle, and anywhere else when the background injects
 * it on demand (popup or shortcut, under activeTab). Extracts the Article on a clone of the document, reports the
 * verdict for the badge, declutters articles in place, and answers the ContentProtocol.
 */
const state = pageState();
const loadedFlag = '__qingduContentLoaded';

type Handlers = { [K in keyof ContentProtocol]: (data: ContentProtocol[K][0]) => ContentProtocol[K][1] };

function status(): ContentStatus {
  return {
    isArticle: !!state.article?.isArticle,
    readerLoaded: !!state.reader,
    readerOpen: !!state.reader?.isOpen(),
    declutter: isDecluttered(document),
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

function start(): void {
  // Injected twice (manifest + on demand): the second copy must not add listeners or extract again.
  const g = globalThis as Record<string, unknown>;
  if (g[loadedFlag]) return;
  g[loadedFlag] = true;

  browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || !isMessage(msg) || !(msg.name in handlers)) return undefined;
    const handler = handlers[msg.name as keyof Handlers] as (d: unknown) => unknown;
    return Promise.resolve(handler(msg.data));
  });

  let article = null;
  try {
    article = extractArticle(document, location.href);
  } catch (e) {
    console.warn('[qingdu] extraction failed', e);
  }
  state.article = article;
  if (article?.isArticle) applyDeclutter(document, article);
  send('articleDetected', { isArticle: !!article?.isArticle }).catch(() => {
    /* background asleep or reloading: the badge is cosmetic */
  });
}

start();
