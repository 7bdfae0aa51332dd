import browser from 'webextension-polyfill';

/** Runtime differences between Chromium and Firefox, in one place. */
export const isFirefox = (): boolean => browser.runtime.getURL('').startsWith('moz-extension:');

/**
 * Where users change extension shortcuts. Chromium lets an extension open its settings page with `tabs.create`;
 * Firefox refuses `about:` URLs there, so the UI shows the path as text instead (`url` is null).
 */
export function shortcutSettings(): { url: string | null; text: string } {
  return isFirefox()
    ? { url: null, text: 'about:addons → ⚙ → 管理扩展快捷键 / Manage Extension Shortcuts' }
    : { url: 'chrome://extensions/shortcuts', text: 'chrome://extensions/shortcuts' };
}
