import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Article } from '../extract/article';
import { sendBGtoCS, sendUItoBG } from '../shared/connector';
import { shortcutSettings } from '../shared/compat';
import { t } from '../shared/i18n';
import { formatPublished, labelled } from '../shared/format';
import { copyInfoText, copyToClipboard, saveNote } from './actions';
import { withImageLine } from '../shared/image-archive';
import { DeclutterToggle } from './DeclutterToggle';
import { SiteAccess } from './SiteAccess';

type Load =
  | { state: 'loading' }
  | { state: 'unavailable' }
  | { state: 'ready'; article: Article | null; unreadable?: 'too-large' | 'too-deep' };

/** The status text: loading, unavailable, or whether the page is an article (and why not, when it was unreadable). */
function statusText(load: Load, isArticle: boolean): string {
  if (load.state === 'loading') return t('popupLoading');
  if (load.state === 'unavailable') return t('popupUnavailable');
  if (isArticle) return t('popupIsArticle');
  if (load.unreadable) return t(load.unreadable === 'too-deep' ? 'popupTooDeep' : 'popupTooLarge');
  return t('popupNotArticle');
}

/**
 * The status line. On an article the article's title is the popup's heading (ArticleInfo); otherwise the status
 * itself is, so the popup always has one h1.
 */
function StatusLine({ load, isArticle }: { load: Load; isArticle: boolean }) {
  const text = statusText(load, isArticle);
  return (
    <header class="status" data-state={load.state} data-article={String(isArticle)}>
      {isArticle ? text : <h1 class="status-heading">{text}</h1>}
    </header>
  );
}

/** The article's title, published time and 来源 (the site name when there is no source). */
function ArticleInfo({ article }: { article: Article }) {
  return (
    <section class="info">
      <h1 class="title">{article.title}</h1>
      <p class="meta">
        {article.published && <span class="published">{formatPublished(article.published)}</span>}
        {(article.source || article.siteName) && (
          <span class="source">{labelled(t, 'metaSource', article.source || article.siteName!)}</span>
        )}
      </p>
    </section>
  );
}

/** The reader shortcut as the browser assigned it, and where to change it. */
function ShortcutFooter() {
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    browser.commands.getAll().then((cs) => setShortcut(cs.find((c) => c.name === 'toggle-reader')?.shortcut || null));
  }, []);
  const settings = shortcutSettings();
  const openSettings = (e: Event) => {
    e.preventDefault();
    if (settings.url) browser.tabs.create({ url: settings.url });
  };
  return (
    <footer class="shortcut">
      {shortcut ? t('popupShortcut', shortcut) : t('popupNoShortcut')}{' '}
      {settings.url ? (
        <a href={settings.url} onClick={openSettings}>
          {t('popupChangeShortcut')}
        </a>
      ) : (
        <span class="settings-path">
          {t('popupChangeShortcut')}: {settings.text}
        </span>
      )}
    </footer>
  );
}

/** The popup: article status, title/time/source, and the three actions. */
export function App({ tabId, asTab }: { tabId: number | null; asTab: boolean }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [notice, setNotice] = useState('');

  useEffect(() => {
    (async () => {
      if (tabId === null) return setLoad({ state: 'unavailable' });
      try {
        await sendUItoBG('ensureContent', { tabId });
        const article = await sendBGtoCS(tabId, 'getArticle', undefined);
        // No article at all: the page may have been too large or too deep to analyse (content/limits.ts).
        const unreadable = article ? undefined : (await sendBGtoCS(tabId, 'status', undefined)).unreadable;
        setLoad({ state: 'ready', article, unreadable });
      } catch {
        setLoad({ state: 'unavailable' });
      }
    })();
  }, [tabId]);

  const article = load.state === 'ready' ? load.article : null;
  const isArticle = !!article?.isArticle;
  // A page detection does not take for an article may still hold one it missed: offer to read it anyway (the reader
  // then shows the best block found, marked as such, and Save / Cite ask first: src/reader/App.tsx).
  const readAnyway = !!article && !isArticle && !!article.textContent.trim();

  const run = (fn: () => Promise<string>) => async () => {
    try {
      setNotice(await fn());
    } catch (e) {
      setNotice(`${t('popupFailed')}: ${(e as Error).message}`);
    }
  };
  const openReader = (readAnyway: boolean) => async () => {
    const open = await sendUItoBG('toggleReaderInTab', { tabId: tabId!, readAnyway });
    if (!asTab) window.close();
    return open ? t('popupReaderOpened') : t('popupReaderClosed');
  };
  const toggleReader = run(openReader(false));
  // 仍然阅读 here is the user's choice already: the reader opens at the best block, not at its own notice again.
  const readAnywayNow = run(openReader(true));
  // a reprint's print edition (版次), which the content script reads from the page: cited as the printed article
  const pagePrintEdition = () => sendBGtoCS(tabId!, 'printEdition', undefined).catch(() => null);
  const save = run(async () => {
    const r = await saveNote(article!, await pagePrintEdition());
    return withImageLine(t(r.status === 'updated' ? 'popupNoteUpdated' : 'popupSaved'), r.images, t);
  });
  const copy = run(async () => {
    await copyToClipboard(await copyInfoText(article!, await pagePrintEdition()));
    return t('popupCopied');
  });
  // The notes library was reachable only from the toolbar button's context menu; a link here makes it findable.
  const notesUrl = browser.runtime.getURL('src/notes/index.html');
  const openNotes = async (e: Event) => {
    e.preventDefault();
    await browser.tabs.create({ url: notesUrl });
    if (!asTab) window.close();
  };

  return (
    <main class="popup">
      <StatusLine load={load} isArticle={isArticle} />
      {isArticle && <ArticleInfo article={article!} />}
      <div class="actions">
        {readAnyway ? (
          <button type="button" id="btn-read-anyway" onClick={readAnywayNow}>
            {t('popupReadAnyway')}
          </button>
        ) : (
          <button type="button" id="btn-reader" disabled={!isArticle} onClick={toggleReader}>
            {t('popupReader')}
          </button>
        )}
        <button type="button" id="btn-save" disabled={!isArticle} onClick={save}>
          {t('popupSave')}
        </button>
        <button type="button" id="btn-copy" disabled={!isArticle} onClick={copy}>
          {t('popupCopy')}
        </button>
      </div>
      <p class="notice" role="status">
        {notice}
      </p>
      <p class="library">
        <a href={notesUrl} id="open-notes" onClick={openNotes}>
          {t('popupOpenNotes')}
        </a>
      </p>
      {load.state === 'ready' && <DeclutterToggle tabId={tabId} isArticle={isArticle} />}
      {load.state === 'ready' && <SiteAccess url={article?.url ?? null} onNotice={setNotice} />}
      <ShortcutFooter />
    </main>
  );
}
