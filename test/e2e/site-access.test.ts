import { expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { OTHER_HOST, PAGES, READER_SHORTCUT_XDOTOOL } from './fixtures';
import type { Driver } from '../../scripts/lib/browser';
import { askContent, waitForContent } from '../../scripts/lib/extension-probe';
import { useHeadedBrowser } from './headed';

// "Always clean this site" (README "Permissions"): a host outside the manifest gets Qingdu by itself only after the
// user grants that origin from the popup. Headed under Xvfb: the real shortcut gives the extension activeTab on the
// page (so the popup, opened as a tab, can read it), the click on the popup button is real input (permissions.request
// needs a user gesture). Firefox grants without its prompt under a test pref (scripts/lib/browser.ts); Chromium's
// prompt cannot be answered here, so there the test stops after checking the offer.
const headed = useHeadedBrowser();

const contentRuns = async (d: Driver, page: Page) => {
  await new Promise((r) => setTimeout(r, 1500));
  return askContent(d, await d.tabId(page), 'status').then(
    () => true,
    () => false,
  );
};

it('popup offers "always clean" for a host outside the manifest; granting registers the content script there, revoking removes it; a withheld portal is asked back (Firefox)', async (ctx) => {
  const { x, driver } = headed;
  if (!x || !driver) return ctx.skip();
  const d = driver;
  const page = await d.open(PAGES.other.url);
  const tabId = await d.tabId(page);
  expect(await contentRuns(d, page)).toBe(false);
  // The shortcut, pressed for real, grants activeTab and injects Qingdu into this tab.
  await page.bringToFront();
  x.click(640, 500);
  x.key(READER_SHORTCUT_XDOTOOL);
  await waitForContent(d, tabId);
  await page.keyboard.press('Escape');

  const popup = await d.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '#btn-always');
  try {
    expect(await popup.$eval('#btn-always', (e) => e.textContent)).toContain(OTHER_HOST);
    const origin = `*://${OTHER_HOST}/*`;
    expect(await d.background((o: string) => chrome.permissions.contains({ origins: [o] }), origin)).toBe(false);
    // On a manifest news host there is nothing to grant: the button is not offered.
    const news = await d.open(PAGES.gscn1.url);
    const newsTab = await d.tabId(news);
    await waitForContent(d, newsTab);
    const newsPopup = await d.openExtensionPage(`src/popup/index.html?tab=${newsTab}`, '.status[data-state="ready"]');
    expect(await newsPopup.$('#btn-always')).toBeNull();
    await Promise.all([newsPopup.close(), news.close()]);
    if (d.kind === 'chromium') return; // the permission prompt cannot be answered in this browser (see above)

    await popup.bringToFront();
    await popup.click('#btn-always');
    await popup.waitForSelector('#btn-always-remove', { timeout: 10_000 }).catch(async (e) => {
      throw new Error(`${e.message}; popup notice: ${await popup.$eval('.notice', (n) => n.textContent)}`);
    });
    expect(await d.background((o: string) => chrome.permissions.contains({ origins: [o] }), origin)).toBe(true);
    const registered = async () =>
      (await d.background(() => chrome.scripting.getRegisteredContentScripts())).flatMap((s) => s.matches ?? []);
    for (let i = 0; i < 50 && !(await registered()).includes(origin); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await registered()).toEqual([origin]);
    // A new page on that site is cleaned by itself now.
    const again = await d.open(PAGES.other.url);
    const s = await waitForContent(d, await d.tabId(again));
    expect(s).toMatchObject({ isArticle: true, declutter: true });
    await again.close();

    await popup.click('#btn-always-remove');
    await popup.waitForSelector('#btn-always', { timeout: 10_000 });
    for (let i = 0; i < 50 && (await registered()).length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await registered()).toEqual([]);
    const after = await d.open(PAGES.other.url);
    expect(await contentRuns(d, after)).toBe(false);
    await after.close();

    // Firefox lets the user turn a portal's host permission off (about:addons): the declared content script then stops,
    // and the same button asks for the portal back.
    const portal = '*://*.gscn.com.cn/*';
    expect(await d.background((o: string) => chrome.permissions.remove({ origins: [o] }), portal)).toBe(true);
    const off = await d.open(PAGES.gscn1.url);
    const offTab = await d.tabId(off);
    expect(await contentRuns(d, off)).toBe(false);
    await off.bringToFront();
    x.click(640, 500);
    x.key(READER_SHORTCUT_XDOTOOL);
    await waitForContent(d, offTab);
    const back = await d.openExtensionPage(`src/popup/index.html?tab=${offTab}`, '#btn-always');
    try {
      await back.click('#btn-always');
      await back.waitForFunction(
        () => !document.querySelector('#btn-always') && !!document.querySelector('.notice')?.textContent,
      );
      expect(await d.background((o: string) => chrome.permissions.contains({ origins: [o] }), portal)).toBe(true);
      expect(await registered()).toEqual([]); // the declared content script covers the portal again
    } finally {
      await back.close();
      await off.close();
    }
    const on = await d.open(PAGES.gscn1.url);
    expect(await waitForContent(d, await d.tabId(on))).toMatchObject({ isArticle: true, declutter: true });
    await on.close();
  } finally {
    await popup.close();
    await page.close();
  }
});

declare const chrome: {
  permissions: {
    contains(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
  };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
};
