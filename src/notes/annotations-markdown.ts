import { quoteOf } from './annotations';
import type { Annotation, HighlightColor } from '../shared/notes-types';

/** How the Markdown export writes a highlight: a `> quote` block (the default) or `==text==` (Obsidian, Typora). */
export type HighlightStyle = 'quote' | 'mark';

export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['quote', 'mark'];

/** The colour names the Markdown file carries (its section headings are Chinese too: 笔记, 摘录, 正文). */
const COLOR_NAMES: Record<HighlightColor, string> = { yellow: '黄色', green: '绿色', blue: '蓝色', pink: '粉色' };

/**
 * One line of page text (a quote) or of the reader's comment as CommonMark text that renders as exactly those
 * characters: the ASCII punctuation that starts markup anywhere in a line (`\\`, `` ` ``, `*`, `_`, `[`, `]`, `<`, `>`,
 * `&`, `=`, `~`, `|`) behind a backslash, and at the line's start the block markers (`#`, `+`, `-`, `1.`, `1)`) too;
 * leading blanks dropped (four would make a code block). So `![](http://…)` is no image, `[点我](…)` no link,
 * `<img …>` no HTML, `## 正文` no heading, `&copy;` no entity, and a quote cannot end its `==…==` early
 * (test/unit/notes-annotations.test.ts).
 */
export function markdownText(line: string): string {
  return line
    .trimStart()
    .replace(/[\\`*_[\]<>&=~|]/g, '\\$&')
    .replace(/^([#+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** The highlighted text: every line behind `> `, or each non-blank line wrapped in `==…==`. */
function highlightBlock(exact: string, style: HighlightStyle): string {
  const lines = exact.split(/\r?\n/);
  if (style === 'quote') return lines.map((l) => (l.trim() ? `> ${markdownText(l)}` : '>')).join('\n');
  return lines
    .filter((l) => l.trim())
    .map((l) => `==${markdownText(l.trim())}==`)
    .join('\n\n');
}

/**
 * The comment as Markdown: each line escaped (markdownText), its line breaks kept (a backslash before each single
 * newline is a CommonMark hard break; blank lines stay paragraph breaks), after `批注：`.
 */
const commentBlock = (comment: string): string =>
  `批注：${comment
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(markdownText)
    .join('\n')
    .replace(/\n(?!\n)(?<!\n\n)/g, '\\\n')}`;

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
