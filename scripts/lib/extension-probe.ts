import type { Driver } from './browser';

/** Ask the extension about a tab, from its background context (used by `npm start` and the browser tests). */

/** Send a BGtoCS message (src/shared/messages.ts) to the tab's content script from the background; rejects when none listens. */
export function askContent<T>(driver: Driver, tabId: number, name: string): Promise<T> {
  return driver.background(
    (id: number, n: string) => chrome.tabs.sendMessage(id, { name: n }, { frameId: 0 }),
    tabId,
    name,
  ) as Promise<T>;
}

/** Poll until the content script answers `status` (it has extracted and decluttered). */
export async function waitForContent(
  driver: Driver,
  tabId: number,
  timeoutMs = 15_000,
): Promise<{ isArticle: boolean; declutter: boolean }> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await askContent(driver, tabId, 'status');
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

declare const chrome: {
  tabs: { sendMessage(id: number, msg: unknown, opts: object): Promise<unknown> };
};
