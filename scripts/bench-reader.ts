/**
 * `npm run bench:reader`: time from the reader command to the first paint of the article, in real Chromium and
 * Firefox ESR with the built extension (QINGDU_DIST, default dist; the npm script builds both), on every article page
 * of the corpus (test/fixtures/corpus). BENCH_BROWSERS=chromium (or firefox) runs one browser.
 *
 * Method, per page: a fresh tab loads the page from localhost under a manifest-matched host (its real host when the
 * label has a URL, else bench.sina.com.cn; Chromium maps the host names to the page server, Firefox uses it as its
 * proxy), so the content script runs by itself; once it has analysed the page
 * (`qingdu:done`), the background runs the real toggle-reader command handler (qingduTestHooks.runCommand, as the
 * keyboard shortcut does). Start = `Date.now()` in the background just before the handler; end = the reader's
 * `qingdu:reader-painted` mark (set in the task after the first animation frame that shows the article, App.tsx),
 * converted to wall-clock time in the page. Both clocks are the machine's wall clock.
 * - cold: the first open in the tab, which includes injecting the reader bundle (src/reader/inject.js);
 * - warm: closed and opened again (the bundle is there; prefs are cached).
 * Each page is loaded RUNS times (BENCH_RUNS, default 3) in a fresh tab and keeps its fastest cold and warm run.
 * The pages' own scripts are blocked by a CSP header (content scripts are exempt), as in `npm run bench`.
 * Prints per browser a table, median and p95 of both, and the cold open's parts: →open (command → the reader's
 * open(): messages, injection, the Article's stage two), render (open() → rendered: prefs, preact), paint (rendered →
 * painted: style, layout, the frame). Then the reader bundle sizes, and ends with
 * `reader p95 ms: chromium=N firefox=M` (cold).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { corpusRows, serveCorpus, type CorpusRow } from './bench-pages';
import { distDir, launch, type BrowserKind, type Driver } from './lib/browser';

/** Fresh tabs per page; each column keeps its fastest run, as `npm run bench` does (the machine is shared: the minimum
 * is the least disturbed run). BENCH_RUNS=1 gives single cold runs. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/**
 * ms: command → painted, and its parts: command → open() in the tab (messages, injection, the Article), open() →
 * rendered (prefs, render), rendered → painted. Within →open: command → the reader bundle ran (`inject`), the load of
 * stage two's part (`part`, NaN when page load had loaded it), the Article's build (`build`, NaN when built before).
 */
interface Timing {
  total: number;
  open: number;
  render: number;
  paint: number;
  inject: number;
  part: number;
  build: number;
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

/**
 * Poll `fn(arg)` in the page from here until it is true, for a page still loading (BiDi evaluations can fail while a
 * document loads: retried; waitForFunction gives up instead).
 */
async function until<A>(page: Page, fn: (arg: A) => boolean, arg: A, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(fn as never, arg as never).catch(() => false))) {
    if (Date.now() > end) throw new Error(`condition not met in ${timeoutMs} ms: ${fn}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const doneMarks = () => performance.getEntriesByName('qingdu:done').length > 0;
const paintedMarks = (n: number) => performance.getEntriesByName('qingdu:reader-painted').length > n;
const noReader = () => !document.getElementById('qingdu-reader');

/** Open a tab from the background (so its id is known) and return the page once the content script is done. */
async function openTab(driver: Driver, url: string): Promise<{ page: Page; tabId: number }> {
  const known = new Set(driver.browser.targets());
  const tabId = await driver.background((u: string) => chrome.tabs.create({ url: u }).then((t) => t.id!), url);
  const target = await driver.browser.waitForTarget((t) => t.type() === 'page' && !known.has(t) && t.url() === url, {
    timeout: 15_000,
  });
  const page = (await target.page())!;
  await until(page, doneMarks, undefined, 30_000);
  return { page, tabId };
}

/** Run the reader command in the background as the shortcut does. @returns Date.now() just before the handler */
function runToggle(driver: Driver, tabId: number): Promise<number> {
  return driver.background(async (id: number) => {
    const t0 = Date.now();
    await (
      globalThis as unknown as { qingduTestHooks: { runCommand(c: string, t: number): Promise<boolean> } }
    ).qingduTestHooks.runCommand('toggle-reader', id);
    return t0;
  }, tabId);
}

/** Run the command in the background; ms from just before the handler to the reader's first paint. */
async function timeOpen(driver: Driver, page: Page, tabId: number): Promise<Timing> {
  const before = await page.evaluate(() => performance.getEntriesByName('qingdu:reader-painted').length);
  const start = await runToggle(driver, tabId);
  // (polled in the page, each frame: a poll from here would cost the measured machine a round trip every few ms)
  await page.waitForFunction(paintedMarks, { timeout: 15_000 }, before);
  // A string, not a function: tsx would wrap inner helpers in `__name`, which the page does not have. Each mark's time
  // on the wall clock = timeOrigin-based time shifted by this page's offset to Date.now().
  const marks = (await page.evaluate(`(() => {
    const offset = Date.now() - (performance.timeOrigin + performance.now());
    const wall = (m) => performance.timeOrigin + m.startTime + offset;
    const last = (name) => performance.getEntriesByName(name).filter((m) => wall(m) >= ${start - 1}).pop();
    const out = {};
    for (const k of ['injected', 'open', 'rendered', 'painted']) {
      const m = last('qingdu:reader-' + k);
      out[k] = m ? wall(m) : NaN;
    }
    const part = last('qingdu:part:complete');
    const build = last('qingdu:complete');
    out.part = part && build ? wall(build) - wall(part) : NaN;
    out.build = build ? build.duration : NaN;
    return out;
  })()`)) as Record<'injected' | 'open' | 'rendered' | 'painted' | 'part' | 'build', number | null>;
  // (a NaN comes back as null from the page)
  const at = Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, v ?? NaN])) as Record<
    keyof typeof marks,
    number
  >;
  return {
    total: at.painted - start,
    open: at.open - start,
    render: at.rendered - at.open,
    paint: at.painted - at.rendered,
    inject: at.injected - start,
    part: at.part,
    build: at.build,
  };
}

async function closeReader(driver: Driver, page: Page, tabId: number): Promise<void> {
  await runToggle(driver, tabId);
  await page.waitForFunction(noReader, { timeout: 15_000 });
}

/** One page's fastest cold and warm open over the runs. */
interface Sample {
  file: string;
  cold: Timing;
  warm: Timing;
}

/** Every page in one browser, RUNS fresh tabs each. @returns the samples (a page that failed is left out) */
async function benchBrowser(kind: BrowserKind, list: CorpusRow[], port: number): Promise<Sample[]> {
  const driver = await launch({
    extensionDir: distDir(kind),
    hosts: [...new Set(list.map((r) => new URL(r.url).hostname))],
    port,
    kind,
  });
  const samples: Sample[] = [];
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
          console.error(`${kind} ${row.file}: ${(e as Error).message.split('\n')[0]}`);
        } finally {
          await opened?.page.close().catch(() => undefined);
        }
      }
  } finally {
    await driver.close();
  }
  return samples;
}

/** `median M  p95 P` of xs (ms). */
const stats = (all: number[]) => {
  const xs = all.filter((x) => !Number.isNaN(x));
  if (!xs.length) return '-';
  return `median ${quantile(xs, 0.5).toFixed(0)}  p95 ${quantile(xs, 0.95).toFixed(0)}${xs.length < all.length ? ` (${xs.length} pages)` : ''}`;
};

/** One browser's table, the cold open's parts, and median/p95 cold and warm. */
function report(kind: BrowserKind, samples: Sample[], pages: number): void {
  const n = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(0)).padStart(7);
  const cols = ['cold', '→open', 'render', 'paint', 'warm', 'inject', 'part', 'build'];
  console.log(`\n${kind}`);
  console.log(`${'page'.padEnd(22)} ${cols.map((c) => c.padStart(7)).join(' ')}`);
  for (const s of samples)
    console.log(
      `${s.file.padEnd(22)} ${[s.cold.total, s.cold.open, s.cold.render, s.cold.paint, s.warm.total, s.cold.inject, s.cold.part, s.cold.build].map(n).join(' ')}`,
    );
  for (const k of ['open', 'render', 'paint', 'inject', 'part', 'build'] as const)
    console.log(`cold ${k.padEnd(7)} ${stats(samples.map((s) => s.cold[k]))}`);
  console.log(
    `pages: ${samples.length} of ${pages} article pages (${kind}, command → first paint of the article, fastest of ${RUNS} fresh tabs per page, ms)`,
  );
  console.log(`cold (first open, bundle injected): ${stats(samples.map((s) => s.cold.total))}`);
  console.log(`warm (reopened):                    ${stats(samples.map((s) => s.warm.total))}`);
}

/** The browsers to run: BENCH_BROWSERS (comma-separated), default both. */
function browsers(): BrowserKind[] {
  const want = (process.env.BENCH_BROWSERS ?? 'chromium,firefox').split(',');
  return (['chromium', 'firefox'] as const).filter((k) => want.includes(k));
}

async function main(): Promise<void> {
  // process.env turns an assigned undefined into the string "undefined": copy only a value that is set.
  if (!process.env.QINGDU_DIST && process.env.QINGDU_OUT) process.env.QINGDU_DIST = process.env.QINGDU_OUT;
  const list = rows();
  const server = await serveCorpus(list);
  const p95: Partial<Record<BrowserKind, number>> = {};
  try {
    for (const kind of browsers()) {
      const samples = await benchBrowser(kind, list, server.port);
      report(kind, samples, list.length);
      if (samples.length < list.length) process.exitCode = 1;
      p95[kind] = Math.round(
        quantile(
          samples.map((s) => s.cold.total),
          0.95,
        ),
      );
    }
  } finally {
    server.close();
  }
  console.log('\nreader bundles (raw / gzip bytes, Chromium build; the parts load only when used):');
  for (const f of [
    'src/reader/inject.js',
    'src/content/complete-part.js',
    'src/reader/pages-part.js',
    'src/reader/cite-part.js',
    'src/reader/opencc-part.js',
  ]) {
    const p = join(distDir('chromium'), f);
    console.log(
      `  ${f.padEnd(30)} ${String(statSync(p).size).padStart(9)} ${String(gzipSync(readFileSync(p)).length).padStart(8)}`,
    );
  }
  console.log(
    `reader p95 ms: ${Object.entries(p95)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

declare const chrome: { tabs: { create(p: { url: string }): Promise<{ id?: number }> } };
