import { mkdirSync, readFileSync } from 'node:fs';
import { toggleReader } from './commands';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { browserKind, distDir, launch, type Driver } from '../../scripts/lib/browser';
import { servePages, type PageServer } from '../../scripts/lib/page-server';
import { CLUTTER_MARKERS, GSCN_HOST, OTHER_HOST, PAGES, READER_SHORTCUT, ROUTES, type FixturePage } from './fixtures';
import { askContent, waitForContent } from '../../scripts/lib/extension-probe';
import { badgeText, markerVisibility, navigateInPage, readerView, textVisible } from './page-probe';
import { readStoredNotes } from './library';

// The runtime (README "Using the extension", "Browser tests"), in a real browser with the built extension (QINGDU_DIST,
// default dist), pages from localhost under their real host names.
// One folder per browser, so a Firefox run does not overwrite the Chromium screenshots.
const OUT = `test-results/${browserKind()}`;
let server: PageServer;
let driver: Driver;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await servePages(ROUTES);
  driver = await launch({ extensionDir: distDir(), hosts: [GSCN_HOST, OTHER_HOST], port: server.port });
});

afterAll(async () => {
  await driver?.close();
  await server?.close();
});

async function openArticle(p: FixturePage): Promise<{ page: Page; tabId: number }> {
  const page = await driver.open(p.url);
  const tabId = await driver.tabId(page);
  await waitForContent(driver, tabId);
  return { page, tabId };
}

/** An article address on the gscn host no route serves (reached only by history.pushState). */
const ARTICLE_PATH_NEXT = '/system/2020/03/18/012340002.shtml';

const snapshot = (page: Page) => page.evaluate(() => ({ html: document.body.outerHTML, x: scrollX, y: scrollY }));

it('assigns the toggle-reader shortcut (commands.getAll)', async () => {
  const cmds = await driver.background(() => chrome.commands.getAll());
  const cmd = cmds.find((c) => c.name === 'toggle-reader');
  expect(cmd?.shortcut).toBe(READER_SHORTCUT); // the manifest default really is assigned (Chromium may refuse one)
});

describe.each([PAGES.gscn1, PAGES.gscn2Header, PAGES.gscn2Meta])('article $name', (p) => {
  it('declutters in place: clutter blocks hidden, body visible, badge shown', async () => {
    const { page, tabId } = await openArticle(p);
    try {
      const s = await waitForContent(driver, tabId);
      expect(s.isArticle).toBe(true);
      expect(s.declutter).toBe(true);
      const vis = await markerVisibility(page, CLUTTER_MARKERS);
      for (const v of vis) expect(v, v.marker).toEqual({ marker: v.marker, found: true, visible: false });
      expect(await textVisible(page, p.label.title!)).toBe(true);
      expect(await textVisible(page, p.label.body_first!)).toBe(true);
      expect(await textVisible(page, p.label.body_last!)).toBe(true);
      expect(await badgeText(driver, tabId)).not.toBe('');
      await page.screenshot({ path: `${OUT}/${p.name}-decluttered.png` });
      // The sheet is removable: turning declutter off shows the blocks again.
      await askContent(driver, tabId, 'status');
      await driver.background(
        (id: number) => chrome.tabs.sendMessage(id, { name: 'setDeclutter', data: { on: false } }, { frameId: 0 }),
        tabId,
      );
      expect((await markerVisibility(page, CLUTTER_MARKERS)).every((v) => v.visible)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('reader opens through the popup, closes with Esc, restores the page exactly', async () => {
    const { page, tabId } = await openArticle(p);
    try {
      await page.setViewport({ width: 1280, height: 600 });
      await page.evaluate(() => window.scrollTo(0, 150));
      const before = await snapshot(page);
      expect(before.y).toBeGreaterThan(0); // the page really scrolls, so restoring the position is tested
      const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.status[data-state="ready"]');
      try {
        expect(await popup.$eval('.status', (e) => e.getAttribute('data-article'))).toBe('true');
        await popup.click('#btn-reader');
        await popup.waitForFunction(() => document.querySelector('.notice')?.textContent !== '');
        // The UI language is the browser's (Debian's Chromium ships en-US only without chromium-l10n).
        expect(await popup.$eval('.notice', (e) => e.textContent)).toMatch(/^(已打开阅读模式|Reader mode opened)$/);
        await page.waitForFunction(
          () => !!document.getElementById('qingdu-reader')?.shadowRoot?.querySelector('.qd-title'),
        );
      } finally {
        await popup.close();
      }
      await page.bringToFront();
      const view = await readerView(page);
      expect(view?.title).toBeTruthy();
      expect(view?.body).toContain(p.label.body_first!.slice(0, 10));
      expect(view?.font).toContain('WenQuanYi Zen Hei');
      await page.screenshot({ path: `${OUT}/${p.name}-reader.png` });
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.getElementById('qingdu-reader'));
      const after = await snapshot(page);
      expect(after.html).toBe(before.html);
      expect({ x: after.x, y: after.y }).toEqual({ x: before.x, y: before.y });
    } finally {
      await page.close();
    }
  });

  it('reader toggles through the real command handler in the background', async () => {
    const { page, tabId } = await openArticle(p);
    try {
      const before = await snapshot(page);
      const run = () => toggleReader(driver, tabId);
      expect(await run()).toBe(true);
      expect(await readerView(page)).not.toBeNull();
      expect(await run()).toBe(false); // the shortcut closes it again
      expect(await page.$('#qingdu-reader')).toBeNull();
      expect((await snapshot(page)).html).toBe(before.html);
    } finally {
      await page.close();
    }
  });

  it('reader shows the labelled title and meta line (time, 来源, 作者, 编辑)', async () => {
    const { page, tabId } = await openArticle(p);
    try {
      await toggleReader(driver, tabId);
      const view = await readerView(page);
      const l = p.label;
      expect(view?.title).toBe(l.title);
      expect(view?.meta.published).toBe(l.published!.slice(0, 16).replace('T', ' '));
      expect(view?.meta.source).toContain(l.source);
      expect(view?.meta.authors).toContain(l.author);
      expect(view?.meta.editors).toContain(l.editor);
    } finally {
      await page.close();
    }
  });
});

it('reader host removed by a page script: closed as by Esc (scroll unlocked, keys back to the page, state closed)', async () => {
  const { page, tabId } = await openArticle(PAGES.gscn1);
  try {
    const before = await snapshot(page);
    // A page that strips unknown children of <html> and <body> (main world, like the page's own script).
    await page.evaluate(() => {
      const strip = new MutationObserver(() => document.getElementById('qingdu-reader')?.remove());
      strip.observe(document.documentElement, { childList: true });
      strip.observe(document.body, { childList: true });
      (window as unknown as { __qdKeys: string[] }).__qdKeys = [];
      window.addEventListener('keydown', (e) => (window as unknown as { __qdKeys: string[] }).__qdKeys.push(e.key));
    });
    const run = () => toggleReader(driver, tabId);
    expect(await run()).toBe(true);
    await page.waitForFunction(() => !document.getElementById('qingdu-scroll-lock'), { timeout: 5_000 });
    expect(await page.$('#qingdu-reader')).toBeNull();
    expect(
      await page.evaluate(() => [
        getComputedStyle(document.documentElement).overflow,
        getComputedStyle(document.body).overflow,
      ]),
    ).not.toContain('hidden');
    expect((await askContent<{ readerOpen: boolean }>(driver, tabId, 'status')).readerOpen).toBe(false);
    await page.bringToFront();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('j');
    expect(await page.evaluate(() => (window as unknown as { __qdKeys: string[] }).__qdKeys)).toEqual([
      'ArrowDown',
      'j',
    ]);
    expect((await snapshot(page)).html).toBe(before.html);
    // The next shortcut press opens the reader again (it was closed, not half-open).
    expect(await run()).toBe(true);
  } finally {
    await page.close();
  }
});

it('reader renders hostile body HTML sanitized (DOMPurify): no handler runs, no javascript: link survives', async () => {
  const { page, tabId } = await openArticle(PAGES.gscn1);
  try {
    const hostile =
      '<p>正文</p><img src="/missing.png" onerror="window.__qdHits=(window.__qdHits||0)+1">' +
      '<a href="javascript:window.__qdHits=100">链接</a><svg onload="window.__qdHits=1000"></svg>' +
      '<script>window.__qdHits=10000</script><iframe srcdoc="<script>parent.__qdHits=1</script>"></iframe>';
    // Load the reader bundle the normal way, then open it on an Article whose body is hostile, in the content
    // script's own world (the engine's serializer already strips these; this proves the reader does not rely on it).
    expect(await toggleReader(driver, tabId)).toBe(true);
    expect(await toggleReader(driver, tabId)).toBe(false);
    await driver.background(
      (id: number, html: string) =>
        chrome.scripting.executeScript({
          target: { tabId: id },
          func: (h: string) => {
            const s = (globalThis as unknown as { __qingdu: { article: object; reader: { open(a: object): void } } })
              .__qingdu;
            s.reader.open({ ...s.article, contentHtml: h });
          },
          args: [html],
        }),
      tabId,
      hostile,
    );
    await page.waitForFunction(
      () => !!document.getElementById('qingdu-reader')?.shadowRoot?.querySelector('.qd-body img'),
    );
    await new Promise((r) => setTimeout(r, 500)); // let the broken image fire its error event
    expect(await page.evaluate(() => (window as unknown as { __qdHits?: number }).__qdHits ?? 0)).toBe(0);
    const body = await page.evaluate(
      () => document.getElementById('qingdu-reader')!.shadowRoot!.querySelector('.qd-body')!.innerHTML,
    );
    expect(body).toContain('正文');
    expect(body).not.toMatch(/onerror|onload|javascript:|<script|<iframe/i);
  } finally {
    await page.close();
  }
});

it('the real toolbar popup (action.openPopup) acts on the active tab: 阅读模式 opens the reader', async (ctx) => {
  if (driver.kind !== 'chromium') return ctx.skip(); // openPopup from the background is reachable in Chromium only
  const { page, tabId } = await openArticle(PAGES.gscn1);
  try {
    await page.bringToFront();
    await driver.background(() => chrome.action.openPopup());
    const target = await driver.browser.waitForTarget(
      (t) => t.url().startsWith(`${driver.extensionOrigin}src/popup/index.html`) && !t.url().includes('?'),
      { timeout: 10_000 },
    );
    const popup = (await target.asPage())!;
    await popup.waitForSelector('.status[data-state="ready"]', { timeout: 10_000 });
    expect(await popup.$eval('.status', (e) => e.getAttribute('data-article'))).toBe('true');
    await popup.click('#btn-reader');
    await page.waitForFunction(
      () => !!document.getElementById('qingdu-reader')?.shadowRoot?.querySelector('.qd-title'),
    );
    expect(
      (
        (await driver.background(
          (id: number) => chrome.tabs.sendMessage(id, { name: 'status' }, { frameId: 0 }),
          tabId,
        )) as { readerOpen: boolean }
      ).readerOpen,
    ).toBe(true);
  } finally {
    await page.close();
  }
});

it('popup shows the assigned shortcut and links to the browser shortcut settings', async () => {
  const { page, tabId } = await openArticle(PAGES.gscn1);
  try {
    const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.status[data-state="ready"]');
    try {
      await popup.waitForFunction(
        (key: string) => document.querySelector('.shortcut')?.textContent?.includes(key),
        {},
        READER_SHORTCUT,
      );
      if (driver.kind === 'chromium') {
        await popup.click('.shortcut a');
        const settings = await driver.browser.waitForTarget((t) => t.url() === 'chrome://extensions/shortcuts', {
          timeout: 10_000,
        });
        await (await settings.asPage()).close();
      } else {
        // Firefox refuses to open about: pages for extensions: the path is shown as text instead.
        expect(await popup.$eval('.shortcut', (e) => e.textContent)).toContain('about:addons');
      }
    } finally {
      await popup.close();
    }
  } finally {
    await page.close();
  }
});

it('popup shows the labelled title, time and source', async () => {
  const { page, tabId } = await openArticle(PAGES.gscn1);
  try {
    const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.status[data-state="ready"]');
    try {
      await popup.setViewport({ width: 380, height: 260 });
      await popup.screenshot({ path: `${OUT}/popup.png` });
      const l = PAGES.gscn1.label;
      expect(await popup.$eval('.title', (e) => e.textContent)).toBe(l.title);
      expect(await popup.$eval('.published', (e) => e.textContent).catch(() => null)).toBe(
        l.published!.slice(0, 16).replace('T', ' '),
      );
      expect(await popup.$eval('.source', (e) => e.textContent).catch(() => null)).toContain(l.source);
    } finally {
      await popup.close();
    }
  } finally {
    await page.close();
  }
});

it('popup saves the Article to notes and copies metadata + citation', async () => {
  const { page, tabId } = await openArticle(PAGES.gscn1);
  try {
    const article = await askContent<{ title: string; url: string }>(driver, tabId, 'getArticle');
    const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.status[data-state="ready"]');
    try {
      await popup.click('#btn-save');
      await popup.waitForFunction(() => document.querySelector('.notice')?.textContent !== '');
      expect(await popup.$eval('.notice', (e) => e.textContent)).not.toMatch(/失败|Failed/);
      // The notes library (src/notes, IndexedDB `qingdu-notes`, written by the background) holds the Article now.
      const notes = await driver.background(
        readStoredNotes<{ canonicalUrl: string; article: { title: string; contentHtml: string } }>,
      );
      const note = notes.find((n) => n.canonicalUrl === PAGES.gscn1.url);
      expect(note?.article.title).toBe(article.title);
      expect(note?.article.contentHtml).toContain(PAGES.gscn1.label.body_first!.slice(0, 10));
      const saved = await popup.$eval('.notice', (e) => e.textContent);
      await popup.bringToFront();
      await popup.click('#btn-copy');
      await popup.waitForFunction(
        (prev: string) => document.querySelector('.notice')?.textContent !== prev,
        { timeout: 20_000 },
        saved,
      );
      const notice = await popup.$eval('.notice', (e) => e.textContent);
      expect(notice).not.toMatch(/失败|Failed/);
      // Chromium asks for the permission; Firefox has no such BiDi permission and reads under a testing pref
      // (scripts/lib/browser.ts).
      if (driver.kind === 'chromium')
        await driver.browser
          .defaultBrowserContext()
          .overridePermissions(driver.extensionOrigin.replace(/\/$/, ''), ['clipboard-read']);
      const copied = await popup.evaluate(() => navigator.clipboard.readText().catch((e) => `unreadable: ${e}`));
      expect(copied).toContain(`标题：${article.title}`);
      expect(copied).toMatch(/\n\n\[1\] .+\[EB\/OL\]/); // one GB/T 7714 citation line after the block
    } finally {
      await popup.close();
    }
  } finally {
    await page.close();
  }
});

it('popup setting turns declutter off for this page and the next ones, and back on', async () => {
  const { page, tabId } = await openArticle(PAGES.gscn1);
  let next: Page | undefined;
  try {
    const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '#opt-declutter:not([disabled])');
    try {
      expect(await popup.$eval('#opt-declutter', (e) => (e as HTMLInputElement).checked)).toBe(true);
      await popup.click('#opt-declutter');
      await page.waitForFunction(() => !document.getElementById('qingdu-declutter'));
      expect((await markerVisibility(page, CLUTTER_MARKERS)).every((v) => v.visible)).toBe(true);
      next = await driver.open(PAGES.gscn1.url);
      const s = await waitForContent(driver, await driver.tabId(next));
      expect(s).toMatchObject({ isArticle: true, declutter: false });
      await popup.bringToFront(); // a background tab does not render, and a click there never completes
      await popup.click('#opt-declutter');
      await page.waitForFunction(() => !!document.getElementById('qingdu-declutter'));
      expect((await markerVisibility(page, CLUTTER_MARKERS)).some((v) => v.visible)).toBe(false);
    } finally {
      await popup.close();
    }
  } finally {
    await driver.background(() => chrome.storage.local.remove('settings'));
    await next?.close();
    await page.close();
  }
});

it('gscn-3 (channel list) is not treated as an article: no badge, no declutter', async () => {
  const { page, tabId } = await openArticle(PAGES.gscn3);
  try {
    const s = await waitForContent(driver, tabId);
    expect(s.isArticle).toBe(false);
    expect(s.declutter).toBe(false);
    expect(await page.$('#qingdu-declutter, [data-qingdu-clutter]')).toBeNull();
    expect(await badgeText(driver, tabId)).toBe('');
  } finally {
    await page.close();
  }
});

it('a long body taken for an article at page load is overruled by the Article: clutter back, badge cleared', async () => {
  // comments-body: one sentence of news over 30 comments inside the body container. Page load counts the container
  // before cleaning (PageVerdict.exact false) and declutters; the Article (cleaned: 25 characters) says no article.
  const { page, tabId } = await openArticle(PAGES.commentsBody);
  try {
    const s = await waitForContent(driver, tabId);
    expect(s).toMatchObject({ isArticle: true, declutter: true });
    const article = await askContent<{ isArticle: boolean; textContent: string }>(driver, tabId, 'getArticle');
    expect(article.isArticle).toBe(false);
    expect(article.textContent).toBe('本网讯 社区工作人员今天上门看望了辖区内的独居老人。');
    expect(await askContent(driver, tabId, 'status')).toMatchObject({ isArticle: false, declutter: false });
    expect(await page.$('#qingdu-declutter, [data-qingdu-clutter]')).toBeNull();
    // the badge follows a message to the background: give it a moment
    let badge = await badgeText(driver, tabId);
    for (let i = 0; i < 20 && badge !== ''; i++)
      badge = await new Promise((ok) => setTimeout(ok, 100)).then(() => badgeText(driver, tabId));
    expect(badge).toBe('');
  } finally {
    await page.close();
  }
});

it('a page only Readability reads (English article): the content script loads Readability as a part, then extracts it', async () => {
  const { page, tabId } = await openArticle(PAGES.english);
  try {
    const s = await waitForContent(driver, tabId);
    expect(s).toMatchObject({ isArticle: true, declutter: true });
    // the part was loaded and Readability's parse timed as its own phase (the content script's file does not carry it)
    expect(await page.evaluate(() => performance.getEntriesByName('qingdu:readability').length)).toBe(1);
    const article = await askContent<{ isArticle: boolean; title: string; textContent: string }>(
      driver,
      tabId,
      'getArticle',
    );
    expect(article.isArticle).toBe(true);
    expect(article.title).toBe('Just-released Minecraft exploit makes it easy to crash game servers');
    expect(article.textContent).toContain('A flaw in the wildly popular online game');
    // the declutter keeps the article: its body text and its headline (split by <i>, so looked up as the h1)
    expect(await textVisible(page, 'A flaw in the wildly popular online game')).toBe(true);
    expect(await page.$eval('h1[itemprop=headline]', (h) => h.checkVisibility())).toBe(true);
  } finally {
    await page.close();
  }
});

it('a single-page site that navigates to a page only Readability reads: the part is loaded on demand and the Article is the new page', async () => {
  // gscn-1 needs no Readability at page load; the page then shows an English article under a new URL (pushState)
  const { page, tabId } = await openArticle(PAGES.gscn1);
  try {
    const english = readFileSync('test/fixtures/peer/readability-test-pages/ars-1/source.html', 'utf8');
    const body = english.slice(english.indexOf('<body'), english.lastIndexOf('</body>')).replace(/^<body[^>]*>/, '');
    await navigateInPage(page, {
      html: body,
      path: '/system/2020/03/17/012340001.shtml',
      title: 'Just-released Minecraft exploit makes it easy to crash game servers | Ars Technica',
    });
    expect(await page.evaluate(() => location.pathname)).toBe('/system/2020/03/17/012340001.shtml');
    expect(await page.evaluate(() => performance.getEntriesByName('qingdu:readability').length)).toBe(0);
    const article = await askContent<{ isArticle: boolean; url: string; title: string; textContent: string }>(
      driver,
      tabId,
      'getArticle',
    );
    expect(article).toMatchObject({ isArticle: true, url: `http://${GSCN_HOST}/system/2020/03/17/012340001.shtml` });
    expect(article.title).toBe('Just-released Minecraft exploit makes it easy to crash game servers');
    expect(article.textContent).toContain('A flaw in the wildly popular online game');
  } finally {
    await page.close();
  }
});

it('a single-page site that navigates from a list page to an article: the article is decluttered as page load would', async () => {
  // gscn-3 is a list page (no declutter at page load); the page then shows gscn-1's article under a new URL
  const { page, tabId } = await openArticle(PAGES.gscn3);
  try {
    expect(await page.evaluate(() => !!document.getElementById('qingdu-declutter'))).toBe(false);
    const gscn1 = readFileSync('test/fixtures/corpus/pages/gscn-1.html', 'utf8');
    const body = gscn1.slice(gscn1.indexOf('<body'), gscn1.lastIndexOf('</body>')).replace(/^<body[^>]*>/, '');
    await navigateInPage(page, { html: body, path: ARTICLE_PATH_NEXT });
    const article = await askContent<{ isArticle: boolean }>(driver, tabId, 'getArticle');
    expect(article.isArticle).toBe(true);
    expect(await page.evaluate(() => !!document.getElementById('qingdu-declutter'))).toBe(true);
  } finally {
    await page.close();
  }
});

it('never mutates the live page: declutter off, the body equals the same page where Qingdu does not run', async () => {
  const { page, tabId } = await openArticle(PAGES.gscn1);
  const plain = await driver.open(PAGES.other.url); // same file, host outside the manifest
  try {
    await driver.background(
      (id: number) => chrome.tabs.sendMessage(id, { name: 'setDeclutter', data: { on: false } }, { frameId: 0 }),
      tabId,
    );
    const html = (p: Page) => p.evaluate(() => document.documentElement.outerHTML);
    expect(await html(page)).toBe(await html(plain));
  } finally {
    await page.close();
    await plain.close();
  }
});

it('does nothing on a host outside the manifest until invoked', async () => {
  const page = await driver.open(PAGES.other.url);
  try {
    const tabId = await driver.tabId(page);
    await new Promise((r) => setTimeout(r, 1500));
    await expect(askContent(driver, tabId, 'status')).rejects.toThrow();
    expect(await page.$('#qingdu-declutter, [data-qingdu-clutter]')).toBeNull();
    expect(await badgeText(driver, tabId)).toBe('');
  } finally {
    await page.close();
  }
});

declare const chrome: {
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  storage: { local: { get(k: null): Promise<Record<string, unknown>>; remove(k: string): Promise<void> } };
  tabs: { sendMessage(id: number, msg: unknown, opts: object): Promise<unknown> };
  action: { openPopup(): Promise<void> };
  scripting: {
    executeScript(o: { target: { tabId: number }; func: (h: string) => void; args: unknown[] }): Promise<unknown>;
  };
};
