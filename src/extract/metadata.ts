/**
 * The metadata fields of the Article, in two stages: headlineStage (page metadata maps, site name, headline) and
 * finishMetadata (the passes: published, credits, section, language, canonical URL), each pass in a file of its own.
 */
import type { Article } from './article';
import type { SiteRule } from '../sites/types';
import { findDate } from './dates';
import {
  documentTitle,
  findHeadlines,
  headlineBeforeDate,
  keywordSet,
  stripTitleSuffix,
  titleBeforeInfoLine,
  titleWithoutHeadline,
  titleWithoutKeywords,
  weakTitle,
} from './title';
import { extractSection } from './breadcrumb';
import { bodyInPage } from './locate-body';
import { canonical, jsonLd, metaMap, type LdInfo } from './page-meta';
import { headerLines, linesAboveHead, selectText, type InfoLines } from './info-lines';
import { findPublished, referenceYear } from './metadata-published';
import { findCredits } from './metadata-credits';
import { language } from './metadata-language';
import { linesOf, squash } from './text';

/** The metadata fields of the Article (what extractMetadata returns). */
export type ArticleMetadata = Pick<
  Article,
  'canonicalUrl' | 'siteName' | 'title' | 'published' | 'source' | 'authors' | 'editors' | 'section' | 'lang'
>;

/**
 * Extract the article metadata. Pure: never mutates `doc` or `content`.
 *
 * @param doc the page Document
 * @param url the page URL (URL date as a last resort, year of year-less dates, absolute canonical)
 * @param content the chosen body element, in a clone of `doc` (credit lines not yet removed), or null
 * @param rule the matched SiteRule, or null
 * @returns the metadata fields of the Article; empty lists and nulls when a field is not found
 */
export function extractMetadata(
  doc: Document,
  url: string,
  content: Element | null,
  rule: SiteRule | null,
): ArticleMetadata {
  return finishMetadata(headlineStage(doc, url, content, rule));
}

/**
 * What the headline stage of extractMetadata found, and what the rest of it reads. Holds elements of the page
 * (headline, body): finish soon after, on the same document.
 */
export interface HeadlineStage {
  doc: Document;
  url: string;
  /** `<meta>` values by lower-cased name/property (page-meta.ts metaMap). */
  metas: Map<string, string>;
  /** What JSON-LD says (page-meta.ts jsonLd). */
  ld: LdInfo;
  /** The site rule's selectors (empty without a rule). */
  sel: NonNullable<SiteRule['selectors']>;
  /** og:site_name, JSON-LD publisher, the rule's, a <title> suffix or application-name; null when none. */
  siteName: string | null;
  /** The headline text, before whitespace squashing (`squash(title)` is the Article's title). */
  title: string;
  /** The headline element (null when none) and the header lines after it: found when first needed. */
  header(): { headEl: Element | null; lines: string[] };
  /** The body element in `doc` itself (locate-body.ts bodyInPage): the text around it is read; null when not found. */
  docContent: Element | null;
  /** The body whose first and last paragraphs are read: the given content, else `docContent`. */
  body: Element | null;
}

/**
 * The first stage of extractMetadata: page metadata maps, site name and the headline (its element and text, and the
 * header lines after it). The content script runs only this stage at page load, since body cleaning needs the title;
 * finishMetadata does the rest when the Article is asked for. Same parameters as extractMetadata.
 */
export function headlineStage(
  doc: Document,
  url: string,
  content: Element | null,
  rule: SiteRule | null,
): HeadlineStage {
  const metas = metaMap(doc);
  const ld = jsonLd(doc);
  const sel = rule?.selectors ?? {};
  // Keyword lists go first (`标题-词1,词2,词3`): with one, no element matches the title (title.ts titleWithoutKeywords).
  const keywords = keywordSet(metas.get('keywords'));
  const docTitle = titleWithoutKeywords(documentTitle(doc), keywords);
  const ogTitle = titleWithoutKeywords(metas.get('og:title') ?? metas.get('twitter:title') ?? '', keywords);
  const declaredSite = metas.get('og:site_name') ?? ld.publisher ?? metas.get('sitename') ?? rule?.siteName ?? null;
  const stripped = stripTitleSuffix(docTitle || ogTitle, declaredSite);
  // Only <title> suffixes name the site: og:title suffixes are tags (sohu `标题_尼克斯_季后赛_步行者`).
  const siteName =
    declaredSite ??
    (docTitle && stripped.site && stripped.site.length <= 20 ? stripped.site : null) ??
    metas.get('application-name') ??
    null;

  const refs = [docTitle, ogTitle, ld.headline ?? '', metas.get('articletitle') ?? '', metas.get('title') ?? ''];
  const heads = findHeadlines(doc, refs.filter(Boolean), sel.title, siteName);
  // Of equally good headline elements, the one with a date in the lines after it carries the info line.
  const pick = () =>
    heads.find((h) =>
      headerLines(h.el, null)
        .slice(0, 6)
        .some((l) => findDate(l, 2000)),
    ) ??
    heads[0] ??
    null;
  // When the candidates share one text (nearly always: one headline), the pick decides only which element the info
  // line follows, so it waits for finishMetadata (undefined here: not picked yet).
  const headline = heads.length && heads.every((h) => h.text === heads[0].text) ? undefined : pick();
  const docContent = bodyInPage(doc, content);
  let title = headline === undefined ? heads[0].text : (headline?.text ?? '');
  if (!title)
    title = titleWithoutHeadline(doc, siteName, [
      stripped.title,
      ogTitle && stripTitleSuffix(ogTitle, siteName).title,
      ld.headline ?? '',
    ]);
  // The rule's info block first, then the lines after the headline (bylines often sit outside the info block).
  let header = (): { headEl: Element | null; lines: string[] } => {
    const headEl = (headline === undefined ? pick() : headline)?.el ?? null;
    const info = selectText(doc, sel.info);
    return { headEl, lines: [...(info ? info.split('\n') : []), ...headerLines(headEl, docContent)] };
  };
  const channel = !heads.length && [...title].length <= 6 ? titleBeforeInfoLine(doc) : null;
  // A channel or site name as the title gives way to a headline-like element with the info line after it.
  const better =
    !channel && weakTitle(title, siteName, heads[0]?.el ?? null) ? headlineBeforeDate(doc, siteName) : null;
  if (better) {
    title = better.text;
    header = () => ({
      headEl: better.el,
      lines: [...selectText(doc, sel.info).split('\n').filter(Boolean), ...headerLines(better.el, docContent)],
    });
  }
  if (channel) {
    const { infoEl } = channel;
    title = channel.title;
    header = () => ({
      headEl: infoEl,
      lines: [linesOf(infoEl.parentElement ?? infoEl), ...headerLines(infoEl, docContent)],
    });
  }
  return { doc, url, metas, ld, sel, siteName, title, header, docContent, body: content ?? docContent };
}

/** The rest of extractMetadata after headlineStage: the passes for the other fields. Pure. */
export function finishMetadata(stage: HeadlineStage): ArticleMetadata {
  const { doc, url, metas, siteName, title, body } = stage;
  const { headEl, lines } = stage.header();
  const info: InfoLines = { headEl, lines, above: linesAboveHead(headEl), refYear: referenceYear(url, metas) };
  const { source, authors, editors } = findCredits(stage, info);
  return {
    canonicalUrl: canonical(doc, url, metas),
    siteName,
    title: squash(title),
    published: findPublished(stage, info),
    source,
    authors,
    editors,
    section: extractSection(doc, siteName, stage.sel.breadcrumb),
    lang: language(doc, metas, title + (body ? linesOf(body, 2000) : '')),
  };
}
