/**
 * `npm run bench:huge`: the longest task Qingdu runs at page load on huge pages (scripts/lib/huge-pages.ts: long
 * English, long Chinese, 100,000 small nodes, deep nesting, a giant table, thousands of comments; all within the
 * limits of src/content/limits.ts), in Chromium and in Firefox ESR with the built extension (QINGDU_DIST, default
 *dist; the npm script builds both first).
 *
 * Method, per browser and page: a fresh tab loads the page under a manifest host (the content script runs by itself
 * at document_idle); the bench waits for `qingdu:done` and reads the content script's phase measures (`qingdu:<phase>`,
 * src/content/timing.ts). Phases are separated by yields, so each phase is one task, and a phase run in slices
 * (the body pass) is one measure per slice, each its own task: the longest measure is the longest Qingdu task (both
 * browsers measure it the same way). The phases print as `name=longest` or, sliced, `name=longest×slices/total`. In Chromium the page's own `longtask` observer (installed in the
 * page's head) is read too, and the longest long task overlapping a Qingdu phase is printed beside it (it includes
 * what the browser does in the same task, such as style recalculation after the declutter). Then the bench asks for
 * the Article as the popup does (`getArticle`) and prints that request's `qingdu:complete` (stage two, on the first
 * request: not page load) and the Article's paragraph count against the page's. Each page is loaded RUNS times
 * (BENCH_RUNS, default 2) and keeps its fastest run (the machine is shared); BENCH_BROWSERS=chromium runs one
 * browser. Figures in ms.
 * Ends with `huge: longest task chromium=… firefox=…` (the largest longest-phase over the pages).
 *
 * Retained heap (Chromium): once per page, a fresh tab loads it, waits for `qingdu:done` and RETAIN_SETTLE_MS, and
 * reads the V8 heap in use and the DOM counters after full garbage collections; a second tab loads the same page under
 * HEAP_BASE_HOST, where no content script runs, and reads the same (scripts/lib/heap.ts). The difference is what the
 * content script keeps alive after page load (no request made yet). Ends with `retained heap KB: median=… max=…`.
 * Firefox gives no comparable figure: WebDriver BiDi has no heap or garbage-collection command, and the content
 * script's compartment is only measured by about:memory's reporters, which privileged browser code reads.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { distDir, launch, type BrowserKind, type Driver } from './lib/browser';
import { servePages, type Route } from './lib/page-server';
import { askContent } from './lib/extension-probe';
import { HUGE_HOST, hugePages, hugeUrl, type HugePage } from './lib/huge-pages';
import { formatRetained, heapDifference, retainedSummary, settledHeap, type HeapFigure } from './lib/heap';

/** A host outside the manifest's matches: the same huge page without the content script (retained heap's base). */
const HEAP_BASE_HOST = 'huge.heap-base.test';
/** How long after `qingdu:done` the retained heap is read. */
const RETAIN_SETTLE_MS = 500;

const RUNS = Number(process.env.BENCH_RUNS ?? 2);
/** The browsers to run (BENCH_BROWSERS=chromium,firefox by default). */
const BROWSERS = (process.env.BENCH_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .filter((b): b is BrowserKind => b === 'chromium' || b === 'firefox');
/** How long a huge page may take to load and be analysed (ms). */
const PAGE_LOAD_TIMEOUT = 180_000;

/** What one load of a page gave. */
interface Run {
  phases: { name: string; start: number; duration: number }[];
  /** The longest long task (Chromium's longtask entries) overlapping a Qingdu phase, or null (none, or Firefox). */
  longtask: number | null;
  complete: number;
  articleParagraphs: number;
  isArticle: boolean;
  elements: number;
}

/** Poll `fn` in the page until it is true. @throws after timeoutMs */
async function until(page: Page, fn: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(fn).catch(() => false))) {
    if (Date.now() > end) throw new Error(`condition not met in ${timeoutMs} ms: ${fn}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Read the Qingdu phases and the page's long tasks. */
function readTimings(page: Page) {
  return page.evaluate(() => ({
    phases: performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('qingdu:'))
      .map((m) => ({ name: m.name.slice('qingdu:'.length), start: m.startTime, duration: m.duration })),
    longtasks: (document.documentElement.getAttribute('data-longtasks') ?? '')
      .split(';')
      .filter(Boolean)
      .map((s) => s.split(':').map(Number) as [number, number]),
    elements: document.getElementsByTagName('*').length,
  }));
}

/** One load of `p`: page load's phases, then the first request for the Article. */
async function loadOnce(driver: Driver, p: HugePage): Promise<Run> {
  const page = await driver.open(hugeUrl(p));
  try {
    await until(page, () => performance.getEntriesByName('qingdu:done').length > 0, PAGE_LOAD_TIMEOUT);
    const load = await readTimings(page);
    const phases = load.phases.filter((ph) => ph.name !== 'done');
    const overlaps = load.longtasks.filter(([start, dur]) =>
      phases.some((ph) => start < ph.start + ph.duration && ph.start < start + dur),
    );
    const tabId = await driver.tabId(page);
    const article = await askContent<{ isArticle: boolean; contentHtml: string } | null>(driver, tabId, 'getArticle');
    const complete = (await readTimings(page)).phases.find((ph) => ph.name === 'complete')?.duration ?? NaN;
    return {
      phases,
      longtask: overlaps.length ? Math.max(...overlaps.map(([, d]) => d)) : null,
      complete,
      articleParagraphs: (article?.contentHtml.match(/<p[ >]/g) ?? []).length,
      isArticle: !!article?.isArticle,
      elements: load.elements,
    };
  } finally {
    await page.close();
  }
}

/** The phases by name in the order they first ran: `name=ms`, or for a phase in slices `name=longest×slices/total`. */
function phaseSummary(phases: Run['phases']): string {
  const byName = new Map<string, number[]>();
  for (const ph of phases) byName.set(ph.name, [...(byName.get(ph.name) ?? []), ph.duration]);
  return [...byName]
    .map(([name, ds]) => {
      const top = Math.max(...ds).toFixed(1);
      if (ds.length === 1) return `${name}=${top}`;
      return `${name}=${top}×${ds.length}/${ds.reduce((a, b) => a + b, 0).toFixed(0)}`;
    })
    .join(' ');
}

/**
 * What the content script keeps alive after page load on `p` (Chromium): heap and DOM counters after GC, less those of
 * the same page where no content script runs.
 */
async function retainedHeap(driver: Driver, p: HugePage): Promise<HeapFigure> {
  const read = async (url: string, ours: boolean) => {
    const page = await driver.open(url);
    try {
      if (ours) await until(page, () => performance.getEntriesByName('qingdu:done').length > 0, PAGE_LOAD_TIMEOUT);
      await new Promise((r) => setTimeout(r, RETAIN_SETTLE_MS));
      return await settledHeap(page);
    } finally {
      await page.close();
    }
  };
  const withOurs = await read(hugeUrl(p), true);
  const base = new URL(hugeUrl(p));
  base.hostname = HEAP_BASE_HOST;
  return heapDifference(withOurs, await read(base.href, false));
}

const longest = (r: Run) => Math.max(0, ...r.phases.map((ph) => ph.duration));
const fmt = (n: number | null | undefined) => (n === null || n === undefined || Number.isNaN(n) ? '-' : n.toFixed(1));

/** Every page in one browser; prints a line per page. @returns the largest longest task over the pages (ms) */
async function benchBrowser(kind: BrowserKind, pages: HugePage[], port: number): Promise<number> {
  const driver = await launch({ extensionDir: distDir(kind), hosts: [HUGE_HOST, HEAP_BASE_HOST], port, kind });
  let worst = 0;
  const retained: number[] = [];
  try {
    for (const p of pages) {
      let best: Run | null = null;
      for (let i = 0; i < RUNS; i++) {
        const run = await loadOnce(driver, p);
        if (!best || longest(run) < longest(best)) best = run;
      }
      const r = best!;
      const top = r.phases.reduce((a, b) => (b.duration > a.duration ? b : a), r.phases[0]);
      worst = Math.max(worst, longest(r));
      const phases = phaseSummary(r.phases);
      console.log(
        `${kind.padEnd(8)} ${p.name.padEnd(12)} elements=${r.elements} longest=${fmt(longest(r))} (${top?.name ?? '-'}) ` +
          `longtask=${fmt(r.longtask)} request: complete=${fmt(r.complete)} article=${r.isArticle ? 'yes' : 'no'} ` +
          `paragraphs=${r.articleParagraphs}/${p.paragraphs}  [${phases}]`,
      );
      if (kind === 'chromium') {
        const heap = await retainedHeap(driver, p);
        retained.push(heap.usedKB);
        console.log(`${kind.padEnd(8)} ${p.name.padEnd(12)} retained after page load: ${formatRetained(heap)}`);
      }
    }
    if (kind === 'chromium') {
      const { median, max } = retainedSummary(retained);
      console.log(`retained heap KB: median=${median.toFixed(0)} max=${max.toFixed(0)}`);
    } else console.log(`${kind}: no retained-heap figure (WebDriver BiDi has no heap command; see the module note)`);
  } finally {
    await driver.close();
  }
  return worst;
}

async function main(): Promise<void> {
  const pages = hugePages();
  const dir = mkdtempSync(join(tmpdir(), 'qingdu-huge-'));
  const routes: Record<string, Route> = {};
  for (const p of pages) {
    const file = join(dir, `${p.name}.html`);
    writeFileSync(file, p.html);
    const u = new URL(hugeUrl(p));
    routes[u.pathname + u.search] = { file, contentType: 'text/html; charset=utf-8' };
  }
  for (const p of pages) console.log(`${p.name.padEnd(12)} ${p.kind} (${(p.html.length / 1e6).toFixed(1)} MB)`);
  const server = await servePages(routes);
  const worst: Record<string, number> = {};
  try {
    for (const kind of BROWSERS) worst[kind] = await benchBrowser(kind, pages, server.port);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`huge: longest task chromium=${fmt(worst.chromium)} firefox=${fmt(worst.firefox)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
