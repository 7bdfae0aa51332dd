/**
 * The Article record: what extraction returns and every other context consumes.
 * Field names are a public contract (CLI JSON, notes export): see the Article table in README.md.
 */

/** One image of the body, in document order. */
export interface ArticleImage {
  /** Absolute URL, lazy sources (data-src, data-original, …) resolved. */
  src: string;
  alt: string;
  /** Caption text next to the image (figcaption, 图注 paragraph), or empty. */
  caption: string;
}

/** The Article record (see the module note); README.md's table says what each field holds. */
export interface Article {
  /** Detection verdict: is this page a single article? */
  isArticle: boolean;
  /** Detection confidence, 0..1. */
  confidence: number;
  /** Page URL as given. */
  url: string;
  /** `link[rel=canonical]` / `og:url`, absolute, or null. */
  canonicalUrl: string | null;
  /** Site name, e.g. 中国甘肃网. */
  siteName: string | null;
  /** Headline without site/channel suffixes. */
  title: string;
  /** ISO 8601 with offset (`2020-03-15T10:13:00+08:00`), date only (`2020-03-15`) when no time is given, or null. */
  published: string | null;
  /** 来源: the originating outlet. */
  source: string | null;
  /** 作者 / 记者 / 通讯员 names. */
  authors: string[];
  /** 编辑 / 责任编辑 names. */
  editors: string[];
  /** Breadcrumb items after the site name, without 正文. */
  section: string[];
  /** BCP 47 language tag, e.g. zh-CN. */
  lang: string | null;
  /** First sentences of the body. */
  excerpt: string;
  /** Clean, sanitized body HTML. */
  contentHtml: string;
  /** Body text, paragraphs separated by blank lines. */
  textContent: string;
  /** Non-whitespace characters of textContent. */
  charCount: number;
  /** Reading time in minutes, CJK at about 400 characters a minute. */
  readingMinutes: number;
  images: ArticleImage[];
  /** Site rule id used, or `generic`. */
  rule: string;
  /** Next page of a multi-page article, absolute, or null. */
  nextPageUrl: string | null;
}

/** The Article keys in their contract order (CLI JSON prints them in this order). */
export const ARTICLE_FIELDS = [
  'isArticle',
  'confidence',
  'url',
  'canonicalUrl',
  'siteName',
  'title',
  'published',
  'source',
  'authors',
  'editors',
  'section',
  'lang',
  'excerpt',
  'contentHtml',
  'textContent',
  'charCount',
  'readingMinutes',
  'images',
  'rule',
  'nextPageUrl',
] as const satisfies readonly (keyof Article)[];
