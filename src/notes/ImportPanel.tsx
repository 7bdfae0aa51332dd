import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { ImportPreview } from './import';

interface Props {
  preview: ImportPreview;
  fileName: string;
  onImport: (replace: boolean) => void;
  onCancel: () => void;
}

/** Preview of an import: how many notes are new and how many duplicate stored ones (by canonical URL). */
export function ImportPanel({ preview, fileName, onImport, onCancel }: Props) {
  const [replace, setReplace] = useState(false);
  // The preview opens with focus on 导入, so Enter imports and Tab reaches the options and 取消.
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <section class="import-preview" role="dialog" aria-label={t('notesImportPreview')}>
      <h2>{t('notesImportTitle', fileName)}</h2>
      <p id="import-summary">
        {t('notesImportSummary', [preview.total, preview.fresh.length, preview.duplicates.length].map(String))}
      </p>
      {preview.fresh.length > 0 && (
        <ul class="import-list">
          {preview.fresh.slice(0, 10).map((n) => (
            <li key={n.id}>{n.article.title}</li>
          ))}
          {preview.fresh.length > 10 && <li>…</li>}
        </ul>
      )}
      {preview.duplicates.length > 0 && (
        <label>
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} />
          {t('notesImportReplace')}
        </label>
      )}
      <div class="row">
        <button type="button" id="import-confirm" ref={confirm} onClick={() => onImport(replace)}>
          {t('notesImport')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('notesCancel')}
        </button>
      </div>
    </section>
  );
}
