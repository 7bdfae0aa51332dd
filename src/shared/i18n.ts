import browser from 'webextension-polyfill';

/**
 * A UI string from `_locales/<lang>/messages.json` (zh_CN default, zh_TW, en). Falls back to the key itself, so a
 * missing string is visible instead of blank.
 */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
