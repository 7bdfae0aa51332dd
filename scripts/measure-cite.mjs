#!/usr/bin/env node
// Measure what the citation code costs the popup, in real Chromium with the built extension:
//   QINGDU_DIST=dist-h4 node scripts/measure-cite.mjs      (build first: QINGDU_OUT=dist-h4 TARGET=chrome npx vite build)
// Prints: the files the popup requests on first paint (the cite chunk and csl/* must not be among them), the popup's
// first-contentful-paint over N loads with the cite chunk present and with it deleted (a copy of the build without
// cite.js and csl/), and, in the popup page, the time to import the cite chunk and to format the first and second
// GB/T citation (the first includes fetching the style and locale).
import { chromium } from 'playwright-core';
import { cpSync, mkdtempSync, rmSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const dist = resolve(process.env.QINGDU_DIST ?? 'dist', 'chrome');
const RUNS = Number(process.env.RUNS ?? 15);
const ARTICLE = {
  isArticle: true,
  confidence: 1,
  url: 'http://gansu.gscn.com.cn/system/2020/03/15/012339876.shtml',
  canonicalUrl: null,
  siteName: '中国甘肃网',
  title: '安宁区齿轮厂社区:关心关爱弱势群体 让防疫充满温情',
  published: '2020-03-15T10:13:00+08:00',
  source: '中国甘肃网',
  authors: ['漆琳'],
  editors: ['刘宇非'],
  section: [],
  lang: 'zh-CN',
  excerpt: '',
  contentHtml: '',
  textContent: '',
  charCount: 0,
  readingMinutes: 1,
  images: [],
  rule: 'gscn',
  nextPageUrl: null,
};

async function withExtension(dir, fn) {
  const profile = mkdtempSync(join(tmpdir(), 'qingdu-cite-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  try {
    const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
    return await fn(ctx, sw.url().split('/')[2]);
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function paint(dir) {
  return withExtension(dir, async (ctx, id) => {
    const fcp = [];
    const requested = new Set();
    for (let i = 0; i < RUNS; i++) {
      const page = await ctx.newPage();
      page.on('request', (r) => requested.add(r.url().replace(`chrome-extension://${id}`, '')));
      await page.goto(`chrome-extension://${id}/src/popup/index.html`);
      await page.waitForTimeout(300);
      fcp.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
      await page.close();
    }
    fcp.sort((a, b) => a - b);
    return { medianFcpMs: fcp[RUNS >> 1], minMs: fcp[0], maxMs: fcp[RUNS - 1], requested: [...requested] };
  });
}

const kB = (f) => (statSync(join(dist, f)).size / 1024).toFixed(1);
const chunk = readdirSync(dist).find((f) => /^cite.*\.js$/.test(f));
console.log(`popup entry ${kB('src/popup/index.js')} kB; cite chunk ${chunk} ${chunk ? kB(chunk) : '?'} kB`);
const bare = mkdtempSync(join(tmpdir(), 'qingdu-nocite-'));
try {
  cpSync(dist, bare, { recursive: true });
  if (chunk) rmSync(join(bare, chunk));
  rmSync(join(bare, 'csl'), { recursive: true, force: true });
  for (const [name, dir] of [
    ['with cite', dist],
    ['without cite', bare],
    ['with cite', dist],
    ['without cite', bare],
  ])
    console.log(name, JSON.stringify(await paint(dir)));
} finally {
  rmSync(bare, { recursive: true, force: true });
}
console.log(
  'on copy',
  JSON.stringify(
    await withExtension(dist, async (ctx, id) => {
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${id}/src/popup/index.html`);
      return page.evaluate(
        async ({ file, article }) => {
          const t0 = performance.now();
          const m = await import(`/${file}`);
          const t1 = performance.now();
          // Exports are minified: find formatCitation by what it returns.
          for (const f of Object.values(m)) {
            if (typeof f !== 'function') continue;
            try {
              const t2 = performance.now();
              const text = await f(article, 'gbt7714-numeric', { accessed: '2026-11-29' });
              const t3 = performance.now();
              if (typeof text !== 'string' || !text.startsWith('[1] 漆琳.')) continue;
              await f(article, 'gbt7714-numeric', { accessed: '2026-11-29' });
              return { importMs: t1 - t0, firstFormatMs: t3 - t2, secondFormatMs: performance.now() - t3, text };
            } catch {
              /* another export */
            }
          }
          return { importMs: t1 - t0, error: 'formatCitation not found' };
        },
        { file: chunk, article: ARTICLE },
      );
    }),
  ),
);
