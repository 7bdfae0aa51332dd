import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../shared/connector';
import { t } from '../shared/i18n';
import { patternMatches, sitePattern } from '../shared/site-access';

type State = 'hidden' | 'off' | 'on';

/**
 * "Always clean this site", for a page outside the manifest's news portals: asks the browser for this one origin
 * (optional host permission), after which the background registers the content script there
 * (src/background/site-access.ts). Shown as granted with a way back when the origin is already allowed.
 */
export function SiteAccess({ url, onNotice }: { url: string | null; onNotice: (text: string) => void }) {
  const pattern = url ? sitePattern(url) : null;
  const [state, setState] = useState<State>('hidden');

  useEffect(() => {
    if (!url || !pattern) return setState('hidden');
    const declared = browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
    if (declared.some((m) => patternMatches(m, url))) return setState('hidden');
    browser.permissions.contains({ origins: [pattern] }).then((has) => setState(has ? 'on' : 'off'), () => setState('hidden'));
  }, [url, pattern]);

  if (state === 'hidden' || !pattern) return null;
  const host = pattern.slice(4, -2);

  const fail = (e: unknown) => onNotice(`${t('popupFailed')}: ${(e as Error).message}`);
  // permissions.request must run in the click's own task (Firefox refuses it after an await: no user gesture).
  const grant = () => {
    const asked = browser.permissions.request({ origins: [pattern] });
    (async () => {
      const ok = await asked;
      if (ok) await send('syncSiteAccess', undefined);
      setState(ok ? 'on' : 'off');
      onNotice(ok ? t('popupSiteAlwaysDone', host) : t('popupSiteRefused'));
    })().catch(fail);
  };
  const revoke = () => {
    (async () => {
      await browser.permissions.remove({ origins: [pattern] });
      await send('syncSiteAccess', undefined);
      setState('off');
      onNotice(t('popupSiteRemoved', host));
    })().catch(fail);
  };

  return state === 'off'
    ? <button type="button" class="site-access" id="btn-always" onClick={grant}>{t('popupSiteAlways', host)}</button>
    : (
      <p class="site-access" data-granted="true">
        {t('popupSiteIsAlways', host)}{' '}
        <button type="button" id="btn-always-remove" class="link" onClick={revoke}>{t('popupSiteRemove')}</button>
      </p>
    );
}
