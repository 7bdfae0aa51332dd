import browser from 'webextension-polyfill';

/**
 * The tab the popup acts on: `?tab=<id>` when given (tests open the popup as a tab, where the "active tab" would be
 * the popup itself), else the active tab of the current window. Null when there is none.
 */
export async function targetTabId(search: string = location.search): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
