import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import DOMPurify from 'dompurify';
import type { Article } from '../extract/article';
import {
  FONT_SIZES, LINE_HEIGHTS, THEMES, WIDTHS, WIDTH_EM, cycle, step, type ReaderPrefs,
} from '../shared/reader-prefs';
import { metaItems } from '../shared/format';
import { keyAction, KEY_HELP, type ReaderAction } from './keys';
import { convertHtml, convertedLang, direction } from './convert';
import type { FollowingPage, StopReason, TextConverter } from '../shared/parts';

type T = (key: string, substitutions?: string[]) => string;

/** What the reader needs from outside (storage, background, network), injected so the component stays testable. */
export interface ReaderServices {
  savePrefs(prefs: ReaderPrefs): void;
  /** Save to the notes library; resolves to the toast text. */
  save(article: Article): Promise<string>;
  /** The GB/T 7714 citation of the article. */
  cite(article: Article): Promise<string>;
  /** The OpenCC converter for a direction (loaded on first use). */
  converter(dir: 'cn2t' | 't2cn'): Promise<TextConverter>;
  /** Fetch the following pages of a multi-page article, calling onPage for each in order. */
  followPages(article: Article, onPage: (p: FollowingPage) => void): Promise<{ stop: StopReason; pages: number; error?: string }>;
  /** Called once the article is on screen (the task after the first frame that shows it; mount.ts), for timing. */
  painted?(): void;
}

export interface ReaderProps {
  article: Article;
  prefs: ReaderPrefs;
  services: ReaderServices;
  onClose: () => void;
  /** UI string lookup (`_locales`), injected so the component stays testable without `browser.*`. */
  t: T;
  /** Filled in by the App with its key handler (mount.ts owns the window listener). */
  keys: { current: ((e: KeyboardEvent) => void) | null };
}

// Page HTML is untrusted: sanitize again here, whatever extraction already did (no script, no handler attribute,
// no javascript: URL; DOMPurify's defaults drop all three).
// Leading spaces of a paragraph (portals indent with "　　" or &nbsp;, people-2 and sina-3 in the corpus) are dropped, so
// the reader's own indent setting decides and paragraphs line up. Done on the sanitized string in an inert document:
// with a fragment from DOMPurify (RETURN_DOM_FRAGMENT) instead, a hostile img's stripped onerror handler was seen to run once
// its nodes were adopted into the page, in Chromium (test/e2e/runtime.test.ts, hostile body; cause not pinned down).
function clean(html: string): string {
  const safe = DOMPurify.sanitize(html, { FORBID_TAGS: ['style', 'form', 'input', 'iframe', 'frame', 'object', 'embed'] });
  // An inert document from DOMParser (nothing runs or loads there; and no innerHTML assignment, which AMO's lint reports).
  const inert = new DOMParser().parseFromString(`<!doctype html><body>${safe}`, 'text/html');
  for (const p of Array.from(inert.body.querySelectorAll('p'))) {
    // The spaces may sit in the first text node or inside a leading <strong>/<span> (people-2's subheadings).
    const walker = inert.createTreeWalker(p, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      n.nodeValue = (n.nodeValue ?? '').replace(/^[\s\u3000\u00a0]+/, '');
      if (n.nodeValue) break;
    }
  }
  return inert.body.innerHTML;
}

const pageMarker = (n: number, t: T) =>
  `<div class="qd-page-marker" role="separator" data-page="${n}">${t('readerPageMarker', [String(n)])}</div>`;

/** Hide images that fail to load (our own listener, not a page handler) and the figure around them when it is empty. */
function hideBrokenImages(body: HTMLElement): void {
  const hide = (img: HTMLImageElement) => {
    img.hidden = true;
    const fig = img.closest('figure');
    if (fig && !fig.querySelector('img:not([hidden])')) fig.hidden = true;
  };
  for (const img of Array.from(body.querySelectorAll('img'))) {
    if (!img.getAttribute('src')) hide(img);
    else if (img.complete && img.naturalWidth === 0) hide(img);
    else img.addEventListener('error', () => hide(img), { once: true });
  }
}

/** Focusable controls inside the dialog, for the Tab trap. */
function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('button, select, a[href], [tabindex]:not([tabindex="-1"])'))
    .filter((e) => !e.hasAttribute('disabled') && e.getClientRects().length > 0);
}

/** Copy text: the async clipboard where allowed (secure pages), else a selected textarea inside our shadow root. */
async function copyText(text: string, where: HTMLElement): Promise<void> {
  try {
    if (!navigator.clipboard) throw new Error('no async clipboard');
    await navigator.clipboard.writeText(text);
  } catch {
    const area = where.ownerDocument.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;left:0;top:0;';
    where.appendChild(area);
    area.select();
    const ok = where.ownerDocument.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('clipboard refused');
  }
}

/** The reader overlay: a dialog with the settings bar, title, meta line, the sanitized body and following pages. */
export function App({ article, prefs: initialPrefs, services, onClose, t, keys }: ReaderProps) {
  const [prefs, setPrefs] = useState(initialPrefs);
  const [pages, setPages] = useState<FollowingPage[]>([]);
  const [pagesNote, setPagesNote] = useState('');
  const [conv, setConv] = useState<TextConverter | null>(null);
  const [toast, setToast] = useState('');
  const [help, setHelp] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const toastTimer = useRef<number>(0);
  const dir = direction(article.lang);

  const say = (text: string, ms = 4000) => {
    setToast(text);
    clearTimeout(toastTimer.current);
    toastTimer.current = setTimeout(() => setToast(''), ms) as unknown as number;
  };

  const update = (patch: Partial<ReaderPrefs>) => setPrefs((p) => {
    const next = { ...p, ...patch };
    services.savePrefs(next);
    return next;
  });

  const original = useMemo(() => {
    let html = clean(article.contentHtml);
    for (const p of pages) html += pageMarker(p.n, t) + clean(p.contentHtml);
    return html;
  }, [article, pages]);
  // Nothing to read (a list page, an empty page, a frameset): say so instead of an empty body, and offer no Save or
  // Cite (a note or a citation of nothing). The reader still opens, so the shortcut visibly answers (README).
  const empty = !article.textContent.trim() && !/<img\b/i.test(original);
  const converting = prefs.convert && !!conv;
  const html = useMemo(() => (converting ? convertHtml(original, conv!, document) : original), [original, converting, conv]);
  const shown = (s: string) => (converting ? conv!(s) : s);

  // Focus moves into the dialog on open (mount.ts returns it on close).
  useEffect(() => {
    root.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    if (bodyRef.current) hideBrokenImages(bodyRef.current);
  }, [html]);

  // OpenCC is loaded only when conversion is on (it is ≈1.2 MB).
  useEffect(() => {
    if (!prefs.convert || conv) return;
    say(t('readerConvertLoading'));
    services.converter(dir).then((fn) => {
      setConv(() => fn);
      setToast('');
    }, (e: Error) => say(t('readerConvertFailed', [e.message])));
  }, [prefs.convert]);

  // Multi-page articles: following pages are appended as they arrive; the reader says where and why it stopped.
  useEffect(() => {
    if (!article.nextPageUrl) return;
    let alive = true;
    setPagesNote(t('readerPagesLoading', ['2']));
    services.followPages(article, (p) => {
      if (!alive) return;
      setPages((list) => [...list, p]);
      setPagesNote(t('readerPagesLoading', [String(p.n + 1)]));
    }).then((r) => {
      if (!alive) return;
      const total = String(r.pages + 1);
      const next = String(r.pages + 2);
      setPagesNote({
        end: t('readerPagesDone', [total]),
        loop: t('readerPagesLoop', [next]),
        limit: t('readerPagesLimit', [total]),
        'cross-origin': t('readerPagesCrossOrigin', [next]),
        failed: t('readerPagesFailed', [next, r.error ?? '']),
      }[r.stop]);
    });
    return () => { alive = false; };
  }, [article]);

  const scroller = () => root.current!;
  const smooth = (): ScrollBehavior =>
    matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';

  const act = (a: ReaderAction) => {
    const el = scroller();
    const line = prefs.fontSize * prefs.lineHeight;
    switch (a) {
      case 'close': return onClose();
      case 'bigger': return update({ fontSize: step(FONT_SIZES, prefs.fontSize, 1) });
      case 'smaller': return update({ fontSize: step(FONT_SIZES, prefs.fontSize, -1) });
      case 'theme': return update({ theme: cycle(THEMES, prefs.theme) });
      case 'down': return el.scrollBy({ top: line * 3, behavior: smooth() });
      case 'up': return el.scrollBy({ top: -line * 3, behavior: smooth() });
      case 'pageDown': return el.scrollBy({ top: el.clientHeight - 80, behavior: smooth() });
      case 'pageUp': return el.scrollBy({ top: -(el.clientHeight - 80), behavior: smooth() });
      case 'help': return setHelp((h) => !h);
      case 'save':
        if (empty) return say(t('readerNoArticle'));
        return void services.save(article).then(say, (e: Error) => say(t('readerSaveFailed', [e.message])));
      case 'cite':
        if (empty) return say(t('readerNoArticle'));
        return void services.cite(article)
          .then(async (text) => { await copyText(text, el); say(t('readerCited', [text]), 6000); })
          .catch((e: Error) => say(t('readerCiteFailed', [e.message])));
    }
  };

  // Keys (keys.ts): mount.ts listens on the window in the capture phase from the moment the host exists (so they work
  // wherever focus is, and page handlers do not see them) and hands each event to this handler once rendered.
  keys.current = (e: KeyboardEvent) => {
    if (e.key === 'Tab' && root.current) {
      // aria-modal: Tab cycles inside the dialog.
      const list = focusables(root.current);
      const active = (root.current.getRootNode() as ShadowRoot).activeElement as HTMLElement | null;
      if (!list.length) return;
      const i = active ? list.indexOf(active) : -1;
      if (e.shiftKey && i <= 0) { e.preventDefault(); list[list.length - 1].focus(); }
      else if (!e.shiftKey && (i === -1 || i === list.length - 1)) { e.preventDefault(); list[0].focus(); }
      e.stopPropagation();
      return;
    }
    const a = keyAction(e, e.composedPath());
    if (!a) return;
    e.preventDefault();
    e.stopPropagation();
    act(a);
  };

  const lang = converting ? convertedLang(article.lang) : article.lang ?? 'zh-CN';
  const style = `--qd-size: ${prefs.fontSize}px; --qd-measure: ${WIDTH_EM[prefs.width]}em; --qd-leading: ${prefs.lineHeight};`;
  const url = article.canonicalUrl ?? article.url;
  return (
    <div class="qd-overlay" ref={root} tabIndex={-1} role="dialog" aria-modal="true" aria-labelledby="qd-title"
      lang={lang} style={style} data-theme={prefs.theme} data-font={prefs.font} data-indent={String(prefs.indent)}>
      <div class="qd-bar" role="toolbar" aria-label={t('readerToolbar')}>
        <button type="button" class="qd-btn" data-action="smaller" aria-label={t('readerSmaller')} title={t('readerSmaller')}
          onClick={() => act('smaller')}>A−</button>
        <button type="button" class="qd-btn" data-action="bigger" aria-label={t('readerBigger')} title={t('readerBigger')}
          onClick={() => act('bigger')}>A+</button>
        <button type="button" class="qd-btn" data-action="font" aria-label={t('readerFont')}
          onClick={() => update({ font: prefs.font === 'sans' ? 'serif' : 'sans' })}>
          {prefs.font === 'sans' ? t('readerFontSans') : t('readerFontSerif')}
        </button>
        <select class="qd-select" data-action="width" aria-label={t('readerWidth')} title={t('readerWidth')}
          onChange={(e) => update({ width: (e.target as HTMLSelectElement).value as ReaderPrefs['width'] })}>
          {WIDTHS.map((w) => <option value={w} selected={w === prefs.width}>{t(`readerWidth_${w}`)}</option>)}
        </select>
        <select class="qd-select" data-action="leading" aria-label={t('readerLineHeight')} title={t('readerLineHeight')}
          onChange={(e) => update({ lineHeight: Number((e.target as HTMLSelectElement).value) })}>
          {LINE_HEIGHTS.map((h) => <option value={h} selected={h === prefs.lineHeight}>{t('readerLineHeight')} {h.toFixed(1)}</option>)}
        </select>
        <button type="button" class="qd-btn" data-action="indent" aria-pressed={prefs.indent ? "true" : "false"}
          onClick={() => update({ indent: !prefs.indent })}>{t('readerIndent')}</button>
        <select class="qd-select" data-action="theme" aria-label={t('readerTheme')} title={t('readerTheme')}
          onChange={(e) => update({ theme: (e.target as HTMLSelectElement).value as ReaderPrefs['theme'] })}>
          {THEMES.map((th) => <option value={th} selected={th === prefs.theme}>{t(`readerTheme_${th}`)}</option>)}
        </select>
        <button type="button" class="qd-btn" data-action="convert" aria-pressed={prefs.convert ? "true" : "false"}
          title={dir === 'cn2t' ? t('readerConvertCn2t') : t('readerConvertT2cn')}
          onClick={() => update({ convert: !prefs.convert })}>{dir === 'cn2t' ? t('readerConvertToTrad') : t('readerConvertToSimp')}</button>
        <span class="qd-gap" />
        <button type="button" class="qd-btn" data-action="save" disabled={empty} onClick={() => act('save')}>{t('readerSave')}</button>
        <button type="button" class="qd-btn" data-action="cite" disabled={empty} onClick={() => act('cite')}>{t('readerCite')}</button>
        <button type="button" class="qd-btn" data-action="print" onClick={() => root.current?.ownerDocument.defaultView?.print()}>
          {t('readerPrint')}</button>
        <button type="button" class="qd-btn" data-action="help" aria-expanded={help ? "true" : "false"} aria-label={t('readerHelp')}
          title={t('readerHelp')} onClick={() => act('help')}>?</button>
        <button type="button" class="qd-btn qd-close" onClick={onClose} title={t('readerCloseHint')}>{t('readerClose')}</button>
      </div>
      {help && (
        <div class="qd-help" role="note" aria-labelledby="qd-help-title">
          <h2 id="qd-help-title">{t('readerHelp')}</h2>
          <dl>{KEY_HELP.map(([k, d]) => [<dt>{k}</dt>, <dd>{t(d)}</dd>])}</dl>
        </div>
      )}
      <article class="qd-article">
        <h1 class="qd-title" id="qd-title">{shown(article.title)}</h1>
        <p class="qd-meta">
          {metaItems(article, t).map((m) => (
            <span key={m.field} data-field={m.field}>{shown(m.label ? t('metaLabel', [m.label, m.value]) : m.value)}</span>
          ))}
        </p>
        {empty
          ? <p class="qd-empty" role="status">{t('readerNoArticle')}</p>
          : <div class="qd-body" ref={bodyRef} dangerouslySetInnerHTML={{ __html: html }} />}
        {pagesNote && <p class="qd-pages-status" role="status">{pagesNote}</p>}
        <p class="qd-source-url">{t('readerSourceUrl', [url])}</p>
      </article>
      <div class="qd-toast" role="status" aria-live="polite">{toast}</div>
    </div>
  );
}
