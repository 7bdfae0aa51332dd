import { useLayoutEffect, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { anchorSelectors, marksOf, unwrapMarks, wrapRange } from '../shared/anchoring';
import { t } from '../shared/i18n';
import { quoteOf } from './annotations';
import { noteQuoteCitation } from './note-citation';
import type { Annotation, Note } from '../shared/notes-types';

/**
 * Draw the note's highlights as `<mark class="qd-hl" data-annotation-id data-color>` in the rendered body (anchored on
 * its text by src/shared/anchoring.ts, one at a time: wrapping leaves the text unchanged) and tell which were placed.
 * Drawn again when the body or the highlights change. Until drawn, every highlight counts as placed.
 * @returns the ids of the highlights that could not be placed (orphaned)
 */
export function useBodyHighlights(
  body: RefObject<HTMLElement | null>,
  annotations: readonly Annotation[],
  html: string,
): Set<string> | null {
  const [orphans, setOrphans] = useState<Set<string> | null>(null);
  useLayoutEffect(() => {
    const root = body.current;
    if (!root) return;
    unwrapMarks(root);
    const lost = new Set<string>();
    for (const a of annotations) {
      const range = anchorSelectors(root, a.target.selector);
      if (range) wrapRange(range, a.id, { 'data-color': a.color });
      else lost.add(a.id);
    }
    setOrphans(lost);
  }, [html, annotations]);
  return orphans;
}

/** Scroll the body to a highlight's first mark and flash it (the list's 在正文中显示). */
function showInBody(body: HTMLElement | null, id: string): void {
  const [first, ...rest] = body ? marksOf(body, id) : [];
  if (!first) return;
  first.scrollIntoView({ block: 'center' });
  for (const m of [first, ...rest]) {
    m.classList.add('qd-hl-active');
    setTimeout(() => m.classList.remove('qd-hl-active'), 1600);
  }
}

/** “quote” and its GB/T 7714 reference on the clipboard (noteQuoteCitation). */
async function copyQuoteCitation(a: Annotation, note: Note): Promise<void> {
  await navigator.clipboard.writeText(await noteQuoteCitation(a, note));
}

interface ItemProps {
  a: Annotation;
  note: Note;
  orphan: boolean;
  onShow: (id: string) => void;
}

/** One highlight: colour, quoted text, comment, time; 在正文中显示 (when placed) and 复制引用. */
function AnnotationItem({ a, note, orphan, onShow }: ItemProps) {
  const [status, setStatus] = useState('');
  const copy = () =>
    copyQuoteCitation(a, note).then(
      () => setStatus(t('notesCopiedQuoteCitation')),
      (e: Error) => setStatus(e.message),
    );
  return (
    <li class={orphan ? 'annotation orphan' : 'annotation'} data-annotation-id={a.id} data-color={a.color}>
      <p class="annotation-meta">
        <span class="swatch" data-color={a.color} />
        {t(`notesColor_${a.color}`)} · {t('notesAnnotationCreated', a.created.slice(0, 16).replace('T', ' '))}
        {orphan && <strong class="orphan-label"> · {t('notesAnnotationOrphan')}</strong>}
      </p>
      <blockquote class="annotation-quote">{quoteOf(a)}</blockquote>
      {a.bodyValue && <p class="annotation-comment">{a.bodyValue}</p>}
      <p class="row">
        {!orphan && (
          <button type="button" class="annotation-show" onClick={() => onShow(a.id)}>
            {t('notesAnnotationShow')}
          </button>
        )}
        <button type="button" class="annotation-cite" onClick={() => void copy()}>
          {t('notesCopyQuoteCitation')}
        </button>
        <span role="status" class="annotation-status">
          {status}
        </span>
      </p>
    </li>
  );
}

/**
 * The note's highlights, oldest first, under its heading: each with colour, text, comment and time; one whose quote
 * can no longer be placed in the body is listed as orphaned (never dropped). Nothing when the note has none.
 * @param orphans ids of the highlights the body could not place (useBodyHighlights); null before it has drawn
 */
export function Annotations({
  note,
  orphans,
  body,
}: {
  note: Note;
  orphans: Set<string> | null;
  body: RefObject<HTMLElement | null>;
}) {
  const list = note.annotations ?? [];
  if (!list.length) return null;
  return (
    <section class="annotations" aria-labelledby="annotations-heading">
      <h2 id="annotations-heading">{t('notesAnnotations')}</h2>
      <ol class="annotation-list">
        {list.map((a) => (
          <AnnotationItem
            key={a.id}
            a={a}
            note={note}
            orphan={!!orphans?.has(a.id)}
            onShow={(id) => showInBody(body.current, id)}
          />
        ))}
      </ol>
    </section>
  );
}
