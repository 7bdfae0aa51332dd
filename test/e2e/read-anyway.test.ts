import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { toggleReader } from './commands';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { browserKind, distDir, launch, type Driver } from '../../scripts/lib/browser';
import { servePages, type PageServer } from '../../scripts/lib/page-server';
import { waitForContent } from '../../scripts/lib/extension-probe';
import { GSCN_HOST } from './fixtures';

// 仍然阅读 (read anyway) on a page that is no article: 163's ranking page (corpus 163-10, whose best block is a
// calendar widget), served under a manifest host. The reader shortcut opens at the "does not look like an article"
// notice; the popup's 仍然阅读 opens straight at the best block under its banner (the choice was made in the popup),
// and Save still asks first. Screenshot: test-results/<browser>/read-anyway-popup.png.
const OUT = `test-results/${browserKind()}`;
const RANKING = `http://${GSCN_HOST}/rank/index.shtml`;
let server: PageServer;
let driver: Driver;

/** The ranking page without its scripts: one of them sends an http page to https, which this server does not serve. */
function rankingPage(): string {
  const html = readFileSync('test/fixtures/corpus/pages/163-10.html', 'utf8').replace(
    /<script\b[\s\S]*?<\/script>/gi,
    '',
  );
  const file = join(mkdtempSync(join(tmpdir(), 'qingdu-read-anyway-')), '163-10.html');
  writeFileSync(file, html);
  return file;
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await servePages({ '/rank/index.shtml': { file: rankingPage(), contentType: 'text/html; charset=utf-8' } });
  driver = await launch({ extensionDir: distDir(), hosts: [GSCN_HOST], port: server.port });
});

afterAll(async () => {
  await driver?.close();
  await server?.close();
});

/** Wait until the reader's shadow root holds `sel`. */
const inReader = (page: Page, sel: string) =>
  page.waitForFunction(
    (s: string) => !!document.getElementById('qingdu-reader')?.shadowRoot?.querySelector(s),
    {},
    sel,
  );

/** Does the reader's shadow root hold `sel` now? */
const hasInReader = (page: Page, sel: string) =>
  page.evaluate((s: string) => !!document.getElementById('qingdu-reader')?.shadowRoot?.querySelector(s), sel);

/** Click `sel` in the reader's shadow root. */
const clickInReader = (page: Page, sel: string) =>
  page.evaluate(
    (s: string) => document.getElementById('qingdu-reader')!.shadowRoot!.querySelector<HTMLElement>(s)!.click(),
    sel,
  );

it('the shortcut shows the notice; the popup 仍然阅读 opens at the best block, Save asks first', async () => {
  const page = await driver.open(RANKING);
  const tabId = await driver.tabId(page);
  await waitForContent(driver, tabId);

  // The shortcut: the notice with its own 仍然阅读, no body.
  await toggleReader(driver, tabId);
  await inReader(page, '.qd-not-article[data-gate="offer"]');
  expect(await hasInReader(page, '.qd-body')).toBe(false);
  await toggleReader(driver, tabId);
  await page.waitForFunction(() => !document.getElementById('qingdu-reader'));

  // The popup: 仍然阅读 there opens the reader at the body, under the banner, with no second notice.
  const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.status[data-state="ready"]');
  try {
    await popup.waitForSelector('#btn-read-anyway');
    await popup.click('#btn-read-anyway');
    await popup.waitForFunction(() => !!document.querySelector('.notice')?.textContent, { polling: 100 });
  } finally {
    await popup.close();
  }
  await page.bringToFront();
  await inReader(page, '.qd-body');
  expect(await hasInReader(page, '.qd-not-article[data-gate="anyway"]')).toBe(true);
  expect(await hasInReader(page, '[data-gate="offer"]')).toBe(false);
  expect(await hasInReader(page, '[data-action="read-anyway"]')).toBe(false);
  const body = await page.evaluate(
    () => document.getElementById('qingdu-reader')!.shadowRoot!.querySelector('.qd-body')!.textContent ?? '',
  );
  expect(body).toContain('2020年7月');
  // Save still asks before it saves a page that is no article.
  await clickInReader(page, '[data-action="save"]');
  await inReader(page, '.qd-confirm');
  await page.screenshot({ path: `${OUT}/read-anyway-popup.png` });
  await page.close();
});
