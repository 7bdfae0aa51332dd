import { useEffect, useRef } from 'preact/hooks';
import type { Article } from '../extract/article';
import { hideBrokenImages } from './body-html';
import { metaItems } from '../shared/format';
import type { Translate } from './App';

interface Props {
  article: Article;
  t: Translate;
  /** The displayed form of a text (converted to 繁/简 when conversion is on). */
  shown: (text: string) => string;
  /** Nothing to read: a message instead of the body. */
  empty: boolean;
  /** The sanitized (and converted) body with its following pages. */
  html: string;
  /** The multi-page status line, empty for none. */
  pagesNote: string;
}

/** The meta line: time, 来源, 作者, 编辑 (format.ts `metaItems`), each with its field name for the tests. */
function MetaLine({ article, t, shown }: Pick<Props, 'article' | 't' | 'shown'>) {
  return (
    <p class="qd-meta">
      {metaItems(article, t).map((m) => (
        <span key={m.field} data-field={m.field}>
          {shown(m.label ? t('metaLabel', [m.label, m.value]) : m.value)}
        </span>
      ))}
    </p>
  );
}

/** The body; images that fail to load are hidden (body-html.ts). */
function ReaderBody({ html }: { html: string }) {
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (body.current) hideBrokenImages(body.current);
  }, [html]);
  return <div class="qd-body" ref={body} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The article: title, meta line, body (or the no-article message), the multi-page status and the source address. */
export function ArticleView({ article, t, shown, empty, html, pagesNote }: Props) {
  return (
    <article class="qd-article">
      <h1 class="qd-title" id="qd-title">
        {shown(article.title)}
      </h1>
      <MetaLine article={article} t={t} shown={shown} />
      {empty ? (
        <p class="qd-empty" role="status">
          {t('readerNoArticle')}
        </p>
      ) : (
        <ReaderBody html={html} />
      )}
      {pagesNote && (
        <p class="qd-pages-status" role="status">
          {pagesNote}
        </p>
      )}
      <p class="qd-source-url">{t('readerSourceUrl', [article.canonicalUrl ?? article.url])}</p>
    </article>
  );
}
