import type { Article } from '../extract/article';
import type { PrintEdition } from '../extract/print-edition';
import type { Annotation, Note } from '../shared/notes-types';

/** What a citation of a note is made from (the arguments src/cite takes). */
export interface CitationSource {
  article: Article;
  /** The note's accessedAt: the 访问日期 of its citations. */
  accessed: Date;
  /** The print edition the page credited when it was saved: cited as the printed article, as on the live page. */
  print: PrintEdition | null;
}

/**
 * The one place a note becomes citation input, for every citation the notes page makes (导出引文, 复制引用): its
 * article, access date and print edition. A note saved before print editions were kept has none and is cited as the
 * web page, as before.
 */
export function citationSource(note: Note): CitationSource {
  return { article: note.article, accessed: new Date(note.accessedAt), print: note.printEdition ?? null };
}

/**
 * A highlight of a note as 复制引用 copies it: “the highlighted text”, a newline, the note's GB/T 7714 reference
 * (src/cite quoteCitation). The citation module is heavy: it is loaded now, with a dynamic import.
 * @throws Error when the style files cannot be loaded
 */
export async function noteQuoteCitation(annotation: Annotation, note: Note): Promise<string> {
  const cite = await import('../cite/index');
  const { article, accessed, print } = citationSource(note);
  return cite.quoteCitation(annotation, article, accessed, print);
}
