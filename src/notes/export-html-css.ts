/**
 * The stylesheet of the single-file HTML export (export-html.ts), inline in the file (its CSP allows inline styles and
 * nothing remote). Chinese typography as in the reader: CJK font stacks of the common systems ending in WenQuanYi Zen
 * Hei, line height 1.8, a measure of about 38 characters, strict CJK line breaking; light and dark schemes; print
 * without the table of contents' page breaks inside an entry. Fonts are the reader's system may have: nothing is
 * embedded, so the file stays small and readable anywhere.
 */
const SANS =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", ' +
  '"WenQuanYi Micro Hei", "WenQuanYi Zen Hei", sans-serif';
const TC = '"PingFang TC", "Noto Sans CJK TC", "Source Han Sans TC", "Microsoft JhengHei", ';

export const EXPORT_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #fdfdfb; --muted: #59636e; --rule: #d0d7de; --accent: #0b57d0;
  --quote: #f3f1ea; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e6e3; --bg: #17181a; --muted: #a4abb3; --rule: #3b4048; --accent: #8ab4f8; --quote: #24262a; }
}
html { background: var(--bg); color: var(--fg); -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; padding: 2em 1.25em 4em; max-width: 38em; font: 18px/1.8 ${SANS};
  line-break: strict; overflow-wrap: break-word; text-spacing-trim: normal; text-autospace: normal; }
:lang(zh-TW), :lang(zh-HK), :lang(zh-Hant) { font-family: ${TC}${SANS}; }
h1, h2, h3, h4 { line-height: 1.4; font-weight: 700; }
h1 { font-size: 1.6em; margin: 0 0 .5em; }
a { color: var(--accent); }
a:not([href]) { color: inherit; }
img { display: block; max-width: 100%; height: auto; margin: 1em auto; }
figure { margin: 1.5em 0; }
figcaption { color: var(--muted); font-size: .9em; text-align: center; }
blockquote { margin: 1em 0; padding: .5em 1em; background: var(--quote); border-left: 4px solid var(--rule); }
table { border-collapse: collapse; max-width: 100%; display: block; overflow-x: auto; }
td, th { border: 1px solid var(--rule); padding: .25em .5em; }
pre { white-space: pre-wrap; }
.collection > h1 { font-size: 1.3em; }
.toc ol { padding-left: 1.5em; }
.toc li { margin: .25em 0; break-inside: avoid; }
.toc .meta { color: var(--muted); font-size: .85em; }
article.note { margin-top: 2.5em; padding-top: 1.5em; border-top: 1px solid var(--rule); }
article.note:first-of-type { border-top: 0; margin-top: 0; padding-top: 0; }
.note-meta { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: 0 0 1.5em;
  color: var(--muted); font-size: .85em; line-height: 1.6; }
.note-meta dt { font-weight: 700; }
.note-meta dd { margin: 0; overflow-wrap: anywhere; }
.user-note { white-space: pre-wrap; }
.user-note, .quotes, .annotations { margin: 0 0 1.5em; }
.annotations ul { list-style: none; padding: 0; }
.annotations li { border-left: 4px solid var(--muted); padding-left: .75em; margin: 0 0 .75em; }
.annotations .hl-yellow { border-color: #e0b000; }
.annotations .hl-green { border-color: #3a9a3a; }
.annotations .hl-blue { border-color: #3a7bd5; }
.annotations .hl-pink { border-color: #d5487a; }
.annotations blockquote { margin: 0; }
.annotations .comment { white-space: pre-wrap; margin: .25em 0; }
.annotations .when { color: var(--muted); font-size: .85em; margin: 0; }
.user-note h2, .quotes h2, .annotations h2 { font-size: 1em; color: var(--muted); margin: 0 0 .25em; }
.missing-image { display: block; margin: 1em 0; padding: .5em 1em; border: 1px dashed var(--rule); color: var(--muted);
  font-size: .85em; overflow-wrap: anywhere; }
.body p { margin: 0 0 1em; }
footer { margin-top: 3em; color: var(--muted); font-size: .8em; border-top: 1px solid var(--rule); padding-top: .5em; }
@media print { body { max-width: none; font-size: 12pt; } article.note { break-before: page; border-top: 0; }
  article.note:first-of-type { break-before: auto; } a { color: inherit; } }
`;
