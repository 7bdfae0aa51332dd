import { quoteOf } from './annotations';
import type { Annotation, HighlightColor } from '../shared/notes-types';

/** How the Markdown export writes a highlight: a `> quote` block (the default) or `==text==` (Obsidian, Typora). */
export type HighlightStyle = 'quote' | 'mark';

export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['quote', 'mark'];

/** The colour names the Markdown file carries (its section headings are Chinese too: 笔记, 摘录, 正文). */
const COLOR_NAMES: Record<HighlightColor, string> = { yellow: '黄色', green: '绿色', blue: '蓝色', pink: '粉色' };

/**
 * Page text as Markdown text: `<` as `&lt;` (Markdown renders raw HTML, and the quote comes from the page, like the
 * body: src/cite/markdown.ts escapes it the same way), and `==` as `=\=` so a quote cannot end its `==…==` early.
 */
const pageText = (s: string): string => s.replace(/</g, '&lt;').replace(/==/g, '=\\=');

/** The highlighted text: every line behind `> `, or each non-blank line wrapped in `==…==`. */
function highlightBlock(exact: string, style: HighlightStyle): string {
  const lines = pageText(exact).split(/\r?\n/);
  if (style === 'quote') return lines.map((l) => (l.trim() ? `> ${l}` : '>')).join('\n');
  return lines
    .filter((l) => l.trim())
    .map((l) => `==${l.trim()}==`)
    .join('\n\n');
}

/**
 * The comment as Markdown: its line breaks kept (a backslash before each single newline is a CommonMark hard break;
 * blank lines stay paragraph breaks), after `批注：`.
 */
const commentBlock = (comment: string): string =>
  `批注：${comment.replace(/\r\n?/g, '\n').replace(/\n(?!\n)(?<!\n\n)/g, '\\\n')}`;

/** The line under a highlight: colour and creation time (UTC, to the minute). */
const metaLine = (a: Annotation): string =>
  `*${COLOR_NAMES[a.color] ?? a.color} · ${a.created.slice(0, 16).replace('T', ' ')} UTC*`;

/**
 * The `## 标注` section of a note's Markdown: each highlight (oldest first) as a quote block or `==text==`, then its
 * comment (`批注：…`) when it has one, then its colour and time in italics. '' when the note has none.
 */
export function annotationsMarkdown(annotations: readonly Annotation[], style: HighlightStyle = 'quote'): string {
  if (!annotations.length) return '';
  const items = annotations.map((a) =>
    [highlightBlock(quoteOf(a), style), a.bodyValue.trim() && commentBlock(a.bodyValue), metaLine(a)]
      .filter(Boolean)
      .join('\n\n'),
  );
  return `## 标注\n\n${items.join('\n\n')}`;
}
