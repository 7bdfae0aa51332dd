import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { distDir, launch, type Driver } from '../../scripts/lib/browser';
import { waitForContent } from '../../scripts/lib/extension-probe';
import { servePages, type PageServer, type Route } from '../../scripts/lib/page-server';
import { GSCN_HOST, PAGES, ROUTES } from './fixtures';
import { gradientPng, midColour, type Rgb } from './test-images';

// The image archive (README "Archived images"), in real Chromium and Firefox ESR (QINGDU_BROWSER) with the built
// extension: gmw-peer (光明网) is served at its real address, its three body images on imgtech.gmw.cn and its logo on
// img.gmw.cn, all real PNG/JPEG bytes; the article is saved, the server stopped, and the note must show every image.
const PAGE_HOST = 'tech.gmw.cn';
const PAGE_PATH = '/2017-03/10/content_23937776.htm';
const PAGE_URL = `http://${PAGE_HOST}${PAGE_PATH}`;
const IMAGES: { path: string; kind: 'jpeg' | 'png'; w: number; h: number; from: Rgb; to: Rgb }[] = [
  {
    path: '/attachement/jpg/site2/20170310/448a5bc1e2861a2c4e5929.jpg',
    kind: 'jpeg',
    w: 480,
    h: 300,
    from: [200, 40, 40],
    to: [40, 80, 200],
  },
  {
    path: '/attachement/jpg/site2/20170310/448a5bc1e2861a2c4e592a.jpg',
    kind: 'jpeg',
    w: 400,
    h: 260,
    from: [30, 160, 90],
    to: [250, 200, 40],
  },
  {
    path: '/attachement/jpg/site2/20170310/448a5bc1e2861a2c4e592d.jpg',
    kind: 'png',
    w: 360,
    h: 240,
    from: [100, 40, 150],
    to: [40, 200, 200],
  },
  { path: '/pic/content_logo.png', kind: 'png', w: 160, h: 60, from: [230, 50, 50], to: [250, 250, 250] },
];
const tmp = mkdtempSync(join(tmpdir(), 'qingdu-offline-e2e-'));
const OUT = `test-results/${process.env.QINGDU_BROWSER === 'firefox' ? 'firefox' : 'chromium'}`;

/** Image requests the server answered since the last save click, by path (re-saving must fetch only what is missing). */
const hits = new Map<string, number>();
const routes: Record<string, Route> = new Proxy(
  {
    ...ROUTES,
    // The fixture's logo is https://img.gmw.cn: Firefox reaches this server as a plain-http proxy only, so the copy
    // served here points to http://img.gmw.cn (same host, same path).
    [PAGE_PATH]: { file: join(tmp, 'gmw-peer.html'), contentType: 'text/html; charset=utf-8' },
  } as Record<string, Route>,
  {
    get(target, key: string) {
      if (IMAGES.some((i) => i.path === key)) hits.set(key, (hits.get(key) ?? 0) + 1);
      return target[key];
    },
  },
);
writeFileSync(
  join(tmp, 'gmw-peer.html'),
  readFileSync('test/fixtures/corpus/pages/gmw-peer.html', 'utf8').replaceAll(
    'https://img.gmw.cn/',
    'http://img.gmw.cn/',
  ),
);

let server: PageServer;
let driver: Driver;
const HOSTS = [PAGE_HOST, 'imgtech.gmw.cn', 'img.gmw.cn', GSCN_HOST];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await servePages(routes);
  driver = await launch({ extensionDir: distDir(), hosts: HOSTS, port: server.port });
  await writeImages();
});
afterAll(async () => {
  await driver?.close();
  await server?.close();
});

/** Write the image files the server answers: PNGs from Node, JPEGs encoded by the browser under test. */
async function writeImages(): Promise<void> {
  for (const img of IMAGES) {
    const file = join(tmp, img.path.replace(/\//g, '_'));
    const bytes =
      img.kind === 'png'
        ? gradientPng(img.w, img.h, img.from, img.to)
        : Buffer.from(
            await driver.background(
              async (w: number, h: number, from: Rgb, to: Rgb) => {
                const canvas = new OffscreenCanvas(w, h);
                const g = canvas.getContext('2d')!;
                const grad = g.createLinearGradient(0, 0, w - 1, 0);
                grad.addColorStop(0, `rgb(${from.join(',')})`);
                grad.addColorStop(1, `rgb(${to.join(',')})`);
                g.fillStyle = grad;
                g.fillRect(0, 0, w, h);
                const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
                const b = new Uint8Array(await blob.arrayBuffer());
                let s = '';
                for (const x of b) s += String.fromCharCode(x);
                return btoa(s);
              },
              img.w,
              img.h,
              img.from,
              img.to,
            ),
            'base64',
          );
    if (img.kind === 'jpeg') expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    writeFileSync(file, bytes);
    routes[img.path] = { file, contentType: `image/${img.kind}` };
  }
  hits.clear();
}

/** Save a tab's article from the popup; returns the notice the popup shows. */
async function saveFromPopup(url: string, shot?: string): Promise<string> {
  const page = await driver.open(url);
  const tabId = await driver.tabId(page);
  await waitForContent(driver, tabId);
  const popup = await driver.openExtensionPage(`src/popup/index.html?tab=${tabId}`, '.status[data-state="ready"]');
  hits.clear();
  await popup.click('#btn-save');
  await popup.waitForFunction(
    () => /已保存|已更新|Saved|updated/.test(document.querySelector('.notice')?.textContent ?? ''),
    {
      polling: 100,
      timeout: 60_000,
    },
  );
  const notice = await popup.$eval('.notice', (e) => e.textContent ?? '');
  if (shot) await popup.screenshot({ path: `${OUT}/${shot}.png` });
  await popup.close();
  await page.close();
  return notice;
}

/** A UI string as this browser shows it (see notes.test.ts msg). */
async function msg(page: Page, key: string, ...subs: (string | number)[]): Promise<string> {
  const text = await page.evaluate((k: string, s: string[]) => chrome.i18n.getMessage(k, s), key, subs.map(String));
  if (!text) throw new Error(`no message ${key} in _locales`);
  return text;
}

type Dump = {
  notes: unknown[];
  search: unknown[];
  assets: StoredAsset[];
  assetBytes: unknown;
};
type StoredAsset = { noteId: string; url: string; bytes: number; fetchedAt: string };

/** The whole library read straight from IndexedDB in an extension page (assets without their blobs). */
const dump = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Dump>((ok, fail) => {
        const req = indexedDB.open('qingdu-notes');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction(['notes', 'search', 'assets', 'meta']);
          const all = (s: string) =>
            new Promise<unknown[]>(
              (r) => (tx.objectStore(s).getAll().onsuccess = (e) => r((e.target as IDBRequest).result)),
            );
          const bytes = new Promise(
            (r) => (tx.objectStore('meta').get('assetBytes').onsuccess = (e) => r((e.target as IDBRequest).result)),
          );
          void Promise.all([all('notes'), all('search'), all('assets'), bytes]).then(
            ([notes, search, assets, assetBytes]) => {
              req.result.close();
              const sort = (xs: unknown[]) => xs.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
              ok({
                notes: sort(notes),
                search: sort(search),
                assets: (assets as StoredAsset[]).map(({ noteId, url, bytes, fetchedAt }) => ({
                  noteId,
                  url,
                  bytes,
                  fetchedAt,
                })),
                assetBytes,
              });
            },
          );
        };
      }),
  );

async function notesPage(): Promise<Page> {
  const page = await driver.openExtensionPage('src/notes/index.html', 'body[data-ready="true"]');
  await page.waitForSelector('.index-state[data-state="ready"]', { timeout: 60_000 });
  return page;
}

/** Set the caps on the notes page (its 图片存档 setting), as a user does. */
async function setCaps(page: Page, perNoteMB: string, totalMB: string): Promise<void> {
  await page.$eval('details.archive-caps', (d) => ((d as HTMLDetailsElement).open = true));
  for (const [id, v] of [
    ['#archive-perNoteMB', perNoteMB],
    ['#archive-totalMB', totalMB],
  ]) {
    await page.$eval(id, (e) => ((e as HTMLInputElement).value = ''));
    await page.type(id, v);
  }
  await page.click('#archive-save');
  await page.waitForFunction(() => !!document.querySelector('.archive-caps [role="status"]')?.textContent, {
    polling: 100,
  });
}

it('with a tiny cap the save keeps what fits and says so; the library is otherwise unchanged', async () => {
  expect(await saveFromPopup(PAGES.gscn1.url)).toMatch(/已保存|Saved/);
  const notes = await notesPage();
  // Room for the two smaller images only (the body's first two JPEGs are the largest).
  const sizes = IMAGES.map((i) => readFileSync(routes[i.path].file).length);
  const small = [...sizes].sort((a, b) => a - b);
  await setCaps(notes, String((small[0] + small[1] + 1) / 1048576), '500');
  const before = await dump(notes);
  const notice = await saveFromPopup(PAGE_URL, 'offline-capped-save');
  await notes.screenshot({ path: `${OUT}/offline-caps-setting.png` });
  const after = await dump(notes);
  const kept = after.assets.length;
  expect(kept).toBeGreaterThanOrEqual(1);
  expect(kept).toBeLessThan(4);
  expect(notice).toContain(await msg(notes, 'imagesArchived', kept, 4));
  expect(notice).toContain(await msg(notes, 'imagesOverCap', 4 - kept));
  // Unchanged: the other note, its search row; the new note's images are within the cap and counted.
  expect(after.notes.length).toBe(before.notes.length + 1);
  for (const n of before.notes) expect(after.notes).toContainEqual(n);
  for (const r of before.search) expect(after.search).toContainEqual(r);
  expect(after.assets.reduce((n, a) => n + a.bytes, 0)).toBe(after.assetBytes);
  expect(after.assetBytes as number).toBeLessThanOrEqual(small[0] + small[1] + 1);
  await notes.close();
});

it('re-saving with the default caps fetches only the missing images; with the server stopped the note shows them all', async () => {
  const notes = await notesPage();
  await setCaps(notes, '20', '500');
  const had = (await dump(notes)).assets;
  expect(had.length).toBeGreaterThan(0);
  const notice = await saveFromPopup(PAGE_URL);
  expect(notice).toContain(await msg(notes, 'imagesArchived', 4, 4));
  // The copies the capped save kept stay as they were (same fetch time), and none of them was requested again.
  const now = (await dump(notes)).assets;
  expect(now).toHaveLength(4);
  for (const a of had) expect(now).toContainEqual(a);
  for (const path of hits.keys()) expect(had.some((a) => a.url.endsWith(path))).toBe(false);
  await notes.close();

  await server.close();
  const page = await notesPage();
  await page.$eval('#note-list li', (e) => (e as HTMLElement).click());
  await page.waitForFunction(
    () => document.querySelectorAll('.note-view .body img[data-qingdu-archived="true"]').length === 4,
    { polling: 100, timeout: 30_000 },
  );
  const shown = await page.$$eval('.note-view .body img', async (imgs) =>
    Promise.all(
      (imgs as HTMLImageElement[]).map(async (img) => {
        img.scrollIntoView();
        await img.decode().catch(() => undefined);
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const mid = img.naturalWidth ? [...g.getImageData(c.width >> 1, c.height >> 1, 1, 1).data].slice(0, 3) : [];
        return { src: img.src, source: img.dataset.qingduSrc, width: img.naturalWidth, mid };
      }),
    ),
  );
  expect(shown).toHaveLength(4);
  for (const s of shown) {
    expect(s.src).toMatch(/^blob:/);
    expect(s.width).toBeGreaterThan(0);
    const img = IMAGES.find((i) => s.source!.endsWith(i.path))!;
    expect(s.width).toBe(img.w);
    const want = midColour(img.from, img.to);
    for (const [i, v] of s.mid.entries()) expect(Math.abs(v - want[i])).toBeLessThan(24);
  }
  await page.screenshot({ path: `${OUT}/offline-note.png`, fullPage: true });
  // Closing the note revokes its object URLs. Firefox may keep a revoked blob: URL readable for a moment (so loads
  // already under way finish; the CI saw one fetch succeed), so the fetch is tried until it fails, for at most 15 s.
  const first = shown[0].src;
  await page.click('#note-close');
  const revoked = await page.evaluate(async (u: string) => {
    for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
      const failed = await fetch(u).then(
        () => false,
        () => true,
      );
      if (failed) return true;
    }
    return false;
  }, first);
  expect(revoked).toBe(true);
  await page.close();
});

// The extension APIs the test evaluates in extension pages (chrome.* in both browsers).
declare const chrome: { i18n: { getMessage(key: string, subs?: string[]): string } };
