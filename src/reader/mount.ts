import { h, render } from 'preact';
import type { Article } from '../extract/article';
import type { ReaderApi } from '../shared/page-state';
import { DEFAULT_READER_PREFS, type ReaderPrefs } from '../shared/reader-prefs';
import { App, type ReaderServices } from './App';
import { keyAction } from './keys';
import { pageSheet, readerCss } from './styles';

export const HOST_ID = 'qingdu-reader';
const LOCK_ID = 'qingdu-scroll-lock';

/** Where the reader's settings and services come from (inject.ts wires storage and the background). */
export interface ReaderEnv {
  /** The remembered prefs; awaited before the first render, so the first paint already has the user's theme. */
  prefs(): Promise<ReaderPrefs>;
  services: ReaderServices;
}

const unavailable = () => Promise.reject(new Error('not available here'));
/** An environment without storage or background (unit tests): defaults, nothing remembered, no parts. */
export const BARE_ENV: ReaderEnv = {
  prefs: () => Promise.resolve({ ...DEFAULT_READER_PREFS }),
  services: {
    savePrefs: () => undefined,
    save: unavailable,
    cite: unavailable,
    converter: unavailable,
    followPages: () => Promise.resolve({ stop: 'end', pages: 0 }),
  },
};

/** The focused element, looking into open shadow roots (focus is returned there on close). */
function deepActive(doc: Document): HTMLElement | null {
  let a = doc.activeElement as HTMLElement | null;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement as HTMLElement;
  return a;
}

/**
 * Does the body break a full-screen fixed overlay inside it? A transform, filter, perspective or containment makes
 * the body the containing block of fixed descendants (the overlay would scroll away or be clipped with it), opacity
 * would show the page through the reader, and a body that is not displayed hides it.
 */
function bodyUnfit(body: HTMLElement): boolean {
  const cs = body.ownerDocument.defaultView!.getComputedStyle(body);
  const set = (v: string | undefined) => !!v && v !== 'none';
  return (
    set(cs.transform) ||
    set(cs.filter) ||
    set(cs.perspective) ||
    set(cs.getPropertyValue('backdrop-filter')) ||
    /paint|layout|strict|content/.test(cs.contain) ||
    /transform|filter|perspective/.test(cs.willChange) ||
    cs.display === 'none' ||
    cs.display === 'contents' ||
    Number(cs.opacity || 1) < 1
  );
}

/**
 * Where the host goes: the end of `<body>`, so the dialog is in the page's content as accessibility tools expect
 * (axe-core computes its contrast there, test/e2e/a11y.test.ts). `<html>` when there is no body element (a frameset,
 * test/fixtures/no-article/frameset.html) or when the body would break the overlay (bodyUnfit).
 */
function hostParent(doc: Document): HTMLElement {
  const body = doc.body;
  return body?.localName === 'body' && !bodyUnfit(body) ? body : doc.documentElement;
}

/**
 * Mount/unmount the reader overlay in an open Shadow DOM on `<div id="qingdu-reader">`.
 *
 * Closing restores the page exactly: the host (appended to `<body>` or `<html>`, hostParent) and the page sheet
 * (scroll lock on screen, page hidden in print, appended to `<head>`) are removed, no attribute or class is ever set
 * on html/body, the scroll position is put back with scrollTo, and focus goes back to the element that had it.
 */
export function createReader(
  doc: Document,
  t: (key: string, substitutions?: string[]) => string,
  onClosed: () => void,
  env: ReaderEnv = BARE_ENV,
): ReaderApi {
  let host: HTMLElement | null = null;
  let scroll = { x: 0, y: 0 };
  let returnFocus: HTMLElement | null = null;
  let openSeq = 0;
  const keys: { current: ((e: KeyboardEvent) => void) | null } = { current: null };
  // A page script may remove our host (a MutationObserver that strips unknown children of <html>): the reader is then
  // gone from the screen, so it is closed as the user would close it (scroll unlocked, key listener off, state closed).
  let watch: MutationObserver | null = null;

  // Listening from the moment the host exists: until the App has rendered (prefs still loading), Esc already closes.
  const onKey = (e: KeyboardEvent) => {
    if (!host) return;
    if (!host.isConnected) return api.close(); // removed before our observer ran: the key is the page's
    if (keys.current) return keys.current(e);
    if (keyAction(e, e.composedPath()) === 'close') {
      e.preventDefault();
      e.stopPropagation();
      api.close();
    }
  };

  const api: ReaderApi = {
    isOpen: () => !!host,
    open(article: Article, { readAnyway = false } = {}) {
      if (host) return;
      performance.mark('qingdu:reader-open');
      const win = doc.defaultView!;
      scroll = { x: win.scrollX, y: win.scrollY };
      returnFocus = deepActive(doc);
      const sheet = doc.createElement('style');
      sheet.id = LOCK_ID;
      sheet.textContent = pageSheet(HOST_ID);
      (doc.head ?? doc.documentElement).appendChild(sheet);
      host = doc.createElement('div');
      host.id = HOST_ID;
      const shadow = host.attachShadow({ mode: 'open' });
      const style = doc.createElement('style');
      style.textContent = readerCss;
      const mountPoint = doc.createElement('div');
      shadow.append(style, mountPoint);
      const parent = hostParent(doc);
      parent.appendChild(host);
      win.addEventListener('keydown', onKey, true);
      // Observing the parent (<body> or <html>) sees the host removed, directly or by replacing the parent's children;
      // a removed body or <html> (document.open, replaceChildren on the document) is seen by observing <html> and the
      // document too.
      watch = new win.MutationObserver(() => {
        if (host && !host.isConnected) api.close();
      });
      watch.observe(doc, { childList: true });
      watch.observe(doc.documentElement, { childList: true });
      if (parent !== doc.documentElement) watch.observe(parent, { childList: true });
      const seq = ++openSeq;
      void env.prefs().then((prefs) => {
        if (seq !== openSeq || !host) return; // closed (or reopened) while the prefs loaded
        const props = { article, prefs, services: env.services, onClose: () => api.close(), t, keys, readAnyway };
        render(h(App, props), mountPoint);
        performance.mark('qingdu:reader-rendered');
        // First paint: requestAnimationFrame runs just before the next frame is painted; a task queued from there runs
        // after that frame, so the article is on screen.
        requestAnimationFrame(() => setTimeout(() => env.services.painted?.(), 0));
      });
    },
    close() {
      if (!host) return;
      openSeq++;
      const win = doc.defaultView!;
      win.removeEventListener('keydown', onKey, true);
      watch?.disconnect();
      watch = null;
      keys.current = null;
      render(null, host.shadowRoot!.lastElementChild as HTMLElement);
      host.remove();
      host = null;
      doc.getElementById(LOCK_ID)?.remove();
      win.scrollTo(scroll.x, scroll.y);
      if (returnFocus?.isConnected && returnFocus !== doc.body) returnFocus.focus({ preventScroll: true });
      else (doc.activeElement as HTMLElement | null)?.blur?.();
      returnFocus = null;
      onClosed();
    },
  };
  return api;
}
