import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { toggleReader } from './commands';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserKind, distDir, launch, type Driver } from '../../scripts/lib/browser';
import { waitForContent } from '../../scripts/lib/extension-probe';
import { servePages, type PageServer } from '../../scripts/lib/page-server';
import { audit, describeReport, type AxeReport } from './axe';
import { GSCN_HOST, PAGES, ROUTES } from './fixtures';
import { corpusArticles, corpusRoutes } from './reader-pages';
import { THEMES } from '../../src/shared/reader-prefs';
import { captureDownloads, takeDownloads } from './downloads';

// Accessibility audit with axe-core (WCAG 2.1 A/AA + best practice) of what a user sees: the popup on an article and
// on a page that is none, the reader in each theme, the notes page (list, an open note, the import preview). Every
// state must have 0 violations; the counts are printed per state. xinhuanet-2 keeps empty links of its source page
// (`<a href="…"></a>`) in its body: the notes view must not show them.
const OUT = `test-results/${browserKind()}`;
const XINHUA = corpusArticles(['xinhuanet-2'])[0];
let server: PageServer;
let driver: Driver;
const tmp = mkdtempSync(join(tmpdir(), 'qingdu-a11y-e2e-'));
const lines: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await servePages({ ...ROUTES, ...corpusRoutes([XINHUA]) });
  driver = await launch({ extensionDir: distDir(), hosts: [GSCN_HOST, XINHUA.host], port: server.port });
});
afterAll(async () => {
  console.log(lines.join('\n'));
  await driver?.close();
  await server?.close();
});

/** Audit, print, and fail with axe's own description of each violation. */
async function expectClean(page: Page, state: string, include?: string[]): Promise<AxeReport> {
  const r = await audit(page, include);
  const text = describeReport(driver.kind, state, r);
  lines.push(text);
  // Soft: every state is audited and printed even when an earlier one fails.
  expect.soft(r.violations, text).toEqual([]);
  expect.soft(r.passes, `${state}: the audit checked something`).toBeGreaterThan(5);
  return r;
}

async function articleTab(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await driver.open(url);
  const tabId = await driver.tabId(page);
  await waitForContent(driver, tabId);
  return { page, tabId };
}

const popupFor = (tabId: number) =>
  driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.status[data-state="ready"]');

it('popup on an article and on a page that is no article: 0 violations, an h1, lang of the strings shown', async () => {
  for (const [state, url] of [
    ['popup (article)', PAGES.gscn1.url],
    ['popup (not an article)', PAGES.gscn3.url],
  ]) {
    const { page, tabId } = await articleTab(url);
    const popup = await popupFor(tabId);
    try {
      await expectClean(popup, state);
      const facts = await popup.evaluate(() => ({
        h1: document.querySelectorAll('h1').length,
        lang: document.documentElement.lang,
        uiLang: chrome.i18n.getMessage('uiLang'),
      }));
      expect(facts).toEqual({ h1: 1, lang: facts.uiLang, uiLang: expect.stringMatching(/^(en|zh-CN|zh-TW)$/) });
    } finally {
      await popup.close();
      await page.close();
    }
  }
});

it('reader in each theme: 0 violations, contrast measured (the host is in <body>)', async () => {
  const { page, tabId } = await articleTab(PAGES.gscn1.url);
  try {
    await page.bringToFront();
    const opened = await toggleReader(driver, tabId);
    expect(opened).toBe(true);
    await page.waitForFunction(() => !!document.getElementById('qingdu-reader')?.shadowRoot?.querySelector('.qd-body'));
    expect
      .soft(await page.evaluate(() => document.getElementById('qingdu-reader')!.parentElement === document.body))
      .toBe(true);
    const theme = () =>
      page.evaluate(
        () =>
          document.getElementById('qingdu-reader')!.shadowRoot!.querySelector<HTMLElement>('.qd-overlay')!.dataset
            .theme!,
      );
    const seen: string[] = [];
    for (let i = 0; i < THEMES.length; i++) {
      const th = await theme();
      seen.push(th);
      const r = await expectClean(page, `reader (${th})`, ['#qingdu-reader']);
      expect(r.contrastNodes, 'color-contrast saw the reader text').toBeGreaterThan(5);
      await page.screenshot({ path: `${OUT}/a11y-reader-${th}.png` });
      await page.keyboard.press('t');
      await page.waitForFunction(
        (before: string) =>
          document.getElementById('qingdu-reader')!.shadowRoot!.querySelector<HTMLElement>('.qd-overlay')!.dataset
            .theme !== before,
        {},
        th,
      );
    }
    expect([...seen].sort()).toEqual([...THEMES].sort());
  } finally {
    await page.close();
  }
});

it('notes page: list, an open note (no empty links), the import preview: 0 violations', async () => {
  for (const url of [PAGES.gscn1.url, XINHUA.url]) {
    const { page, tabId } = await articleTab(url);
    const popup = await popupFor(tabId);
    await popup.click('#btn-save');
    await popup.waitForFunction(() => !!document.querySelector('.notice')?.textContent, { polling: 100 });
    await popup.close();
    await page.close();
  }
  const notes = await driver.openExtensionPage('src/notes/index.html', 'body[data-ready="true"]');
  try {
    await notes.waitForSelector('.index-state[data-state="ready"]', { timeout: 60_000 });
    await notes.waitForFunction(() => document.querySelectorAll('#note-list li').length === 2, { polling: 100 });
    await expectClean(notes, 'notes (list)');

    // The xinhuanet-2 note: its body had empty links on the source page.
    await notes.$$eval(
      '#note-list li',
      (lis, start: string) =>
        lis
          .find((li) => li.querySelector('h2')?.textContent?.includes(start))
          ?.querySelector('button')
          ?.click(),
      XINHUA.title.slice(-8),
    );
    await notes.waitForSelector('.note-view .body p');
    const links = await notes.$$eval('.note-view .body a', (as) => as.map((a) => (a.textContent ?? '').trim()));
    expect(links.filter((t) => !t)).toEqual([]);
    expect(await notes.$eval('.note-view', (e) => e.closest('main') !== null)).toBe(true);
    await expectClean(notes, 'notes (open note)');
    await notes.screenshot({ path: `${OUT}/a11y-notes-open.png` });
    await notes.click('#note-close');
    await notes.waitForSelector('#note-list li');

    await captureDownloads(notes);
    await notes.click('#export-json');
    const [file] = await takeDownloads(notes);
    const backup = join(tmp, 'backup.json');
    writeFileSync(backup, file.text);
    await ((await notes.$('#import-file')) as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(backup);
    await notes.waitForSelector('#import-summary');
    await expectClean(notes, 'notes (import preview)');
    await notes.screenshot({ path: `${OUT}/a11y-notes-import.png` });
  } finally {
    await notes.close();
  }
});

declare const chrome: { i18n: { getMessage(k: string): string } };
