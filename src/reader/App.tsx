import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { Article } from '../extract/article';
import { FONT_SIZES, THEMES, WIDTH_EM, cycle, step, type ReaderPrefs } from '../shared/reader-prefs';
import { ArticleView } from './ArticleView';
import { convertedLang, direction } from './convert';
import { copyText, scrollDialog, trapTab } from './dialog';
import { keyAction, type ReaderAction } from './keys';
import type { FollowingPage, StopReason, TextConverter } from '../shared/parts';
import { HelpPanel, SettingsBar } from './SettingsBar';
import { useConverter, useDisplayedText, useFollowingPages, usePrefs, useToast, type Toast } from './use-reader';
import { SpeechControls, type SpeechHandle } from './speech-controls';
import { useHighlights, type HighlightServices, type Highlights } from './use-highlights';
import { HighlightBar, OrphanList } from './HighlightBar';

/** UI string lookup (`_locales`): a message key and its substitutions. */
export type Translate = (key: string, substitutions?: string[]) => string;

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
  followPages(
    article: Article,
    onPage: (p: FollowingPage) => void,
  ): Promise<{ stop: StopReason; pages: number; error?: string }>;
  /** Called once the article is on screen (the task after the first frame that shows it; mount.ts), for timing. */
  painted?(): void;
  /**
   * Put the citation on the clipboard; `where` is an element in the reader's shadow root for the fallback.
   * Default: dialog.ts `copyText` (the async clipboard, else a selected textarea and execCommand).
   */
  copy?(text: string, where: HTMLElement): Promise<void>;
  /** Highlights and comments, stored with the article's note (none without it: nothing to select then). */
  highlights?: HighlightServices;
}

export interface ReaderProps {
  article: Article;
  prefs: ReaderPrefs;
  services: ReaderServices;
  onClose: () => void;
  /** UI string lookup (`_locales`), injected so the component stays testable without `browser.*`. */
  t: Translate;
  /** Filled in by the App with its key handler (mount.ts owns the window listener). */
  keys: { current: ((e: KeyboardEvent) => void) | null };
  /** On a page that is no article, open at the best block (the user chose 仍然阅读 in the popup already). */
  readAnyway?: boolean;
}

/** The reader overlay: a dialog with the settings bar, title, meta line, the sanitized body and following pages. */
export function App({ article, prefs: initialPrefs, services, onClose, t, keys, readAnyway }: ReaderProps) {
  const [prefs, update] = usePrefs(initialPrefs, services);
  const [help, setHelp] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const dir = direction(article.lang);
  const toast = useToast();
  const following = useFollowingPages(article, services, t);
  const conv = useConverter(prefs.convert, dir, services, t, toast);
  const { original, html, headings, empty, converting, shown } = useDisplayedText(
    article,
    following.pages,
    prefs.convert ? conv : null,
    t,
  );
  // A page detection says is no article: a notice and 仍然阅读 first (unless chosen in the popup already); then Save and
  // Cite ask before they act.
  const [anyway, setAnyway] = useState(!!readAnyway);
  const [confirming, setConfirming] = useState<'save' | 'cite' | null>(null);
  const gate = article.isArticle ? 'article' : anyway ? 'anyway' : 'offer';
  const speech = useRef<SpeechHandle | null>(null);
  const shownAsArticle = !empty && gate === 'article';
  const hl = useHighlights({ article, services: services.highlights, original, html, shownAsArticle, root, t, toast });

  // Focus moves into the dialog on open (mount.ts returns it on close).
  useEffect(() => {
    root.current?.focus({ preventScroll: true });
  }, []);

  const { save, cite } = saveAndCite(article, services, toast, t, root);

  const act = (a: ReaderAction) => {
    switch (a) {
      case 'close':
        // Esc answers the innermost thing first: the confirmation, then reading aloud, then the reader
        if (confirming) return setConfirming(null);
        if (hl.closeBar()) return undefined;
        return speech.current?.stop() ? undefined : onClose();
      case 'bigger':
        return update({ fontSize: step(FONT_SIZES, prefs.fontSize, 1) });
      case 'smaller':
        return update({ fontSize: step(FONT_SIZES, prefs.fontSize, -1) });
      case 'theme':
        return update({ theme: cycle(THEMES, prefs.theme) });
      case 'help':
        return setHelp((h) => !h);
      case 'save':
      case 'cite':
        if (empty || gate === 'offer') return toast.say(t(empty ? 'readerNoArticle' : 'readerNotArticle'));
        if (gate === 'anyway') return setConfirming(a);
        return a === 'save' ? void save() : void cite();
      case 'highlight':
        return shownAsArticle ? hl.highlightSelection() : toast.say(t(empty ? 'readerNoArticle' : 'readerNotArticle'));
      case 'speak':
        return gate === 'offer' || empty ? undefined : speech.current?.toggle();
      default:
        return scrollDialog(root.current!, a, prefs);
    }
  };

  // Keys (keys.ts): mount.ts listens on the window in the capture phase from the moment the host exists (so they work
  // wherever focus is, and page handlers do not see them) and hands each event to this handler once rendered.
  keys.current = (e: KeyboardEvent) => onKey(e, root.current, hl, act);

  const lang = converting ? convertedLang(article.lang) : (article.lang ?? 'zh-CN');
  const style = `--qd-size: ${prefs.fontSize}px; --qd-measure: ${WIDTH_EM[prefs.width]}em; --qd-leading: ${prefs.lineHeight};`;
  return (
    <div
      class="qd-overlay"
      ref={root}
      tabIndex={-1}
      role="dialog"
      aria-modal="true"
      aria-labelledby="qd-title"
      lang={lang}
      style={style}
      data-theme={prefs.theme}
      data-font={prefs.font}
      data-indent={String(prefs.indent)}
      onClick={(e) => hl.openAt(e.target)}>
      <SettingsBar
        prefs={prefs}
        dir={dir}
        empty={empty || gate === 'offer'}
        help={help}
        t={t}
        update={update}
        act={act}
        onPrint={() => root.current?.ownerDocument.defaultView?.print()}
        onClose={onClose}
      />
      {help && <HelpPanel t={t} />}
      <ArticleView
        article={article}
        t={t}
        shown={shown}
        empty={empty}
        html={html}
        pagesNote={following.note}
        headings={headings}
        gate={gate}
        onReadAnyway={() => setAnyway(true)}>
        <SpeechControls t={t} lang={lang} root={root} html={html} handle={speech} />
      </ArticleView>
      <OrphanList hl={hl} t={t} />
      {hl.bar && <HighlightBar hl={hl} t={t} />}
      {confirming && (
        <ConfirmBar
          t={t}
          what={confirming}
          onYes={() => {
            setConfirming(null);
            void (confirming === 'save' ? save() : cite());
          }}
          onNo={() => setConfirming(null)}
        />
      )}
      <div class="qd-toast" role="status" aria-live="polite">
        {toast.text}
      </div>
    </div>
  );
}

/** Save and Cite, each saying on the toast how it went. */
function saveAndCite(
  article: Article,
  services: ReaderServices,
  toast: Toast,
  t: Translate,
  root: RefObject<HTMLDivElement | null>,
) {
  const save = () =>
    services.save(article).then(toast.say, (e: Error) => toast.say(t('readerSaveFailed', [e.message])));
  const cite = () =>
    services
      .cite(article)
      .then(async (text) => {
        await (services.copy ?? copyText)(text, root.current!);
        toast.say(t('readerCited', [text]), 6000);
      })
      .catch((e: Error) => toast.say(t('readerCiteFailed', [e.message])));
  return { save, cite };
}

/** A key press in the reader: Tab stays inside, Enter/Space open a focused highlight, the rest is keys.ts's. */
function onKey(e: KeyboardEvent, root: HTMLElement | null, hl: Highlights, act: (a: ReaderAction) => void): void {
  if (e.key === 'Tab' && root) return trapTab(e, root);
  // Enter or Space on a focused highlight opens it (its first mark is a button: highlights.ts drawHighlights).
  if ((e.key === 'Enter' || e.key === ' ') && hl.openAt(e.composedPath()[0])) return e.preventDefault();
  const a = keyAction(e, e.composedPath());
  if (!a) return;
  e.preventDefault();
  e.stopPropagation();
  act(a);
}

/** Save / Cite on a page that is no article ask first (README, "Read anyway"). */
function ConfirmBar(props: { t: Translate; what: 'save' | 'cite'; onYes(): void; onNo(): void }) {
  const { t, what } = props;
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  return (
    <div class="qd-confirm" role="alertdialog" aria-labelledby="qd-confirm-text" data-confirm={what}>
      <span id="qd-confirm-text">{t(what === 'save' ? 'readerConfirmSave' : 'readerConfirmCite')}</span>
      <button type="button" class="qd-btn" data-action="confirm-yes" ref={yes} onClick={props.onYes}>
        {t('readerConfirmYes')}
      </button>
      <button type="button" class="qd-btn" data-action="confirm-no" onClick={props.onNo}>
        {t('readerConfirmNo')}
      </button>
    </div>
  );
}
