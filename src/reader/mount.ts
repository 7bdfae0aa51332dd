import { h, render } from 'preact';
import type { Article } from '../extract/article';
import type { ReaderApi } from '../content/page-state';
import { App } from './App';
import { readerCss } from './styles';

export const HOST_ID = 'qingdu-reader';
const LOCK_ID = 'qingdu-scroll-lock';

/**
 * Mount/unmount the reader overlay in an open Shadow DOM on `<div id="qingdu-reader">`.
 *
 * Closing restores the page exactly: the host and the scroll-lock sheet are appended to `<html>`/`<head>`, never to
 * `<body>`, no attribute or class is set on html/body (the scroll lock is a removable `<style>`), and the scroll
 * position is put back with scrollTo.
 */
export function createReader(doc: Document, t: (key: string, substitutions?: string[]) => string, onClosed: () => void): ReaderApi {
  let host: HTMLElement | null = null;
  let scroll = { x: 0, y: 0 };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && host) {
      e.stopPropagation();
      e.preventDefault();
      api.close();
    }
  };

  const api: ReaderApi = {
    isOpen: () => !!host,
    open(article: Article) {
      if (host) return;
      const win = doc.defaultView!;
      scroll = { x: win.scrollX, y: win.scrollY };
      const lock = doc.createElement('style');
      lock.id = LOCK_ID;
      lock.textContent = 'html,body{overflow:hidden!important}';
      (doc.head ?? doc.documentElement).appendChild(lock);
      host = doc.createElement('div');
      host.id = HOST_ID;
      const shadow = host.attachShadow({ mode: 'open' });
      const style = doc.createElement('style');
      style.textContent = readerCss;
      const mountPoint = doc.createElement('div');
      shadow.append(style, mountPoint);
      doc.documentElement.appendChild(host);
      render(h(App, { article, onClose: () => api.close(), t }), mountPoint);
      win.addEventListener('keydown', onKey, true);
    },
    close() {
      if (!host) return;
      const win = doc.defaultView!;
      win.removeEventListener('keydown', onKey, true);
      render(null, host.shadowRoot!.lastElementChild as HTMLElement);
      host.remove();
      host = null;
      doc.getElementById(LOCK_ID)?.remove();
      win.scrollTo(scroll.x, scroll.y);
      onClosed();
    },
  };
  return api;
}
