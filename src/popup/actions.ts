import type { Article } from '../extract/article';
import type { PrintEdition } from '../extract/print-edition';
import { sendNotes } from '../shared/notes-client';
import type { SaveResult } from '../shared/notes-types';

/**
 * Save the Article to the notes library: the background writes it (src/background/notes.ts); saving the same canonical
 * URL again updates the note and keeps the user's note and tags. `print`: the page's print edition (版次), which the
 * note keeps so that its citations are the printed article's, as 复制信息's.
 * @returns 'created' or 'updated', and what archiving the images kept (SaveResult.images)
 * @throws Error with the user-facing message when the browser refused the write (nothing was changed)
 */
export async function saveNote(
  article: Article,
  print: PrintEdition | null = null,
): Promise<Pick<SaveResult, 'status' | 'images'>> {
  return sendNotes('notesSave', { article, print });
}

/**
 * The text 复制信息 copies: the plain metadata block, a blank line, and one GB/T 7714 citation line. The citation
 * module (citation-js + styles) is heavy, so it is loaded only now, with a dynamic import. `print`: the page's print
 * edition (版次), cited as the printed article.
 */
export async function copyInfoText(article: Article, print: PrintEdition | null = null): Promise<string> {
  const cite = await import('../cite/index');
  const citation = await cite.formatCitation(article, 'gbt7714-numeric', { print });
  return `${cite.metadataBlock(article)}\n\n${citation}`;
}

/** Write text to the clipboard; falls back to execCommand where the async clipboard is refused (unfocused page). */
export async function copyToClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('clipboard refused');
  }
}
