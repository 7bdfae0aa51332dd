import { useEffect, useState } from 'preact/hooks';
import { sendBGtoCS } from '../shared/connector';
import { t } from '../shared/i18n';
import { loadSettings, saveSettings } from '../shared/settings';

/**
 * The "declutter news pages" setting. Changing it is stored for future pages and applied to the current tab at once
 * (the in-place stylesheet is added or removed).
 */
export function DeclutterToggle({ tabId, isArticle }: { tabId: number | null; isArticle: boolean }) {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    loadSettings().then((s) => setOn(s.autoDeclutter));
  }, []);
  const change = async (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).checked;
    setOn(value);
    await saveSettings({ autoDeclutter: value });
    if (tabId !== null && isArticle) await sendBGtoCS(tabId, 'setDeclutter', { on: value }).catch(() => undefined);
  };
  return (
    <label class="option">
      <input type="checkbox" id="opt-declutter" checked={!!on} disabled={on === null} onChange={change} />
      {t('popupAutoDeclutter')}
    </label>
  );
}
