import { expect, it } from 'vitest';
import { PAGES, READER_SHORTCUT, READER_SHORTCUT_XDOTOOL } from './fixtures';
import { askContent, waitForContent } from '../../scripts/lib/extension-probe';
import { readerView } from './page-probe';
import { useHeadedBrowser } from './headed';

// The manifest shortcut itself, pressed as a real key in a headed browser on a private Xvfb display (the other suite
// calls the command handler through the background hook). Skipped where Xvfb/xdotool are missing.
const headed = useHeadedBrowser();

it(`${READER_SHORTCUT} pressed on the keyboard opens reader mode, and again closes it`, async (ctx) => {
  const { x, driver } = headed;
  if (!x || !driver) return ctx.skip();
  const page = await driver.open(PAGES.gscn1.url);
  try {
    await waitForContent(driver, await driver.tabId(page));
    const before = await page.evaluate(() => document.body.outerHTML);
    await page.bringToFront();
    x.click(640, 500);
    x.key(READER_SHORTCUT_XDOTOOL);
    await page.waitForFunction(
      () => !!document.getElementById('qingdu-reader')?.shadowRoot?.querySelector('.qd-title'),
      { timeout: 10_000 },
    );
    expect((await readerView(page))?.body).toContain(PAGES.gscn1.label.body_first!.slice(0, 10));
    x.key(READER_SHORTCUT_XDOTOOL);
    await page.waitForFunction(() => !document.getElementById('qingdu-reader'), { timeout: 10_000 });
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
  } finally {
    await page.close();
  }
});

it('on a host outside the manifest the shortcut injects Qingdu under activeTab and opens reader mode', async (ctx) => {
  const { x, driver } = headed;
  if (!x || !driver) return ctx.skip();
  const page = await driver.open(PAGES.other.url);
  try {
    const tabId = await driver.tabId(page);
    await expect(askContent(driver, tabId, 'status')).rejects.toThrow(); // nothing runs there by itself
    await page.bringToFront();
    x.click(640, 500);
    x.key(READER_SHORTCUT_XDOTOOL);
    await page.waitForFunction(
      () => !!document.getElementById('qingdu-reader')?.shadowRoot?.querySelector('.qd-title'),
      { timeout: 10_000 },
    );
    expect((await readerView(page))?.body).toContain(PAGES.other.label.body_first!.slice(0, 10));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('qingdu-reader'), { timeout: 10_000 });
  } finally {
    await page.close();
  }
});
