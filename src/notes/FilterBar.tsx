import type { ComponentChildren } from 'preact';
import { t } from '../shared/i18n';
import type { Filters } from './library';
import type { Facets } from './use-library';

interface Props {
  filters: Filters;
  facets: Facets;
  onFilters: (filters: Filters) => void;
  /** The library tools, shown at the end of the bar. */
  children?: ComponentChildren;
}

/** A select of the facet's values, with 全部 (the empty value) first. */
function FacetSelect({
  id,
  label,
  all,
  values,
  value,
  onChange,
}: {
  id: string;
  /** The accessible name (the first option, 全部…, is a value, not a name). */
  label: string;
  all: string;
  values: string[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <select id={id} aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{all}</option>
      {values.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
    </select>
  );
}

/** The list filters: site, tag, and the saved-on date range. */
export function FilterBar({ filters, facets, onFilters, children }: Props) {
  const set = (k: keyof Filters) => (value: string) => onFilters({ ...filters, [k]: value });
  const day = (k: 'from' | 'to') => (e: Event) => set(k)((e.currentTarget as HTMLInputElement).value);
  return (
    <nav class="filters">
      <FacetSelect
        id="filter-site"
        label={t('notesFilterSite')}
        all={t('notesAllSites')}
        values={facets.sites}
        value={filters.site}
        onChange={set('site')}
      />
      <FacetSelect
        id="filter-tag"
        label={t('notesFilterTag')}
        all={t('notesAllTags')}
        values={facets.tags}
        value={filters.tag}
        onChange={set('tag')}
      />
      <label>
        {t('notesFrom')} <input id="filter-from" type="date" value={filters.from} onChange={day('from')} />
      </label>
      <label>
        {t('notesTo')} <input id="filter-to" type="date" value={filters.to} onChange={day('to')} />
      </label>
      {children}
    </nav>
  );
}
