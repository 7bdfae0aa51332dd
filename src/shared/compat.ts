import browser from 'webextension-polyfill';
import { t } from './i18n';

/** Runtime differences between Chromium and Firefox, in one place. */
export const isFirefox = (): boolean => browser.runtime.getURL('').startsWith('moz-extension:');

/**
 * Where users change extension shortcuts. Chromium lets an extension open its settings page with `tabs.create`;
 * Firefox refuses `about:` URLs there, so the UI shows the path as text instead (`url` is null).
 */
export function shortcutSettings(): { url: string | null; text: string } {
  return isFirefox()
    ? { url: null, text: t('firefoxShortcutsPath') }
    : { url: 'chrome://extensions/shortcuts', text: 'chrome://extensions/shortcuts' };
}
