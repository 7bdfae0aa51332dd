import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { CitationExport } from './export';

interface Props {
  onExportJson: () => void;
  onExportMarkdown: () => void;
  onExportCitations: (style: CitationExport) => void;
  onImportFile: (file: File) => void;
  onClear: () => void;
}

/** The library tools: exports, import from a file, and 清空 behind a confirmation. */
export function LibraryTools({ onExportJson, onExportMarkdown, onExportCitations, onImportFile, onClear }: Props) {
  const [confirmClear, setConfirmClear] = useState(false);
  // The select and the file input act on change and are reset at once, so the same choice works again.
  const onCite = (e: Event) => {
    const el = e.currentTarget as HTMLSelectElement;
    const v = el.value;
    el.value = '';
    if (v) onExportCitations(v as CitationExport);
  };
  const onFile = (e: Event) => {
    const el = e.currentTarget as HTMLInputElement;
    const f = el.files?.[0];
    el.value = '';
    if (f) onImportFile(f);
  };
  return (
    <span class="tools">
      <button type="button" id="export-json" onClick={onExportJson}>
        {t('notesExportJson')}
      </button>
      <button type="button" id="export-md" onClick={onExportMarkdown}>
        {t('notesExportMarkdown')}
      </button>
      <select id="export-cite" value="" onChange={onCite}>
        <option value="">{t('notesExportCitations')}</option>
        <option value="csl-json">CSL-JSON</option>
        <option value="bibtex">BibTeX</option>
        <option value="ris">RIS</option>
      </select>
      <label class="file">
        {t('notesImportJson')}
        <input id="import-file" type="file" accept=".json,application/json" onChange={onFile} />
      </label>
      {confirmClear ? (
        <>
          <button
            type="button"
            id="clear-confirm"
            class="danger"
            onClick={() => {
              setConfirmClear(false);
              onClear();
            }}>
            {t('notesClearConfirm')}
          </button>
          <button type="button" onClick={() => setConfirmClear(false)}>
            {t('notesCancel')}
          </button>
        </>
      ) : (
        <button type="button" id="clear" onClick={() => setConfirmClear(true)}>
          {t('notesClear')}
        </button>
      )}
    </span>
  );
}
