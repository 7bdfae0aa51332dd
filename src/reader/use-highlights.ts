import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { Article } from '../extract/article';
import type { AnchorSelectors } from '../shared/anchoring';
import type { ArticleAnnotations, NewAnnotation } from '../shared/messages';
import type { Annotation, HighlightColor } from '../shared/notes-types';
import { drawHighlights, focusHighlight, highlightAt, selectionIn, selectorsOf, textMaps } from './highlights';
import type { Toast } from './use-reader';
import type { Translate } from './App';

/** The notes library as the reader's highlights need it (inject.ts sends these to the background). */
export interface HighlightServices {
  /** The highlights of the article when it is saved, else null. */
  load(article: Article): Promise<ArticleAnnotations | null>;
  /** Add one (the background saves the article first when it is new): the note's highlights now, and the new one. */
  add(
    article: Article,
    a: NewAnnotation,
  ): Promise<ArticleAnnotations & { annotation: Annotation; status: 'created' | 'updated' }>;
  /** Change a highlight's comment and/or colour: the note's highlights now. */
  edit(noteId: string, id: string, patch: { bodyValue?: string; color?: HighlightColor }): Promise<Annotation[]>;
  /** Remove a highlight: the note's highlights now. */
  remove(noteId: string, id: string): Promise<Annotation[]>;
}

/** Where the highlight bar is: for a new selection (its selectors) or for a highlight being edited (its id). */
export type HighlightBarState =
  | { mode: 'new'; selectors: AnchorSelectors; top: number; left: number }
  | { mode: 'edit'; id: string; top: number; left: number };

/** The default colour (`h`, and the first swatch). */
export const DEFAULT_COLOR: HighlightColor = 'yellow';

/** Viewport position for the bar: under the rectangle, kept on screen. */
function barPlace(rect: DOMRect, win: Window | null): { top: number; left: number } {
  const w = win?.innerWidth ?? 1024;
  const h = win?.innerHeight ?? 768;
  const top = rect.bottom + 8 > h - 120 ? Math.max(8, rect.top - 120) : rect.bottom + 8;
  return { top, left: Math.min(Math.max(8, rect.left), Math.max(8, w - 360)) };
}

interface Inputs {
  article: Article;
  services?: HighlightServices;
  /** The body before and after 繁/简 conversion (use-reader.ts useDisplayedText). */
  original: string;
  html: string;
  /** Highlights are drawn and made only where the body is shown as an article. */
  shownAsArticle: boolean;
  root: RefObject<HTMLDivElement | null>;
  t: Translate;
  toast: Toast;
}

const bodyOf = (root: HTMLElement | null): HTMLElement | null => root?.querySelector<HTMLElement>('.qd-body') ?? null;
const shadowOf = (el: HTMLElement | null) => (el?.getRootNode() ?? null) as ShadowRoot | Document | null;

/** Load the article's highlights when the reader opens; the note id once it is known. */
function useStored(article: Article, services: HighlightServices | undefined, toast: Toast, t: Translate) {
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [noteId, setNoteId] = useState<string | null>(null);
  useEffect(() => {
    services?.load(article).then(
      (r) => {
        if (!r) return;
        setNoteId(r.noteId);
        setAnnotations(r.annotations);
      },
      (e: Error) => toast.say(t('readerHighlightFailed', [e.message])),
    );
  }, [article]);
  return { annotations, setAnnotations, noteId, setNoteId };
}

/**
 * The reader's highlights: loads them, draws them on every render of the body (and lists those that cannot be placed
 * as orphans), follows the selection to offer the highlight bar, and adds, edits and removes through `services`.
 */
export function useHighlights(inputs: Inputs) {
  const { article, services, original, html, shownAsArticle: enabled, root, t, toast } = inputs;
  const { annotations, setAnnotations, noteId, setNoteId } = useStored(article, services, toast, t);
  const [orphans, setOrphans] = useState<string[]>([]);
  const [bar, setBar] = useState<HighlightBarState | null>(null);
  const barRef = useRef<HTMLDivElement | null>(null);
  const focusNext = useRef<string | null>(null);
  const maps = useMemo(() => textMaps(original, html, document), [original, html]);

  useEffect(() => {
    const body = bodyOf(root.current);
    if (!body || !enabled) return;
    const lost = drawHighlights(body, annotations, maps);
    setOrphans((old) => (old.join() === lost.join() ? old : lost));
    // A highlight just added gets focus once drawn: Enter then opens it (comment, colour, remove) from the keyboard.
    if (focusNext.current) focusHighlight(body, focusNext.current);
    focusNext.current = null;
  }, [html, annotations, maps, enabled]);

  // The selection: a bar for a new highlight while text of the body is selected (not while the bar has focus).
  useEffect(() => {
    const overlay = root.current;
    const doc = overlay?.ownerDocument;
    if (!overlay || !doc || !enabled || !services) return;
    const check = () => {
      const body = bodyOf(overlay);
      const shadow = shadowOf(overlay);
      if (!body || !shadow) return;
      if (barRef.current?.contains(shadow.activeElement ?? null)) return;
      const range = selectionIn(shadow);
      const selectors = range && body.contains(range.commonAncestorContainer) ? selectorsOf(range, body, maps) : null;
      setBar((b) =>
        selectors
          ? { mode: 'new', selectors, ...barPlace(range!.getBoundingClientRect(), doc.defaultView) }
          : b?.mode === 'new'
            ? null
            : b,
      );
    };
    let timer = 0;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(check, 120) as unknown as number;
    };
    doc.addEventListener('selectionchange', later);
    overlay.addEventListener('pointerup', later);
    return () => {
      clearTimeout(timer);
      doc.removeEventListener('selectionchange', later);
      overlay.removeEventListener('pointerup', later);
    };
  }, [maps, enabled, services]);

  const fail = (e: Error) => toast.say(t('readerHighlightFailed', [e.message]));

  /** Add a highlight for selectors (the bar's, or the selection's for `h`). */
  const add = async (selectors: AnchorSelectors, color: HighlightColor, bodyValue = '') => {
    if (!services) return;
    setBar(null);
    try {
      const r = await services.add(article, { bodyValue, color, target: { selector: selectors } });
      setNoteId(r.noteId);
      focusNext.current = r.annotation.id;
      setAnnotations(r.annotations);
      shadowOf(root.current)?.ownerDocument?.getSelection()?.removeAllRanges();
      toast.say(t(r.status === 'created' ? 'readerHighlightSavedArticle' : 'readerHighlightAdded'));
    } catch (e) {
      fail(e as Error);
    }
  };

  /** Change or remove the highlight being edited; the bar closes and focus goes back to the highlight. */
  const change = async (id: string, patch: { bodyValue?: string; color?: HighlightColor } | 'remove') => {
    if (!services || !noteId) return;
    try {
      const next = patch === 'remove' ? await services.remove(noteId, id) : await services.edit(noteId, id, patch);
      setAnnotations(next);
      if (patch === 'remove') toast.say(t('readerHighlightRemoved'));
    } catch (e) {
      fail(e as Error);
    }
  };

  /** `h`: highlight the selection with the default colour. */
  const highlightSelection = () => {
    const body = bodyOf(root.current);
    const shadow = shadowOf(root.current);
    const range = shadow && selectionIn(shadow);
    const selectors = body && range && body.contains(range.commonAncestorContainer) && selectorsOf(range, body, maps);
    if (!selectors) return toast.say(t('readerHighlightNoSelection'));
    void add(selectors, DEFAULT_COLOR);
  };

  /** Open the editor of the highlight under a click or a key press (Enter/Space on its focused mark). */
  const openAt = (target: EventTarget | null): boolean => {
    const id = highlightAt(target);
    if (!id || !enabled) return false;
    const shadow = shadowOf(root.current);
    if (shadow && selectionIn(shadow)) return false; // a selection starting on a highlight: the new-highlight bar
    const rect = (target as Element).closest('mark')!.getBoundingClientRect();
    setBar({ mode: 'edit', id, ...barPlace(rect, root.current?.ownerDocument.defaultView ?? null) });
    return true;
  };

  /** Close the bar (Esc, 关闭); returns whether it was open. Focus goes back to the highlight that was edited. */
  const closeBar = (): boolean => {
    if (!bar) return false;
    const body = bodyOf(root.current);
    if (bar.mode === 'edit' && body) focusHighlight(body, bar.id);
    setBar(null);
    return true;
  };

  const orphaned = annotations.filter((a) => orphans.includes(a.id));
  return { annotations, orphaned, bar, barRef, add, change, highlightSelection, openAt, closeBar };
}

export type Highlights = ReturnType<typeof useHighlights>;
