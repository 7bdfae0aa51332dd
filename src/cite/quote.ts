/**
 * What a quoted citation needs of a highlight: the W3C Web Annotation target whose first selector is the
 * TextQuoteSelector (the notes store's Annotation has this shape; this module does not import it, as src/cite sits
 * below src/shared).
 */
export interface QuotedTarget {
  target: { selector: readonly [{ exact: string }, ...unknown[]] };
}

/**
 * The highlighted text as a Chinese quotation: line breaks and the spaces around them become one space, and the
 * double quotation marks inside become single ones (GB/T 15834: “…‘…’…”).
 */
export function quotationText(exact: string): string {
  return `“${exact
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(/“/g, '‘')
    .replace(/”/g, '’')}”`;
}
