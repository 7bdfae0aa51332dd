import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { browserKind, distDir, launch, type Driver } from '../../scripts/lib/browser';
import { servePages, type PageServer } from '../../scripts/lib/page-server';
import { askContent, waitForContent } from '../../scripts/lib/extension-probe';
import { markerVisibility, navigateInPage, textVisible } from './page-probe';

// Single-page sites from the break-it trial (test/fixtures/breakit/README.md), in the real browser: the
// declutter must follow a body container the page replaces, and the Article must follow history.pushState.
const HOST = 'www.chinanews.com.cn';
const html = { contentType: 'text/html; charset=utf-8' };
const PAGES = {
  rerender: '/gn/2024/03-15/10061006.shtml',
  lateReplace: '/gn/2024/03-15/10071007.shtml',
  navigate: '/gn/2024/03-15/10081008.shtml',
  lateWidget: '/gn/2024/03-17/10091009.shtml',
  secondBody: '/gn/2024/03-17/10101010.shtml',
  clobber: '/gn/2024/03-18/10111011.shtml',
};
const ROUTES = {
  [PAGES.rerender]: { file: 'test/fixtures/breakit/spa-rerender.html', ...html },
  [PAGES.lateReplace]: { file: 'test/fixtures/breakit/spa-late-replace.html', ...html },
  [PAGES.navigate]: { file: 'test/fixtures/breakit/spa-navigate.html', ...html },
  [PAGES.lateWidget]: { file: 'test/fixtures/breakit/late-widget.html', ...html },
  [PAGES.secondBody]: { file: 'test/fixtures/breakit/second-body.html', ...html },
  [PAGES.clobber]: { file: 'test/fixtures/breakit/clobber-en.html', ...html },
};
const CLUTTER = ['精彩推荐', '新闻排行', '关注我们'];
let server: PageServer;
let driver: Driver;

beforeAll(async () => {
  server = await servePages(ROUTES);
  driver = await launch({ extensionDir: distDir(), hosts: [HOST], port: server.port });
});

afterAll(async () => {
  await driver?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await driver.open(`http://${HOST}${path}`);
  const tabId = await driver.tabId(page);
  await waitForContent(driver, tabId);
  return { page, tabId };
}

it('declutters a page that re-renders its body container while it loads', async () => {
  const { page, tabId } = await open(PAGES.rerender);
  try {
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true, { timeout: 15_000 });
    expect(await askContent(driver, tabId, 'status')).toMatchObject({ isArticle: true, declutter: true });
    for (const v of await markerVisibility(page, CLUTTER))
      expect(v, v.marker).toMatchObject({ found: true, visible: false });
    expect(await textVisible(page, '今年全省计划新建高标准农田三百万亩')).toBe(true);
  } finally {
    await page.close();
  }
});

it('declutters again after the page replaced its body container (popup toggle off and on)', async () => {
  const { page, tabId } = await open(PAGES.lateReplace);
  try {
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true, { timeout: 15_000 });
    const set = (on: boolean) =>
      driver.background(
        (id: number, v: boolean) =>
          chrome.tabs.sendMessage(id, { name: 'setDeclutter', data: { on: v } }, { frameId: 0 }),
        tabId,
        on,
      );
    expect(await set(false)).toBe(false);
    expect(await set(true)).toBe(true);
    for (const v of await markerVisibility(page, CLUTTER))
      expect(v, v.marker).toMatchObject({ found: true, visible: false });
    expect(await textVisible(page, '今年全省计划新建高标准农田三百万亩')).toBe(true);
  } finally {
    await page.close();
  }
});

// Page load reads the page's text once (the body pass gathers the marker texts; scripts/bench.ts): what the page does
// between that pass and the declutter must not change what is hidden (review and break-it trial of that change). Each
// page acts in that gap; `body` is the id of document.body afterwards.
const IN_THE_GAP = [
  {
    name: 'hides a widget the page injects between the body pass and the declutter',
    path: PAGES.lateWidget,
    body: '',
    hidden: ['精彩推荐', '猜你喜欢', '相关新闻'],
  },
  {
    name: 'hides the clutter of a second <body> that becomes document.body between the body pass and the declutter',
    path: PAGES.secondBody,
    body: 'b2',
    hidden: ['精彩推荐', '相关新闻'],
  },
];
for (const c of IN_THE_GAP) {
  it(c.name, async () => {
    const { page, tabId } = await open(c.path);
    try {
      await page.waitForFunction(() => (window as unknown as { __injected?: unknown }).__injected !== false, {
        timeout: 15_000,
      });
      expect(
        await page.evaluate(() => [(window as unknown as { __injected?: unknown }).__injected, document.body.id]),
      ).toEqual([true, c.body]);
      expect(await askContent(driver, tabId, 'status')).toMatchObject({ isArticle: true, declutter: true });
      for (const v of await markerVisibility(page, c.hidden))
        expect(v, v.marker).toMatchObject({ found: true, visible: false });
      expect(await textVisible(page, '兰州新区管委会获悉')).toBe(true);
    } finally {
      await page.close();
    }
  });
}

it('gives the Article of the page now shown, with its URL, after history.pushState', async () => {
  const { page, tabId } = await open(PAGES.navigate);
  try {
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true, { timeout: 15_000 });
    const a = await askContent<{ url: string; title: string; textContent: string }>(driver, tabId, 'getArticle');
    expect(a.url).toBe(`http://${HOST}/gn/2024/03-16/2001.shtml`);
    expect(a.title).toBe('兰州开展春季市容环境综合整治行动');
    expect(a.textContent).toContain('3月16日，兰州市城市管理部门发布消息');
    expect(a.textContent).not.toContain('高标准农田');
  } finally {
    await page.close();
  }
});

declare const chrome: {
  tabs: { sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown> };
};

it('a page that names elements after our globals (__qingdu, __qingduParts, __qingduContentLoaded) cannot turn Qingdu off', async () => {
  const { page, tabId } = await open(PAGES.clobber);
  try {
    const s = await waitForContent(driver, tabId);
    expect(s).toMatchObject({ isArticle: true, declutter: true });
    const article = await askContent<{ isArticle: boolean; title: string; textContent: string }>(
      driver,
      tabId,
      'getArticle',
    );
    expect(article).toMatchObject({ isArticle: true, title: 'River towns rebuild their old ferry landings' });
    expect(article.textContent).toContain('the first regular crossings to begin in June');
  } finally {
    await page.close();
  }
});

it('when the Readability part cannot be loaded after a single-page navigation, the page is no article (an answer, not an error)', async () => {
  // The background's executeScript refuses the part (as a browser that blocks the injection would).
  const patch = (on: boolean) =>
    driver.background(
      async (kind: string, enable: boolean) => {
        type ExecuteScript = (o: { files?: string[] }) => Promise<unknown>;
        type Scripting = { executeScript: ExecuteScript; __original?: ExecuteScript };
        type Globals = {
          browser: { runtime: { getBackgroundPage(): Promise<Globals> }; scripting: Scripting };
          chrome: { scripting: Scripting };
        };
        const g = globalThis as unknown as Globals;
        const bg = kind === 'firefox' ? await g.browser.runtime.getBackgroundPage() : g;
        const ns = kind === 'firefox' ? bg.browser.scripting : bg.chrome.scripting;
        if (enable) {
          const original = (ns.__original ??= ns.executeScript);
          ns.executeScript = (o: { files?: string[] }) =>
            o.files?.[0]?.includes('readability')
              ? Promise.reject(new Error('refused by the test'))
              : original.call(ns, o);
        } else if (ns.__original) ns.executeScript = ns.__original;
      },
      browserKind(),
      on,
    );
  const { page, tabId } = await open(PAGES.navigate);
  try {
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true, { timeout: 15_000 });
    expect(await askContent(driver, tabId, 'status')).toMatchObject({ isArticle: true });
    await patch(true);
    // the page shows an English text under a new URL: only Readability could read it
    const english = readFileSync('test/fixtures/breakit/clobber-en.html', 'utf8');
    const body = english.slice(english.indexOf('<article>'), english.indexOf('</article>') + '</article>'.length);
    await navigateInPage(page, { html: body, path: '/gn/2024/03-18/10121012.shtml' });
    expect(await askContent(driver, tabId, 'status')).toMatchObject({ isArticle: false, declutter: false });
    expect(await askContent<{ isArticle: boolean }>(driver, tabId, 'getArticle')).toBeNull();
  } finally {
    await patch(false);
    await page.close();
  }
});
