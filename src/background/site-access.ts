import browser from 'webextension-polyfill';
import { grantedSiteOrigins, SITE_SCRIPT_ID } from '../shared/site-access';

/**
 * Keep the dynamically registered content script (id SITE_SCRIPT_ID) in step with the optional host permissions the
 * user granted ("always clean this site" in the popup, or the browser's own permission settings): register it for
 * exactly those origins, unregister it when none is left. Idempotent; run at startup and on every permission change.
 */
export async function syncSiteScripts(): Promise<string[]> {
  const manifest = browser.runtime.getManifest();
  const required = manifest.host_permissions ?? [];
  // Firefox's getManifest() gives the file as an absolute moz-extension: URL, which registerContentScripts refuses.
  const declared = manifest.content_scripts?.[0]?.js?.[0] ?? 'src/content/index.js';
  const file = new URL(declared, browser.runtime.getURL('')).pathname.replace(/^\//, '');
  const origins = grantedSiteOrigins((await browser.permissions.getAll()).origins ?? [], required);
  const [current] = await browser.scripting.getRegisteredContentScripts({ ids: [SITE_SCRIPT_ID] });
  const same = current && JSON.stringify([...(current.matches ?? [])].sort()) === JSON.stringify(origins);
  if (same) return origins;
  if (current) await browser.scripting.unregisterContentScripts({ ids: [SITE_SCRIPT_ID] });
  if (origins.length) {
    await browser.scripting.registerContentScripts([
      { id: SITE_SCRIPT_ID, matches: origins, js: [file], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return origins;
}

/**
 * Listen for permission changes and bring the registration up to date now (the background may have been asleep: a
 * Firefox event page is not woken for permissions.onAdded, so the popup also asks with `syncSiteAccess`).
 */
export function registerSiteAccess(): void {
  const sync = () => syncSiteScripts().catch((e) => console.warn('[qingdu] site scripts', e));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
}
