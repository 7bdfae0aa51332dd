import type { Page } from 'puppeteer-core';

/** A file an extension page offered for download: its name and its content read as text. */
export interface Download {
  name: string;
  text: string;
}

type Captured = { downloads: Promise<Download>[] };

/**
 * Keep the files an extension page offers (the notes page's exports go through `<a download>.click()`) as text in
 * the page instead of saving them: read back with takeDownloads. Call once per page load.
 */
export async function captureDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Captured;
    w.downloads = [];
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      w.downloads.push(
        fetch(this.href)
          .then((r) => r.text())
          .then((text) => ({ name: this.download, text })),
      );
    };
  });
}

/**
 * Wait until at least `n` files were offered (an export reads the library first, so its download comes after the click
 * returns), then take every captured file, oldest first, emptying the list.
 */
export async function takeDownloads(page: Page, n = 1, timeout = 30_000): Promise<Download[]> {
  await page.waitForFunction(
    (k: number) => (window as unknown as Captured).downloads.length >= k,
    { polling: 100, timeout },
    n,
  );
  return page.evaluate(() => Promise.all((window as unknown as Captured).downloads.splice(0)));
}
