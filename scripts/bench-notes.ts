// `npm run bench:notes`: the notes library at 10,000 notes in real Chromium or Firefox ESR (README "Notes library").
// The size: `--notes=N`, else BENCH_NOTES (or NOTES_BENCH_N), default 10,000; the browser: QINGDU_BROWSER.
// Fills the library through the background's import messages with notes generated from the corpus articles (every
// fourth with three highlights and comments), then prints: time to open the notes page (until the first list is shown,
// and until search answers: the first open after the import, which restores the snapshot the import stored; then,
// with the snapshot deleted, the worst case: the index built from every note's search row; then again from the
// snapshot that open stored), median and p95 search latency for Chinese queries (worker query until the result rows
// can render; also with the body snippets, which read the shown notes from IndexedDB), paging through the list with
// the page's own 更多 button, export times and sizes, an export → clear → import round trip of the whole library
// (count and SHA-256 of the canonical export before and after), and last the lines
// `notes first index s: N` (first open after the import, navigation until search answers),
// `notes search p95 ms: N` and `notes N: open s=… export s=… import s=… identical=yes|no`.
// Uses the build in QINGDU_DIST (default dist); builds it first when missing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { extractFile } from '../src/cli/extract';
import type { Article } from '../src/extract/article';
import { browserKind, distDir, launch } from './lib/browser';
import { addImages, imagesPerNote, IMAGE_MAX, IMAGE_MIN } from './bench-notes-images';

/** The library size: `--notes=N`, else BENCH_NOTES, else NOTES_BENCH_N (its older name), default 10,000. */
function librarySize(): number {
  const flag = process.argv.find((a) => a.startsWith('--notes='))?.slice('--notes='.length);
  const n = Number(flag ?? process.env.BENCH_NOTES ?? process.env.NOTES_BENCH_N ?? 10_000);
  if (!Number.isInteger(n) || n < 1) throw new Error(`library size must be a positive integer, got ${flag}`);
  return n;
}
const N = librarySize();
const KIND = browserKind();
const IMAGES_PER_NOTE = imagesPerNote(N);
const QUERIES = [
  '齿轮厂',
  '甘肃',
  '疫情',
  '经济',
  '龙湖集团',
  '学军中学',
  '记者',
  '发展',
  '新华社',
  '社区',
  '防疫',
  '教育',
  '上海',
  '消费者',
  '芯片',
  '贸易战',
  '退休',
  '银行',
  '北京时间',
  '习近平',
];
const REPEAT = 5;

async function corpusArticles(): Promise<Article[]> {
  const out: Article[] = [];
  for (const line of readFileSync('test/fixtures/corpus/labels.jsonl', 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const l = JSON.parse(line) as { file: string; is_article: boolean; url: string | null };
    if (!l.is_article) continue;
    const url = l.url ?? `http://corpus.example/${l.file}`;
    out.push(await extractFile({ file: join('test/fixtures/corpus', l.file), url }));
  }
  return out;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * p) - 1)];
const ms = (x: number) => x.toFixed(1);

const s = (x: number) => (x / 1000).toFixed(1);
const load = () =>
  `load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (${cpus().length} cores)`;

type Driver = Awaited<ReturnType<typeof launch>>;
type Page = Awaited<ReturnType<Driver['openExtensionPage']>>;

/** What the page's benchmark hooks offer (src/notes/bench-hooks.ts). */
type Bench = {
  indexMs: number;
  indexReadyAt: number;
  fromSnapshot: boolean;
  from?: string;
  roundTrip(): Promise<RoundTrip>;
  search(q: string): Promise<{ ms: number; snippetsMs: number; hits: number; shown: number }>;
  exportJson(): Promise<{ ms: number; bytes: number }>;
  exportMarkdownZip(): Promise<{ ms: number; bytes: number }>;
};

type RoundTrip = {
  before: { count: number; sha256: string };
  after: { count: number; sha256: string };
  result: { added: number; skipped: number };
  exportMs: number;
  importMs: number;
  bytes: number;
};

/** One open of the notes page: navigation → first list shown, → search ready (and where the index came from). */
type Opened = { page: Page; listMs: number; searchMs: number };

/** Build the extension for the browser under test when QINGDU_DIST has no build of it. */
function ensureBuild(dir: string): void {
  if (existsSync(join(dir, 'manifest.json'))) return;
  const out = process.env.QINGDU_DIST ?? 'dist';
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, TARGET: KIND === 'firefox' ? 'firefox' : 'chrome', QINGDU_OUT: out },
  });
}

/**
 * Generate and import `n` notes in an extension page: each note is a corpus article under its own URL, with tags, a
 * note and a date spread over two years; sent to the background in parts and written in one transaction, as an import
 * is. Returns the whole time and the commit's alone (the one background call that writes everything).
 */
async function fillLibrary(page: Page, base: Article[], n: number): Promise<{ fillMs: number; commitMs: number }> {
  // tsx compiles with keepNames: functions passed to evaluate call its __name helper, which the page lacks.
  await page.evaluate('window.__name = (f) => f');
  return page.evaluate(
    async (articles: Article[], n: number) => {
      const t0 = performance.now();
      const hex = async (s: string) =>
        Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s))), (b) =>
          b.toString(16).padStart(2, '0'),
        ).join('');
      const hashes = await Promise.all(articles.map((a) => hex(a.textContent)));
      const tags = ['工业', '疫情', '经济', '教育', '待读', '引用', '甘肃', '国际'];
      const importId = 'bench';
      const highlights = (text: string, j: number, at: string) =>
        [0.2, 0.5, 0.8].map((f, k) => {
          const start = Math.floor(text.length * f);
          const end = Math.min(text.length, start + 12 + k * 10);
          return {
            id: crypto.randomUUID(),
            motivation: 'commenting',
            bodyValue: `第${j}条第${k + 1}处批注：核对数字与来源`,
            color: ['yellow', 'green', 'blue'][k],
            target: {
              selector: [
                {
                  type: 'TextQuoteSelector',
                  exact: text.slice(start, end) || '空',
                  prefix: text.slice(Math.max(0, start - 32), start),
                  suffix: text.slice(end, end + 32),
                },
                { type: 'TextPositionSelector', start, end },
              ],
            },
            created: at,
            modified: at,
          };
        });
      const send = (name: string, data: unknown) =>
        chrome.runtime.sendMessage({ name, data }) as Promise<{ ok: boolean; error?: string }>;
      for (let i = 0; i < n; i += 250) {
        const part = [];
        for (let j = i; j < Math.min(n, i + 250); j++) {
          const a = articles[j % articles.length];
          const url = `${a.canonicalUrl ?? a.url}?copy=${j}`;
          const at = new Date(Date.UTC(2025, 0, 1) + j * 6_300_000).toISOString();
          part.push({
            id: crypto.randomUUID(),
            canonicalUrl: url,
            article: { ...a, url, canonicalUrl: url },
            site: a.siteName ?? new URL(url).host,
            accessedAt: at,
            textSha256: hashes[j % articles.length],
            note: j % 7 === 0 ? `第${j}条：待核实的材料` : '',
            tags: [tags[j % tags.length], ...(j % 3 === 0 ? [tags[(j + 3) % tags.length]] : [])],
            quotes: [],
            // Every fourth note carries three highlights with comments (the search rows index them).
            ...(j % 4 === 0 ? { annotations: highlights(a.textContent, j, at) } : {}),
            createdAt: at,
            updatedAt: at,
          });
        }
        const r = await send('notesImportChunk', { importId, notes: part });
        if (!r.ok) throw new Error(r.error);
      }
      const t1 = performance.now();
      const r = await send('notesImportCommit', { importId, replace: false });
      if (!r.ok) throw new Error(r.error);
      return { fillMs: performance.now() - t0, commitMs: performance.now() - t1 };
    },
    base,
    n,
  );
}

/** Wait (polling with short calls: a long in-page wait can hit the protocol timeout) until `test` holds in `page`. */
async function until(page: Page, test: () => boolean, what: string, minutes = 20): Promise<void> {
  for (const end = Date.now() + minutes * 60_000; !(await page.evaluate(test).catch(() => false));) {
    if (Date.now() > end) throw new Error(`${what} not there after ${minutes} minutes`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Open the notes page and print when the first list was shown and when search answered (times from navigation start
 * in the page). The list may take longer than the driver's usual 15 s wait at 50,000 notes, so it is polled here.
 */
async function openNotes(driver: Driver, label: string): Promise<Opened> {
  const t0 = Date.now();
  const page = await driver.openExtensionPage('src/notes/index.html', 'body');
  await until(page, () => document.body.dataset.ready === 'true', 'the first list');
  const listMs = await page.evaluate(() => (window as unknown as { qingduListReadyAt: number }).qingduListReadyAt);
  await until(page, () => 'qingduNotesBench' in window, 'the search index');
  const idx = await page.evaluate(() => {
    const b = (window as unknown as { qingduNotesBench: Bench }).qingduNotesBench;
    return { at: b.indexReadyAt, ms: b.indexMs, snap: b.fromSnapshot, from: b.from };
  });
  const how = idx.from ?? (idx.snap ? 'snapshot' : 'built');
  console.log(
    `open notes page (${label}): list shown ${ms(listMs)} ms after navigation; search ready ${ms(idx.at)} ms (index from ${how} in ${ms(idx.ms)} ms); wall ${Date.now() - t0} ms`,
  );
  return { page, listMs, searchMs: idx.at };
}

/** Search latency over QUERIES × REPEAT in an open notes page, and the hit count of each query. */
async function searchAll(page: Page) {
  const lat: number[] = [];
  const snipLat: number[] = [];
  const hits: Record<string, number> = {};
  for (let r = 0; r < REPEAT; r++)
    for (const q of QUERIES) {
      const res = await page.evaluate(
        (q: string) => (window as unknown as { qingduNotesBench: Bench }).qingduNotesBench.search(q),
        q,
      );
      lat.push(res.ms);
      snipLat.push(res.snippetsMs);
      hits[q] = res.hits;
    }
  return { lat, snipLat, hits };
}

/**
 * Page through the list as a reader does: click 更多 `screens` times and time each click until the list holds one more
 * screen of rows (the page reads and renders them). Returns the milliseconds per screen.
 */
async function scrollList(page: Page, screens: number): Promise<number[]> {
  // tsx compiles with keepNames: the arrow functions below call its __name helper, which the page lacks.
  await page.evaluate('window.__name = (f) => f');
  return page.evaluate(async (screens: number) => {
    const rows = () => document.querySelectorAll('#note-list > li').length;
    const out: number[] = [];
    for (let k = 0; k < screens; k++) {
      const more = document.getElementById('more');
      if (!more) break;
      const want = rows() + 1;
      const t0 = performance.now();
      more.click();
      while (rows() < want) await new Promise((r) => requestAnimationFrame(r));
      out.push(performance.now() - t0);
    }
    return out;
  }, screens);
}

/** The images step: the same library with archived images, its figures against the text-only ones of this run. */
async function withImages(driver: Driver, opened: Opened, textOnly: { lat: number[] }): Promise<Opened> {
  const added = await addImages(opened.page, IMAGES_PER_NOTE);
  console.log(
    `archived images: ${added.images} (${IMAGES_PER_NOTE} a note, ${IMAGE_MIN / 1024}–${IMAGE_MAX / 1024} KB), ${(added.bytes / 1e9).toFixed(2)} GB written in ${s(added.ms)} s; extension storage in use ${added.usageBytes === null ? '?' : `${(added.usageBytes / 1e9).toFixed(2)} GB`}`,
  );
  await opened.page.close();
  const again = await openNotes(driver, 'with images');
  const { lat } = await searchAll(again.page);
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '-');
  const p95 = pct(lat, 0.95);
  const base = pct(textOnly.lat, 0.95);
  console.log(
    `with images vs text only (same run): search ready ${ms(again.searchMs)} vs ${ms(opened.searchMs)} ms (×${ratio(again.searchMs, opened.searchMs)}); search median ${ms(pct(lat, 0.5))} vs ${ms(pct(textOnly.lat, 0.5))} ms, p95 ${ms(p95)} vs ${ms(base)} ms (×${ratio(p95, base)})`,
  );
  return again;
}

const bench = (page: Page) => ({
  call: <K extends 'exportJson' | 'exportMarkdownZip' | 'roundTrip'>(k: K) =>
    page.evaluate(
      (k: string) => (window as unknown as { qingduNotesBench: Record<string, () => unknown> }).qingduNotesBench[k](),
      k,
    ) as ReturnType<Bench[K]>,
});

async function main(): Promise<void> {
  const dir = distDir(KIND);
  ensureBuild(dir);
  const base = await corpusArticles();
  console.log(`${KIND}: ${N} notes from ${base.length} corpus articles; ${load()}`);
  // One in-page call fills the library, another round-trips it: at 50,000 notes each takes minutes.
  const driver = await launch({ kind: KIND, extensionDir: dir, hosts: [], port: 9, protocolTimeout: 3_600_000 });
  try {
    const filler = await driver.openExtensionPage('src/notes/index.html', 'body[data-ready="true"]');
    const fill = await fillLibrary(filler, base, N);
    console.log(
      `fill ${N} notes (generate + import through the background): ${s(fill.fillMs)} s, of which the commit ${s(fill.commitMs)} s`,
    );
    await filler.close();

    const first = await openNotes(driver, 'first after the import');
    await first.page.close();
    await dropSnapshot(driver);
    await (await openNotes(driver, 'snapshot deleted: from every row')).page.close();
    // The snapshot was stored before the index reported ready; reopening must load it.
    let p = await openNotes(driver, 'again');
    const searched = await searchAll(p.page);
    let { lat, snipLat } = searched;
    const { hits } = searched;
    console.log(`hits: ${QUERIES.map((q) => `${q} ${hits[q]}`).join(', ')}`);
    if (IMAGES_PER_NOTE > 0) {
      p = await withImages(driver, p, { lat });
      ({ lat, snipLat } = await searchAll(p.page));
    }
    const scroll = await scrollList(p.page, 25);
    console.log(
      `scroll (更多 clicked ${scroll.length} times, 40 notes a screen, until the rows are on screen): screen 2 ${ms(scroll[0])} ms, screen 10 ${ms(scroll[8])} ms, screen 26 ${ms(scroll[scroll.length - 1])} ms, median ${ms(pct(scroll, 0.5))} ms`,
    );
    const ex = await bench(p.page).call('exportJson');
    console.log(`export JSON (all ${N}): ${ms(ex.ms)} ms, ${(ex.bytes / 1e6).toFixed(1)} MB`);
    // The Markdown zip converts every note (turndown, about 2 ms each): minutes at 50,000 notes, so above 10,000 only
    // with NOTES_BENCH_MARKDOWN=1.
    if (process.env.NOTES_BENCH_MARKDOWN === '1' || (N <= 10_000 && process.env.NOTES_BENCH_MARKDOWN !== '0')) {
      const zip = await bench(p.page).call('exportMarkdownZip');
      console.log(`export Markdown zip (all ${N}): ${ms(zip.ms)} ms, ${(zip.bytes / 1e6).toFixed(1)} MB`);
    } else console.log(`export Markdown zip: skipped (NOTES_BENCH_MARKDOWN=1 runs it)`);
    let rt: RoundTrip | undefined;
    if (process.env.NOTES_BENCH_ROUNDTRIP !== '0') {
      rt = await bench(p.page).call('roundTrip');
      const same = rt.before.count === rt.after.count && rt.before.sha256 === rt.after.sha256;
      console.log(
        `export → clear → import (${N}): export ${ms(rt.exportMs)} ms (${(rt.bytes / 1e6).toFixed(1)} MB), import ${ms(rt.importMs)} ms (added ${rt.result.added}, skipped ${rt.result.skipped}); count ${rt.before.count} → ${rt.after.count}, sha256 of the canonical export ${rt.before.sha256.slice(0, 12)} → ${rt.after.sha256.slice(0, 12)}: ${same ? 'identical' : 'DIFFERENT'}`,
      );
      await p.page.close();
      await dropSnapshot(driver);
      await (await openNotes(driver, 'after the round trip, no snapshot')).page.close();
    }
    console.log(
      `search latency over ${lat.length} queries (${QUERIES.length} Chinese queries × ${REPEAT}): median ${ms(pct(lat, 0.5))} ms, p95 ${ms(pct(lat, 0.95))} ms, max ${ms(Math.max(...lat))} ms`,
    );
    console.log(
      `  (result rows: worker query + filters; rows come from fields stored in the index, no IndexedDB read)`,
    );
    console.log(
      `search + body snippets of the first screen (reads those notes from IndexedDB): median ${ms(pct(snipLat, 0.5))} ms, p95 ${ms(pct(snipLat, 0.95))} ms`,
    );
    console.log(`machine ${load()} at the end; browser ${KIND}`);
    console.log(`notes first index s: ${(first.searchMs / 1000).toFixed(2)}`);
    console.log(`notes search p95 ms: ${ms(pct(lat, 0.95))}`);
    const identical = rt ? rt.before.count === rt.after.count && rt.before.sha256 === rt.after.sha256 : undefined;
    console.log(
      `notes ${N}: open s=${s(first.listMs)} export s=${s(ex.ms)} import s=${rt ? s(rt.importMs) : '-'} identical=${identical === undefined ? 'not run' : identical ? 'yes' : 'no'}`,
    );
  } finally {
    await driver.close();
  }
}

/**
 * Delete the search snapshot (and the revision-1 one) from the library: the next open of the notes page then
 * builds the index as it must after an import whose page was closed before it could store one.
 */
async function dropSnapshot(driver: Driver): Promise<void> {
  // In the background (no notes page, so no search worker that could store a new snapshot meanwhile).
  await driver.background(
    () =>
      new Promise<void>((ok, fail) => {
        const open = indexedDB.open('qingdu-notes');
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').delete('searchSnapshot');
          tx.objectStore('meta').delete('searchIndex');
          tx.oncomplete = () => {
            open.result.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
        open.onerror = () => fail(open.error);
      }),
  );
}

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
