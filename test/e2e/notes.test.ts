import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserKind, distDir, launch, type Driver } from '../../scripts/lib/browser';
import { GSCN_HOST, PAGES, ROUTES } from './fixtures';
import { waitForContent } from '../../scripts/lib/extension-probe';
import { servePages, type PageServer } from '../../scripts/lib/page-server';
import { captureDownloads, takeDownloads } from './downloads';
import { readStoredNotes } from './library';

// The notes library (README "Notes library"), in real Chromium with the built extension (QINGDU_DIST, default dist).
const IFENG_HOST = 'news.ifeng.com';
const IFENG_URL = `http://${IFENG_HOST}/c/7pplXmYoC6f`;
const GSCN2_URL = `http://${GSCN_HOST}/system/2020/03/16/000000002.shtml`;
// corpus people-2 (GB2312 bytes): a 人民日报 04版 reprint, at its real address (its credit gives the print edition)
const PEOPLE_HOST = 'finance.people.com.cn';
const PEOPLE2_URL = `http://${PEOPLE_HOST}/n1/2024/0510/c1004-40232587.html`;
const routes = {
  ...ROUTES,
  '/n1/2024/0510/c1004-40232587.html': {
    file: 'test/fixtures/corpus/pages/people-2.html',
    contentType: 'text/html; charset=gbk',
  },
  '/c/7pplXmYoC6f': { file: 'test/fixtures/corpus/pages/ifeng-2.html', contentType: 'text/html; charset=utf-8' },
  '/system/2020/03/16/000000002.shtml': {
    file: 'test/fixtures/corpus/pages/gscn-2.html',
    contentType: 'text/html; charset=gbk',
  },
};
const SELECTION = '杭州市学军中学校长陈立群要退休了';

let server: PageServer;
let driver: Driver;
const tmp = mkdtempSync(join(tmpdir(), 'qingdu-notes-e2e-'));

beforeAll(async () => {
  server = await servePages(routes);
  driver = await launch({ extensionDir: distDir(), hosts: [GSCN_HOST, IFENG_HOST, PEOPLE_HOST], port: server.port });
});
afterAll(async () => {
  await driver?.close();
  await server?.close();
});

type StoredNote = {
  id: string;
  canonicalUrl: string;
  site: string;
  note: string;
  tags: string[];
  quotes: { text: string }[];
  article: { title: string };
};

/** Every stored note, read straight from IndexedDB in an extension page, sorted by URL. */
const stored = async (page: Page) =>
  (await page.evaluate(readStoredNotes<StoredNote>)).sort((a, b) => a.canonicalUrl.localeCompare(b.canonicalUrl));

/**
 * A UI string as this browser shows it: chrome.i18n in an extension page reads the same _locales files as the UI
 * (Chromium here runs en-US, Firefox zh-CN). Numbers are substituted like the page does.
 */
async function msg(page: Page, key: string, ...subs: (string | number)[]): Promise<string> {
  const text = await page.evaluate((k: string, s: string[]) => chrome.i18n.getMessage(k, s), key, subs.map(String));
  if (!text) throw new Error(`no message ${key} in _locales`);
  return text;
}

/** A message with any values in its placeholders, as a RegExp. */
async function msgPattern(page: Page, key: string): Promise<RegExp> {
  const text = await msg(page, key, ...Array(9).fill('\u0001'));
  return new RegExp(
    text
      .split('\u0001')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*'),
  );
}

/** A message with these values, as a RegExp that matches it exactly (anywhere in the text). */
const literal = async (page: Page, key: string, ...subs: (string | number)[]) =>
  new RegExp((await msg(page, key, ...subs)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

async function openTab(url: string): Promise<number> {
  const page = await driver.open(url);
  const tabId = await driver.tabId(page);
  await waitForContent(driver, tabId);
  return tabId;
}

async function savedFromPopup(tabId: number): Promise<Page> {
  const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.status[data-state="ready"]');
  return popup;
}

async function notesPage(): Promise<Page> {
  const page = await driver.openExtensionPage('src/notes/index.html', 'body[data-ready="true"]');
  await page.waitForSelector('.index-state[data-state="ready"]', { timeout: 60_000 });
  await captureDownloads(page);
  return page;
}

// Polling by interval, not requestAnimationFrame: background tabs (the two popups saving at once) render no frames.
async function search(page: Page, q: string): Promise<{ titles: string[]; marks: string[] }> {
  await page.$eval('#search', (e) => {
    (e as HTMLInputElement).value = '';
    e.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.type('#search', q);
  await page.waitForFunction(
    (q: string) =>
      (document.querySelector('#count') as HTMLElement | null)?.dataset.query === q &&
      (document.querySelector('#search') as HTMLInputElement).value === q,
    { timeout: 10_000, polling: 100 },
    q,
  );
  return page.evaluate(() => ({
    titles: [...document.querySelectorAll('#note-list li h2')].map((e) => e.textContent ?? ''),
    marks: [...document.querySelectorAll('#note-list mark')].map((e) => e.textContent ?? ''),
  }));
}

/** Wait for the page's notice to match; on timeout the error names what the notice said instead. */
const notice = (page: Page, re: RegExp) =>
  page
    .waitForFunction(
      (src: string) => new RegExp(src).test(document.querySelector('#notice')?.textContent ?? ''),
      { timeout: 20_000, polling: 100 },
      re.source,
    )
    .catch(async () => {
      throw new Error(
        `notice ${re} not shown; it says: ${await page.$eval('#notice', (e) => e.textContent).catch(() => '(none)')}`,
      );
    });

it('assigns the save-note shortcut (commands.getAll)', async () => {
  const cmds = await driver.background(() => chrome.commands.getAll());
  expect(cmds.find((c) => c.name === 'save-note')?.shortcut).toMatch(/^(Alt\+Shift\+K|⌥⇧K)$/);
});

it('saves from the popup and the context menu, searches in Chinese, edits, exports, clears, imports identical notes, filters, deletes with undo', async () => {
  const gscnTab = await openTab(PAGES.gscn1.url);
  const popup = await savedFromPopup(gscnTab);
  await popup.click('#btn-save');
  await popup.waitForFunction(() => /已保存|Saved/.test(document.querySelector('.notice')?.textContent ?? ''), {
    polling: 100,
  });
  // Saving again updates and says so.
  await popup.click('#btn-save');
  await popup.waitForFunction(() => /已更新|updated/.test(document.querySelector('.notice')?.textContent ?? ''), {
    polling: 100,
  });
  await popup.close();

  const ifengTab = await openTab(IFENG_URL);
  const menu = await driver.background(
    (tabId: number, text: string) =>
      (
        globalThis as unknown as {
          qingduNotesTestHooks: {
            menuClick(id: string, t: number, s: string): Promise<{ ok: boolean; value?: { status: string } }>;
          };
        }
      ).qingduNotesTestHooks.menuClick('qingdu-save-selection', tabId, text),
    ifengTab,
    SELECTION,
  );
  expect(menu).toMatchObject({ ok: true, value: { status: 'created' } });

  const page = await notesPage();
  const total2 = await msg(page, 'notesTotal', 2);
  expect(await page.$eval('#count', (e) => e.textContent)).toBe(total2);
  // Titles as extracted (the extraction engine's work; compared with the stored note, not the corpus label).
  const gscnTitle = (await stored(page)).find((n) => n.canonicalUrl.includes('gscn'))!.article.title;
  const hit = await search(page, '齿轮厂');
  expect(hit.titles).toEqual([gscnTitle]);
  expect(hit.marks).toContain('齿轮厂');
  // Typed in traditional characters: the simplified form is searched too, and highlighted.
  const traditional = await search(page, '齒輪廠');
  expect(traditional.titles).toEqual([gscnTitle]);
  expect(traditional.marks).toContain('齿轮厂');
  const quoteHit = await search(page, '学军中学');
  expect(quoteHit.titles.length).toBe(1);
  expect(quoteHit.marks).toContain('学军中学');
  const before0 = await stored(page);
  expect(before0.find((n) => n.canonicalUrl.includes('ifeng'))!.quotes.map((q) => q.text)).toEqual([SELECTION]);

  // Edit the note and tags of the gscn-1 note.
  await search(page, '齿轮厂');
  await page.click('#note-list li');
  await page.waitForSelector('#note-text');
  await page.type('#note-text', '兰州工业史料，待引用');
  await page.$eval('#note-tags', (e) => {
    (e as HTMLInputElement).value = '';
  });
  await page.type('#note-tags', '工业，甘肃');
  await page.click('#note-save');
  await notice(page, await literal(page, 'notesSaved'));
  const before = await stored(page);
  const g = before.find((n) => n.canonicalUrl.includes('gscn'))!;
  expect(g.note).toBe('兰州工业史料，待引用');
  expect(g.tags).toEqual(['工业', '甘肃']);
  // The saved body is shown sanitized and contains the article text.
  expect(await page.$eval('.note-view .body', (e) => e.textContent)).toContain('齿轮厂');
  // The view re-renders after the save (new updatedAt): click through the DOM, not a held element handle.
  await page.$eval('#note-close', (e) => (e as HTMLButtonElement).click());
  await page.waitForSelector('#note-list');

  // Citation and Markdown exports of the notes shown (all of them once the search box is empty).
  await page.$eval('#search', (e) => {
    (e as HTMLInputElement).value = '';
    e.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(
    (t: string) => document.querySelector('#count')?.textContent === t,
    { polling: 100 },
    total2,
  );
  // A format is chosen on #cite-format and exported by the #export-cite button (choosing alone downloads nothing).
  for (const format of ['bibtex', 'ris', 'csl-json']) {
    await page.select('#cite-format', format);
    await page.click('#export-cite');
    await notice(page, await literal(page, 'notesExportedCitations', 2, format));
  }
  await page.click('#export-md');
  await notice(page, await literal(page, 'notesExportedMarkdown', 2));
  const [bib, ris, csl, zip] = await takeDownloads(page, 4);
  expect(bib.name).toMatch(/\.bib$/);
  expect(bib.text).toMatch(/^@online\{/m);
  expect(ris.text).toContain('Y2  - ');
  expect(bib.text.match(/^@/gm)?.length).toBe(2);
  expect(ris.text.match(/^TY {2}- /gm)?.length).toBe(2);
  const prefix = await msg(page, 'notesFilePrefix');
  expect(zip.name.startsWith(`${prefix}-`) && zip.name.endsWith('.zip')).toBe(true);

  // Export JSON, clear, import: identical notes back.
  await page.click('#export-json');
  await notice(page, await literal(page, 'notesExportedJson', 2));
  const [file] = await takeDownloads(page);
  expect(file.name.slice(prefix.length)).toMatch(/^-\d{4}-\d\d-\d\d-backup\.json$/);
  // The CSL-JSON export has a name of its own, so it never replaces the backup in a downloads folder.
  expect(csl.name).toBe(file.name.replace(/-backup\.json$/, '-csl.json'));
  expect(file.name.startsWith(prefix)).toBe(true);
  await page.click('#clear');
  await page.click('#clear-confirm');
  await notice(page, await literal(page, 'notesCleared', 2));
  expect(await stored(page)).toEqual([]);
  const good = join(tmp, 'notes.json');
  writeFileSync(good, file.text);
  const input = await page.$('#import-file');
  await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(good);
  await page.waitForSelector('#import-summary');
  expect(await page.$eval('#import-summary', (e) => e.textContent?.trim())).toBe(
    await msg(page, 'notesImportSummary', 2, 2, 0),
  );
  await page.click('#import-confirm');
  await notice(page, await literal(page, 'notesImported', 2, 0, 0));
  expect(await stored(page)).toEqual(before);
  expect((await search(page, '齿轮厂')).titles).toEqual([gscnTitle]);

  // Filters: by tag, by site, by a date range that excludes everything.
  await page.$eval('#search', (e) => {
    (e as HTMLInputElement).value = '';
    e.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(
    (t: string) => document.querySelector('#count')?.textContent === t,
    { polling: 100 },
    total2,
  );
  const rows = () => page.$$eval('#note-list li h2', (es) => es.map((e) => e.textContent));
  await page.select('#filter-tag', '工业');
  await page.waitForFunction(() => document.querySelectorAll('#note-list li').length === 1, { polling: 100 });
  expect(await rows()).toEqual([gscnTitle]);
  await page.select('#filter-tag', '');
  await page.waitForFunction(() => document.querySelectorAll('#note-list li').length === 2, { polling: 100 });
  const ifeng = before.find((n) => n.canonicalUrl.includes('ifeng'))!;
  await page.select('#filter-site', ifeng.site);
  await page.waitForFunction(() => document.querySelectorAll('#note-list li').length === 1, { polling: 100 });
  expect(await rows()).toEqual([ifeng.article.title]);
  await page.select('#filter-site', '');
  await page.waitForFunction(() => document.querySelectorAll('#note-list li').length === 2, { polling: 100 });
  await page.$eval('#filter-to', (e) => {
    (e as HTMLInputElement).value = '2000-01-01';
    e.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelectorAll('#note-list li').length === 0, { polling: 100 });
  await page.$eval('#filter-to', (e) => {
    (e as HTMLInputElement).value = '';
    e.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelectorAll('#note-list li').length === 2, { polling: 100 });

  // Delete with undo gives back the identical note.
  await page.$eval('#note-list li', (e) => (e as HTMLElement).click());
  await page.waitForSelector('#note-delete');
  await page.$eval('#note-delete', (e) => (e as HTMLButtonElement).click());
  await notice(page, await msgPattern(page, 'notesDeleted'));
  expect((await stored(page)).length).toBe(1);
  await page.$eval('#undo', (e) => (e as HTMLButtonElement).click());
  await notice(page, await msgPattern(page, 'notesRestored'));
  expect(await stored(page)).toEqual(before);

  // A truncated file is refused with a message; the library does not change.
  const bad = join(tmp, 'truncated.json');
  writeFileSync(bad, file.text.slice(0, Math.floor(file.text.length * 0.6)));
  await ((await page.$('#import-file')) as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(bad);
  await notice(page, await msgPattern(page, 'importTruncated'));
  expect(await page.$eval('#notice', (e) => e.getAttribute('role'))).toBe('alert');
  expect(await page.$('#import-summary')).toBeNull();
  expect(await stored(page)).toEqual(before);

  // A CSL-JSON export is refused as what it is.
  const cslFile = join(tmp, csl.name);
  writeFileSync(cslFile, csl.text);
  await ((await page.$('#import-file')) as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(cslFile);
  await notice(page, await msgPattern(page, 'importCslJson'));
  expect(await page.$('#import-summary')).toBeNull();
  expect(await stored(page)).toEqual(before);
  await page.close();
});

it('the popup opens the notes library in a new tab (打开笔记)', async () => {
  const tab = await openTab(PAGES.gscn1.url);
  const popup = await savedFromPopup(tab);
  expect(await popup.$eval('#open-notes', (e) => e.textContent)).toBe(await msg(popup, 'popupOpenNotes'));
  await popup.$eval('#open-notes', (e) => (e as HTMLAnchorElement).click());
  // The new tab is found among the extension's own views (Firefox's BiDi reports extension pages as about:blank).
  const notesTab = await popup.waitForFunction(
    () => {
      const w = chrome.extension.getViews({ type: 'tab' }).find((v) => v.location.pathname === '/src/notes/index.html');
      return (
        w?.document.body?.dataset.ready === 'true' && {
          title: w.document.title,
          h1: w.document.querySelector('h1')?.textContent,
        }
      );
    },
    { timeout: 10_000, polling: 100 },
  );
  const shown = (await notesTab.jsonValue()) as { title: string; h1: string };
  const title = await msg(popup, 'notesPageTitle');
  expect(shown).toMatchObject({ title, h1: title });
  await popup.evaluate(async () => {
    const w = chrome.extension.getViews({ type: 'tab' }).find((v) => v.location.pathname === '/src/notes/index.html')!;
    const t = await (w as unknown as { chrome: typeof chrome }).chrome.tabs.getCurrent();
    await chrome.tabs.remove(t!.id!);
  });
  await popup.close();
});

it('two tabs saving at once both get saved', async () => {
  const tabA = await openTab(PAGES.gscn2Header.url);
  const tabB = await openTab(GSCN2_URL);
  const [a, b] = [await savedFromPopup(tabA), await savedFromPopup(tabB)];
  const page = await notesPage();
  const count = (await stored(page)).length;
  // DOM clicks (puppeteer's mouse click waits for a frame, which background tabs do not render).
  await Promise.all(
    [a, b].map((p) => p.evaluate(() => (document.querySelector('#btn-save') as HTMLButtonElement).click())),
  );
  for (const p of [a, b]) {
    await p.waitForFunction(() => !!document.querySelector('.notice')?.textContent, { polling: 100 });
    expect(await p.$eval('.notice', (e) => e.textContent)).toMatch(/已保存|已更新|Saved|updated/);
  }
  const urls = (await stored(page)).map((n) => n.canonicalUrl);
  expect(urls.length).toBe(count + 2);
  expect(urls).toEqual(expect.arrayContaining([PAGES.gscn2Header.url, GSCN2_URL]));
  await Promise.all([a.close(), b.close(), page.close()]);
});

it('the save-note command saves the active article and refuses a channel page', async () => {
  type Hooks = {
    qingduNotesTestHooks: {
      command(c: string, t: number): Promise<{ ok: boolean; code?: string; value?: { status: string } }>;
    };
  };
  const run = (tabId: number) =>
    driver.background(
      (id: number) => (globalThis as unknown as Hooks).qingduNotesTestHooks.command('save-note', id),
      tabId,
    );
  const list = await openTab(PAGES.gscn3.url);
  expect(await run(list)).toMatchObject({ ok: false, code: 'no-article' });
  const article = await openTab(PAGES.gscn1.url);
  expect(await run(article)).toMatchObject({ ok: true, value: { status: 'updated' } });
  expect(await driver.background((id: number) => chrome.action.getBadgeText({ tabId: id }), article)).toBe('✓');
});

it('a saved page cannot run script in the notes page (no handler runs, none even reaches CSP)', async () => {
  const page = await notesPage();
  // Every CSP violation and console error of the page: an inline handler that CSP blocks was still live in our DOM.
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /inline|Content.Security|script-src|CSP/i.test(m.text())) problems.push(m.text());
  });
  await page.evaluate(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        (window as unknown as { __csp: string[] }).__csp.push(
          `${e.violatedDirective} ${e.sourceFile}:${e.lineNumber} ${document.querySelector('.note-view h1')?.textContent}`,
        ),
      true,
    );
  });
  const bodies = [
    '<p>恶意页面</p><img src="x" onerror="window.pwned=1"><script>window.pwned=2</script><a href="javascript:window.pwned=3">链接</a><iframe src="javascript:parent.pwned=4"></iframe>',
    '<p>恶意页面</p><details open ontoggle="window.pwned=5"><summary>s</summary>d</details>',
    '<p>恶意页面</p><svg><animate onbegin="window.pwned=6" attributeName="x" dur="1s"></animate></svg>',
    '<p>恶意页面</p><video><source src="x" onerror="window.pwned=7"></video>',
    '<p>恶意页面</p><img src=x onerror="window.pwned=8"><body onload="window.pwned=9">',
  ];
  for (const [i, contentHtml] of bodies.entries()) {
    const r = await page.evaluate(
      (html: string, n: number) =>
        chrome.runtime.sendMessage({
          name: 'notesSave',
          data: {
            article: {
              isArticle: true,
              confidence: 1,
              url: `http://evil.example/x${n}`,
              canonicalUrl: null,
              siteName: 'evil',
              title: `脚本注入测试${n}`,
              published: null,
              source: null,
              authors: [],
              editors: [],
              section: [],
              lang: 'zh-CN',
              excerpt: '',
              contentHtml: html,
              textContent: '恶意页面',
              charCount: 4,
              readingMinutes: 1,
              images: [],
              rule: 'generic',
              nextPageUrl: null,
            },
          },
        }),
      contentHtml,
      i,
    );
    expect(r).toMatchObject({ ok: true });
  }
  for (const i of bodies.keys()) {
    await search(page, `脚本注入测试${i}`);
    await page.waitForFunction(
      (t: string) =>
        [...document.querySelectorAll('#note-list li')].some((li) => li.querySelector('h2')?.textContent === t),
      {},
      `脚本注入测试${i}`,
    );
    await page.evaluate(
      (t: string) =>
        [...document.querySelectorAll<HTMLElement>('#note-list li')]
          .find((li) => li.querySelector('h2')?.textContent === t)!
          .click(),
      `脚本注入测试${i}`,
    );
    await page.waitForFunction(
      (t: string) => document.querySelector('.note-view h1')?.textContent === t,
      {},
      `脚本注入测试${i}`,
    );
    await page.click('.note-view .body img').catch(() => undefined);
    await page.click('.note-view .body a').catch(() => undefined);
    await new Promise((res) => setTimeout(res, 500));
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    const body = await page.$eval('.note-view .body', (e) => e.innerHTML);
    expect(body).not.toMatch(/\bon[a-z]+=|<script|javascript:|<iframe/);
    await page.click('#note-close');
  }
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
});

it('a reprint saved from the popup keeps its print edition: 导出引文 and 复制引用 cite it as [N] with the 版次', async () => {
  const tabId = await openTab(PEOPLE2_URL);
  const popup = await savedFromPopup(tabId);
  await popup.click('#btn-save');
  await popup.waitForFunction(
    () => /已保存|已更新|Saved|updated/.test(document.querySelector('.notice')?.textContent ?? ''),
    {
      polling: 100,
    },
  );
  await popup.close();
  const page = await notesPage();
  type WithPrint = StoredNote & { printEdition?: unknown; article: { title: string; textContent: string } };
  const note = ((await stored(page)) as WithPrint[]).find((n) => n.canonicalUrl === PEOPLE2_URL)!;
  expect(note.printEdition).toEqual({ newspaper: '人民日报', date: '2024-05-10', page: '04' });

  // 导出引文 of the one note shown: a newspaper article in 人民日报, page 04
  expect((await search(page, '中部地区崛起')).titles).toEqual([note.article.title]);
  for (const format of ['ris', 'csl-json']) {
    await page.select('#cite-format', format);
    await page.click('#export-cite');
    await notice(page, await literal(page, 'notesExportedCitations', 1, format));
  }
  const [ris, csl] = await takeDownloads(page, 2);
  expect(ris.text).toMatch(/^TY {2}- NEWS\n/);
  expect(ris.text).toMatch(/\nT2 {2}- 人民日报\n[\s\S]*\nSP {2}- 04\n/);
  expect(JSON.parse(csl.text)[0]).toMatchObject({
    type: 'article-newspaper',
    'container-title': '人民日报',
    page: '04',
  });

  // 复制引用 of a highlight: the GB/T 7714 reference is the printed article's, [N] with the date and 版次
  const exact = note.article.textContent.slice(0, 10);
  const added = await page.evaluate(
    (article: unknown, exact: string) =>
      chrome.runtime.sendMessage({
        name: 'annotationAdd',
        data: {
          article,
          annotation: {
            bodyValue: '',
            color: 'yellow',
            target: {
              selector: [
                { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
                { type: 'TextPositionSelector', start: 0, end: exact.length },
              ],
            },
          },
        },
      }),
    note.article,
    exact,
  );
  expect(added).toMatchObject({ ok: true, value: { status: 'updated' } });
  await page.evaluate(() => {
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void w.copied.push(t) } });
  });
  await page.click('#note-list li button.open-note');
  await page.waitForSelector('.annotation .annotation-cite');
  await page.click('.annotation .annotation-cite');
  await page.waitForFunction(() => (window as unknown as { copied: string[] }).copied.length > 0, { polling: 100 });
  const [copied] = await page.evaluate(() => (window as unknown as { copied: string[] }).copied);
  expect(copied).toBe(`“${exact}”\n[1] 王乐文, 方敏. ${note.article.title}[N]. 人民日报, 2024-05-10(04).`);
  mkdirSync(`test-results/${browserKind()}`, { recursive: true });
  await page.screenshot({ path: `test-results/${browserKind()}/notes-print-edition.png` });
  await page.close();
});

declare const chrome: {
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  i18n: { getMessage(key: string, subs?: string[]): string };
  extension: { getViews(p: { type: 'tab' }): Window[] };
  tabs: { getCurrent(): Promise<{ id?: number } | undefined>; remove(id: number): Promise<void> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};
