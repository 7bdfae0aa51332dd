import type { Article } from '../extract/article';

/** One meta-line item: a label key for `_locales` (or null for a bare value) and the value. */
export interface MetaItem {
  field: 'published' | 'source' | 'authors' | 'editors';
  label: string | null;
  value: string;
}

/**
 * Visible form of an ISO 8601 published value in Beijing-time pages: `2020-03-15T10:13:00+08:00` → `2020-03-15 10:13`
 * (the page's own clock, not converted to the reader's zone); a date-only value stays as it is.
 */
export function formatPublished(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso);
  if (!m) return iso;
  return m[2] ? `${m[1]} ${m[2]}` : m[1];
}

/** A labelled meta value in the UI language (`来源：中国甘肃网`, `Source: 中国甘肃网`). */
export function labelled(t: (key: string, subs?: string[]) => string, labelKey: string, value: string): string {
  return t('metaLabel', [t(labelKey), value]);
}

/** The meta line of the reader header, in display order: time, 来源, 作者, 编辑 (empty fields left out). */
export function metaItems(a: Article, label: (key: string) => string): MetaItem[] {
  const items: MetaItem[] = [];
  if (a.published) items.push({ field: 'published', label: null, value: formatPublished(a.published) });
  if (a.source) items.push({ field: 'source', label: label('metaSource'), value: a.source });
  if (a.authors.length) items.push({ field: 'authors', label: label('metaAuthor'), value: a.authors.join('、') });
  if (a.editors.length) items.push({ field: 'editors', label: label('metaEditor'), value: a.editors.join('、') });
  return items;
}
