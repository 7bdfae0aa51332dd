import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { labelled } from '../shared/format';
import { t } from '../shared/i18n';
import { Annotations, useBodyHighlights } from './Annotations';
import { dropEmptyLinks } from './empty-links';
import { useArchivedImages } from './archived-images';
import { isWebUrl } from './import';
import { sanitizeArticleHtml } from './sanitize';
import type { Note } from '../shared/notes-types';

/** Split what the user typed in the tags box: commas (ASCII or Chinese), 、, semicolons or newlines. */
export const parseTags = (s: string): string[] =>
  s
    .split(/[,，、;；\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);

interface Props {
  note: Note;
  onSave: (patch: { note: string; tags: string[] }) => Promise<void>;
  onDelete: () => void;
  onExportMarkdown: () => void;
  /** The 导出 HTML button (shown when given). */
  onExportHtml?: () => void;
  onClose: () => void;
}

/**
 * A note in the reader view: metadata, the user's note and tags (editable), quotes, highlights, and the sanitized body
 * with the highlights drawn in it.
 */
export function NoteView({ note, onSave, onDelete, onExportMarkdown, onExportHtml, onClose }: Props) {
  const a = note.article;
  const [text, setText] = useState(note.note);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [busy, setBusy] = useState(false);
  const body = useMemo(() => dropEmptyLinks(sanitizeArticleHtml(a.contentHtml)), [a.contentHtml]);
  useArchivedImages(note.id, a.url, body);
  const heading = useRef<HTMLHeadingElement>(null);
  // The note's highlights, drawn in the body and listed above it (Annotations.tsx).
  const bodyRef = useRef<HTMLElement>(null);
  const annotations = useMemo(() => note.annotations ?? [], [note.annotations]);
  const orphans = useBodyHighlights(bodyRef, annotations, body);
  // Opening a note moves focus to its title, so the keyboard and a screen reader start there (App returns it to the
  // row on close).
  useEffect(() => heading.current?.focus(), []);
  const dirty = text !== note.note || tags !== note.tags.join(', ');
  const meta = [
    note.site,
    a.published?.replace('T', ' ').slice(0, 16),
    a.source && labelled(t, 'metaSource', a.source),
    a.authors.length && labelled(t, 'metaAuthor', a.authors.join('、')),
    a.editors.length && labelled(t, 'metaEditor', a.editors.join('、')),
  ].filter(Boolean);
  // Images load only when clicked (see sanitize.ts).
  const loadImage = (e: MouseEvent) => {
    const img = e.target as HTMLImageElement;
    if (img.tagName === 'IMG' && img.dataset.qingduSrc && !img.src) img.src = img.dataset.qingduSrc;
  };
  return (
    <main>
      <article class="note-view" data-note-id={note.id}>
        <div class="note-actions">
          <button type="button" id="note-close" onClick={onClose}>
            {t('notesBack')}
          </button>
          <button type="button" onClick={onExportMarkdown}>
            {t('notesExportMarkdown')}
          </button>
          {onExportHtml && (
            <button type="button" id="note-export-html" onClick={onExportHtml}>
              {t('notesExportHtml')}
            </button>
          )}
          <button type="button" class="danger" id="note-delete" onClick={onDelete}>
            {t('notesDelete')}
          </button>
        </div>
        <h1 ref={heading} tabIndex={-1}>
          {a.title}
        </h1>
        <p class="meta">{meta.join(' · ')}</p>
        <p class="meta">
          {/* A link only for web addresses: an imported javascript:/data: URL would run with the page's privileges. */}
          {isWebUrl(note.canonicalUrl) ? (
            <a href={note.canonicalUrl} target="_blank" rel="noopener noreferrer">
              {note.canonicalUrl}
            </a>
          ) : (
            <span class="url">{note.canonicalUrl}</span>
          )}
          {' · '}
          {t('notesAccessedOn', note.accessedAt.slice(0, 16).replace('T', ' '))}
        </p>
        <section class="edit">
          <label>
            {t('notesNoteLabel')}
            <textarea id="note-text" rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <label>
            {t('notesTagsLabel')}
            <input id="note-tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          </label>
          <button
            type="button"
            id="note-save"
            disabled={!dirty || busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onSave({ note: text, tags: parseTags(tags) });
              } finally {
                setBusy(false);
              }
            }}>
            {t('notesSaveNote')}
          </button>
        </section>
        {note.quotes.length > 0 && (
          <section class="quotes">
            <h2>{t('notesQuotes')}</h2>
            {note.quotes.map((q) => (
              <blockquote key={q.savedAt + q.text}>{q.text}</blockquote>
            ))}
          </section>
        )}
        <Annotations note={note} orphans={orphans} body={bodyRef} />
        <section ref={bodyRef} class="body" onClick={loadImage} dangerouslySetInnerHTML={{ __html: body }} />
      </article>
    </main>
  );
}
