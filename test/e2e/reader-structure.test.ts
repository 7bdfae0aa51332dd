import { mkdirSync } from 'node:fs';
import { toggleReader } from './commands';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { browserKind, distDir, launch, type Driver } from '../../scripts/lib/browser';
import { servePages, type PageServer } from '../../scripts/lib/page-server';
import { waitForContent } from '../../scripts/lib/extension-probe';
import { corpusArticles, corpusRoutes } from './reader-pages';

// The reader's typography and structure in a real browser, measured on rendered pixels (screenshots decoded in a
// canvas), not on CSS values: bold title, subheads and <strong> carry more ink than the same text at weight 400; the
// sans, serif and 楷体 choices render different glyphs; people-2's three subheads are headings with a table of
// contents that scrolls to them; the meta line gives the reading time; `c` cites people-2's print edition. (Read
// anyway: test/e2e/read-anyway.test.ts.)
// Needs fonts-noto-cjk and fonts-lxgw-wenkai (.ci/run). Screenshots: test-results/<browser>/reader-*.png.
const OUT = `test-results/${browserKind()}`;
const PAGES = corpusArticles(['people-2']);
const PEOPLE = PAGES[0];
let server: PageServer;
let driver: Driver;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await servePages(corpusRoutes(PAGES));
  driver = await launch({ extensionDir: distDir(), hosts: [PEOPLE.host], port: server.port });
});

afterAll(async () => {
  await driver?.close();
  await server?.close();
});

async function openReader(url: string, ready = '.qd-article'): Promise<{ page: Page; tabId: number }> {
  const page = await driver.open(url);
  const tabId = await driver.tabId(page);
  await waitForContent(driver, tabId);
  await page.bringToFront();
  await toggleReader(driver, tabId);
  await page.waitForFunction(
    (s: string) => !!document.getElementById('qingdu-reader')?.shadowRoot?.querySelector(s),
    {},
    ready,
  );
  return { page, tabId };
}

/** Run `fn(root, arg)` in the page with the reader's shadow root. */
function inReader<T, A = undefined>(page: Page, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T> {
  const root = `document.getElementById('qingdu-reader').shadowRoot`;
  return page.evaluate(`(${fn.toString()})(${root}, ${JSON.stringify(arg ?? null)})`) as Promise<T>;
}

/** The box of the first element matching `sel` in the reader, scrolled into view. */
async function boxOf(page: Page, sel: string) {
  return inReader(
    page,
    (root, s: string) => {
      const el = root.querySelector<HTMLElement>(s)!;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: Math.floor(r.left), y: Math.floor(r.top), width: Math.ceil(r.width), height: Math.ceil(r.height) };
    },
    sel,
  );
}

/** Rendered pixels of the reader element `sel` (a screenshot of its box), as a base64 PNG. */
async function shot(page: Page, sel: string): Promise<string> {
  const clip = await boxOf(page, sel);
  return (await page.screenshot({ clip, encoding: 'base64' })) as string;
}

/** Decode PNGs in a canvas: dark pixels of each ("ink") and the share of pixels that differ between the first two. */
function pixels(page: Page, pngs: string[]): Promise<{ ink: number[]; differ: number }> {
  return page.evaluate(async (list: string[]) => {
    const data = await Promise.all(
      list.map(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        return g.getImageData(0, 0, c.width, c.height);
      }),
    );
    const dark = (d: ImageData, i: number) => d.data[i] + d.data[i + 1] + d.data[i + 2] < 384;
    const ink = data.map((d) => {
      let n = 0;
      for (let i = 0; i < d.data.length; i += 4) if (dark(d, i)) n++;
      return n;
    });
    let diff = 0;
    const [a, b] = data;
    const len = Math.min(a.data.length, b?.data.length ?? 0);
    for (let i = 0; i < len; i += 4) if (dark(a, i) !== dark(b, i)) diff++;
    return { ink, differ: len ? diff / (len / 4) : 0 };
  }, pngs);
}

describe('fonts and bold, measured on rendered pixels', () => {
  it('title, subheads and <strong> render bold; sans, serif and 楷体 render different glyphs', async () => {
    const { page } = await openReader(PEOPLE.url, '.qd-body h2');
    // bold: the same element at its own weight and at 400
    const weights: Record<string, number> = {};
    await inReader(page, (root) => {
      const p = document.createElement('p');
      p.innerHTML = '<strong id="qd-test-strong">粗体测试：扛稳粮食安全重任</strong>';
      root.querySelector('.qd-body')!.prepend(p);
    });
    for (const sel of ['.qd-title', '.qd-body h2', '#qd-test-strong']) {
      const bold = await shot(page, sel);
      await inReader(page, (root, s: string) => ((root.querySelector(s) as HTMLElement).style.fontWeight = '400'), sel);
      const regular = await shot(page, sel);
      await inReader(page, (root, s: string) => ((root.querySelector(s) as HTMLElement).style.fontWeight = ''), sel);
      const { ink } = await pixels(page, [bold, regular]);
      weights[sel] = ink[0] / ink[1];
    }
    console.log(`bold ink / regular ink (${browserKind()}): ${JSON.stringify(weights)}`);
    for (const r of Object.values(weights)) expect(r).toBeGreaterThan(1.15);
    await inReader(page, (root) => root.querySelector('#qd-test-strong')!.parentElement!.remove());
    await page.screenshot({ path: `${OUT}/reader-bold-subheads.png` });

    // fonts: the first paragraph under each choice of the font button
    const fonts: Record<string, string> = {};
    for (let i = 0; i < 3; i++) {
      const font = await inReader(page, (root) => (root.querySelector('.qd-overlay') as HTMLElement).dataset.font!);
      await page.evaluate(() => window.scrollTo(0, 0));
      await inReader(page, (root) => root.querySelector('.qd-overlay')!.scrollTo(0, 0));
      fonts[font] = await shot(page, '.qd-body p');
      await page.screenshot({ path: `${OUT}/reader-font-${font}.png` });
      await inReader(page, (root) => root.querySelector<HTMLElement>('button[data-action="font"]')!.click());
      await page.waitForFunction(
        (f: string) =>
          (document.getElementById('qingdu-reader')!.shadowRoot!.querySelector('.qd-overlay') as HTMLElement).dataset
            .font !== f,
        {},
        font,
      );
    }
    expect(Object.keys(fonts).sort()).toEqual(['kai', 'sans', 'serif']);
    const d = {
      'sans/serif': (await pixels(page, [fonts.sans, fonts.serif])).differ,
      'sans/kai': (await pixels(page, [fonts.sans, fonts.kai])).differ,
      'serif/kai': (await pixels(page, [fonts.serif, fonts.kai])).differ,
    };
    console.log(`font pixel difference (${browserKind()}): ${JSON.stringify(d)}`);
    for (const v of Object.values(d)) expect(v).toBeGreaterThan(0.03);
    await page.close();
  });
});

describe('structure', () => {
  it('people-2: subheads are headings with a table of contents that scrolls to them; reading time in the meta line', async () => {
    const { page } = await openReader(PEOPLE.url, '.qd-toc');
    const v = await inReader(page, (root) => ({
      headings: Array.from(root.querySelectorAll('.qd-body h2')).map((h) => h.textContent),
      toc: Array.from(root.querySelectorAll('.qd-toc button')).map((b) => b.textContent),
      minutes: root.querySelector('[data-field="readingMinutes"]')?.textContent ?? null,
    }));
    expect(v.headings.length).toBeGreaterThanOrEqual(3);
    expect(v.toc).toEqual(v.headings);
    expect(v.headings[0]).toBe('扛稳粮食安全重任，加快建设农业强省');
    expect(v.minutes).toMatch(/\d/);
    await page.screenshot({ path: `${OUT}/reader-toc.png` });
    await inReader(page, (root) => root.querySelectorAll<HTMLElement>('.qd-toc button')[2].click());
    await new Promise((r) => setTimeout(r, 300));
    const top = await inReader(page, (root) => root.querySelectorAll('.qd-body h2')[2].getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    await page.screenshot({ path: `${OUT}/reader-toc-jump.png` });
    await page.close();
  });

  it('people-2: c cites the printed article its credit names (人民日报 04 版) as GB/T 7714 [N]', async () => {
    const { page } = await openReader(PEOPLE.url);
    await page.keyboard.press('c');
    await page.waitForFunction(
      () =>
        /\[N\]/.test(
          document.getElementById('qingdu-reader')?.shadowRoot?.querySelector('.qd-toast')?.textContent ?? '',
        ),
      { timeout: 15_000 },
    );
    const toast = await inReader(page, (root) => root.querySelector('.qd-toast')!.textContent ?? '');
    expect(toast).toContain('[N]. 人民日报, 2024-05-10(04).');
    expect(toast).not.toContain('EB/OL');
    await page.close();
  });
});
