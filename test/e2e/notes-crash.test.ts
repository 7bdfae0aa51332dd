import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { distDir, launch, type Driver } from '../../scripts/lib/browser';
import { extractFile } from '../../src/cli/extract';
import type { Article } from '../../src/extract/article';

// Crash safety of the notes library (README "Notes library"): a burst of saves runs through the background, the whole
// browser (every process of its group) is killed with SIGKILL in the middle of it, and the same profile is opened
// again. After every kill the library must be consistent: each note whole (its stored hash matches its text), each
// note with its search row and no row without its note (search-row.ts, written in the note's transaction by write.ts),
// the revision counter equal to the number of saves committed, every note found by search, and every save the
// background had acknowledged before the kill still there. CRASH_KILLS sets the number of kills (default 5).
const KILLS = Number(process.env.CRASH_KILLS ?? 5);
const PAGES = ['gscn-1', 'people-1', 'sina-1', '163-1', 'xinhuanet-1', 'thepaper-1'];

let profile: string;
let articles: Article[];
let driver: Driver | undefined;

beforeAll(async () => {
  profile = mkdtempSync(join(tmpdir(), 'qingdu-crash-'));
  const labels = readFileSync('test/fixtures/corpus/labels.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { file: string; url: string | null });
  articles = await Promise.all(
    PAGES.map((p) => {
      const l = labels.find((x) => x.file === `pages/${p}.html`)!;
      return extractFile({ file: join('test/fixtures/corpus', l.file), url: l.url ?? `http://corpus.example/${p}` });
    }),
  );
});
afterAll(async () => {
  await driver?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** What the consistency check finds in the library (read straight from IndexedDB in an extension page). */
interface LibraryCheck {
  notes: number;
  rows: number;
  revision: number;
  titles: string[];
  problems: string[];
}

/** Read notes, search rows and the revision in one transaction and list every disagreement. */
const checkLibrary = (page: Page) =>
  page.evaluate(async (): Promise<LibraryCheck> => {
    const req = indexedDB.open('qingdu-notes');
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const tx = db.transaction(['notes', 'search', 'meta']);
    const get = <T>(r: IDBRequest) =>
      new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result as T)), (r.onerror = () => fail(r.error))));
    type N = { id: string; textSha256: string; createdAt: string; article: { title: string; textContent: string } };
    type R = { id: string; title: string; createdAt: string; codes: Uint32Array[] };
    const [notes, rows, revision] = await Promise.all([
      get<N[]>(tx.objectStore('notes').getAll()),
      get<R[]>(tx.objectStore('search').getAll()),
      get<number | undefined>(tx.objectStore('meta').get('revision')),
    ]);
    db.close();
    const problems: string[] = [];
    const rowById = new Map(rows.map((r) => [r.id, r]));
    const noteIds = new Set(notes.map((n) => n.id));
    for (const n of notes) {
      const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(n.article?.textContent ?? ''));
      const hex = Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
      if (hex !== n.textSha256) problems.push(`note ${n.id}: text does not match its hash`);
      const row = rowById.get(n.id);
      if (!row) problems.push(`note ${n.id}: no search row`);
      else if (row.title !== n.article.title || row.createdAt !== n.createdAt || row.codes?.length !== 4)
        problems.push(`note ${n.id}: search row disagrees`);
    }
    for (const r of rows) if (!noteIds.has(r.id)) problems.push(`search row ${r.id} without its note`);
    // Every save here creates a note and bumps the revision once, in the same transaction.
    if ((revision ?? 0) !== notes.length) problems.push(`revision ${revision ?? 0} for ${notes.length} notes`);
    return {
      notes: notes.length,
      rows: rows.length,
      revision: revision ?? 0,
      titles: notes.map((n) => n.article.title),
      problems,
    };
  });

/** Put raw records into the library (bypassing the background), or delete them: to prove the check sees damage. */
const rawWrite = (page: Page, puts: [string, unknown][], deletes: [string, string][]) =>
  page.evaluate(
    (puts: [string, unknown][], deletes: [string, string][]) =>
      new Promise<void>((ok, fail) => {
        const req = indexedDB.open('qingdu-notes');
        req.onsuccess = () => {
          const tx = req.result.transaction(['notes', 'search'], 'readwrite');
          for (const [store, value] of puts) tx.objectStore(store).put(value);
          for (const [store, key] of deletes) tx.objectStore(store).delete(key);
          tx.oncomplete = () => {
            req.result.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
        req.onerror = () => fail(req.error);
      }),
    puts,
    deletes,
  );

/** The check itself finds a note with a wrong hash and no row, and a row without its note. */
async function checkSeesDamage(page: Page): Promise<void> {
  const note = {
    id: 'bad',
    canonicalUrl: 'http://bad.example/',
    textSha256: '0',
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  await rawWrite(
    page,
    [
      ['notes', { ...note, article: { title: 't', textContent: 'x' } }],
      ['search', { id: 'orphan' }],
    ],
    [],
  );
  expect((await checkLibrary(page)).problems).toEqual([
    'note bad: text does not match its hash',
    'note bad: no search row',
    'search row orphan without its note',
    'revision 0 for 1 notes',
  ]);
  await rawWrite(
    page,
    [],
    [
      ['notes', 'bad'],
      ['search', 'orphan'],
    ],
  );
}

/** Hits of a query through the notes page's own search index (its benchmark hook, set once the index is ready). */
async function searchCount(page: Page, q: string): Promise<number> {
  await page.waitForFunction(() => 'qingduNotesBench' in window, { timeout: 60_000 });
  return page.evaluate(
    (query: string) =>
      (window as unknown as { qingduNotesBench: { search(q: string): Promise<{ hits: number }> } }).qingduNotesBench
        .search(query)
        .then((r) => r.hits),
    q,
  );
}

/** Start saving `count` notes, 4 at a time, through the background; progress is on `window.crashBurst`. */
const startBurst = (page: Page, round: number, count: number) =>
  page.evaluate(
    (arts: Article[], round: number, count: number) => {
      const state = { sent: 0, acked: 0, failed: 0 };
      Object.assign(window, { crashBurst: state });
      let next = 0;
      const one = async (): Promise<void> => {
        const i = next++;
        if (i >= count) return;
        const a = arts[i % arts.length];
        const url = `${a.canonicalUrl ?? a.url}?crash=${round}-${i}`;
        const article = { ...a, url, canonicalUrl: url, title: `${a.title} qdk${round}n${i}` };
        state.sent++;
        const r = (await chrome.runtime.sendMessage({ name: 'notesSave', data: { article } })) as { ok: boolean };
        if (r?.ok) state.acked++;
        else state.failed++;
        return one();
      };
      for (let w = 0; w < 4; w++) void one();
    },
    articles,
    round,
    count,
  );

/** Kill the browser and all its processes (puppeteer starts it as the leader of its own process group). */
async function killBrowser(d: Driver): Promise<void> {
  const proc = d.browser.process();
  if (!proc?.pid) throw new Error('no browser process to kill');
  const exited = new Promise((ok) => proc.once('exit', ok));
  process.kill(-proc.pid, 'SIGKILL');
  await exited;
  await prefsRestored();
}

/**
 * Firefox: when the browser exits, puppeteer puts the kept profile's own `prefs.js`/`user.js` back from its
 * `*.puppeteer` copies (unlink, then rename) without being awaited; a launch started in between finds `user.js` gone
 * while copying it (ENOENT, seen after the 4th kill of a CI run). Wait until no copy is left (at most 10 s).
 */
async function prefsRestored(): Promise<void> {
  const pending = () => ['prefs.js', 'user.js'].some((f) => existsSync(join(profile, `${f}.puppeteer`)));
  for (const end = Date.now() + 10_000; pending() && Date.now() < end;) await new Promise((ok) => setTimeout(ok, 50));
  if (pending()) throw new Error('puppeteer did not restore the profile prefs within 10 s of the kill');
}

it(`leaves the library consistent after ${KILLS} kills during bursts of saves`, async () => {
  try {
    await killRounds();
  } finally {
    // (a failed round must not leave the profile in use for the retry)
    await driver?.close();
    driver = undefined;
  }
});

/** Launch on the kept profile, check, start a burst, kill; KILLS times, then check once more. */
async function killRounds(): Promise<void> {
  let acknowledged = 0;
  for (let round = 0; round <= KILLS; round++) {
    driver = await launch({ extensionDir: distDir(), hosts: [], port: 9, profile });
    const page = await driver.openExtensionPage('src/notes/index.html', 'body[data-ready="true"]');
    if (round === 0) await checkSeesDamage(page);
    const check = await checkLibrary(page);
    expect(check.problems).toEqual([]);
    expect(check.notes).toBeGreaterThanOrEqual(acknowledged);
    for (const t of check.titles) expect(await searchCount(page, t.match(/qdk\d+n\d+/)![0])).toBe(1);
    if (round > 0)
      console.log(
        `kill ${round}: library after reopening: ${check.notes} notes (acknowledged before the kills ${acknowledged}), ${check.rows} search rows, revision ${check.revision}: consistent`,
      );
    if (round === KILLS) return;
    // Kill after a different number of acknowledged saves each round, while more are in flight.
    const killAt = 3 + ((round * 7) % 13);
    await startBurst(page, round, 400);
    let seen = { sent: 0, acked: 0, failed: 0 };
    while (seen.acked < killAt) {
      seen = await page.evaluate(() => ({ ...(window as unknown as { crashBurst: typeof seen }).crashBurst }));
      expect(seen.failed).toBe(0);
    }
    await killBrowser(driver);
    driver = undefined;
    acknowledged = check.notes + seen.acked;
    console.log(`kill ${round + 1}: SIGKILL after ${seen.sent} saves sent, ${seen.acked} acknowledged`);
  }
}

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
