import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Article } from '../extract/article';
import type { ReaderPrefs } from '../shared/reader-prefs';
import { bodyHtml, nothingToRead, withHeadingIds } from './body-html';
import { convertHtml } from './convert';
import type { FollowingPage, StopReason, TextConverter } from '../shared/parts';
import type { ReaderServices, Translate } from './App';

/** The toast line: `say` shows a text for `ms` (4 s by default), `clear` empties it now. */
export interface Toast {
  text: string;
  say(text: string, ms?: number): void;
  clear(): void;
}

/** The reader's toast (save, cite, conversion and no-article messages). */
export function useToast(): Toast {
  const [text, setText] = useState('');
  const timer = useRef<number>(0);
  const say = (next: string, ms = 4000) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setText(''), ms) as unknown as number;
  };
  return { text, say, clear: () => setText('') };
}

/** OpenCC for the article's direction, loaded only once conversion is first turned on (it is ≈1.2 MB). */
export function useConverter(
  on: boolean,
  dir: 'cn2t' | 't2cn',
  services: ReaderServices,
  t: Translate,
  toast: Toast,
): TextConverter | null {
  const [conv, setConv] = useState<TextConverter | null>(null);
  useEffect(() => {
    if (!on || conv) return;
    toast.say(t('readerConvertLoading'));
    services.converter(dir).then(
      (fn) => {
        setConv(() => fn);
        toast.clear();
      },
      (e: Error) => toast.say(t('readerConvertFailed', [e.message])),
    );
  }, [on]);
  return conv;
}

/**
 * What the reader says when it stopped following pages.
 * @param pages following pages appended (the article then has `pages + 1`)
 */
export function pagesStopNote(r: { stop: StopReason; pages: number; error?: string }, t: Translate): string {
  const total = String(r.pages + 1);
  const next = String(r.pages + 2);
  return {
    end: t('readerPagesDone', [total]),
    loop: t('readerPagesLoop', [next]),
    limit: t('readerPagesLimit', [total]),
    'cross-origin': t('readerPagesCrossOrigin', [next]),
    failed: t('readerPagesFailed', [next, r.error ?? '']),
  }[r.stop];
}

/**
 * Multi-page articles: the following pages, appended as they arrive, and the status line (which page is loading, or
 * where and why it stopped); nothing for a single-page article.
 */
export function useFollowingPages(article: Article, services: ReaderServices, t: Translate) {
  const [pages, setPages] = useState<FollowingPage[]>([]);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (!article.nextPageUrl) return;
    let alive = true;
    setNote(t('readerPagesLoading', ['2']));
    services
      .followPages(article, (p) => {
        if (!alive) return;
        setPages((list) => [...list, p]);
        setNote(t('readerPagesLoading', [String(p.n + 1)]));
      })
      .then((r) => {
        if (alive) setNote(pagesStopNote(r, t));
      });
    return () => {
      alive = false;
    };
  }, [article]);
  return { pages, note };
}

/** The reader's settings, each change remembered through `savePrefs`. */
export function usePrefs(initial: ReaderPrefs, services: ReaderServices) {
  const [prefs, setPrefs] = useState(initial);
  const update = (patch: Partial<ReaderPrefs>) =>
    setPrefs((p) => {
      const next = { ...p, ...patch };
      services.savePrefs(next);
      return next;
    });
  return [prefs, update] as const;
}

/**
 * What the reader shows: the sanitized body with its following pages, converted to 繁/简 when `conv` is given, and
 * `shown` for the other texts (title, meta line), and the body's headings with their ids (table of contents). `empty`: nothing to read, so the reader still opens (the shortcut
 * visibly answers) but offers no Save or Cite (README).
 */
export function useDisplayedText(article: Article, pages: FollowingPage[], conv: TextConverter | null, t: Translate) {
  const original = useMemo(() => bodyHtml(article, pages, t), [article, pages]);
  const { html, headings } = useMemo(
    () => withHeadingIds(conv ? convertHtml(original, conv, document) : original),
    [original, conv],
  );
  return {
    original,
    html,
    headings,
    empty: nothingToRead(article, original),
    converting: !!conv,
    shown: (s: string) => (conv ? conv(s) : s),
  };
}
