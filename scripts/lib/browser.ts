import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/**
 * The one place browser differences live for the browser tests and `npm start` (puppeteer-core 24).
 * Chromium: CDP over a pipe, extension loaded with `enableExtensions` + `installExtension`, background = service
 * worker. Firefox ESR: WebDriver BiDi, temporary add-on, background = event page (launchFirefox below). Select with
 * QINGDU_BROWSER=chromium|firefox.
 */
export type BrowserKind = 'chromium' | 'firefox';

export interface LaunchOptions {
  /** Unpacked build folder for this browser, e.g. dist/chrome. */
  extensionDir: string;
  /** Host names to resolve to the local page server, and its port. */
  hosts: string[];
  port: number;
  /** Headed when true (needs DISPLAY). Default: headless. */
  headed?: boolean;
  /** Extra environment for the browser process (e.g. DISPLAY of an Xvfb the test started). */
  env?: Record<string, string>;
  kind?: BrowserKind;
  /** Extra Chromium command-line flags (e.g. `--ignore-certificate-errors` for a self-signed test server). */
  args?: string[];
  /**
   * A profile folder to use and keep (reopened after a crash by notes-crash.test.ts); default a fresh temporary one,
   * removed on close. Firefox then keeps the add-on's storage when the temporary add-on goes with the process.
   */
  profile?: string;
  /** Longest single protocol call in ms (puppeteer's default is 180 s; bench:notes at 50,000 notes needs more). */
  protocolTimeout?: number;
}

export interface Driver {
  kind: BrowserKind;
  browser: Browser;
  /** Extension origin with trailing slash, e.g. `chrome-extension://<id>/`. */
  extensionOrigin: string;
  /** Open a new tab at a URL and wait for it to load. */
  open(url: string): Promise<Page>;
  /** Open an extension page (path relative to the build root, e.g. `src/popup/index.html?tab=3`). */
  openExtensionPage(path: string, readySelector: string): Promise<Page>;
  /** Evaluate a function in the extension's background context (service worker / event page); `browser` is chrome.* there. */
  background<T>(fn: (...args: never[]) => T | Promise<T>, ...args: unknown[]): Promise<T>;
  /** The extension-API tab id of a page opened with `open`. */
  tabId(page: Page): Promise<number>;
  close(): Promise<void>;
}

/** Which browser the tests drive: QINGDU_BROWSER, default chromium. */
export function browserKind(): BrowserKind {
  return process.env.QINGDU_BROWSER === 'firefox' ? 'firefox' : 'chromium';
}

/** The build folder to load: `${QINGDU_DIST ?? 'dist'}/chrome|firefox`. */
export function distDir(kind: BrowserKind = browserKind()): string {
  return resolve(process.env.QINGDU_DIST ?? 'dist', kind === 'firefox' ? 'firefox' : 'chrome');
}

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** The browser executable: CHROME_PATH / FIREFOX_PATH, else the usual install locations; null when none exists. */
export function findBrowser(kind: BrowserKind = browserKind()): string | null {
  const env = kind === 'firefox' ? process.env.FIREFOX_PATH : process.env.CHROME_PATH;
  if (env) return existsSync(env) ? env : null;
  return (kind === 'firefox' ? FIREFOX_CANDIDATES : CHROMIUM_CANDIDATES).find((p) => existsSync(p)) ?? null;
}

/** Flags this machine needs (TOOLCHAIN.md): no GPU, no QUIC, no background traffic. */
const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--window-size=1280,900',
];

/**
 * Is `shown` the URL that was opened, or that URL upgraded to https? Chromium loads hosts of its HSTS preload list
 * (www.thepaper.cn, news.163.com …) only over https, whatever the link says.
 */
export function sameOrUpgraded(shown: string, opened: string): boolean {
  return shown === opened || (opened.startsWith('http:') && shown === `https:${opened.slice('http:'.length)}`);
}

/** Launch the browser with the extension loaded. Always `close()` the driver (try/finally). */
export async function launch(opts: LaunchOptions): Promise<Driver> {
  const kind = opts.kind ?? browserKind();
  const executablePath = findBrowser(kind);
  if (!executablePath)
    throw new Error(`no ${kind} executable found (set ${kind === 'firefox' ? 'FIREFOX_PATH' : 'CHROME_PATH'})`);
  if (!existsSync(join(opts.extensionDir, 'manifest.json')))
    throw new Error(`no build at ${opts.extensionDir} (npm run build)`);
  return kind === 'firefox' ? launchFirefox(opts, executablePath) : launchChromium(opts, executablePath);
}

async function launchChromium(opts: LaunchOptions, executablePath: string): Promise<Driver> {
  const profile = opts.profile ?? mkdtempSync(join(tmpdir(), 'qingdu-chromium-'));
  const dropProfile = () => opts.profile ?? rmSync(profile, { recursive: true, force: true });
  // Everything else fails fast: the saved pages reference www.gscn.com.cn css/js, and there is no network.
  const rules = [...opts.hosts.map((h) => `MAP ${h} 127.0.0.1:${opts.port}`), 'MAP * ~NOTFOUND'].join(', ');
  const args = [...CHROMIUM_ARGS, `--host-resolver-rules=${rules}`, ...(opts.args ?? [])];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const browser = await puppeteer.launch({
    executablePath,
    headless: !opts.headed,
    pipe: true,
    enableExtensions: true,
    userDataDir: profile,
    args,
    ...(opts.protocolTimeout ? { protocolTimeout: opts.protocolTimeout } : {}),
    defaultViewport: { width: 1280, height: 900 },
    env: { ...process.env, ...opts.env },
  });
  try {
    const id = await browser.installExtension(opts.extensionDir);
    const origin = `chrome-extension://${id}/`;
    const worker = async () => {
      const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(origin), {
        timeout: 15_000,
      });
      const w = await target.worker();
      if (!w) throw new Error('service worker target has no worker');
      // A worker that has just started can be reached before its extension bindings exist ("chrome is not defined",
      // seen once right after launch): wait for them.
      for (
        let i = 0;
        !(await w.evaluate(() => typeof chrome !== 'undefined' && !!chrome.tabs).catch(() => false));
        i++
      ) {
        if (i > 50) throw new Error('service worker has no chrome.tabs after 5 s');
        await new Promise((r) => setTimeout(r, 100));
      }
      return w;
    };
    const tabIds = new WeakMap<Page, number>();
    const driver: Driver = {
      kind: 'chromium',
      browser,
      extensionOrigin: origin,
      async open(url) {
        // Created by the extension so the tab id is known on any host (tabs.query gives no URL without host access).
        const known = new Set(browser.targets());
        const id = await driver.background((u: string) => chrome.tabs.create({ url: u }).then((t) => t.id!), url);
        const target = await browser.waitForTarget(
          (t) => t.type() === 'page' && !known.has(t) && sameOrUpgraded(t.url(), url),
          { timeout: 15_000 },
        );
        const page = (await target.page())!;
        await page.waitForFunction(() => document.readyState === 'complete', { timeout: 15_000 });
        tabIds.set(page, id);
        return page;
      },
      async openExtensionPage(path, readySelector) {
        const page = await browser.newPage();
        await page.goto(origin + path, { waitUntil: 'load' });
        await page.waitForSelector(readySelector, { timeout: 15_000 });
        return page;
      },
      async background(fn, ...args) {
        return (await worker()).evaluate(fn as never, ...(args as never[])) as never;
      },
      async tabId(page) {
        const id = tabIds.get(page);
        if (id === undefined) throw new Error(`page ${page.url()} was not opened with driver.open`);
        return id;
      },
      async close() {
        await browser.close().catch(() => undefined);
        dropProfile();
      },
    };
    return driver;
  } catch (e) {
    await browser.close().catch(() => undefined);
    dropProfile();
    throw e;
  }
}

/** The add-on id (manifest `browser_specific_settings.gecko.id`) and the moz-extension UUID the tests pin for it. */
const GECKO_ID = 'qingdu@qingdu.app';
const FIREFOX_UUID = '6f1d6a4e-3c1b-4b8e-9a57-0a1e5c9d7b21';

/** Start a navigation that may never resolve (moz-extension:// under BiDi) and wait for an element instead. */
async function gotoAndWait(page: Page, url: string, readySelector: string, timeout = 15_000): Promise<void> {
  page.goto(url, { timeout }).catch(() => undefined);
  // Poll by hand: BiDi evaluations can fail while the document is being replaced (waitForSelector then gives up).
  const end = Date.now() + timeout;
  while (!(await page.$(readySelector).catch(() => null))) {
    if (Date.now() > end) throw new Error(`${url}: no ${readySelector} after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Firefox ESR over WebDriver BiDi (README "Firefox"). The add-on is a temporary add-on with a pinned UUID, so
 * its pages have a known origin. Pages are reached through the fixture server used as Firefox's HTTP proxy: every
 * `http://host/path` goes there with the absolute URL (server.ts strips the origin), so real host names and manifest
 * matches apply without binding port 80 and without touching DNS. The background is an MV3 event page that BiDi
 * cannot target: `background(fn)` runs fn in a hidden extension page of the same origin (same `browser.*` APIs, same
 * IndexedDB), with the background's test hooks copied in from `runtime.getBackgroundPage()` before every call.
 */
async function launchFirefox(opts: LaunchOptions, executablePath: string): Promise<Driver> {
  const origin = `moz-extension://${FIREFOX_UUID}/`;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: !opts.headed,
    env: { ...process.env, ...opts.env },
    args: ['--remote-allow-system-access', '--width=1280', '--height=900'],
    defaultViewport: { width: 1280, height: 900 },
    ...(opts.protocolTimeout ? { protocolTimeout: opts.protocolTimeout } : {}),
    ...(opts.profile ? { userDataDir: opts.profile } : {}),
    extraPrefsFirefox: {
      ...(opts.profile
        ? {
            'extensions.webextensions.keepStorageOnUninstall': true,
            'extensions.webextensions.keepUuidOnUninstall': true,
          }
        : {}),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': opts.port,
      'network.proxy.no_proxies_on': '',
      // Fixture pages are plain http: no HTTPS-First upgrade (there is no TLS server here).
      'dom.security.https_first': false,
      'dom.security.https_first_pbm': false,
      'dom.security.https_first_schemeless': false,
      // The UI language follows the OS locale: keep it predictable (zh-CN is the extension's default locale).
      'intl.locale.requested': 'zh-CN',
      'dom.events.testing.asyncClipboard': true,
      // permissions.request from a real click grants at once: a test cannot answer the browser's prompt (site-access.test.ts).
      'extensions.webextOptionalPermissionPrompts': false,
      // Headed runs take real X11 keys (shortcut.test.ts): real window focus, as a user has, not puppeteer's fake one.
      ...(opts.headed ? { 'focusmanager.testmode': false } : {}),
    },
  });
  try {
    const id = await browser.installExtension(resolve(opts.extensionDir));
    if (id !== GECKO_ID) throw new Error(`installed add-on id ${id}, expected ${GECKO_ID}`);
    // The page background() evaluates in. The popup with a tab id that does not exist shows "unavailable" and idles.
    const hub = await browser.newPage();
    await gotoAndWait(hub, `${origin}src/popup/index.html?tab=999999`, '.status[data-state="unavailable"]', 30_000);
    const tabIds = new WeakMap<Page, number>();
    const driver: Driver = {
      kind: 'firefox',
      browser,
      extensionOrigin: origin,
      async open(url) {
        // (only a new target: a tab an earlier test left open on the same URL must not be taken for this one)
        const known = new Set(browser.targets());
        const tabId = await driver.background((u: string) => chrome.tabs.create({ url: u }).then((t) => t.id!), url);
        const target = await browser.waitForTarget((t) => t.type() === 'page' && !known.has(t) && t.url() === url, {
          timeout: 15_000,
        });
        const page = (await target.page())!;
        await page.waitForFunction(() => document.readyState === 'complete', { timeout: 15_000 });
        tabIds.set(page, tabId);
        return page;
      },
      async openExtensionPage(path, readySelector) {
        const page = await browser.newPage();
        await gotoAndWait(page, origin + path, readySelector);
        return page;
      },
      async background(fn, ...args) {
        // The event page may have been suspended and restarted since the last call: copy its hooks in every time.
        await hub.evaluate(async () => {
          const bg = await (
            globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Record<string, unknown>> } } }
          ).browser.runtime.getBackgroundPage();
          for (const k of ['qingduTestHooks', 'qingduNotesTestHooks'])
            (globalThis as Record<string, unknown>)[k] = bg[k];
        });
        return hub.evaluate(fn as never, ...(args as never[])) as never;
      },
      async tabId(page) {
        const tabId = tabIds.get(page);
        if (tabId === undefined) throw new Error(`page ${page.url()} was not opened with driver.open`);
        return tabId;
      },
      async close() {
        await browser.close().catch(() => undefined);
      },
    };
    return driver;
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
}

declare const chrome: {
  tabs: { create(p: { url: string }): Promise<{ id?: number }> };
};
