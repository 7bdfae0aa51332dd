import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { loadArchiveCaps, MB, saveArchiveCaps, type ArchiveCaps, type CapsStorage } from '../shared/image-archive';
import { libraryDb } from './archived-images';
import { assetBytes } from './assets-write';

/** storage.local, or undefined outside an extension (unit tests render the page without one). */
const storage = (): CapsStorage => browser.storage?.local as CapsStorage;

/** A number of MB as typed: finite and ≥ 0, else null (the field then keeps its stored value). */
const parseMb = (s: string): number | null => {
  const n = Number(s.trim().replace(/，/g, '.'));
  return s.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : null;
};

/**
 * The image archive's caps on the notes page (a closed <details> under the filters): MB per note (0 = archive nothing)
 * and MB for the whole library, with the bytes archived so far. The background reads them at each save
 * (src/background/image-archive.ts).
 */
export function ArchiveSettings() {
  const [caps, setCaps] = useState<ArchiveCaps | null>(null);
  const [draft, setDraft] = useState({ perNoteMB: '', totalMB: '' });
  const [used, setUsed] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);
  const show = (c: ArchiveCaps) => {
    setCaps(c);
    setDraft({ perNoteMB: String(c.perNoteMB), totalMB: String(c.totalMB) });
  };
  useEffect(() => {
    void loadArchiveCaps(storage()).then(show);
    void libraryDb()
      .then(assetBytes)
      .then(setUsed)
      .catch(() => undefined);
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!caps) return;
    const perNoteMB = parseMb(draft.perNoteMB) ?? caps.perNoteMB;
    const totalMB = parseMb(draft.totalMB) ?? caps.totalMB;
    show(await saveArchiveCaps(storage(), { perNoteMB, totalMB }));
    setSaved(true);
  };
  const field = (key: keyof ArchiveCaps, label: string) => (
    <label>
      {label}
      <input
        id={`archive-${key}`}
        type="number"
        min="0"
        step="any"
        value={draft[key]}
        onInput={(e) => {
          setSaved(false);
          setDraft({ ...draft, [key]: e.currentTarget.value });
        }}
      />
    </label>
  );
  return (
    <details class="archive-caps">
      <summary>{t('archiveCapsTitle')}</summary>
      <form onSubmit={(e) => void submit(e)}>
        {field('perNoteMB', t('archivePerNoteLabel'))}
        {field('totalMB', t('archiveTotalLabel'))}
        <button type="submit" id="archive-save" disabled={!caps}>
          {t('archiveCapsSave')}
        </button>
        {used !== null && <span class="meta">{t('archiveUsage', (used / MB).toFixed(1))}</span>}
        <span role="status">{saved ? t('archiveCapsSaved') : ''}</span>
      </form>
    </details>
  );
}
