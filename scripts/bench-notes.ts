// `npm run bench:notes`: the notes library at 10,000 notes (NOTES_BENCH_N) in real Chromium (README "Notes library").
// Fills the library through the background's import messages with notes generated from the corpus articles, then
// prints: time to open the notes page (list shown, search ready: the first open after the import, which restores the
// snapshot the import stored; then, with the snapshot deleted, the worst case: the index built from every note's search
// row; then again from the snapshot that open stored), median and p95 search latency for Chinese queries (worker query until the result rows
// can render; also with the body snippets, which read the shown notes from IndexedDB), export times, an export → clear
// → import round trip of the whole library (count and SHA-256 before and after), and last the lines
// `notes first index s: N` (first open after the import, navigation until search answers) and
// `notes search p95 ms: N`. Uses the build in QINGDU_DIST (default dist); builds it first when missing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { extractFile } from '../src/cli/extract';
import type { Article } from '../src/extract/article';
import { distDir, launch } from './lib/browser';
import { addImages, IMAGES_PER_NOTE, IMAGE_MAX, IMAGE_MIN } from './bench-notes-images';

const N = Number(process.env.NOTES_BENCH_N ?? 10_000);
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

async function main(): Promise<void> {
  const dir = distDir('chromium');
  if (!existsSync(join(dir, 'manifest.json'))) {
    const out = process.env.QINGDU_DIST ?? 'dist';
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      stdio: 'inherit',
      env: { ...process.env, TARGET: 'chrome', QINGDU_OUT: out },
    });
  }
  const base = await corpusArticles();
  console.log(`corpus articles: ${base.length}; generating ${N} notes`);
  // One in-page call fills the library, another round-trips it: at 50,000 notes each takes minutes.
  const driver = await launch({ extensionDir: dir, hosts: [], port: 9, protocolTimeout: 3_600_000 });
  try {
    const page = await driver.openExtensionPage('src/notes/index.html', 'body[data-ready="true"]');
    // tsx compiles with keepNames: functions passed to evaluate call its __name helper, which the page lacks.
    await page.evaluate('window.__name = (f) => f');
    // Generate and import in the page: each note is a corpus article under its own URL, with tags, a note and a date
    // spread over two years; sent to the background in parts and written in one transaction, as an import is.
    const fillMs = await page.evaluate(
      async (articles: Article[], n: number) => {
        const t0 = performance.now();
        const hex = async (s: string) =>
          Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s))), (b) =>
            b.toString(16).padStart(2, '0'),
          ).join('');
        const hashes = await Promise.all(articles.map((a) => hex(a.textContent)));
        const tags = ['工业', '疫情', '经济', '教育', '待读', '引用', '甘肃', '国际'];
        const importId = 'bench';
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
              createdAt: at,
              updatedAt: at,
            });
          }
          const r = await send('notesImportChunk', { importId, notes: part });
          if (!r.ok) throw new Error(r.error);
        }
        const r = await send('notesImportCommit', { importId, replace: false });
        if (!r.ok) throw new Error(r.error);
        return performance.now() - t0;
      },
      base,
      N,
    );
    console.log(`fill ${N} notes (generate + import through the background): ${ms(fillMs)} ms`);
    await page.close();

    type Bench = {
      indexMs: number;
      indexReadyAt: number;
      fromSnapshot: boolean;
      from?: string;
      roundTrip(): Promise<RoundTrip>;
      scroll(screens: number): Promise<number[]>;
      search(q: string): Promise<{ ms: number; snippetsMs: number; hits: number; shown: number }>;
      exportJson(): Promise<{ ms: number; bytes: number }>;
      exportMarkdownZip(): Promise<{ ms: number; bytes: number }>;
    };
    const open = async (label: string) => {
      const t0 = Date.now();
      const p = await driver.openExtensionPage('src/notes/index.html', 'body[data-ready="true"]');
      const list = await p.evaluate(() => (window as unknown as { qingduListReadyAt: number }).qingduListReadyAt);
      // Polled from here with short calls: a long in-page wait can hit the protocol timeout on a loaded machine.
      for (
        const end = Date.now() + 1_200_000;
        !(await p.evaluate(() => 'qingduNotesBench' in window).catch(() => false));
      ) {
        if (Date.now() > end) throw new Error('search index not ready after 20 minutes');
        await new Promise((r) => setTimeout(r, 500));
      }
      const idx = await p.evaluate(() => {
        const b = (window as unknown as { qingduNotesBench: Bench }).qingduNotesBench;
        return { at: b.indexReadyAt, ms: b.indexMs, snap: b.fromSnapshot, from: b.from };
      });
      const how = idx.from ?? (idx.snap ? 'snapshot' : 'built');
      console.log(
        `open notes page (${label}): list shown ${ms(list)} ms after navigation; search ready ${ms(idx.at)} ms (index from ${how} in ${ms(idx.ms)} ms); wall ${Date.now() - t0} ms`,
      );
      firstIndexMs ??= idx.at;
      lastOpenMs = idx.at;
      return p;
    };
    let firstIndexMs: number | undefined;
    let lastOpenMs: number | undefined;
    await (await open('first after the import')).close();
    await dropSnapshot(driver);
    await (await open('snapshot deleted: from every row')).close();
    // The snapshot was stored before the index reported ready; reopening must load it.
    let p = await open('again');
    const searchAll = async (page: typeof p) => {
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
    };
    let { lat, snipLat, hits } = await searchAll(p);
    console.log(`hits: ${QUERIES.map((q) => `${q} ${hits[q]}`).join(', ')}`);
    if (IMAGES_PER_NOTE > 0) {
      // The same library with archived images: the figures above are the baseline of this run.
      const textOnly = { openMs: lastOpenMs!, p95: pct(lat, 0.95), median: pct(lat, 0.5) };
      const added = await addImages(p, IMAGES_PER_NOTE);
      console.log(
        `archived images: ${added.images} (${IMAGES_PER_NOTE} a note, ${IMAGE_MIN / 1024}–${IMAGE_MAX / 1024} KB), ${(added.bytes / 1e9).toFixed(2)} GB written in ${(added.ms / 1000).toFixed(1)} s; extension storage in use ${added.usageBytes === null ? '?' : `${(added.usageBytes / 1e9).toFixed(2)} GB`}`,
      );
      await p.close();
      p = await open('with images');
      ({ lat, snipLat, hits } = await searchAll(p));
      const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '-');
      console.log(
        `with images vs text only (same run): search ready ${ms(lastOpenMs!)} vs ${ms(textOnly.openMs)} ms (×${ratio(lastOpenMs!, textOnly.openMs)}); search median ${ms(pct(lat, 0.5))} vs ${ms(textOnly.median)} ms, p95 ${ms(pct(lat, 0.95))} vs ${ms(textOnly.p95)} ms (×${ratio(pct(lat, 0.95), textOnly.p95)})`,
      );
    }
    const scroll = await p.evaluate(() =>
      (window as unknown as { qingduNotesBench: Bench }).qingduNotesBench.scroll(25),
    );
    console.log(
      `scroll (更多 25 times, 40 notes a screen): screen 1 ${ms(scroll[0])} ms, screen 10 ${ms(scroll[9])} ms, screen 25 ${ms(scroll[24])} ms`,
    );
    const ex = await p.evaluate(() => (window as unknown as { qingduNotesBench: Bench }).qingduNotesBench.exportJson());
    console.log(`export JSON (all ${N}): ${ms(ex.ms)} ms, ${(ex.bytes / 1e6).toFixed(1)} MB`);
    const zip = await p.evaluate(() =>
      (window as unknown as { qingduNotesBench: Bench }).qingduNotesBench.exportMarkdownZip(),
    );
    console.log(`export Markdown zip (all ${N}): ${ms(zip.ms)} ms, ${(zip.bytes / 1e6).toFixed(1)} MB`);
    if (process.env.NOTES_BENCH_ROUNDTRIP !== '0') {
      const rt = await p.evaluate(() =>
        (window as unknown as { qingduNotesBench: Bench }).qingduNotesBench.roundTrip(),
      );
      const same = rt.before.count === rt.after.count && rt.before.sha256 === rt.after.sha256;
      console.log(
        `export → clear → import (${N}): export ${ms(rt.exportMs)} ms (${(rt.bytes / 1e6).toFixed(1)} MB), import ${ms(rt.importMs)} ms (added ${rt.result.added}, skipped ${rt.result.skipped}); count ${rt.before.count} → ${rt.after.count}, sha256 ${rt.before.sha256.slice(0, 12)} → ${rt.after.sha256.slice(0, 12)}: ${same ? 'identical' : 'DIFFERENT'}`,
      );
      await p.close();
      await dropSnapshot(driver);
      await (await open('after the round trip, no snapshot')).close();
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
    console.log(
      `machine load average at the end: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} (${cpus().length} cores)`,
    );
    console.log(`notes first index s: ${(firstIndexMs! / 1000).toFixed(2)}`);
    console.log(`notes search p95 ms: ${ms(pct(lat, 0.95))}`);
  } finally {
    await driver.close();
  }
}

type RoundTrip = {
  before: { count: number; sha256: string };
  after: { count: number; sha256: string };
  result: { added: number; skipped: number };
  exportMs: number;
  importMs: number;
  bytes: number;
};

/**
 * Delete the search snapshot (and the revision-1 one) from the library: the next open of the notes page then
 * builds the index as it must after an import whose page was closed before it could store one.
 */
async function dropSnapshot(driver: Awaited<ReturnType<typeof launch>>): Promise<void> {
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
