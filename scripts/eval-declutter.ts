/**
 * `npm run eval:declutter [--generic] [--no-build] [--pages a,b] [--shots DIR] [--page-scripts]`: how well the
 * in-place declutter hides the labelled clutter of every corpus page and keeps the labelled strings visible, measured
 * with the built Chrome extension in real Chromium (README "Browser tests").
 *
 * Method, per page of test/fixtures/corpus (labels.jsonl: clutter, keep, keep_site, body_first, body_last):
 * - The page is served from localhost under its own address (scripts/lib/declutter-labels.ts servedAddresses), over
 *   http or https as labelled, on one port that speaks both (a self-signed certificate made at run time; Chromium
 *   ignores certificate errors and maps every page host to that port). Chromium's HTTPS-Upgrades are off so an http
 *   address stays http, but its HSTS preload list still upgrades the hosts on it (www.bbc.com), as for any reader.
 *   The pages' own scripts are blocked (a CSP header; content scripts are exempt): they cannot reach their servers
 *   here, some redirect or rewrite the page (thepaper's switch to https), and without them both loads of a page show
 *   the same DOM (scripts/lib/declutter-score.ts compares occurrences by position). `--page-scripts` lets them run.
 * - Before: the page loaded with the extension's automatic declutter off (its setting in storage, as the popup's
 *   自动净化新闻页面 sets it): the content script runs but changes nothing, so the page is as without Qingdu.
 * - After: loaded again with the setting on. On a host the manifest's content scripts match, the content script
 *   declutters by itself; the harness waits until it answers `status` (it answers after page load's work). On any
 *   other host, the page is opened and Qingdu invoked as a reader does, with the real shortcut (Alt+Shift+Q pressed
 *   with xdotool on a private Xvfb display, so the browser runs headed): the content script is injected, declutters,
 *   the reader opens and is closed with Escape; the declutter stays.
 * - Each time, the rendering engine says which occurrences of each labelled string are visible
 *   (scripts/lib/text-visibility.ts: checkVisibility with opacity and visibility on the innermost element holding
 *   the string). A clutter string counts as hidden when every occurrence visible before is hidden after; a string
 *   that must stay counts as kept when an occurrence visible before is still visible after.
 * Prints one line per page and ends with `declutter: clutter hidden H/N  kept visible K/M  pages with a kept string
 * hidden B`. Exit status 0 (it measures), 1 when a page could not be measured, 2 on bad arguments.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launch, type Driver } from './lib/browser';
import { askContent, waitForContent } from './lib/extension-probe';
import { servePages, type PageServer, type Route } from './lib/page-server';
import { selfSignedCert } from './lib/self-signed';
import { startXvfb, type XServer } from './lib/x11';
import {
  contentScriptHosts,
  readDeclutterLabels,
  routeOf,
  runsByItself,
  servedAddresses,
  type DeclutterLabel,
} from './lib/declutter-labels';
import { findTextHits, pageCall, type TextHit } from './lib/text-visibility';
import {
  failedPage,
  judgeClutter,
  judgeKeep,
  pageLine,
  articleLine,
  summaryLine,
  uncountedLine,
  type PageResult,
} from './lib/declutter-score';
import { SHOT_PAGES, shootPage, shotIds, writeShotIndex } from './lib/declutter-shots';
import { parseOptions, type Options } from './lib/declutter-options';

const CORPUS = 'test/fixtures/corpus';
/** The toggle-reader command's key for xdotool, e.g. `alt+shift+q` (manifest.json; test/e2e/shortcut.test.ts checks it). */
const SHORTCUT = (
  JSON.parse(readFileSync('manifest.json', 'utf8')) as {
    commands: Record<string, { suggested_key: { default: string } }>;
  }
).commands['toggle-reader'].suggested_key.default.toLowerCase();

/**
 * Build the Chrome extension (unless `--no-build`) and return its folder: dist/chrome (QINGDU_DIST), or with every
 * site rule off (QINGDU_SITE_RULES=0, vite.config.ts) dist-generic/chrome.
 */
function buildExtension(o: Options): string {
  const out = o.generic ? 'dist-generic' : (process.env.QINGDU_DIST ?? 'dist');
  if (o.build) {
    const env = { ...process.env, TARGET: 'chrome', QINGDU_OUT: out, QINGDU_SITE_RULES: o.generic ? '0' : '1' };
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { encoding: 'utf8', env });
    // (the plugin's build steps print much even at logLevel warn: shown only when the build fails)
    if (r.status !== 0) throw new Error(`build failed (status ${r.status}):\n${r.stdout}${r.stderr}`);
    process.stderr.write(`built ${out}/chrome${o.generic ? ' with every site rule off' : ''}\n`);
  }
  return resolve(out, 'chrome');
}

/** What every page's measurement needs. */
interface Run {
  driver: Driver;
  x: XServer | null;
  addresses: Map<string, string>;
  contentHosts: RegExp[];
  shots: string | null;
}

/** Turn the extension's automatic declutter (src/shared/settings.ts, key `settings`) on or off. */
async function setAutoDeclutter(driver: Driver, on: boolean): Promise<void> {
  await driver.background(async (value: boolean) => {
    const stored = (await chrome.storage.local.get('settings')).settings;
    await chrome.storage.local.set({ settings: { ...(stored as object), autoDeclutter: value } });
  }, on);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The content script's status (src/shared/messages.ts ContentStatus), or null when none answers. */
type Status = { isArticle: boolean; declutter: boolean; readerOpen?: boolean; readerLoaded?: boolean };

/** The content script's status, or null when none answers (yet). */
const statusOf = (run: Run, tabId: number) => askContent<Status>(run.driver, tabId, 'status').catch(() => null);

/**
 * Press the real shortcut until the content script answers (up to 3 presses, 5 s each: on a loaded machine a key
 * can arrive before the window has the keyboard). The click on the tab strip gives the browser window the keyboard
 * without touching the page. @throws when it never answers
 */
async function pressShortcut(run: Run, x: XServer, page: Page, tabId: number): Promise<void> {
  for (let press = 0; press < 3; press++) {
    await page.bringToFront();
    x.click(1000, 22);
    await sleep(200);
    x.key(SHORTCUT);
    for (const end = Date.now() + 5000; Date.now() < end; await sleep(200)) if (await statusOf(run, tabId)) return;
  }
  throw new Error('the shortcut did not start Qingdu');
}

/**
 * Invoke Qingdu with the real shortcut and close the reader it opens with Escape (the declutter stays).
 * @returns the content script's status once it is done
 */
async function viaShortcut(run: Run, page: Page, tabId: number): Promise<Status> {
  if (!run.x) throw new Error('no Xvfb/xdotool for the shortcut');
  await pressShortcut(run, run.x, page, tabId);
  let status: Status | null = null;
  let loadedSince = 0;
  // Done when the reader is open, or when its bundle has been loaded for 2 s without opening (no article).
  for (const end = Date.now() + 10_000; Date.now() < end; await sleep(200)) {
    status = (await statusOf(run, tabId)) ?? status;
    if (status?.readerOpen) break;
    if (status?.readerLoaded) loadedSince ||= Date.now();
    if (loadedSince && Date.now() - loadedSince > 2000) break;
  }
  if (!status) throw new Error('the content script stopped answering');
  if (status.readerOpen) {
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('qingdu-reader'), { timeout: 10_000 });
  }
  return status;
}

/** One load of a page and what it showed. */
interface Load {
  hits: TextHit[][];
  status: Status | null;
  url: string;
}

/**
 * Load a page with the automatic declutter on or off, wait for Qingdu (after: by itself, or through the shortcut on
 * hosts the manifest does not match), measure the strings' visibility, and screenshot when asked.
 * @param shoot called with the open page before it closes
 */
async function loadPage(
  run: Run,
  address: string,
  declutter: boolean,
  needles: string[],
  shoot?: (page: Page, hits: TextHit[][]) => Promise<void>,
): Promise<Load> {
  await setAutoDeclutter(run.driver, declutter);
  const page = await run.driver.open(address);
  try {
    const tabId = await run.driver.tabId(page);
    let status: Status | null = null;
    if (declutter)
      status = runsByItself(address, run.contentHosts)
        ? await waitForContent(run.driver, tabId)
        : await viaShortcut(run, page, tabId);
    const hits = (await page.evaluate(pageCall(findTextHits, needles))) as TextHit[][];
    await shoot?.(page, hits);
    return { hits, status, url: page.url() };
  } finally {
    await page.close();
  }
}

/** Notes for a page's line: how it was reached and what the extension said. */
function notesOf(run: Run, address: string, after: Load): string[] {
  const notes: string[] = [];
  if (after.url.startsWith('https:')) notes.push(address.startsWith('http:') ? 'https by HSTS' : 'https');
  if (!runsByItself(address, run.contentHosts)) notes.push('shortcut');
  if (after.status && !after.status.isArticle) notes.push('no article');
  if (after.status && !after.status.declutter) notes.push('not decluttered');
  return notes;
}

/** Measure one page: before and after, judged string by string. */
async function measurePage(run: Run, label: DeclutterLabel): Promise<PageResult> {
  const address = run.addresses.get(label.name)!;
  const needles = [...label.clutter, ...label.keep];
  const n = label.clutter.length;
  const shotDir = run.shots && SHOT_PAGES.includes(label.name) ? resolve(run.shots, label.name) : null;
  const ids = shotIds(n, label.keep.length);
  // each string's first occurrence visible before the declutter: what its screenshots show
  let pick: number[] = [];
  const before = await loadPage(run, address, false, needles, async (page, hits) => {
    pick = hits.map((h) => h.findIndex((x) => x.visible));
    if (shotDir) await shootPage(page, shotDir, 'before', { ids, hits, pick });
  });
  const after = await loadPage(run, address, true, needles, async (page, hits) => {
    if (shotDir) await shootPage(page, shotDir, 'after', { ids, hits, pick });
  });
  const seen = (l: Load, i: number) => l.hits[i].map((h) => h.visible);
  const result: PageResult = {
    name: label.name,
    clutter: label.clutter.map((text, i) => ({ text, verdict: judgeClutter(seen(before, i), seen(after, i)) })),
    keep: label.keep.map((text, j) => ({ text, verdict: judgeKeep(seen(before, n + j), seen(after, n + j)) })),
    notes: notesOf(run, address, after),
  };
  if (shotDir) writeShotIndex(shotDir, ids, [...result.clutter, ...result.keep]);
  return result;
}

/** The page server's routes: every page under its address, with its bytes' charset. */
function routesFor(labels: DeclutterLabel[], addresses: Map<string, string>): Record<string, Route> {
  return Object.fromEntries(
    labels.map((l) => [
      routeOf(addresses.get(l.name)!),
      { file: resolve(CORPUS, l.file), contentType: `text/html; charset=${l.encoding}` },
    ]),
  );
}

/** The labels to run: all, or the `--pages` ones. @throws on a name that is not in the corpus */
function selectPages(all: DeclutterLabel[], names: string[] | null): DeclutterLabel[] {
  if (!names) return all;
  const unknown = names.filter((n) => !all.some((l) => l.name === n));
  if (unknown.length) throw new Error(`no such corpus page: ${unknown.join(', ')}`);
  return all.filter((l) => names.includes(l.name));
}

/** Serve, launch, measure every page in turn and print its line; returns the results. */
async function measureAll(o: Options, extensionDir: string, labels: DeclutterLabel[]): Promise<PageResult[]> {
  const addresses = servedAddresses(readDeclutterLabels(CORPUS));
  const headers: Record<string, string> = o.pageScripts ? {} : { 'content-security-policy': "script-src 'none'" };
  const server: PageServer = await servePages(routesFor(labels, addresses), 0, {
    byHost: true,
    tls: selfSignedCert(),
    headers,
  });
  const x = await startXvfb();
  if (!x) process.stderr.write('No Xvfb/xdotool: headless, and pages off the manifest hosts cannot be measured.\n');
  const hosts = [...new Set(labels.map((l) => new URL(addresses.get(l.name)!).hostname))];
  const args = ['--ignore-certificate-errors', '--disable-features=HttpsUpgrades'];
  const env = x ? { DISPLAY: x.display } : undefined;
  try {
    const driver = await launch({ kind: 'chromium', extensionDir, hosts, port: server.port, headed: !!x, env, args });
    const run: Run = { driver, x, addresses, contentHosts: contentScriptHosts(), shots: o.shots };
    try {
      const results: PageResult[] = [];
      for (const label of labels) {
        const result = await measurePage(run, label).catch((e: Error) =>
          failedPage(label.name, label.clutter, label.keep, e.message.split('\n')[0]),
        );
        console.log(pageLine(result));
        results.push(result);
      }
      return results;
    } finally {
      await driver.close();
    }
  } finally {
    await server.close();
    x?.close();
  }
}

async function main(): Promise<number> {
  let o: Options;
  let labels: DeclutterLabel[];
  try {
    o = parseOptions(process.argv.slice(2));
    labels = selectPages(readDeclutterLabels(CORPUS), o.pages);
  } catch (e) {
    process.stderr.write(`eval:declutter: ${(e as Error).message}\n`);
    return 2;
  }
  const extensionDir = buildExtension(o);
  const started = Date.now();
  const results = await measureAll(o, extensionDir, labels);
  console.log(
    `${o.generic ? 'generic: site rules off' : 'site rules on'}; ${labels.length} pages in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  console.log(uncountedLine(results));
  console.log(articleLine(results));
  console.log(summaryLine(results));
  return results.some((r) => r.error) ? 1 : 0;
}

declare const chrome: {
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
};

main().then(
  (status) => (process.exitCode = status),
  (e: Error) => {
    process.stderr.write(`eval:declutter failed: ${e.stack ?? e}\n`);
    process.exitCode = 1;
  },
);
