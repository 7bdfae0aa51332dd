import { useEffect, useMemo, useRef } from 'preact/hooks';
import DOMPurify from 'dompurify';
import type { Article } from '../extract/article';
import { metaItems } from './format';

export interface ReaderProps {
  article: Article;
  onClose: () => void;
  /** UI string lookup (`_locales`), injected so the component stays testable without `browser.*`. */
  t: (key: string, substitutions?: string[]) => string;
}

/** The reader overlay: title, meta line (time, 来源, 作者, 编辑) and the sanitized body. */
export function App({ article, onClose, t }: ReaderProps) {
  // Page HTML is untrusted: sanitize again here, whatever extraction already did.
  const html = useMemo(() => DOMPurify.sanitize(article.contentHtml, { FORBID_TAGS: ['style', 'form', 'input'] }), [article]);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => root.current?.focus(), []);
  return (
    <div class="qd-overlay" ref={root} tabIndex={-1} role="dialog" aria-modal="true" aria-label={article.title}
      lang={article.lang ?? 'zh-CN'}>
      <div class="qd-bar">
        <button type="button" class="qd-close" onClick={onClose} title={t('readerCloseHint')}>{t('readerClose')}</button>
      </div>
      <article class="qd-article">
        <h1 class="qd-title">{article.title}</h1>
        <p class="qd-meta">
          {metaItems(article, t).map((m) => (
            <span key={m.field} data-field={m.field}>{m.label ? t('metaLabel', [m.label, m.value]) : m.value}</span>
          ))}
        </p>
        <div class="qd-body" dangerouslySetInnerHTML={{ __html: html }} />
      </article>
    </div>
  );
}
