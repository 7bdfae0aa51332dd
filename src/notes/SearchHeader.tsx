import { t } from '../shared/i18n';

interface Props {
  query: string;
  /** `loading`, `indexing N` or `ready` (useSearchIndex); the browser tests wait for `data-state="ready"`. */
  indexState: string;
  onQuery: (query: string) => void;
}

/** The page title, the search box and the index's state (索引中… until the search index is ready). */
export function SearchHeader({ query, indexState, onQuery }: Props) {
  return (
    <header>
      <h1>{t('notesPageTitle')}</h1>
      <input
        id="search"
        type="search"
        placeholder={t('notesSearchPlaceholder')}
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
      />
      <span class="index-state" data-state={indexState}>
        {indexState === 'ready' ? '' : t('notesIndexing')}
      </span>
    </header>
  );
}
