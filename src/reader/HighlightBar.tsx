import { useEffect, useRef, useState } from 'preact/hooks';
import { ANNOTATION_COLORS, type Annotation, type HighlightColor } from '../shared/notes-types';
import { DEFAULT_COLOR, type Highlights } from './use-highlights';
import type { Translate } from './App';

/** Message key of a colour's name (readerHlYellow …). */
const colorKey = (c: HighlightColor) => `readerHl${c[0].toUpperCase()}${c.slice(1)}`;

/** Keep the selection when a bar button is pressed with the mouse (a click would otherwise collapse it first). */
const keepSelection = (e: MouseEvent) => e.preventDefault();

/** The colour swatches: one button per ANNOTATION_COLORS entry, pressed = the current colour. */
function Swatches(props: { t: Translate; color: HighlightColor | null; pick(c: HighlightColor): void }) {
  const { t, color, pick } = props;
  return (
    <>
      {ANNOTATION_COLORS.map((c) => (
        <button
          type="button"
          key={c}
          class="qd-swatch"
          data-color={c}
          aria-pressed={c === color ? 'true' : 'false'}
          aria-label={t(colorKey(c))}
          title={t(colorKey(c))}
          onMouseDown={keepSelection}
          onClick={() => pick(c)}
        />
      ))}
    </>
  );
}

/**
 * The highlight bar: for a new selection (colour swatches highlight at once; 添加批注 opens a comment field first), or
 * for a highlight that was clicked or opened with Enter (change its colour or comment, or remove it). Keyboard: Tab
 * reaches every control, Esc closes (App.tsx), focus returns to the highlight.
 */
export function HighlightBar({ hl, t }: { hl: Highlights; t: Translate }) {
  const bar = hl.bar!;
  const editing: Annotation | undefined = bar.mode === 'edit' ? hl.annotations.find((a) => a.id === bar.id) : undefined;
  const [commenting, setCommenting] = useState(bar.mode === 'edit');
  const [text, setText] = useState(editing?.bodyValue ?? '');
  const [color, setColor] = useState<HighlightColor>(editing?.color ?? DEFAULT_COLOR);
  const field = useRef<HTMLTextAreaElement>(null);
  const key = bar.mode === 'edit' ? bar.id : bar.selectors[1].start;
  useEffect(() => {
    setCommenting(bar.mode === 'edit');
    setText(editing?.bodyValue ?? '');
    setColor(editing?.color ?? DEFAULT_COLOR);
  }, [key]);
  useEffect(() => {
    if (commenting) field.current?.focus();
  }, [commenting, key]);

  const pick = (c: HighlightColor) => {
    setColor(c);
    if (bar.mode === 'edit') void hl.change(bar.id, { color: c });
    else if (!commenting) void hl.add(bar.selectors, c);
  };
  const save = () => {
    if (bar.mode === 'edit') void hl.change(bar.id, { bodyValue: text.trim() }).then(hl.closeBar);
    else void hl.add(bar.selectors, color, text.trim());
  };
  return (
    <div
      class="qd-hlbar"
      ref={hl.barRef}
      role="group"
      aria-label={t(bar.mode === 'edit' ? 'readerHighlightEdit' : 'readerHighlightNew')}
      data-mode={bar.mode}
      // Esc in the comment field (where the reader's keys are off, keys.ts) closes the bar.
      onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), hl.closeBar())}
      style={`top: ${bar.top}px; left: ${bar.left}px;`}>
      <Swatches t={t} color={bar.mode === 'edit' || commenting ? color : null} pick={pick} />
      {!commenting && (
        <button
          type="button"
          class="qd-btn"
          data-action="hl-comment"
          onMouseDown={keepSelection}
          onClick={() => setCommenting(true)}>
          {t('readerHighlightComment')}
        </button>
      )}
      {commenting && (
        <textarea
          ref={field}
          class="qd-hl-comment"
          rows={2}
          aria-label={t('readerHighlightCommentLabel')}
          placeholder={t('readerHighlightCommentLabel')}
          value={text}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
      )}
      {commenting && (
        <button type="button" class="qd-btn" data-action="hl-save" onClick={save}>
          {t('readerHighlightSave')}
        </button>
      )}
      {bar.mode === 'edit' && (
        <button
          type="button"
          class="qd-btn"
          data-action="hl-remove"
          onClick={() => void hl.change(bar.id, 'remove').then(hl.closeBar)}>
          {t('readerHighlightRemove')}
        </button>
      )}
      <button type="button" class="qd-btn" data-action="hl-close" onMouseDown={keepSelection} onClick={hl.closeBar}>
        {t('readerHighlightClose')}
      </button>
    </div>
  );
}

/**
 * Highlights that can no longer be placed (the passage changed or went): listed with their text and comment, never
 * dropped; the user may remove them.
 */
export function OrphanList({ hl, t }: { hl: Highlights; t: Translate }) {
  if (!hl.orphaned.length) return null;
  return (
    <section class="qd-orphans" aria-labelledby="qd-orphans-title">
      <h2 id="qd-orphans-title">{t('readerOrphansTitle', [String(hl.orphaned.length)])}</h2>
      <p class="qd-orphans-note">{t('readerOrphansNote')}</p>
      <ul>
        {hl.orphaned.map((a) => (
          <li key={a.id} data-annotation-id={a.id} data-color={a.color}>
            <q>{a.target.selector[0].exact}</q>
            {a.bodyValue && <span class="qd-orphan-comment">{a.bodyValue}</span>}
            <button
              type="button"
              class="qd-btn"
              data-action="orphan-remove"
              onClick={() => void hl.change(a.id, 'remove')}>
              {t('readerHighlightRemove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
