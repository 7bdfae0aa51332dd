import { PALETTES, highlightVars, paletteVars } from './themes';

/**
 * Reader stylesheet, scoped by the Shadow DOM. Chinese typography: CJK font stacks for the systems readers use
 * (macOS, Windows, Linux with Noto CJK / Source Han, fonts-noto-cjk), each ending with WenQuanYi Zen Hei
 * (fonts-wqy-zenhei) as the last resort, line height 1.8 by default, a measure of about 38 characters (1 CJK
 * character = 1em), justified text with strict CJK line breaking, optional 2-em indent, and `text-spacing-trim` /
 * `text-autospace` where the browser supports them (Chromium 123+/140+; others ignore them).
 * Settings arrive as data attributes and custom properties on `.qd-overlay` (App.tsx).
 * WenQuanYi Zen Hei has no bold face and Chromium does not synthesize one, so a stack that reaches it first shows
 * no bold there: the real faces come first (test/e2e/reader-structure.test.ts measures bold ink in both browsers).
 */
export const READER_FONT_STACK =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", ' +
  '"Noto Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", sans-serif';

export const READER_SERIF_STACK =
  '"Songti SC", "STSong", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", ' +
  '"AR PL UMing CN", "WenQuanYi Zen Hei", serif';

/** 霞鹜文楷 (LXGW WenKai, fonts-lxgw-wenkai), then the system Kai faces; the sans stack when none is installed. */
export const READER_KAI_STACK = `"LXGW WenKai", "霞鹜文楷", "Kaiti SC", "STKaiti", "KaiTi", "AR PL UKai CN", ${READER_FONT_STACK}`;

/** Traditional-character stacks: TC/TW faces first so zh-TW text gets its own glyph forms where installed. */
const TC_SANS = '"PingFang TC", "Noto Sans CJK TC", "Source Han Sans TC", "Microsoft JhengHei", ';
const TC_SERIF = '"Songti TC", "Noto Serif CJK TC", "Source Han Serif TC", "PMingLiU", ';

/**
 * Highlights (highlights.ts): each colour's background and underline from the theme (themes.ts HIGHLIGHTS), a dotted
 * second line when the highlight has a comment; the highlight bar and the orphan list.
 */
const HIGHLIGHT_CSS = `
.qd-body mark.qd-hl { color: inherit; background: var(--qd-hl-yellow); box-shadow: inset 0 -2px 0 var(--qd-hl-yellow-edge);
  border-radius: 2px; cursor: pointer; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
${['green', 'blue', 'pink'].map((c) => `.qd-body mark.qd-hl[data-color="${c}"] { background: var(--qd-hl-${c}); box-shadow: inset 0 -2px 0 var(--qd-hl-${c}-edge); }`).join('\n')}
.qd-body mark.qd-hl[data-comment] { text-decoration: underline dotted var(--qd-fg); text-underline-offset: 0.35em; }
.qd-hlbar { position: fixed; z-index: 3; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; max-width: 340px;
  padding: 8px; border: 1px solid var(--qd-border); border-radius: 6px; background: var(--qd-bg); color: var(--qd-fg);
  font-family: ${READER_FONT_STACK}; font-size: 14px; line-height: 1.3; box-shadow: 0 4px 16px rgba(0,0,0,.25); }
.qd-swatch { width: 28px; height: 28px; padding: 0; border-radius: 50%; cursor: pointer; border: 2px solid var(--qd-border); }
${['yellow', 'green', 'blue', 'pink'].map((c) => `.qd-swatch[data-color="${c}"] { background: var(--qd-hl-${c}); box-shadow: inset 0 -4px 0 var(--qd-hl-${c}-edge); }`).join('\n')}
.qd-swatch[aria-pressed="true"] { border-color: var(--qd-fg); outline: 2px solid var(--qd-fg); outline-offset: 1px; }
.qd-hl-comment { flex: 1 1 100%; min-height: 3em; font: inherit; padding: 6px; border: 1px solid var(--qd-border);
  border-radius: 4px; background: var(--qd-bg); color: var(--qd-fg); box-sizing: border-box; }
.qd-orphans { max-width: var(--qd-measure); margin: 0 auto 3em; padding: 0.8em 1.5em; box-sizing: content-box; font-size: 0.8em; }
.qd-orphans h2 { font-size: 1.05em; margin: 0 0 0.3em; }
.qd-orphans-note { color: var(--qd-muted); margin: 0 0 0.6em; }
.qd-orphans ul { margin: 0; padding-left: 1.2em; }
.qd-orphans li { margin: 0 0 0.6em; }
.qd-orphan-comment { display: block; color: var(--qd-muted); }
.qd-orphan-comment::before { content: "— "; }
.qd-orphans .qd-btn { margin-top: 0.3em; }
`;

export const readerCss = `
/* Page CSS reaches the host element itself (e.g. \`html > div { display: none !important }\`): for !important rules the
   shadow tree's own :host wins the cascade, so the host resets every property and pins its box (test/e2e/hostile.test.ts). */
:host {
  all: initial !important; display: block !important; position: fixed !important; inset: 0 !important;
  z-index: 2147483647 !important; visibility: visible !important; opacity: 1 !important;
}
.qd-overlay {
  ${paletteVars(PALETTES.light)} ${highlightVars('light')}
  --qd-size: 20px; --qd-measure: 38em; --qd-leading: 1.8; --qd-font: ${READER_FONT_STACK};
  position: fixed; inset: 0; z-index: 2147483647; overflow-y: auto; overscroll-behavior: contain;
  background: var(--qd-bg); color: var(--qd-fg);
  font-family: var(--qd-font); font-size: var(--qd-size); line-height: var(--qd-leading);
  -webkit-text-size-adjust: 100%; text-align: start; color-scheme: light;
}
.qd-overlay[data-font="serif"] { --qd-font: ${READER_SERIF_STACK}; }
.qd-overlay[data-font="kai"] { --qd-font: ${READER_KAI_STACK}; }
.qd-overlay:lang(zh-TW), .qd-overlay:lang(zh-HK), .qd-overlay:lang(zh-Hant) { --qd-font: ${TC_SANS}${READER_FONT_STACK}; }
.qd-overlay[data-font="serif"]:lang(zh-TW), .qd-overlay[data-font="serif"]:lang(zh-HK) { --qd-font: ${TC_SERIF}${READER_SERIF_STACK}; }
.qd-overlay[data-theme="sepia"] { ${paletteVars(PALETTES.sepia)} ${highlightVars('sepia')} }
.qd-overlay[data-theme="dark"] { ${paletteVars(PALETTES.dark)} ${highlightVars('dark')} color-scheme: dark; }
@media (prefers-color-scheme: dark) {
  .qd-overlay[data-theme="system"] { ${paletteVars(PALETTES.dark)} ${highlightVars('dark')} color-scheme: dark; }
}
.qd-overlay:focus { outline: none; }
.qd-overlay :focus-visible { outline: 3px solid var(--qd-accent); outline-offset: 2px; }

.qd-bar {
  position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: 6px; align-items: center;
  justify-content: center; padding: 8px 12px; background: var(--qd-bg); border-bottom: 1px solid var(--qd-border);
  font-family: ${READER_FONT_STACK}; font-size: 14px; line-height: 1.2;
}
.qd-bar .qd-gap { flex: 1 1 0; }
.qd-btn, .qd-select {
  font: inherit; font-size: 14px; line-height: 1; padding: 6px 10px; min-height: 30px; cursor: pointer;
  border: 1px solid var(--qd-border); border-radius: 4px; background: var(--qd-control); color: var(--qd-fg);
}
.qd-btn[aria-pressed="true"] { background: var(--qd-fg); color: var(--qd-bg); }
.qd-btn:disabled { opacity: 0.45; cursor: default; }
.qd-btn:focus-visible, .qd-select:focus-visible { outline: 3px solid var(--qd-accent); outline-offset: 2px; }

.qd-article { max-width: var(--qd-measure); margin: 0 auto; padding: 1.2em 1.5em 4em; box-sizing: content-box; }
.qd-title { font-size: 1.5em; line-height: 1.4; font-weight: 700; margin: 0.4em 0 0.5em; text-align: start; }
.qd-meta { font-size: 0.75em; line-height: 1.7; color: var(--qd-muted); margin: 0 0 1.6em; padding-bottom: 1em;
  border-bottom: 1px solid var(--qd-border); }
.qd-meta span + span::before { content: "　"; }
.qd-body {
  text-align: justify; text-justify: inter-character; word-break: normal; overflow-wrap: anywhere; line-break: strict;
  hanging-punctuation: allow-end; text-spacing-trim: trim-start; text-autospace: normal;
  font-kerning: normal; font-variant-east-asian: proportional-width;
}
.qd-body p { margin: 0 0 1em; }
.qd-overlay[data-indent="true"] .qd-body p { text-indent: 2em; margin-bottom: 0.4em; }
.qd-body img, .qd-body video { max-width: 100%; height: auto; display: block; margin: 1em auto; }
.qd-body figure { margin: 1.2em 0; }
.qd-body figcaption, .qd-body .qd-caption { font-size: 0.8em; line-height: 1.6; color: var(--qd-muted); text-align: center; text-indent: 0; }
.qd-body a { color: var(--qd-accent); text-decoration: underline; text-underline-offset: 0.2em; }
.qd-body h2, .qd-body h3, .qd-body h4 { line-height: 1.5; margin: 1.4em 0 0.6em; text-indent: 0; font-weight: 700;
  scroll-margin-top: 4em; }
.qd-body h2 { font-size: 1.15em; }
.qd-body h3 { font-size: 1.05em; }
.qd-body blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid var(--qd-border); color: var(--qd-muted); }
.qd-body table { border-collapse: collapse; max-width: 100%; display: block; overflow-x: auto; }
.qd-body td, .qd-body th { border: 1px solid var(--qd-border); padding: 0.3em 0.5em; }
.qd-body [hidden] { display: none !important; }
.qd-body strong, .qd-body b { font-weight: 700; }
.qd-body .qd-caption { margin-top: -0.4em; }
.qd-toc { margin: 0 0 1.6em; padding: 0.6em 1em; border: 1px solid var(--qd-border); border-radius: 4px; font-size: 0.85em; }
.qd-toc h2 { font-size: 1em; margin: 0 0 0.3em; }
.qd-toc ol { margin: 0; padding-left: 1.4em; }
.qd-toc li[data-level="3"] { margin-left: 1.2em; list-style: circle; }
.qd-toc button { all: unset; cursor: pointer; color: var(--qd-accent); text-decoration: underline; text-underline-offset: 0.2em; }
.qd-toc button:focus-visible { outline: 3px solid var(--qd-accent); outline-offset: 2px; }
.qd-not-article { margin: 0 0 1.4em; padding: 0.8em 1em; border: 2px dashed var(--qd-accent); border-radius: 6px; font-size: 0.85em; }
.qd-not-article p { margin: 0 0 0.6em; }
.qd-confirm { position: fixed; left: 50%; bottom: 70px; transform: translateX(-50%); max-width: min(90vw, 36em);
  padding: 10px 14px; border: 1px solid var(--qd-border); border-radius: 6px; background: var(--qd-bg); color: var(--qd-fg);
  font-size: 14px; line-height: 1.5; box-shadow: 0 4px 16px rgba(0,0,0,.25); display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.qd-speech { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; margin: 0 0 1.2em; font-size: 14px; line-height: 1.2; }
.qd-speech-note { color: var(--qd-muted); }
.qd-body .qd-speaking { background: var(--qd-speak-bg, #fde68a); color: #000; border-radius: 2px; }
${HIGHLIGHT_CSS}
.qd-page-marker {
  display: flex; align-items: center; gap: 0.8em; margin: 2em 0 1.2em; color: var(--qd-muted); font-size: 0.8em;
  text-indent: 0;
}
.qd-page-marker::before, .qd-page-marker::after { content: ""; flex: 1; border-top: 1px dashed var(--qd-border); }
.qd-empty { color: var(--qd-muted); font-size: 1.1em; margin: 2em 0; }
.qd-pages-status { font-size: 0.8em; color: var(--qd-muted); margin: 1.5em 0 0; }
.qd-source-url { font-size: 0.75em; color: var(--qd-muted); margin-top: 2.5em; padding-top: 1em;
  border-top: 1px solid var(--qd-border); overflow-wrap: anywhere; }
.qd-toast {
  position: fixed; left: 50%; bottom: 24px; transform: translateX(-50%); max-width: min(90vw, 40em);
  padding: 8px 14px; border-radius: 6px; background: var(--qd-fg); color: var(--qd-bg); font-size: 14px; line-height: 1.5;
  transition: opacity 0.2s;
}
.qd-toast:empty { display: none; }
.qd-help {
  position: fixed; top: 60px; right: 16px; padding: 12px 16px; border: 1px solid var(--qd-border); border-radius: 6px;
  background: var(--qd-bg); color: var(--qd-fg); font-size: 14px; line-height: 1.7; box-shadow: 0 4px 16px rgba(0,0,0,.25);
}
.qd-help h2 { font-size: 15px; margin: 0 0 6px; }
.qd-help dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 14px; margin: 0; }
.qd-help dt { font-weight: 700; font-family: ui-monospace, monospace; }
.qd-help dd { margin: 0; }
@media (prefers-reduced-motion: reduce) {
  .qd-overlay, .qd-overlay * { transition: none !important; animation: none !important; scroll-behavior: auto !important; }
}
/* Printing while the reader is open prints the article, not the page (the page itself is hidden by the print sheet
   mount.ts adds to the document): the host flows as a normal block so the article runs over several sheets. */
@media print {
  :host { position: static !important; inset: auto !important; }
  .qd-overlay { position: static; overflow: visible; background: #fff; color: #000; --qd-muted: #333; --qd-accent: #000; }
  .qd-bar, .qd-toast, .qd-help, .qd-pages-status, .qd-speech, .qd-toc, .qd-confirm, .qd-hlbar { display: none !important; }
  .qd-article { max-width: none; padding: 0; }
  .qd-body img { break-inside: avoid; }
}
`;

/**
 * The document-level sheet added while the reader is open (removed on close, so the page is back exactly as it was):
 * on screen it locks the page's scrolling; in print it hides the page so only the reader host is printed.
 */
export const pageSheet = (hostId: string) => `
@media screen { html, body { overflow: hidden !important; } }
@media print {
  html, body { overflow: visible !important; height: auto !important; background: #fff !important; }
  html > :not(head):not(body):not(#${hostId}), body > :not(#${hostId}) { display: none !important; }
  body:not(:has(> #${hostId})) { display: none !important; }
  body { visibility: hidden !important; margin: 0 !important; padding: 0 !important; }
}
`;
