import { t } from '../shared/i18n';
import type { Notice } from './actions';
import type { Note } from '../shared/notes-types';

/** The notice line (`#notice`): an error as an alert, anything else as a status; 撤销 after a deletion. */
export function NoticeLine({ notice, onUndo }: { notice: NonNullable<Notice>; onUndo: (deleted: Note) => void }) {
  return (
    <p class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} id="notice">
      {notice.text}
      {notice.undo && (
        <button type="button" id="undo" onClick={() => onUndo(notice.undo!)}>
          {t('notesUndo')}
        </button>
      )}
    </p>
  );
}
