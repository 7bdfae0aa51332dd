import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { distDir, launch, type Driver } from '../../scripts/lib/browser';
import { servePages, type PageServer, type Route } from '../../scripts/lib/page-server';
import { askContent, waitForContent } from '../../scripts/lib/extension-probe';
import { HUGE_HOST, hugePages, hugeUrl, type HugePage } from '../../scripts/lib/huge-pages';
import { parseDocument } from '../../src/cli/dom';
import { extractArticle } from '../../src/extract/index';
import { GSCN_HOST, PAGES, ROUTES } from './fixtures';
import { badgeText, markerVisibility } from './page-probe';

// Page load carries only stage one (the badge and the declutter); stage two (src/content/complete-part.ts) is loaded
// on the first request. Huge pages (scripts/lib/huge-pages.ts) within the element limit are analysed whole: counts
// here, timings in `npm run bench:huge`.
let server: PageServer;
let driver: Driver;
let dir: string;
const HUGE = Object.fromEntries(hugePages().map((p) => [p.name, p])) as Record<string, HugePage>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qingdu-huge-test-'));
  const routes: Record<string, Route> = { ...ROUTES };
  for (const p of Object.values(HUGE)) {
    const file = join(dir, `${p.name}.html`);
    writeFileSync(file, p.html);
    const u = new URL(hugeUrl(p));
    routes[u.pathname + u.search] = { file, contentType: 'text/html; charset=utf-8' };
  }
  server = await servePages(routes);
  driver = await launch({ extensionDir: distDir(), hosts: [GSCN_HOST, HUGE_HOST], port: server.port });
});

afterAll(async () => {
  await driver?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Open `url` and wait until page load is done (`qingdu:done`). */
async function loaded(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await driver.open(url);
  const tabId = await driver.tabId(page);
  await waitForContent(driver, tabId, 120_000);
  const end = Date.now() + 120_000;
  while (!(await page.evaluate(() => performance.getEntriesByName('qingdu:done').length > 0))) {
    if (Date.now() > end) throw new Error(`${url}: page load did not finish`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { page, tabId };
}

/** How often the content script has asked for a part (`qingdu:part:<name>` marks, src/content/timing.ts mark). */
const partLoads = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(`qingdu:part:${n}`).length, name);

/** Page load's phases (`qingdu:<phase>` measures), by name. */
const phaseNames = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('qingdu:'))
      .map((m) => m.name.slice('qingdu:'.length)),
  );

interface ArticleShape {
  isArticle: boolean;
  title: string;
  published: string | null;
  source: string | null;
  authors: string[];
  editors: string[];
  section: string[];
  charCount: number;
  textContent: string;
  contentHtml: string;
  images: unknown[];
}

const paragraphCount = (a: ArticleShape | null) => (a?.contentHtml.match(/<p[ >]/g) ?? []).length;

it('the first request after page load returns the full Article, stage two loaded only then (gscn-1)', async () => {
  const { page, tabId } = await loaded(PAGES.gscn1.url);
  try {
    expect(await askContent(driver, tabId, 'status')).toMatchObject({ isArticle: true, declutter: true });
    expect(await partLoads(page, 'complete')).toBe(0); // page load did not load stage two
    const article = await askContent<ArticleShape>(driver, tabId, 'getArticle');
    expect(await partLoads(page, 'complete')).toBe(1);
    // the very Article the CLI's engine gives for the same page and address
    const html = readFileSync('test/fixtures/corpus/pages/gscn-1.html', 'utf8');
    const expected = extractArticle(parseDocument(html, PAGES.gscn1.url), PAGES.gscn1.url);
    for (const field of ['isArticle', 'title', 'published', 'source', 'authors', 'editors', 'section'] as const)
      expect(article[field], field).toEqual(expected[field]);
    expect(article.textContent).toBe(expected.textContent);
    expect(article.charCount).toBe(expected.charCount);
    // asked again: the cached Article, no second load
    await askContent(driver, tabId, 'getArticle');
    expect(await partLoads(page, 'complete')).toBe(1);
  } finally {
    await page.close();
  }
});

/**
 * Huge pages whose body the density pass (src/extract/body.ts) does not find: it takes the giant table's rows, and the
 * comment list, for the body (found with this test; body choice, not page-load cost). Page load still analyses them
 * whole and declutters; the Article then decides, and the status follows it.
 */
const BODY_MISSED = new Set(['table', 'comments']);

describe.each(['long-zh', 'small-nodes', 'deep', 'table', 'comments'])('huge page %s', (name) => {
  it('is analysed whole at page load: badge, declutter, every phase; the Article keeps every paragraph', async () => {
    const p = HUGE[name];
    const { page, tabId } = await loaded(hugeUrl(p));
    try {
      const status = await askContent<{ isArticle: boolean; declutter: boolean; unreadable?: string }>(
        driver,
        tabId,
        'status',
      );
      expect(status).toMatchObject({ isArticle: true, declutter: true });
      expect(status.unreadable).toBeUndefined();
      const phases = await phaseNames(page);
      expect(phases.filter((n) => n === 'limits')).toHaveLength(1);
      // the body pass and the declutter run in slices (src/content/timing.ts sliced): one measure or more each
      for (const phase of ['body', 'declutter'])
        expect(phases.filter((n) => n === phase).length, phase).toBeGreaterThan(0);
      for (const v of await markerVisibility(page, ['精彩推荐', '分享到']))
        expect(v, v.marker).toEqual({ marker: v.marker, found: true, visible: false });
      expect(await badgeText(driver, tabId)).not.toBe('');
      const article = await askContent<ArticleShape>(driver, tabId, 'getArticle');
      if (BODY_MISSED.has(name)) {
        expect(await askContent(driver, tabId, 'status')).toMatchObject({ isArticle: article.isArticle });
        return;
      }
      expect(article.isArticle).toBe(true);
      expect(paragraphCount(article)).toBe(p.paragraphs);
    } finally {
      await page.close();
    }
  });
});

it('a huge page only Readability reads (long-en): Readability waits for the first request, which finds the article and sets the badge', async () => {
  const { page, tabId } = await loaded(hugeUrl(HUGE['long-en']));
  try {
    expect(await askContent(driver, tabId, 'status')).toMatchObject({ isArticle: false, declutter: false });
    expect(await phaseNames(page)).not.toContain('readability');
    expect(await partLoads(page, 'readability')).toBe(0);
    const article = await askContent<ArticleShape>(driver, tabId, 'getArticle');
    expect(article.isArticle).toBe(true);
    expect(paragraphCount(article)).toBe(20_000);
    expect(await partLoads(page, 'readability')).toBe(1);
    expect(await askContent(driver, tabId, 'status')).toMatchObject({ isArticle: true });
    let badge = await badgeText(driver, tabId);
    for (let i = 0; i < 20 && badge === ''; i++)
      badge = await new Promise((ok) => setTimeout(ok, 100)).then(() => badgeText(driver, tabId));
    expect(badge).not.toBe('');
  } finally {
    await page.close();
  }
});
