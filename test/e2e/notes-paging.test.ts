import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { distDir, launch, type Driver } from '../../scripts/lib/browser';
import { readStoredNotes } from './library';

// Paging the notes list with 更多 (README "Notes library"): each click shows the next 40 notes, and the list after
// every click is the library in its order, as one read of the whole list gives it. Chromium, or Firefox ESR with
// QINGDU_BROWSER=firefox, with the built extension (QINGDU_DIST, default dist).
const NOTES = 130;
// Notes come in runs of 7 saved in the same millisecond, so every page boundary (40, 80, 120) falls inside a run.
const RUN = 7;

let driver: Driver;

beforeAll(async () => {
  driver = await launch({ extensionDir: distDir(), hosts: [], port: 9 });
});
afterAll(async () => {
  await driver?.close();
});

type Stored = { id: string; createdAt: string; tags: string[] };

/** Import `n` small notes through the background (as the import does): runs of RUN share a createdAt; tags 甲/乙. */
async function fill(page: Page, n: number, run: number): Promise<void> {
  await page.evaluate('window.__name = (f) => f');
  await page.evaluate(
    async (n: number, run: number) => {
      const notes = Array.from({ length: n }, (_, i) => {
        const at = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / run) * 3_600_000).toISOString();
        const url = `http://paging.example/${i}`;
        return {
          id: crypto.randomUUID(),
          canonicalUrl: url,
          site: 'paging.example',
          accessedAt: at,
          textSha256: '0'.repeat(64),
          note: '',
          tags: i % 3 === 0 ? ['甲'] : ['乙'],
          quotes: [],
          createdAt: at,
          updatedAt: at,
          article: {
            isArticle: true,
            confidence: 1,
            url,
            canonicalUrl: url,
            siteName: 'paging.example',
            title: `第${i}篇`,
            published: null,
            source: null,
            authors: [],
            editors: [],
            section: [],
            lang: 'zh-CN',
            excerpt: '',
            contentHtml: `<p>第${i}篇正文</p>`,
            textContent: `第${i}篇正文`,
            charCount: 5,
            readingMinutes: 1,
            images: [],
            rule: 'generic',
            nextPageUrl: null,
          },
        };
      });
      const send = (name: string, data: unknown) =>
        chrome.runtime.sendMessage({ name, data }) as Promise<{ ok: boolean; error?: string }>;
      const chunk = await send('notesImportChunk', { importId: 'paging', notes });
      const commit = await send('notesImportCommit', { importId: 'paging', replace: false });
      if (!chunk.ok || !commit.ok) throw new Error(chunk.error ?? commit.error);
    },
    n,
    run,
  );
}

/** The note ids of the list, in order. */
const shownIds = (page: Page) =>
  page.$$eval('#note-list > li', (lis) => lis.map((li) => (li as HTMLElement).dataset.noteId!));

/** Click 更多 until it is gone; the ids shown after each click (`total`: the rows the list ends with). */
async function pageThrough(page: Page, total: number): Promise<string[][]> {
  const screens = [await shownIds(page)];
  while (await page.$('#more')) {
    const before = screens[screens.length - 1].length;
    await page.click('#more');
    // (更多 is hidden while the next rows load: the screen is not full for the new limit yet.)
    await page.waitForFunction(
      (n: number) => document.querySelectorAll('#note-list > li').length === n,
      { polling: 50 },
      Math.min(before + 40, total),
    );
    screens.push(await shownIds(page));
  }
  return screens;
}

/** The list's order: newest first, notes of the same millisecond by id, descending (library.ts listNotes). */
const listOrder = (a: Stored, b: Stored) =>
  a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : -1;

it('更多 shows the next 40 notes each time, in the library order, across notes saved in the same millisecond', async () => {
  const filler = await driver.openExtensionPage('src/notes/index.html', 'body[data-ready="true"]');
  await fill(filler, NOTES, RUN);
  await filler.close();
  const page = await driver.openExtensionPage('src/notes/index.html', 'body[data-ready="true"]');
  await page.waitForFunction((n: number) => document.querySelectorAll('#note-list > li').length === n, {}, 40);
  const all = (await page.evaluate(readStoredNotes<Stored>)).sort(listOrder);
  expect(all).toHaveLength(NOTES);

  const screens = await pageThrough(page, NOTES);
  expect(screens.map((s) => s.length)).toEqual([40, 80, 120, 130]);
  for (const s of screens) expect(s).toEqual(all.slice(0, s.length).map((n) => n.id));

  // Filtered by tag: the index's keys in the list's order, 40 at a time.
  await page.select('#filter-tag', '乙');
  const tagged = all.filter((n) => n.tags.includes('乙')).map((n) => n.id);
  // The filter starts again from one screen.
  await page.waitForFunction(() => document.querySelectorAll('#note-list > li').length === 40);
  const filtered = await pageThrough(page, tagged.length);
  expect(filtered.map((s) => s.length)).toEqual([40, 80, tagged.length]);
  for (const s of filtered) expect(s).toEqual(tagged.slice(0, s.length));
  await page.close();
});

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
