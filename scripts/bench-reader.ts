/**
 * `npm run bench:reader`: time from the reader command to the first paint of the article, in real Chromium with the
 * built extension (QINGDU_DIST, default dist), on every article page of the corpus (test/fixtures/corpus).
 *
 * Method, per page: a fresh tab loads the page from localhost under a manifest-matched host (its real host when the
 * label has a URL, else bench.sina.com.cn), so the content script runs by itself; once it has analysed the page
 * (`qingdu:done`), the background runs the real toggle-reader command handler (qingduTestHooks.runCommand, as the
 * keyboard shortcut does). Start = `Date.now()` in the background just before the handler; end = the reader's
 * `qingdu:reader-painted` mark (set in the task after the first animation frame that shows the article, App.tsx),
 * converted to wall-clock time in the page. Both clocks are the machine's wall clock.
 * - cold: the first open in the tab, which includes injecting the reader bundle (src/reader/inject.js);
 * - warm: closed and opened again (the bundle is there; prefs are cached).
 * Each page is loaded RUNS times (BENCH_RUNS, default 3) in a fresh tab and keeps its fastest cold and warm run.
 * The pages' own scripts are blocked by a CSP header (content scripts are exempt), as in `npm run bench`.
 * Prints a table, median and p95 of both, the reader bundle sizes, and ends with `reader p95 ms: N` (cold).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { corpusRows, serveCorpus, type CorpusRow } from './bench-pages';
import { distDir, launch, type Driver } from './lib/browser';

/** Fresh tabs per page; each column keeps its fastest run, as `npm run bench` does (the machine is shared: the minimum
 * is the least disturbed run). BENCH_RUNS=1 gives single cold runs. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** ms: command → painted, command → open() in the tab (messages, injection), open() → rendered (prefs, render), rendered → painted. */
interface Timing {
  total: number;
  open: number;
  render: number;
  paint: number;
}

/** The corpus articles (BENCH_PAGES=ifeng-1,sina-3 limits the run to some pages, for comparing changes). */
function rows(): CorpusRow[] {
  return corpusRows()
    .filter((r) => r.isArticle)
    .filter(
      (r) => !process.env.BENCH_PAGES || process.env.BENCH_PAGES.split(',').includes(r.file.replace(/\.html$/, '')),
    );
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

/** Open a tab from the background (so its id is known) and return the page once the content script is done. */
async function openTab(driver: Driver, url: string): Promise<{ page: Page; tabId: number }> {
  const known = new Set(driver.browser.targets());
  const tabId = await driver.background((u: string) => chrome.tabs.create({ url: u }).then((t) => t.id!), url);
  const target = await driver.browser.waitForTarget((t) => t.type() === 'page' && !known.has(t) && t.url() === url, {
    timeout: 15_000,
  });
  const page = (await target.page())!;
  await page.waitForFunction(() => performance.getEntriesByName('qingdu:done').length > 0, { timeout: 30_000 });
  return { page, tabId };
}

/** Run the command in the background; ms from just before the handler to the reader's first paint. */
async function timeOpen(driver: Driver, page: Page, tabId: number): Promise<Timing> {
  const before = await page.evaluate(() => performance.getEntriesByName('qingdu:reader-painted').length);
  const start = await driver.background(async (id: number) => {
    const t0 = Date.now();
    await (
      globalThis as unknown as { qingduTestHooks: { runCommand(c: string, t: number): Promise<boolean> } }
    ).qingduTestHooks.runCommand('toggle-reader', id);
    return t0;
  }, tabId);
  await page.waitForFunction(
    (n: number) => performance.getEntriesByName('qingdu:reader-painted').length > n,
    { timeout: 15_000 },
    before,
  );
  // A string, not a function: tsx would wrap inner helpers in `__name`, which the page does not have. Each mark's time
  // on the wall clock = timeOrigin-based time shifted by this page's offset to Date.now().
  const at = (await page.evaluate(`(() => {
    const offset = Date.now() - (performance.timeOrigin + performance.now());
    const out = {};
    for (const k of ['injected', 'open', 'rendered', 'painted']) {
      const m = performance.getEntriesByName('qingdu:reader-' + k);
      out[k] = m.length ? performance.timeOrigin + m[m.length - 1].startTime + offset : NaN;
    }
    return out;
  })()`)) as { injected: number; open: number; rendered: number; painted: number };
  return {
    total: at.painted - start,
    open: at.open - start,
    render: at.rendered - at.open,
    paint: at.painted - at.rendered,
  };
}

async function closeReader(driver: Driver, page: Page, tabId: number): Promise<void> {
  await driver.background(
    (id: number) =>
      (
        globalThis as unknown as { qingduTestHooks: { runCommand(c: string, t: number): Promise<boolean> } }
      ).qingduTestHooks.runCommand('toggle-reader', id),
    tabId,
  );
  await page.waitForFunction(() => !document.getElementById('qingdu-reader'));
}

async function main(): Promise<void> {
  // process.env turns an assigned undefined into the string "undefined": copy only a value that is set.
  if (!process.env.QINGDU_DIST && process.env.QINGDU_OUT) process.env.QINGDU_DIST = process.env.QINGDU_OUT;
  const dir = distDir('chromium');
  const list = rows();
  const server = await serveCorpus(list);
  const port = server.port;
  const driver = await launch({
    extensionDir: dir,
    hosts: [...new Set(list.map((r) => new URL(r.url).hostname))],
    port,
    kind: 'chromium',
  });
  const samples: { file: string; cold: Timing; warm: Timing }[] = [];
  try {
    for (const row of list)
      for (let run = 0; run < RUNS; run++) {
        let opened: { page: Page; tabId: number } | null = null;
        try {
          opened = await openTab(driver, row.url);
          const { page, tabId } = opened;
          const cold = await timeOpen(driver, page, tabId);
          await closeReader(driver, page, tabId);
          const warm = await timeOpen(driver, page, tabId);
          const prev = samples.find((x) => x.file === row.file);
          if (!prev) samples.push({ file: row.file, cold, warm });
          else {
            if (cold.total < prev.cold.total) prev.cold = cold;
            if (warm.total < prev.warm.total) prev.warm = warm;
          }
        } catch (e) {
          console.error(`${row.file}: ${(e as Error).message.split('\n')[0]}`);
        } finally {
          await opened?.page.close();
        }
      }
  } finally {
    await driver.close();
    server.close();
  }

  const n = (x: number) => x.toFixed(0).padStart(7);
  console.log(
    `${'page'.padEnd(22)} ${'cold'.padStart(7)} ${'→open'.padStart(7)} ${'render'.padStart(7)} ${'paint'.padStart(7)} ${'warm'.padStart(7)}`,
  );
  for (const s of samples)
    console.log(
      `${s.file.padEnd(22)} ${n(s.cold.total)} ${n(s.cold.open)} ${n(s.cold.render)} ${n(s.cold.paint)} ${n(s.warm.total)}`,
    );
  const cold = samples.map((s) => s.cold.total);
  const warm = samples.map((s) => s.warm.total);
  for (const k of ['open', 'render', 'paint'] as const)
    console.log(
      `cold ${k.padEnd(7)} median ${quantile(
        samples.map((s) => s.cold[k]),
        0.5,
      ).toFixed(0)}  p95 ${quantile(
        samples.map((s) => s.cold[k]),
        0.95,
      ).toFixed(0)}`,
    );
  console.log(
    `\npages: ${samples.length} of ${list.length} article pages (Chromium, command → first paint of the article, fastest of ${RUNS} fresh tabs per page, ms)`,
  );
  console.log(
    `cold (first open, bundle injected): median ${quantile(cold, 0.5).toFixed(0)}  p95 ${quantile(cold, 0.95).toFixed(0)}`,
  );
  console.log(
    `warm (reopened):                    median ${quantile(warm, 0.5).toFixed(0)}  p95 ${quantile(warm, 0.95).toFixed(0)}`,
  );
  console.log('\nreader bundles (raw / gzip bytes; the parts load only when used):');
  for (const f of ['inject.js', 'pages-part.js', 'cite-part.js', 'opencc-part.js']) {
    const p = join(dir, 'src/reader', f);
    console.log(
      `  ${f.padEnd(16)} ${String(statSync(p).size).padStart(9)} ${String(gzipSync(readFileSync(p)).length).padStart(8)}`,
    );
  }
  if (samples.length < list.length) process.exitCode = 1;
  console.log(`reader p95 ms: ${Math.round(quantile(cold, 0.95))}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

declare const chrome: { tabs: { create(p: { url: string }): Promise<{ id?: number }> } };
