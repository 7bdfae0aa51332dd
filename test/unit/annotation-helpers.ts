import type { Annotation, HighlightColor, Note } from '../../src/shared/notes-types';

/**
 * An Annotation on the first occurrence of `exact` in `text` (the body text), with up to 32 characters of context,
 * as the reader stores one; when `exact` is not in the text (an orphan), the position is 0–0 and the context empty.
 */
export function annotationOn(
  text: string,
  exact: string,
  comment = '',
  color: HighlightColor = 'yellow',
  created = '2026-12-01T08:00:00.000Z',
): Annotation {
  const start = text.indexOf(exact);
  const at = Math.max(0, start);
  const end = start < 0 ? 0 : start + exact.length;
  return {
    id: crypto.randomUUID(),
    motivation: comment ? 'commenting' : 'highlighting',
    bodyValue: comment,
    color,
    target: {
      selector: [
        {
          type: 'TextQuoteSelector',
          exact,
          prefix: start < 0 ? '' : text.slice(Math.max(0, at - 32), at),
          suffix: start < 0 ? '' : text.slice(end, end + 32),
        },
        { type: 'TextPositionSelector', start: at, end },
      ],
    },
    created,
    modified: created,
  };
}

/** The note with these annotations added after its own. */
export const withAnnotations = (n: Note, ...list: Annotation[]): Note => ({
  ...n,
  annotations: [...(n.annotations ?? []), ...list],
});
