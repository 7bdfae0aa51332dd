import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendUItoBG } from '../shared/connector';
import { t } from '../shared/i18n';
import { patternMatches, sitePattern } from '../shared/site-access';

type State = 'hidden' | 'off' | 'on';

/**
 * "Always clean this site", for a page outside the manifest's news portals: asks the browser for this one origin
 * (optional host permission), after which the background registers the content script there
 * (src/background/site-access.ts). Shown as granted with a way back when the origin is already allowed.
 * On a news portal the declared content script covers the page, but the user may have withheld that host (Firefox
 * lets MV3 host permissions be turned off in about:addons, Chrome has "on click" site access): then the same button
 * asks for the portal's declared pattern back, and there is nothing to offer once it is granted.
 */
export function SiteAccess({ url, onNotice }: { url: string | null; onNotice: (text: string) => void }) {
  const site = url ? sitePattern(url) : null;
  const declared =
    url && site
      ? (browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? []).find((m) =>
          patternMatches(m, url),
        )
      : undefined;
  // What to ask for: the portal's declared pattern on a news portal, else this one site.
  const pattern = declared ?? site;
  const [state, setState] = useState<State>('hidden');

  useEffect(() => {
    if (!pattern) return setState('hidden');
    browser.permissions.contains({ origins: [pattern] }).then(
      (has) => setState(has ? (declared ? 'hidden' : 'on') : 'off'),
      () => setState('hidden'),
    );
  }, [pattern, declared]);

  if (state === 'hidden' || !pattern || !site) return null;
  const host = site.slice(4, -2);

  const fail = (e: unknown) => onNotice(`${t('popupFailed')}: ${(e as Error).message}`);
  // permissions.request must run in the click's own task (Firefox refuses it after an await: no user gesture).
  const grant = () => {
    const asked = browser.permissions.request({ origins: [pattern] });
    (async () => {
      const ok = await asked;
      if (ok) await sendUItoBG('syncSiteAccess', undefined);
      setState(ok ? (declared ? 'hidden' : 'on') : 'off');
      onNotice(ok ? t('popupSiteAlwaysDone', host) : t('popupSiteRefused'));
    })().catch(fail);
  };
  const revoke = () => {
    (async () => {
      await browser.permissions.remove({ origins: [pattern] });
      await sendUItoBG('syncSiteAccess', undefined);
      setState('off');
      onNotice(t('popupSiteRemoved', host));
    })().catch(fail);
  };

  return state === 'off' ? (
    <button type="button" class="site-access" id="btn-always" onClick={grant}>
      {t('popupSiteAlways', host)}
    </button>
  ) : (
    <p class="site-access" data-granted="true">
      {t('popupSiteIsAlways', host)}{' '}
      <button type="button" id="btn-always-remove" class="link" onClick={revoke}>
        {t('popupSiteRemove')}
      </button>
    </p>
  );
}
