import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserKind, distDir, findBrowser, launch, type Driver } from '../../scripts/lib/browser';
import { servePages, type PageServer } from '../../scripts/lib/page-server';
import type { Note, NotesExport } from '../../src/shared/notes-types';
import { solidPng } from '../unit/solid-png';
import { GSCN_HOST, ROUTES } from './fixtures';
import { captureDownloads, takeDownloads } from './downloads';

// The single-file HTML export (README "Notes library" → Export), end to end: a note is imported into the notes page,
// two archived images (real PNG bytes) are put into its `assets` store, 导出 HTML of the open note is clicked, and the
// downloaded file is opened from disk (file://) in a FRESH browser profile of the same kind with no extension and no
// server: the header is there, both images draw their pixels, and the browser makes no request and reports no CSP
// violation. Screenshot: test-results/<browser>/offline-export.png.
const kind = browserKind();
const OUT = `test-results/${kind}`;
const NOTE_ID = '5b0e6a53-2f0e-4c59-9a53-0f6a1f2c7e01';
const RED = 'http://img.gscn.com.cn/2020/03/15/%E7%A4%BE%E5%8C%BA%20(1).png';
const BLUE = 'http://img.gscn.com.cn/2020/03/15/blue.png';
const GONE = 'http://img.gscn.com.cn/2020/03/15/gone.jpg';
const PNG_RED = solidPng(320, 180, [200, 30, 30]);
const PNG_BLUE = solidPng(240, 240, [30, 30, 200]);
const at = '2026-12-05T08:30:00.000Z';

const note: Note = {
  id: NOTE_ID,
  canonicalUrl: `http://${GSCN_HOST}/system/2020/03/15/012339876.shtml`,
  site: '中国甘肃网',
  accessedAt: at,
  textSha256: 'a'.repeat(64),
  note: '社区防疫的好例子，引用时核对原文。',
  tags: ['社区', '防疫'],
  quotes: [],
  createdAt: at,
  updatedAt: at,
  article: {
    isArticle: true,
    confidence: 1,
    url: `http://${GSCN_HOST}/system/2020/03/15/012339876.shtml`,
    canonicalUrl: `http://${GSCN_HOST}/system/2020/03/15/012339876.shtml`,
    siteName: '中国甘肃网',
    title: '安宁区齿轮厂社区：关心关爱弱势群体 让防疫充满温情',
    published: '2020-03-15T10:13:00+08:00',
    source: '兰州晚报',
    authors: ['漆琳'],
    editors: ['王雪'],
    section: ['甘肃新闻'],
    lang: 'zh-CN',
    excerpt: '',
    // What a hostile or sloppy page may leave in a body: the export must come out clean whatever the stored HTML says.
    contentHtml:
      '<p>　　疫情防控期间，齿轮厂社区为辖区困难群众送去生活物资。</p>' +
      `<p><img src="${RED}" alt="社区工作人员"></p><p onclick="window.ran=1">社区网格员逐户走访。</p>` +
      `<figure><img src="${BLUE}" alt="物资"><figcaption>物资送到居民家中</figcaption></figure>` +
      `<p><img src="${GONE}" alt="未存档的图" onerror="window.ran=2"></p><script>window.ran=3</script>` +
      '<p><a href="javascript:window.ran=4">链接</a></p>',
    textContent: '疫情防控期间，齿轮厂社区为辖区困难群众送去生活物资。\n\n社区网格员逐户走访。',
    charCount: 40,
    readingMinutes: 1,
    images: [
      { src: RED, alt: '社区工作人员', caption: '' },
      { src: BLUE, alt: '物资', caption: '物资送到居民家中' },
      { src: GONE, alt: '未存档的图', caption: '' },
    ],
    rule: 'gscn',
    nextPageUrl: null,
  },
};

let server: PageServer;
let driver: Driver;
const tmp = mkdtempSync(join(tmpdir(), 'qingdu-offline-export-'));
let exported: { name: string; text: string };
/** The header's labels in this browser's UI language (Chromium here runs en-US, Firefox zh-CN). */
let labels: Record<string, string>;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await servePages(ROUTES);
  driver = await launch({ extensionDir: distDir(), hosts: [GSCN_HOST], port: server.port });
});
afterAll(async () => {
  await driver?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Put an archived image into the notes library's `assets` store, from the notes page (same origin). */
function putAsset(page: Page, url: string, bytes: Uint8Array): Promise<void> {
  return page.evaluate(
    (noteId: string, url: string, data: number[], fetchedAt: string) =>
      new Promise<void>((ok, fail) => {
        const req = indexedDB.open('qingdu-notes');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('assets', 'readwrite');
          const blob = new Blob([new Uint8Array(data)], { type: 'image/png' });
          tx.objectStore('assets').put({ noteId, url, type: 'image/png', bytes: blob.size, blob, fetchedAt });
          tx.oncomplete = () => (req.result.close(), ok());
          tx.onerror = () => fail(tx.error);
        };
      }),
    NOTE_ID,
    url,
    Array.from(bytes),
    at,
  );
}

it('exports the open note as one HTML file from the notes page', async () => {
  const page = await driver.openExtensionPage('src/notes/index.html', 'body[data-ready="true"]');
  const backup: NotesExport = { format: 'qingdu-notes', version: 1, exportedAt: at, notes: [note] };
  const file = join(tmp, 'backup.json');
  writeFileSync(file, JSON.stringify(backup));
  await ((await page.$('#import-file')) as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(file);
  await page.waitForSelector('#import-confirm', { timeout: 15_000 });
  await page.click('#import-confirm');
  await page.waitForSelector(`#note-list li[data-note-id="${NOTE_ID}"] button`, { timeout: 15_000 });
  await putAsset(page, RED, PNG_RED);
  await putAsset(page, BLUE, PNG_BLUE);
  await captureDownloads(page);
  await page.click(`#note-list li[data-note-id="${NOTE_ID}"] button`);
  await page.waitForSelector('#note-export-html', { timeout: 15_000 });
  await page.click('#note-export-html');
  [exported] = await takeDownloads(page, 1, 15_000);
  expect(exported.name).toBe(`2020-03-15 ${note.article.title}.html`);
  labels = await page.evaluate(() =>
    Object.fromEntries(
      ['exportHtmlSite', 'metaSource', 'metaAuthor', 'exportHtmlAccessed', 'exportHtmlTags'].map((k) => [
        k,
        chrome.i18n.getMessage(k),
      ]),
    ),
  );
  // Sanitized in this browser (DOMPurify on its own DOM), before any other browser sees it.
  expect(exported.text).not.toMatch(/<script|<[^>]*\son[a-z]+=|javascript:/i);
  expect(exported.text.match(/src="data:image\/png;base64,/g)?.length).toBe(2);
  await page.close();
  await driver.close();
});

/** A browser of the same kind with nothing loaded: a new temporary profile, no extension, no server, no network. */
async function plainBrowser(profile: string): Promise<Browser> {
  const executablePath = findBrowser(kind)!;
  if (kind === 'firefox')
    return puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      userDataDir: profile,
      defaultViewport: { width: 900, height: 1200 },
      // Any request at all would go to a proxy on a closed port and fail.
      extraPrefsFirefox: { 'network.proxy.type': 1, 'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': 9 },
    });
  return puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    userDataDir: profile,
    defaultViewport: { width: 900, height: 1200 },
    args: [
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--host-resolver-rules=MAP * ~NOTFOUND',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
}

it('opens from disk in a fresh profile: header, both images drawn, no request, no CSP violation', async () => {
  expect(exported, 'the export step ran').toBeTruthy();
  const path = join(tmp, exported.name);
  writeFileSync(path, exported.text);
  const browser = await plainBrowser(mkdtempSync(join(tmpdir(), 'qingdu-plain-')));
  try {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => void requests.push(r.url()));
    await page.evaluateOnNewDocument(() => {
      const w = window as unknown as { violations: string[] };
      w.violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const url = pathToFileURL(path).href;
    await page.goto(url, { waitUntil: 'load' });
    const seen = await page.evaluate(() => ({
      title: document.title,
      meta: Array.from(document.querySelectorAll('.note-meta dt')).map((dt) => [
        dt.textContent,
        dt.nextElementSibling?.textContent,
      ]),
      images: Array.from(document.querySelectorAll('img')).map((img) => {
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d')!;
        if (img.naturalWidth) ctx.drawImage(img, 0, 0);
        const px = img.naturalWidth
          ? Array.from(ctx.getImageData(img.naturalWidth >> 1, img.naturalHeight >> 1, 1, 1).data)
          : [];
        return {
          alt: img.alt,
          complete: img.complete,
          w: img.naturalWidth,
          h: img.naturalHeight,
          shown: img.getBoundingClientRect().width,
          px,
        };
      }),
      missing: Array.from(document.querySelectorAll('.missing-image a')).map((a) => a.getAttribute('href')),
      ran: (window as unknown as { ran?: number }).ran ?? null,
      violations: (window as unknown as { violations: string[] }).violations,
    }));
    await page.screenshot({ path: `${OUT}/offline-export.png`, fullPage: true });
    expect(seen.title).toBe(note.article.title);
    expect(Object.fromEntries(seen.meta)).toMatchObject({
      [labels.exportHtmlSite]: '中国甘肃网',
      [labels.metaSource]: '兰州晚报',
      [labels.metaAuthor]: '漆琳',
      [labels.exportHtmlAccessed]: '2026-12-05 08:30 UTC',
      [labels.exportHtmlTags]: '社区、防疫',
    });
    expect(seen.images).toEqual([
      { alt: '社区工作人员', complete: true, w: 320, h: 180, shown: expect.any(Number), px: [200, 30, 30, 255] },
      { alt: '物资', complete: true, w: 240, h: 240, shown: expect.any(Number), px: [30, 30, 200, 255] },
    ]);
    for (const img of seen.images) expect(img.shown).toBeGreaterThan(100);
    expect(seen.missing).toEqual([GONE]);
    expect(seen.ran).toBeNull();
    expect(seen.violations).toEqual([]);
    // The document itself is the only load; data: images are no request (filtered in case the driver reports them).
    const fileRequests = requests.filter((r) => r !== url && !r.startsWith('data:'));
    expect(fileRequests).toEqual([]);
    // Control: the same listener does see a file:// page's remote image, so the empty list above means something.
    const control = join(tmp, 'control.html');
    writeFileSync(control, `<!doctype html><meta charset="utf-8"><img src="${GONE}">`);
    await page.goto(pathToFileURL(control).href, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('img')?.complete, { timeout: 15_000 });
    // (Firefox upgrades it to https first: HTTPS-First mode of a fresh profile)
    expect(requests.some((r) => r.replace(/^https:/, 'http:') === GONE)).toBe(true);
    console.log(
      `offline-export (${kind}): images=${seen.images.length} requests=${fileRequests.length} bytes=${exported.text.length}`,
    );
  } finally {
    await browser.close();
  }
});

declare const chrome: { i18n: { getMessage(key: string): string } };
