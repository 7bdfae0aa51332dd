/**
 * `npm run bench`: the content script's page-load cost against plain Readability and a bare DOM walk, in real
 * Chromium with the built extension (QINGDU_DIST, default dist), on every corpus page (test/fixtures/corpus).
 *
 * Method, per page (each page served from localhost under a manifest-matched host so the content script runs by itself
 * at document_idle, exactly as for a user):
 * - ours: the content script times its own phases with `performance.measure('qingdu:<phase>')` (src/content/timing.ts):
 *   `body` (site rule, body choice), `metadata`, `clean` (clean + serialise), `detect`, and `declutter` on articles. The page's performance timeline is shared
 *   with the content script's isolated world, so the bench reads the measures from the page. ours = sum of the phases;
 *   the longest phase (= longest task, since phases are separated by a yield) is printed too.
 * - readability: Readability 0.6.0 (the same file the extension bundles) injected into the page, `parse()` timed on
 *   `document.cloneNode(true)` (the clone itself is not timed: that only makes the comparison stricter for us).
 * - walk: one `TreeWalker(document, SHOW_ALL)` over every node, reading each node's type, timed.
 * - text: the least any extraction that reads the page's text must do (not part of the budget, printed for scale):
 *   one `TreeWalker(document.body, SHOW_TEXT)` reading every text node's value and counting its non-space characters
 *   with one native regular-expression pass (as src/extract/cjk.ts countChars).
 * - floor: the least work ANY page-load analysis like ours must do (the budget line prints `ours/floor` as a trend): on a second load of the page under a host the content script does not run on (FLOOR_HOST), so
 *   that it is the first script to read the page, as our content script is, and at about the same moment (the load
 *   event, or 300 ms after DOMContentLoaded), in a fresh isolated world: count the elements (the size limit), read
 *   every text node of the body once with a SHOW_TEXT TreeWalker counting its characters natively (the least a
 *   text-density body choice must read: no elements visited, no scoring, no records), match the generic clutter
 *   selectors once and insert one stylesheet (the declutter). No detection, no metadata. See floorWork.
 * - walk@load: the same bare walk as `walk`, but on that second load at the moment a content script would run (in an
 *   isolated world of its own, before floor): the `walk` column runs after our content script and Readability, on a
 *   page that has settled, so it is the cheaper of the two. Printed for scale.
 * - ours@2nd: ours again after the same tab reloads the page (not part of the budget, which stays the first, cold
 *   load). The reload stays in the tab's renderer process, where V8 keeps the content script's compiled code (its
 *   compilation cache), as when a reader opens a second article of a site in the same tab; the page and the work are
 *   the same as in `ours`, so ours − ours@2nd is about what running our code for the first time in a page costs
 *   (compiling functions on first call, first-run warm-up) rather than the work itself.
 * - startup: what the content script costs before its first phase, which `ours` leaves out (ours is detection +
 *   declutter; metadata and serialisation wait for the first request): V8 compiling its top-level code (Chromium does
 *   not stream or cache it across pages) and running its module code. On a load of its own, traced (trace categories
 *   devtools.timeline and v8, so the tracing does not slow the `ours` load): the duration of the EvaluateScript event
 *   of the content script's file, less that load's `limits` phase (which runs inside it and is counted in ours), plus
 *   the EvaluateScript events of the parts page load had injected (src/content/*-part.js: Readability, and stage two
 *   on a page whose verdict needs a cleaned copy), since page load paid for compiling them. The budget line counts it:
 *   `(ours+startup)/readability`.
 * - retained heap: what the content script keeps alive once page load is over (nothing of ours should outlive it but
 *   the Article cache, made on the first request, and the declutter sheet). On a load of its own, after `qingdu:done`
 *   and a settle of RETAIN_SETTLE_MS, three full garbage collections (CDP HeapProfiler.collectGarbage), then the V8
 *   heap in use (Runtime.getHeapUsage: the renderer's isolate, main world and isolated worlds) and the DOM counters
 *   (Memory.getDOMCounters: nodes, documents, event listeners); less the same on a load of the page under FLOOR_HOST,
 *   where no content script runs, at the same moment. Both loads abort the page's frames (withoutFrames). It counts
 *   the content script's isolated world itself (a V8 context with its own builtins), its compiled code and module
 *   state too. Measured on the first run of each page only (scripts/lib/heap.ts).
 * Every number is a cold run on a fresh tab (no warm-up: the content script also runs cold on a real page load); each
 * page is loaded RUNS times (BENCH_RUNS, default 3) and each column keeps its fastest run, since the machine is shared.
 * BENCH_PHASES=1 also prints each page's phases (ms).
 * The pages' own scripts are blocked by a CSP header (content scripts are exempt): the saved pages cannot reach their
 * servers, and their scripts would only add noise.
 * Bundle sizes (raw and gzip) of the build are printed after the table, and the content script is checked for code
 * that only the reader, the notes page or citations need.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { corpusRows, serveCorpus } from './bench-pages';
import { CLUTTER_SELECTORS } from '../src/extract/markers';
import { distDir, launch } from './lib/browser';
import { formatRetained, heapDifference, retainedSummary, settledHeap, type HeapFigure } from './lib/heap';

/** Loads per page; each column keeps its fastest run (the machine is shared: the minimum is the least disturbed). */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Sample {
  file: string;
  phases: Record<string, number>;
  ours: number;
  maxPhase: number;
  readability: number;
  walk: number;
  text: number;
  floor: number;
  walkAtLoad: number;
  oursAgain: number;
  startup: number;
  nodes: number;
  isArticle: boolean;
  /** Retained heap (see the module note), null when it could not be measured. */
  retained: Retained | null;
}

/** The retained-heap figure, with what an isolated world that ran nothing costs on the same page (KB, for scale). */
type Retained = HeapFigure & { emptyWorldKB: number };

/** How long after `qingdu:done` the retained heap is read (the verdict's message to the background has been sent). */
const RETAIN_SETTLE_MS = 500;

/** A host outside the manifest's matches (no content script runs there), for the `floor` column's page loads. */
const FLOOR_HOST = 'floor.bench.test';

/**
 * Script source (statements) that reads every text node of the body once with a SHOW_TEXT TreeWalker and counts its
 * characters natively (the set cjk.ts countChars does not count), into `chars`: the `text` column, and part of `floor`.
 */
const READ_TEXT = `
  const NOT_COUNTED = /[\\x00-\\x20\\u00a0\\u3000\\u200b\\ufeff]+/g;
  let chars = 0;
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n.nodeValue ?? '').replace(NOT_COUNTED, '').length;`;

/**
 * The `floor` column's work (see the module note), as the source of a function body run in an isolated world; returns
 * its ms. The clutter selectors are the generic ones the declutter matches (markers.ts CLUTTER_SELECTORS).
 */
const floorWork = (selectors: readonly string[]) => `
  const t0 = performance.now();
  const limit = document.getElementsByTagName('*').length;
  ${READ_TEXT}
  const selectors = ${JSON.stringify(selectors)};
  const hits = document.querySelectorAll(selectors.join(',')).length;
  const style = document.createElement('style');
  style.textContent = selectors.join(',') + '{display:none!important}';
  (document.head ?? document.documentElement).appendChild(style);
  return performance.now() - t0 + (limit + chars + hits) * 0;`;

/** The bare walk of the `walk` columns, as the source of a function body; returns `{ ms, nodes }`. */
const WALK = `
  const t0 = performance.now();
  const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  let nodes = 0;
  for (let n = w.nextNode(); n; n = w.nextNode()) nodes += n.nodeType > 0 ? 1 : 0;
  return { ms: performance.now() - t0, nodes };`;

/**
 * The `floor` and `walk@load` columns, on a fresh load of the page where no content script runs (FLOOR_HOST), each in
 * an isolated world of its own made at the moment a content script would run: first the bare walk (as the `walk`
 * column, but at page load like ours, not after it), then floorWork. ms.
 */
async function atLoad(
  browser: import('puppeteer-core').Browser,
  url: string,
): Promise<{ floor: number; walkAtLoad: number }> {
  const page = await browser.newPage();
  try {
    // when a content script would run (document_idle: the load event, or soon after DOMContentLoaded if load is slow)
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    await page.waitForFunction(() => document.readyState === 'complete', { timeout: 300 }).catch(() => undefined);
    const cdp = await page.createCDPSession();
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const run = async <T>(world: string, body: string): Promise<T> => {
      const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName: world,
      });
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        contextId: executionContextId,
        returnByValue: true,
        expression: `(() => {${body}})()`,
      });
      if (exceptionDetails) throw new Error(`${world}: ${exceptionDetails.text}`);
      return result.value as T;
    };
    const walkAtLoad = (await run<{ ms: number }>('bench-walk', WALK)).ms;
    return { walkAtLoad, floor: await run<number>('bench-floor', floorWork(CLUTTER_SELECTORS)) };
  } finally {
    await page.close();
  }
}

/**
 * The content script's phase measures (`qingdu:*`, ms) once it has marked `qingdu:done`. Saved pages keep some
 * documents in "loading" for good (document.write, dead scripts), so the bench waits for our mark, not for the load.
 */
async function ourMeasures(page: import('puppeteer-core').Page): Promise<{ name: string; ms: number }[]> {
  await page.waitForFunction(() => performance.getEntriesByName('qingdu:done').length > 0, { timeout: 30_000 });
  return page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('qingdu:'))
      .map((m) => ({ name: m.name, ms: m.duration })),
  );
}

/**
 * Each phase's ms by name (`body`, `declutter`, …): a phase run in slices is one measure per slice, summed here (the
 * table used to keep only its last slice).
 */
function phaseTotals(measures: { name: string; ms: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of measures) {
    const name = m.name.replace('qingdu:', '');
    out[name] = (out[name] ?? 0) + m.ms;
  }
  return out;
}

/** The sum of measures' ms. */
const total = (measures: { ms: number }[]): number => measures.reduce((sum, m) => sum + m.ms, 0);

/** The timed columns of a Sample (each keeps its fastest run). */
const COLUMNS = [
  'ours',
  'maxPhase',
  'readability',
  'walk',
  'text',
  'floor',
  'walkAtLoad',
  'oursAgain',
  'startup',
] as const;

/** Is a trace event the evaluation of the content script's file or of a part it loads (src/content/*-part.js)? */
const ownScript = (contentFile: string) => (url: string | undefined) =>
  !!url && (url.endsWith(`/${contentFile}`) || /\/src\/content\/[\w-]+-part\.js$/.test(url));

/**
 * The `startup` column (see the module note): a fresh tab loads the page under a trace; the EvaluateScript events of
 * the content script and of the parts page load injected, less the `limits` phase run inside the first. ms.
 * @throws when the trace holds no event of the content script (the page is then reported as failed, and the bench
 *   exits with 1)
 */
async function startupCost(
  browser: import('puppeteer-core').Browser,
  url: string,
  contentFile: string,
): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.tracing.start({ categories: ['devtools.timeline', 'v8'] });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    const limits = (await ourMeasures(page)).find((m) => m.name === 'qingdu:limits')?.ms ?? 0;
    const trace = JSON.parse(Buffer.from((await page.tracing.stop())!).toString('utf8')) as {
      traceEvents: { name: string; dur?: number; args?: { data?: { url?: string } } }[];
    };
    const ours = ownScript(contentFile);
    const evaluated = trace.traceEvents.filter((e) => e.name === 'EvaluateScript' && ours(e.args?.data?.url));
    if (!evaluated.some((e) => e.args?.data?.url?.endsWith(`/${contentFile}`) && e.dur !== undefined))
      throw new Error(`no EvaluateScript event of ${contentFile} in the trace`);
    return evaluated.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000 - limits;
  } finally {
    await page.close();
  }
}

/**
 * Abort the page's frame loads: a same-site frame shares the page's renderer (and its heap and DOM counters) on the
 * page's own host, and not on FLOOR_HOST, where it is cross-site (sina-2's frames counted as +10 documents and 3.5 MB).
 */
async function withoutFrames(page: import('puppeteer-core').Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.isInterceptResolutionHandled()) return;
    const frame = req.isNavigationRequest() && req.frame() !== page.mainFrame();
    void (frame ? req.abort('blockedbyclient') : req.continue()).catch(() => undefined);
  });
}

/**
 * The retained-heap figure of a page (see the module note): a fresh tab loads it where the content script runs, a
 * second where it does not (floorUrl), each read after page load and full garbage collections.
 */
async function retainedHeap(
  browser: import('puppeteer-core').Browser,
  url: string,
  floorUrl: string,
): Promise<Retained> {
  const read = async (at: string, ready: (page: import('puppeteer-core').Page) => Promise<unknown>) => {
    const page = await browser.newPage();
    try {
      await withoutFrames(page);
      await page.goto(at, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await ready(page);
      await new Promise((r) => setTimeout(r, RETAIN_SETTLE_MS));
      return await settledHeap(page);
    } finally {
      await page.close();
    }
  };
  const withOurs = await read(url, ourMeasures);
  let emptyWorld = NaN;
  const without = await read(floorUrl, async (page) => {
    await page.waitForFunction(() => document.readyState === 'complete', { timeout: 3_000 }).catch(() => undefined);
    // for scale: what an isolated world that ran nothing costs on this page
    const before = await settledHeap(page);
    await emptyIsolatedWorld(page);
    emptyWorld = (await settledHeap(page)).usedKB - before.usedKB;
  });
  return { ...heapDifference(withOurs, without), emptyWorldKB: emptyWorld };
}

/**
 * Evaluate `expression` in a fresh isolated world of the page's main frame (CDP Page.createIsolatedWorld: its node
 * wrappers are created cold, as a content script's are). @returns the expression's value
 */
async function inFreshWorld(
  page: import('puppeteer-core').Page,
  worldName: string,
  expression: string,
): Promise<unknown> {
  const cdp = await page.createCDPSession();
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName,
    });
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: executionContextId,
      returnByValue: true,
      expression,
    });
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** Make an isolated world in the page's main frame and run nothing in it. */
const emptyIsolatedWorld = (page: import('puppeteer-core').Page): Promise<unknown> =>
  inFreshWorld(page, 'bench-empty', '0');

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const f = (n: number) => n.toFixed(1).padStart(8);

function bundleSizes(dir: string): { file: string; raw: number; gzip: number }[] {
  const out: { file: string; raw: number; gzip: number }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(js|css|html)$/.test(name)) {
        const buf = readFileSync(p);
        out.push({ file: relative(dir, p), raw: buf.length, gzip: gzipSync(buf).length });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => b.raw - a.raw);
}

/** Library fingerprints that must not appear in the content script (they belong to reader/notes/cite bundles and parts). */
const FOREIGN = {
  preact: /__preactattr_|\b__H\b|preact/,
  dompurify: /DOMPurify|dompurify/,
  'citation-js': /citation-js|@citation-js|citeproc/i,
  minisearch: /MiniSearch|minisearch/,
  idb: /openDB\(|indexedDB\.open/,
  turndown: /turndown|TurndownService/i,
  opencc: /opencc/i,
  // loaded as a part on the pages that need it (src/content/readability-part.ts); its method names survive minifying
  readability: /_grabArticle|_cleanConditionally/,
};

/**
 * The `text` column: in a fresh isolated world of its own (its node wrappers are created cold, as a content script's
 * are), READ_TEXT. ms.
 */
async function textFloor(page: import('puppeteer-core').Page): Promise<number> {
  const expression = `(() => { const t0 = performance.now(); ${READ_TEXT} return performance.now() - t0 + chars * 0; })()`;
  return (await inFreshWorld(page, 'bench-text', expression)) as number;
}

/** A line per page with its retained heap, then `retained heap KB: median=… max=…` over the pages. */
function printRetained(samples: Sample[]): void {
  console.log('\nretained by the content script after page load (heap after GC, less the page without it):');
  const kbs: number[] = [];
  for (const s of samples) {
    if (!s.retained) continue;
    kbs.push(s.retained.usedKB);
    console.log(`  ${s.file.padEnd(22)} ${formatRetained(s.retained)}`);
  }
  const world = retainedSummary(samples.flatMap((s) => (s.retained ? [s.retained.emptyWorldKB] : [])));
  console.log(
    `an isolated world that runs nothing: median ${world.median.toFixed(0)} KB, max ${world.max.toFixed(0)} KB`,
  );
  const { median, max } = retainedSummary(kbs);
  console.log(`retained heap KB: median=${median.toFixed(0)} max=${max.toFixed(0)}`);
}

async function main(): Promise<void> {
  // `npm run bench` builds first; QINGDU_OUT (the build's output folder) is also where the bench looks.
  // process.env turns an assigned undefined into the string "undefined": copy only a value that is set.
  if (!process.env.QINGDU_DIST && process.env.QINGDU_OUT) process.env.QINGDU_DIST = process.env.QINGDU_OUT;
  const dir = distDir('chromium');
  const list = corpusRows();
  const floorUrl = (file: string) => `http://${FLOOR_HOST}/${file}`;
  const server = await serveCorpus([...list, ...list.map((r) => ({ ...r, url: floorUrl(r.file) }))]);
  const port = server.port;
  const readabilitySrc = readFileSync(
    createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'),
    'utf8',
  );
  const contentFile = (
    JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] }
  ).content_scripts[0].js[0];
  const driver = await launch({
    extensionDir: dir,
    hosts: [...new Set([...list.map((r) => new URL(r.url).hostname), FLOOR_HOST])],
    port,
    kind: 'chromium',
  });
  const samples: Sample[] = [];
  try {
    for (const row of list)
      for (let run = 0; run < RUNS; run++) {
        const page = await driver.browser.newPage();
        try {
          await page.goto(row.url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
          const ours = await ourMeasures(page);
          const text = await textFloor(page);
          await page.evaluate(readabilitySrc + '\n;window.__Readability = Readability;');
          const { ms: walk, nodes } = (await page.evaluate(`(() => {${WALK}})()`)) as { ms: number; nodes: number };
          const readability = await page.evaluate(() => {
            const clone = document.cloneNode(true) as Document;
            const R = (window as unknown as { __Readability: new (d: Document) => { parse(): unknown } }).__Readability;
            const t1 = performance.now();
            new R(clone).parse();
            return performance.now() - t1;
          });
          // ours@2nd (see the module note): the same tab loads the page again
          await page.reload({ waitUntil: 'domcontentloaded', timeout: 30_000 });
          const oursAgain = total(await ourMeasures(page));
          const startup = await startupCost(driver.browser, row.url, contentFile);
          const other = { walk, nodes, readability, oursAgain, startup };
          const { floor, walkAtLoad } = await atLoad(driver.browser, floorUrl(row.file));
          const retained = run === 0 ? await retainedHeap(driver.browser, row.url, floorUrl(row.file)) : null;
          const isArticle = ours.some((m) => m.name === 'qingdu:declutter');
          const prev = samples.find((s) => s.file === row.file);
          const phases = phaseTotals(ours);
          const next = {
            file: row.file,
            phases,
            ours: total(ours),
            maxPhase: Math.max(...ours.map((m) => m.ms)),
            isArticle,
            text,
            floor,
            walkAtLoad,
            retained,
            ...other,
          };
          if (!prev) samples.push(next);
          else {
            for (const k of COLUMNS) prev[k] = Math.min(prev[k], next[k]);
            for (const [k, v] of Object.entries(phases)) prev.phases[k] = Math.min(prev.phases[k] ?? v, v);
          }
        } catch (e) {
          console.error(`${row.file}: ${(e as Error).message}`);
        } finally {
          await page.close();
        }
      }
  } finally {
    await driver.close();
    server.close();
  }

  console.log(
    `${'page'.padEnd(22)} ${'nodes'.padStart(7)} ${'ours'.padStart(8)} ${'maxPhase'.padStart(8)} ${'readab.'.padStart(8)} ${'walk'.padStart(8)} ${'text'.padStart(8)} ${'floor'.padStart(8)} ${'walk@load'.padStart(9)} ${'ours@2nd'.padStart(8)} ${'startup'.padStart(8)}  article`,
  );
  for (const s of samples)
    console.log(
      `${s.file.padEnd(22)} ${String(s.nodes).padStart(7)} ${f(s.ours)} ${f(s.maxPhase)} ${f(s.readability)} ${f(s.walk)} ${f(s.text)} ${f(s.floor)} ${s.walkAtLoad.toFixed(1).padStart(9)} ${f(s.oursAgain)} ${f(s.startup)}  ${s.isArticle ? 'yes' : 'no'}`,
    );
  if (process.env.BENCH_PHASES)
    for (const s of samples)
      console.log(
        `  ${s.file.padEnd(22)} ${Object.entries(s.phases)
          .map(([k, v]) => `${k}=${v.toFixed(1)}`)
          .join(' ')}`,
      );
  printRetained(samples);
  const col = (k: keyof Sample) => samples.map((s) => s[k] as number);
  console.log('');
  console.log(
    `pages: ${samples.length} of ${list.length} (Chromium, cold page loads, fastest of ${RUNS} per page, ms)`,
  );
  console.log(`${''.padEnd(22)} ${'median'.padStart(8)} ${'p95'.padStart(8)}`);
  for (const k of COLUMNS)
    console.log(
      `${(k === 'oursAgain' ? 'ours@2nd' : k).padEnd(22)} ${f(quantile(col(k), 0.5))} ${f(quantile(col(k), 0.95))}`,
    );

  const names = [...new Set(samples.flatMap((s) => Object.keys(s.phases)))];
  console.log(
    `phases (median ms over the pages that ran them): ${names
      .map(
        (n) =>
          `${n}=${quantile(
            samples.filter((s) => n in s.phases).map((s) => s.phases[n]),
            0.5,
          ).toFixed(1)}`,
      )
      .join(' ')}`,
  );
  console.log('\nbundles (raw / gzip bytes):');
  const sizes = bundleSizes(dir);
  for (const b of sizes)
    console.log(`  ${b.file.padEnd(36)} ${String(b.raw).padStart(9)} ${String(b.gzip).padStart(8)}`);
  const content = readFileSync(join(dir, contentFile), 'utf8');
  const foreign = Object.entries(FOREIGN)
    .filter(([, re]) => re.test(content))
    .map(([k]) => k);
  console.log(`content script ${contentFile}: foreign libraries ${foreign.length ? foreign.join(', ') : 'none'}`);

  const med = (k: keyof Sample) => quantile(col(k), 0.5);
  const kb = (file: string) => (statSync(join(dir, file)).size / 1024).toFixed(1);
  console.log(`content script ${contentFile}: ${kb(contentFile)} KB (page load: badge and declutter)`);
  console.log(
    `at page load: ours/walk@load=${(med('ours') / med('walkAtLoad')).toFixed(2)} floor/walk@load=${(med('floor') / med('walkAtLoad')).toFixed(2)} ours/walk=${(med('ours') / med('walk')).toFixed(2)} (the walk done when ours runs, and after it)`,
  );
  console.log(
    `same tab, second load: ours@2nd/walk=${(med('oursAgain') / med('walk')).toFixed(2)} (ours - ours@2nd: running our code for the first time in the page)`,
  );
  // the least work of any such page load, against the same walk (medians), as a trend
  console.log(`floor/walk=${(med('floor') / med('walk')).toFixed(2)} (floor: see the module note)`);
  const r = (med('ours') + med('startup')) / med('readability');
  console.log(
    `budget: (ours+startup)/readability=${r.toFixed(2)} ours/floor=${(med('ours') / med('floor')).toFixed(2)}`,
  );
  if (samples.length < list.length) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
