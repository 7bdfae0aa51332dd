import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { CITATION_EXPORTS, type CitationExport } from './export';
import { citationFormat, highlightStyle, setCitationFormat, setHighlightStyle } from './export-prefs';
import type { HighlightStyle } from './annotations-markdown';

interface Props {
  onExportJson: () => void;
  onExportMarkdown: () => void;
  onExportHtml: () => void;
  onExportCitations: (style: CitationExport) => void;
  onImportFile: (file: File) => void;
  onClear: () => void;
}

/** How the format select names each citation format (the formats' own names, not translated). */
const FORMAT_NAMES: Record<CitationExport, string> = { bibtex: 'BibTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' };

/** The library tools: exports, import from a file, and 清空 behind a confirmation. */
export function LibraryTools(props: Props) {
  const { onExportJson, onExportMarkdown, onExportHtml, onExportCitations, onImportFile, onClear } = props;
  const [confirmClear, setConfirmClear] = useState(false);
  // How the Markdown export writes highlights (export-prefs.ts): kept for the next visit.
  const [style, setStyle] = useState(highlightStyle);
  // The citation format is chosen on a select and exported by a button: a select that exported on change would
  // download at the first arrow key a keyboard user presses on it.
  const [format, setFormat] = useState(citationFormat);
  const fileInput = useRef<HTMLInputElement>(null);
  // Focus follows the 清空 → 确认 swap (the button pressed is replaced), so a keyboard user is not dropped on <body>.
  const toggled = useRef(false);
  useEffect(() => {
    if (toggled.current) document.getElementById(confirmClear ? 'clear-confirm' : 'clear')?.focus();
  }, [confirmClear]);
  const askClear = (on: boolean) => {
    toggled.current = true;
    setConfirmClear(on);
  };
  const onFormat = (e: Event) => {
    const v = (e.currentTarget as HTMLSelectElement).value as CitationExport;
    setFormat(v);
    setCitationFormat(v);
  };
  // The file input acts on change and is reset at once, so the same file works again.
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
      <select
        id="export-md-highlights"
        aria-label={t('notesMarkdownHighlights')}
        title={t('notesMarkdownHighlights')}
        value={style}
        onChange={(e) => {
          const v = e.currentTarget.value as HighlightStyle;
          setStyle(v);
          setHighlightStyle(v);
        }}>
        <option value="quote">{t('notesMarkdownQuote')}</option>
        <option value="mark">{t('notesMarkdownMark')}</option>
      </select>
      <button type="button" id="export-html" onClick={onExportHtml}>
        {t('notesExportHtml')}
      </button>
      <select
        id="cite-format"
        aria-label={t('notesCitationFormat')}
        title={t('notesCitationFormat')}
        value={format}
        onChange={onFormat}>
        {CITATION_EXPORTS.map((f) => (
          <option key={f} value={f}>
            {FORMAT_NAMES[f]}
          </option>
        ))}
      </select>
      <button type="button" id="export-cite" onClick={() => onExportCitations(format)}>
        {t('notesExportCitations')}
      </button>
      {/* A button opens the hidden file input: a visible, focusable control with a name (an input styled away is not). */}
      <button type="button" id="import-json" onClick={() => fileInput.current?.click()}>
        {t('notesImportJson')}
      </button>
      <input
        ref={fileInput}
        id="import-file"
        type="file"
        accept=".json,application/json"
        hidden
        tabIndex={-1}
        aria-label={t('notesImportJson')}
        onChange={onFile}
      />
      {confirmClear ? (
        <>
          <button
            type="button"
            id="clear-confirm"
            class="danger"
            onClick={() => {
              askClear(false);
              onClear();
            }}>
            {t('notesClearConfirm')}
          </button>
          <button type="button" onClick={() => askClear(false)}>
            {t('notesCancel')}
          </button>
        </>
      ) : (
        <button type="button" id="clear" onClick={() => askClear(true)}>
          {t('notesClear')}
        </button>
      )}
    </span>
  );
}
