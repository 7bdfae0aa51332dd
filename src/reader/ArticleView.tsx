import { useEffect, useRef } from 'preact/hooks';
import type { Article } from '../extract/article';
import type { ComponentChildren } from 'preact';
import { hideBrokenImages, type BodyHeading } from './body-html';
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
  /** The body's headings (body-html.ts withHeadingIds): a table of contents from three on. */
  headings: readonly BodyHeading[];
  /**
   * A page detection says is no article: `offer` shows the notice and 仍然阅读 instead of the body, `anyway` the body
   * under a banner saying it is only the best block found; `article` for an article.
   */
  gate: 'article' | 'offer' | 'anyway';
  onReadAnyway: () => void;
  /** Shown between the meta line and the body (the read-aloud bar). */
  children?: ComponentChildren;
}

/** The fewest headings that get a table of contents. */
const TOC_MIN = 3;

/** The meta line: time, 来源, 作者, 编辑 (format.ts `metaItems`), each with its field name for the tests. */
function MetaLine({ article, t, shown }: Pick<Props, 'article' | 't' | 'shown'>) {
  return (
    <p class="qd-meta">
      {metaItems(article, t).map((m) => (
        <span key={m.field} data-field={m.field}>
          {shown(m.label ? t('metaLabel', [m.label, m.value]) : m.value)}
        </span>
      ))}
      {article.readingMinutes > 0 && (
        <span data-field="readingMinutes">{shown(t('readerReadingMinutes', [String(article.readingMinutes)]))}</span>
      )}
    </p>
  );
}

/** The table of contents: a button per heading that scrolls it into view (no `#` link: the page's URL stays). */
function Toc({ headings, t }: { headings: readonly BodyHeading[]; t: Translate }) {
  const go = (e: MouseEvent, id: string) => {
    const root = (e.currentTarget as HTMLElement).getRootNode() as ShadowRoot | Document;
    const h = root.getElementById(id);
    h?.scrollIntoView({ block: 'start' });
    h?.setAttribute('tabindex', '-1');
    h?.focus({ preventScroll: true });
  };
  return (
    <nav class="qd-toc" aria-labelledby="qd-toc-title">
      <h2 id="qd-toc-title">{t('readerToc')}</h2>
      <ol>
        {headings.map((h) => (
          <li key={h.id} data-level={String(h.level)}>
            <button type="button" data-target={h.id} onClick={(e) => go(e, h.id)}>
              {h.text}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The notice on a page that is no article, with 仍然阅读 (read anyway). */
function NotArticleOffer({ t, onReadAnyway }: Pick<Props, 't' | 'onReadAnyway'>) {
  return (
    <div class="qd-not-article" role="status" data-gate="offer">
      <p>{t('readerNotArticle')}</p>
      <button type="button" class="qd-btn" data-action="read-anyway" onClick={onReadAnyway}>
        {t('readerReadAnyway')}
      </button>
    </div>
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
export function ArticleView(props: Props) {
  const { article, t, shown, empty, html, pagesNote, headings, gate } = props;
  const showBody = !empty && gate !== 'offer';
  return (
    <article class="qd-article">
      <h1 class="qd-title" id="qd-title">
        {shown(article.title)}
      </h1>
      <MetaLine article={article} t={t} shown={shown} />
      {!empty && gate === 'offer' && <NotArticleOffer t={t} onReadAnyway={props.onReadAnyway} />}
      {showBody && gate === 'anyway' && (
        <p class="qd-not-article" role="note" data-gate="anyway">
          {t('readerAnywayBanner')}
        </p>
      )}
      {showBody && props.children}
      {showBody && headings.length >= TOC_MIN && <Toc headings={headings} t={t} />}
      {empty ? (
        <p class="qd-empty" role="status">
          {t('readerNoArticle')}
        </p>
      ) : (
        showBody && <ReaderBody html={html} />
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
