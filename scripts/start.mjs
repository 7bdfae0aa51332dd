#!/usr/bin/env node
// `npm start` (= build, then this): run the built extension on the bundled 中国甘肃网 sample article.
// Serves test/fixtures/corpus/pages/gscn-1.html from localhost under its real host name, launches Chromium with
// dist/chrome loaded (headed when DISPLAY is set, headless otherwise), waits for the in-place declutter, opens reader
// mode through the background's command handler, saves out/decluttered.png and out/reader.png, and prints the Article
// (JSON) the extension extracted. Without a browser it says how to get one and prints the Article computed on Node
// instead. The browser driver and page server are scripts/lib/ (the browser tests use them too); TypeScript modules
// load through tsx.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { launch, findBrowser, distDir } = await import('./lib/browser.ts');
const { servePages } = await import('./lib/page-server.ts');
const { askContent, waitForContent } = await import('./lib/extension-probe.ts');
const { ARTICLE_FIELDS } = await import('../src/extract/article.ts');

const SAMPLE = {
  file: 'test/fixtures/corpus/pages/gscn-1.html',
  host: 'gansu.gscn.com.cn',
  path: '/system/2020/03/15/012339876.shtml',
};
const URL = `http://${SAMPLE.host}${SAMPLE.path}`;
const OUT = 'out';
const ordered = (a) => Object.fromEntries(ARTICLE_FIELDS.map((k) => [k, a[k]]));
const log = (msg) => process.stderr.write(`${msg}\n`);

async function withoutBrowser() {
  log(
    process.env.CHROME_PATH
      ? `No Chromium at CHROME_PATH=${process.env.CHROME_PATH} (when set, CHROME_PATH is the only place looked at).`
      : 'No Chromium found (looked at /usr/bin/chromium, chromium-browser, google-chrome …; CHROME_PATH is not set).',
  );
  log('Install one:   sudo apt-get install chromium     (or set CHROME_PATH=/path/to/chrome)');
  log(
    `The unpacked extension is built at ${distDir('chromium')}: load it at chrome://extensions (Developer mode → Load unpacked).`,
  );
  log('The Article of the sample page, extracted on Node with the same code (qingdu extract):');
  const { extractFile } = await import('../src/cli/extract.ts');
  console.log(JSON.stringify(ordered(await extractFile({ file: SAMPLE.file, url: URL })), null, 2));
}

async function withBrowser() {
  mkdirSync(OUT, { recursive: true });
  const server = await servePages({ [SAMPLE.path]: { file: SAMPLE.file, contentType: 'text/html; charset=utf-8' } });
  const headed = !!process.env.DISPLAY;
  log(`Chromium: ${findBrowser('chromium')} (${headed ? 'headed' : 'headless'}), extension: ${distDir('chromium')}`);
  log(`Serving ${SAMPLE.file} as ${URL}`);
  const driver = await launch({
    kind: 'chromium',
    extensionDir: distDir('chromium'),
    hosts: [SAMPLE.host],
    port: server.port,
    headed,
  });
  try {
    const page = await driver.open(URL);
    const tabId = await driver.tabId(page);
    const status = await waitForContent(driver, tabId);
    log(`Article detected: ${status.isArticle}; decluttered in place: ${status.declutter}`);
    await page.screenshot({ path: resolve(OUT, 'decluttered.png') });
    log(`Saved ${OUT}/decluttered.png`);
    const open = await driver.background((id) => globalThis.qingduTestHooks.runCommand('toggle-reader', id), tabId);
    if (open) {
      await page.waitForFunction(
        () => !!globalThis.document.getElementById('qingdu-reader')?.shadowRoot?.querySelector('.qd-title'),
      );
      await page.screenshot({ path: resolve(OUT, 'reader.png') });
      log(`Saved ${OUT}/reader.png`);
    } else log('Reader mode did not open (the page was not detected as an article).');
    const article = await askContent(driver, tabId, 'getArticle');
    console.log(JSON.stringify(article ? ordered(article) : null, null, 2));
  } finally {
    await driver.close();
    await server.close();
  }
}

try {
  if (findBrowser('chromium')) await withBrowser();
  else await withoutBrowser();
} catch (e) {
  log(`npm start failed: ${e?.stack ?? e}`);
  process.exitCode = 1;
}
