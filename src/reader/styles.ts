/**
 * Reader stylesheet, scoped by the Shadow DOM. Chinese typography basics: a CJK sans stack that ends with the fonts a
 * Linux box actually has (WenQuanYi Zen Hei, fonts-wqy-zenhei), line-height 1.8, a measure of about 40em, paragraph
 * spacing instead of indents. Theme variables (--qd-*) are the hook for later reader settings (issue: reader features).
 */
export const READER_FONT_STACK =
  '"PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", ' +
  '"WenQuanYi Zen Hei", "WenQuanYi Micro Hei", sans-serif';

export const readerCss = `
/* Page CSS reaches the host element itself (e.g. \`html > div { display: none !important }\`): for !important rules the
   shadow tree's own :host wins the cascade, so the host resets every property and pins its box (issue 8). */
:host {
  all: initial !important; display: block !important; position: fixed !important; inset: 0 !important;
  z-index: 2147483647 !important; visibility: visible !important; opacity: 1 !important;
}
.qd-overlay {
  --qd-bg: #f7f5ef; --qd-fg: #222; --qd-muted: #666; --qd-accent: #a33; --qd-size: 18px; --qd-measure: 40em;
  position: fixed; inset: 0; z-index: 2147483647; overflow-y: auto; overscroll-behavior: contain;
  background: var(--qd-bg); color: var(--qd-fg);
  font-family: ${READER_FONT_STACK}; font-size: var(--qd-size); line-height: 1.8;
  -webkit-text-size-adjust: 100%; text-align: start;
}
.qd-overlay:focus { outline: none; }
.qd-bar { position: sticky; top: 0; display: flex; justify-content: flex-end; padding: 8px 16px; }
.qd-close {
  font: inherit; font-size: 14px; line-height: 1; padding: 6px 12px; cursor: pointer;
  border: 1px solid #ccc; border-radius: 4px; background: #fff; color: var(--qd-fg);
}
.qd-close:focus-visible { outline: 2px solid var(--qd-accent); outline-offset: 2px; }
.qd-article { max-width: var(--qd-measure); margin: 0 auto; padding: 0 1.5em 4em; box-sizing: content-box; }
.qd-title { font-size: 1.6em; line-height: 1.4; font-weight: 700; margin: 0.4em 0 0.5em; letter-spacing: 0.02em; }
.qd-meta { font-size: 0.8em; color: var(--qd-muted); margin: 0 0 1.6em; padding-bottom: 1em; border-bottom: 1px solid #ddd; }
.qd-meta span + span::before { content: "　"; }
.qd-body { text-align: justify; word-break: break-word; line-break: strict; }
.qd-body p { margin: 0 0 1em; }
.qd-body img, .qd-body video { max-width: 100%; height: auto; display: block; margin: 1em auto; }
.qd-body figure { margin: 1em 0; }
.qd-body figcaption { font-size: 0.8em; color: var(--qd-muted); text-align: center; }
.qd-body a { color: inherit; text-decoration: underline; text-decoration-color: #bbb; }
.qd-body h2, .qd-body h3 { line-height: 1.5; margin: 1.4em 0 0.6em; }
.qd-body blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #ddd; color: #444; }
.qd-body table { border-collapse: collapse; max-width: 100%; }
.qd-body td, .qd-body th { border: 1px solid #ddd; padding: 0.3em 0.5em; }
`;
