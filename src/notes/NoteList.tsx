import { t } from '../shared/i18n';
import type { Snippet } from './annotations';
import { Highlight } from './Highlight';
import { foundCount, type Row } from './rows';

interface Props {
  rows: Row[];
  /** Snippets of search results by note id (the body's, or a matched highlight's). */
  snippets: Record<string, Snippet>;
  /** The forms to highlight (space-separated). */
  marks: string;
  /** Search mode (a non-blank query) rather than browsing. */
  searching: boolean;
  /** The query the rows answer ('' when browsing), as `#count[data-query]` (the browser tests wait on it). */
  query: string;
  /** Notes in the library. */
  /** Notes in the library, null until counted. */
  total: number | null;
  /** Rows asked for; a full screen offers 更多. */
  limit: number;
  onOpen: (id: string) => void;
  onMore: () => void;
}

/**
 * One note in the list: its title as a button (Tab reaches it, Enter or Space opens it), then site · date · saved-on
 * and tags, the user's note, and a snippet when searching. A click anywhere on the row opens the note too.
 */
function NoteRow({
  row,
  snippet,
  marks,
  onOpen,
}: {
  row: Row;
  snippet?: Snippet;
  marks: string;
  onOpen: (id: string) => void;
}) {
  return (
    <li data-note-id={row.id} onClick={() => onOpen(row.id)}>
      <h2>
        <button type="button" class="open-note">
          <Highlight text={row.title} query={marks} />
        </button>
      </h2>
      <p class="meta">
        {row.site} · {(row.published ?? row.createdAt).slice(0, 10)} · {t('notesSavedOn', row.createdAt.slice(0, 10))}
        {row.tags.map((tag) => (
          <span class="tag" key={tag}>
            {tag}
          </span>
        ))}
      </p>
      {row.userNote && (
        <p class="user-note">
          <Highlight text={row.userNote} query={marks} />
        </p>
      )}
      {snippet?.from === 'body' && (
        <p class="snippet">
          <Highlight text={snippet.text} query={marks} />
        </p>
      )}
      {snippet?.from === 'annotation' && (
        <p class="snippet annotation-snippet">
          <span class="label">{t('notesAnnotationMatch')}</span> <Highlight text={snippet.text} query={marks} />
        </p>
      )}
    </li>
  );
}

/** The row buttons of the list, in order. */
const rowButtons = (list: HTMLElement) => [...list.querySelectorAll<HTMLButtonElement>('button.open-note')];

/**
 * Arrow keys in the list: ↓/↑ move focus to the next/previous note, Home/End to the first/last. Enter and Space on
 * the focused title are the button's own.
 */
function onListKey(e: KeyboardEvent) {
  const moves: Record<string, (i: number, n: number) => number> = {
    ArrowDown: (i, n) => Math.min(i + 1, n - 1),
    ArrowUp: (i) => Math.max(i - 1, 0),
    Home: () => 0,
    End: (_i, n) => n - 1,
  };
  const move = moves[e.key];
  if (!move || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const buttons = rowButtons(e.currentTarget as HTMLElement);
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (!buttons.length || at < 0) return;
  e.preventDefault();
  buttons[move(at, buttons.length)].focus();
}

/** The list: the count line (found / total), the rows, and 更多 when the screen is full. */
export function NoteList({ rows, snippets, marks, searching, query, total, limit, onOpen, onMore }: Props) {
  return (
    <main>
      <p class="count" id="count" data-mode={searching ? 'search' : 'all'} data-query={query}>
        {searching
          ? t('notesFound', foundCount(rows.length, limit))
          : t('notesTotal', total === null ? '…' : String(total))}
      </p>
      <ul class="note-list" id="note-list" aria-label={t('notesListLabel')} onKeyDown={onListKey}>
        {rows.map((r) => (
          <NoteRow key={r.id} row={r} snippet={searching ? snippets[r.id] : undefined} marks={marks} onOpen={onOpen} />
        ))}
      </ul>
      {rows.length >= limit && (
        <button type="button" id="more" onClick={onMore}>
          {t('notesMore')}
        </button>
      )}
    </main>
  );
}
