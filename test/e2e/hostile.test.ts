import type { ConsoleMessage, Page } from 'puppeteer-core';
import { toggleReader } from './commands';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir, launch, type Driver } from '../../scripts/lib/browser';
import { CASES, caseUrl, HOSTILE_HOST, serveHostile, type HostileCase, type HostileServer } from './hostile-pages';
import { waitForContent } from '../../scripts/lib/extension-probe';

// Hostile and broken pages (test/e2e/hostile-pages.ts, test/fixtures/hostile/), in a real browser with the
// built extension (QINGDU_DIST, default dist), each page served from localhost under a manifest-matched host.
//
// For every page:
// - no page script runs in the reader, the popup or the notes page: payloads report to a beacon and set
//   `data-qd-pwned` when they run anywhere but the page itself; extension pages also listen for CSP violations and
//   collect "Content Security Policy" console errors;
// - no uncaught error from Qingdu reaches the consoles: `pageerror` and console errors/warnings are collected on the
//   page and on our pages, and attributed to Qingdu by stack/location (`chrome-extension://`, `moz-extension://`) or
//   the `[qingdu]` prefix our own warnings carry;
// - the page keeps working: its own 20 ms counter (`data-tick` on <html>) still ticks after all of it;
// - the popup says clearly what it found (article / not an article / cannot run);
// - long work yields: the content script times each of its phases (`qingdu:<phase>` measures, src/content/timing.ts;
//   phases are separated by a yield, so one phase = one task). The goal is 50 ms per task; it is printed for every case
//   in the summary, and `npm run bench` reports it on the corpus. The test fails only above NON_YIELDING_MS: a phase
//   that long means work that no longer yields (before src/content/limits.ts a 100,000-node page held the main thread
//   for 2–4 s), whereas 50–100 ms readings come and go with the load of a shared 2-core machine and would make a timed
//   test that flakes. The page's own `longtask` PerformanceObserver (installed before anything loads) is read too, and
//   long tasks that overlap a Qingdu phase are reported.
const LONG_TASK_MS = 50;
const NON_YIELDING_MS = 250;
const EXT_SCHEMES = /(chrome|moz)-extension:\/\//;

let server: HostileServer;
let driver: Driver;
const summary: { name: string; article: string; ran: number; errors: number; maxPhase: number; overlapLong: number }[] =
  [];

beforeAll(async () => {
  server = await serveHostile();
  driver = await launch({ extensionDir: distDir(), hosts: [HOSTILE_HOST], port: server.port });
});

afterAll(async () => {
  await driver?.close();
  await server?.close();
  if (!summary.length) return;
  const ran = summary.reduce((s, r) => s + r.ran, 0);
  const errors = summary.reduce((s, r) => s + r.errors, 0);
  console.log(
    summary
      .map(
        (r) =>
          `${r.name.padEnd(26)} article=${r.article.padEnd(5)} ran=${r.ran} errors=${r.errors} maxPhase=${r.maxPhase.toFixed(1)}ms longOverlap=${r.overlapLong}`,
      )
      .join('\n'),
  );
  const over = summary.filter((r) => r.maxPhase > LONG_TASK_MS).length;
  console.log(
    `hostile (${driver?.kind ?? 'browser'}): cases=${summary.length} scripts ran=${ran} uncaught errors=${errors} tasks over ${LONG_TASK_MS} ms=${over}`,
  );
});

/** Errors and warnings seen on a page, with whether they come from Qingdu. */
function collect(page: Page): { ours: string[]; csp: string[] } {
  const out = { ours: [] as string[], csp: [] as string[] };
  page.on('pageerror', (e: unknown) => {
    const err = e as Error;
    const text = `${err.message}\n${err.stack ?? ''}`;
    if (EXT_SCHEMES.test(text) || text.includes('[qingdu]') || EXT_SCHEMES.test(page.url()))
      out.ours.push(`pageerror: ${err.message}`);
  });
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() !== 'error' && m.type() !== 'warn') return;
    const text = m.text();
    if (/Content Security Policy/i.test(text)) out.csp.push(text);
    const where = m.location()?.url ?? '';
    if (m.type() === 'error' && /Failed to load resource|ERR_NAME_NOT_RESOLVED|404/.test(text)) return; // broken images of the page
    if (
      text.includes('[qingdu]') ||
      (m.type() === 'error' && (EXT_SCHEMES.test(where) || EXT_SCHEMES.test(page.url())))
    )
      out.ours.push(`${m.type()}: ${text}`);
  });
  return out;
}

/** Puppeteer's own isolated world of the page's main frame: probes there use pristine built-ins, whatever the page did. */
const isolated = (page: Page) =>
  (page.mainFrame() as unknown as { isolatedRealm(): { evaluate: Page['evaluate'] } }).isolatedRealm();

/**
 * Open a tab (created by the extension, so its tab id is known), attach the collectors as soon as the target exists,
 * and wait for the load from the isolated world (the page may break the main world's Promise/Array, which
 * puppeteer's own main-world helpers need).
 */
async function openTab(url: string): Promise<{ page: Page; tabId: number; seen: ReturnType<typeof collect> }> {
  // Right after launch (or a worker restart) the service worker can be evaluated before its `chrome` binding exists.
  let tabId: number;
  for (let attempt = 0; ; attempt++) {
    try {
      tabId = await driver.background((u: string) => chrome.tabs.create({ url: u }).then((t) => t.id!), url);
      break;
    } catch (e) {
      if (attempt >= 4 || !/chrome is not defined/.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const target = await driver.browser.waitForTarget((t) => t.type() === 'page' && t.url() === url, { timeout: 60_000 });
  const page = (await target.page())!;
  const seen = collect(page);
  const end = Date.now() + 90_000;
  while (
    (await isolated(page)
      .evaluate(() => document.readyState)
      .catch(() => 'loading')) !== 'complete'
  ) {
    if (Date.now() > end) throw new Error(`${url} did not finish loading`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { page, tabId, seen };
}

/** Poll a condition in the isolated world (puppeteer's waitForFunction needs the page's MutationObserver/Promise). */
async function until(page: Page, fn: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (
    !(await isolated(page)
      .evaluate(fn)
      .catch(() => false))
  ) {
    if (Date.now() > end) throw new Error(`condition not met in ${timeoutMs} ms: ${fn}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Read the page's instruments and our phase measures from an isolated world (the page may have broken its own). */
function instruments(page: Page) {
  return isolated(page).evaluate(() => {
    const d = document.documentElement;
    const phases = performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('qingdu:'))
      .map((m) => ({ name: m.name, start: m.startTime, duration: m.duration }));
    const longtasks = (d?.getAttribute('data-longtasks') ?? '')
      .split(';')
      .filter(Boolean)
      .map((s) => {
        const [start, duration] = s.split(':').map(Number);
        return { start, duration };
      });
    return {
      tick: Number(d?.getAttribute('data-tick') ?? 0),
      pwned: d?.getAttribute('data-qd-pwned') ?? null,
      phases,
      longtasks,
    };
  });
}

/** Anchors/attributes in a subtree that would run code when clicked or loaded. */
const DANGEROUS_SELECTOR =
  'script, iframe, object, embed, frame, frameset, form, [onerror], [onload], [onclick], [onmouseover], [ontoggle], [srcdoc]';

async function watchCsp(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const cspSeen = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

const TOO_LARGE = /^(页面过大|頁面過大|This page is too large)/;
const TOO_DEEP = /^(页面嵌套过深|頁面巢狀過深|This page is nested too deeply)/;
const NOT_ARTICLE = /^(此页面不是文章|This page is not an article)$/;
const IS_ARTICLE = /^(已识别为文章|已識別為文章|Article detected)$/;

describe.each(CASES)('hostile page $name', (c: HostileCase) => {
  it('runs no page script in our pages, throws nothing, keeps the page working, says what it found, yields', async () => {
    const url = caseUrl(c);
    const hitsBefore = server.hits.length;
    const { page, tabId, seen } = await openTab(url);
    let ran = 0;
    const ourErrors: string[] = [];
    let articleVerdict = 'n/a';
    try {
      const status = (await waitForContent(driver, tabId, 60_000)) as { isArticle: boolean; unreadable?: string };
      expect(status.unreadable).toBe(c.unreadable);
      const start = await instruments(page);

      // Popup: the verdict, in words.
      const popup = await driver.openExtensionPage(
        `src/popup/index.html?tab=${tabId}`,
        '.status[data-state="ready"], .status[data-state="unavailable"]',
      );
      const popupSeen = collect(popup);
      await watchCsp(popup);
      const head = await popup.$eval('.status', (e) => ({
        text: (e.textContent ?? '').trim(),
        article: e.getAttribute('data-article'),
      }));
      articleVerdict = head.article ?? 'n/a';
      expect(head.text.length, 'the popup states the verdict').toBeGreaterThan(0);
      if (c.article !== null) expect(head.article).toBe(String(c.article));
      expect(head.article).toBe(String(status.isArticle));
      if (status.isArticle) expect(head.text).toMatch(IS_ARTICLE);
      else
        expect(head.text).toMatch(
          c.unreadable === 'too-deep' ? TOO_DEEP : c.unreadable === 'too-large' ? TOO_LARGE : NOT_ARTICLE,
        );
      expect(await popup.$eval('body', (b, sel) => b.querySelectorAll(sel).length, DANGEROUS_SELECTOR)).toBe(0);

      if (status.isArticle) {
        // Reader: open it, poke what a reader would touch, check it is there and visible, close it.
        expect(await toggleReader(driver, tabId)).toBe(true);
        await until(page, () => !!document.getElementById('qingdu-reader')?.shadowRoot?.querySelector('.qd-title'));
        const reader = await isolated(page).evaluate((sel: string) => {
          const host = document.getElementById('qingdu-reader')!;
          const root = host.shadowRoot!;
          const overlay = root.querySelector<HTMLElement>('.qd-overlay')!;
          const body = root.querySelector<HTMLElement>('.qd-body')!;
          for (const el of Array.from(
            root.querySelectorAll<HTMLElement>('a, img, svg, details, summary, h1, p, video'),
          )) {
            for (const type of ['mouseover', 'click', 'focus', 'toggle', 'load', 'error']) {
              el.dispatchEvent(new Event(type, { bubbles: true, cancelable: true }));
            }
          }
          const r = overlay.getBoundingClientRect();
          return {
            dangerous: root.querySelectorAll(sel).length,
            codeLinks: Array.from(root.querySelectorAll('[href], [src], [xlink\\:href], [action], [formaction]'))
              .flatMap((e) => ['href', 'src', 'xlink:href', 'action', 'formaction'].map((a) => e.getAttribute(a) ?? ''))
              .filter((v) => /^\s*(javascript|vbscript|data:text\/html)/i.test(v)),
            styles: root.querySelectorAll('style, link').length,
            visible:
              overlay.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
              body.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
            covers: r.width >= innerWidth - 20 && r.height >= innerHeight - 20,
            bodyText: (body.textContent ?? '').length,
          };
        }, DANGEROUS_SELECTOR);
        expect(reader.dangerous, 'no script-bearing element in the reader').toBe(0);
        expect(reader.codeLinks, 'no javascript:/data:text/html URL in the reader').toEqual([]);
        expect(reader.styles, 'only the reader stylesheet').toBe(1);
        expect(reader.visible, 'page CSS cannot hide the reader').toBe(true);
        expect(reader.covers, 'page CSS cannot shrink the reader').toBe(true);
        expect(reader.bodyText).toBeGreaterThan(100);
        await new Promise((r) => setTimeout(r, 300));
        expect(await toggleReader(driver, tabId)).toBe(false);

        // Notes: save from the popup, open the note in the notes page.
        await popup.click('#btn-save');
        await popup.waitForFunction(() => (document.querySelector('.notice')?.textContent ?? '') !== '', {
          timeout: 30_000,
        });
        const notes = await driver.openExtensionPage('src/notes/index.html', 'body[data-ready="true"]');
        const notesSeen = collect(notes);
        try {
          await watchCsp(notes);
          await notes.waitForSelector('#note-list li', { timeout: 30_000 });
          await notes.click('#note-list li');
          await notes.waitForSelector('.note-view .body', { timeout: 30_000 });
          const view = await notes.$eval(
            '.note-view',
            (v, sel) => {
              for (const el of Array.from(v.querySelectorAll<HTMLElement>('a, img, svg, details, h1, p'))) {
                for (const type of ['mouseover', 'click', 'focus', 'error', 'load'])
                  el.dispatchEvent(new Event(type, { bubbles: true, cancelable: true }));
              }
              return {
                dangerous: v.querySelectorAll(sel).length,
                codeLinks: Array.from(v.querySelectorAll('[href], [src]'))
                  .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? '')
                  .filter((x) => /^\s*(javascript|vbscript|data:text\/html)/i.test(x)),
                pwned: document.documentElement.getAttribute('data-qd-pwned'),
              };
            },
            DANGEROUS_SELECTOR,
          );
          await new Promise((r) => setTimeout(r, 300));
          expect(view.dangerous).toBe(0);
          expect(view.codeLinks).toEqual([]);
          expect(view.pwned).toBeNull();
          expect(await cspSeen(notes), 'CSP violations in the notes page').toEqual([]);
          ourErrors.push(...notesSeen.ours, ...notesSeen.csp);
        } finally {
          await notes.close();
        }
      }
      expect(await popup.evaluate(() => document.documentElement.getAttribute('data-qd-pwned'))).toBeNull();
      expect(await cspSeen(popup), 'CSP violations in the popup').toEqual([]);
      ourErrors.push(...popupSeen.ours, ...popupSeen.csp);
      await popup.close();

      // The page still works, and nothing of the page ran in the reader.
      await new Promise((r) => setTimeout(r, 300));
      const end = await instruments(page);
      expect(end.tick, 'the page counter keeps ticking').toBeGreaterThan(start.tick);
      expect(end.pwned, 'a payload ran in the reader').toBeNull();
      const foreign = server.hits.slice(hitsBefore).filter((h) => h.where !== 'page');
      ran = foreign.length + (end.pwned ? 1 : 0);
      expect(foreign, 'payloads that ran outside the page itself').toEqual([]);

      // Long tasks: each phase is one task. The machine is shared (2 cores, other test runs): a phase over budget is
      // measured again on up to two fresh loads, and the best run counts (the code's cost, not a neighbour's burst).
      let maxPhase = Math.max(0, ...end.phases.map((p) => p.duration));
      let phaseText = end.phases.map((p) => `${p.name}=${p.duration.toFixed(1)}`).join(', ');
      for (let retry = 0; retry < 2 && maxPhase > LONG_TASK_MS; retry++) {
        const again = await openTab(url);
        try {
          await until(again.page, () => performance.getEntriesByName('qingdu:done').length > 0);
          const phases = (await instruments(again.page)).phases;
          const m = Math.max(0, ...phases.map((p) => p.duration));
          phaseText += ` | retry: ${phases.map((p) => `${p.name}=${p.duration.toFixed(1)}`).join(', ')}`;
          maxPhase = Math.min(maxPhase, m);
          ourErrors.push(...again.seen.ours);
        } finally {
          await again.page.close().catch(() => {}); // already gone when the renderer crashed or a retry closed it
        }
      }
      const overlap = end.longtasks.filter((t) =>
        end.phases.some((p) => t.start < p.start + p.duration && p.start < t.start + t.duration),
      );
      ourErrors.push(...seen.ours);
      summary.push({
        name: c.name,
        article: articleVerdict,
        ran,
        errors: ourErrors.length,
        maxPhase,
        overlapLong: overlap.length,
      });
      expect(ourErrors, 'errors from Qingdu in the consoles').toEqual([]);
      expect(maxPhase, `longest Qingdu task (${phaseText})`).toBeLessThanOrEqual(NON_YIELDING_MS);
    } catch (e) {
      if (!summary.some((s) => s.name === c.name))
        summary.push({
          name: c.name,
          article: articleVerdict,
          ran,
          errors: ourErrors.length + seen.ours.length,
          maxPhase: NaN,
          overlapLong: 0,
        });
      throw e;
    } finally {
      await page.close().catch(() => {}); // already gone when the renderer crashed or a retry closed it
    }
  });
});

declare const chrome: { tabs: { create(p: { url: string }): Promise<{ id?: number }> } };
