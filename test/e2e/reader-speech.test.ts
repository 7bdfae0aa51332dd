import { execFileSync } from 'node:child_process';
import { toggleReader } from './commands';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserKind, distDir, launch, type Driver } from '../../scripts/lib/browser';
import { servePages, type PageServer } from '../../scripts/lib/page-server';
import { waitForContent } from '../../scripts/lib/extension-probe';
import { startXvfb, type XServer } from '../../scripts/lib/x11';
import { corpusArticles, corpusRoutes } from './reader-pages';

// Read aloud (src/reader/speech.ts) with the real speechSynthesis of the browser and the system's voices
// (speech-dispatcher + espeak-ng on Debian, installed by .ci/run): the reader opens on gscn-1, `r` starts reading,
// and each utterance's end event must move the highlight to the next sentence, kept in view; Esc stops reading first
// (highlight gone, reader open), a second Esc closes. Headed under Xvfb: Chromium speaks through speech-dispatcher
// only with --enable-speech-dispatcher. The test fails when the browser lists no Chinese voice (no stub).
const OUT = `test-results/${browserKind()}`;
const [PAGE] = corpusArticles(['gscn-1']);
let server: PageServer;
let driver: Driver | undefined;
let x: XServer | null = null;

/**
 * A private speech-dispatcher for the browser: the machines have no sound card, so speech goes to libao's `null`
 * driver (with the default `pulse` output an utterance never ends); config, socket and libao file in a temp dir, passed
 * to the browser through XDG_CONFIG_HOME, XDG_RUNTIME_DIR and HOME. Started with spd-say before the browser asks.
 */
function speechEnv(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'qingdu-speech-'));
  mkdirSync(join(dir, 'cfg/speech-dispatcher'), { recursive: true });
  mkdirSync(join(dir, 'run'), { mode: 0o700 });
  const conf = readFileSync('/etc/speech-dispatcher/speechd.conf', 'utf8');
  writeFileSync(join(dir, 'cfg/speech-dispatcher/speechd.conf'), `${conf}\nAudioOutputMethod "libao"\n`);
  writeFileSync(join(dir, '.libao'), 'default_driver=null\n');
  const env = { XDG_CONFIG_HOME: join(dir, 'cfg'), XDG_RUNTIME_DIR: join(dir, 'run'), HOME: dir };
  execFileSync('spd-say', ['-w', '-o', 'espeak-ng', '-l', 'zh', '。'], {
    timeout: 20_000,
    stdio: 'ignore',
    env: { ...process.env, ...env },
  });
  return env;
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const env = speechEnv();
  x = await startXvfb();
  server = await servePages(corpusRoutes([PAGE]));
  driver = await launch({
    extensionDir: distDir(),
    hosts: [PAGE.host],
    port: server.port,
    headed: !!x,
    env: x ? { ...env, DISPLAY: x.display } : env,
    args: ['--enable-speech-dispatcher'],
  });
}, 60_000);

afterAll(async () => {
  await driver?.close();
  await server?.close();
  x?.close();
});

const inReader = <T>(fn: string) =>
  `(() => { const root = document.getElementById('qingdu-reader').shadowRoot; ${fn} })()` as unknown as T;

it('reads sentence by sentence: end events advance the highlight, Esc stops first, then closes', async () => {
  const page = await driver!.open(PAGE.url);
  const tabId = await driver!.tabId(page);
  await waitForContent(driver!, tabId);
  await page.bringToFront();
  await toggleReader(driver!, tabId);
  await page.waitForFunction(() => !!document.getElementById('qingdu-reader')?.shadowRoot?.querySelector('.qd-body p'));
  // The voices the page's own window sees (the reader's content-script world shares the same speechSynthesis).
  const voices = await page.evaluate(async () => {
    const s = speechSynthesis;
    for (let i = 0; i < 100 && !s.getVoices().length; i++) await new Promise((r) => setTimeout(r, 100));
    return s.getVoices().map((v) => v.lang);
  });
  const chinese = voices.filter((l) => /^(zh|cmn|yue)/i.test(l));
  console.log(
    `speech (${browserKind()}): voices=${voices.length} chinese=${chinese.length} [${[...new Set(chinese)].slice(0, 6).join(', ')}]`,
  );
  expect(
    chinese.length,
    'the browser lists no Chinese voice (speech-dispatcher-espeak-ng installed and running?)',
  ).toBeGreaterThan(0);

  // Record every highlighted sentence number as the reader sets it.
  await page.evaluate(() => {
    const root = document.getElementById('qingdu-reader')!.shadowRoot!;
    const seen: number[] = [];
    (window as unknown as { qdSeen: number[] }).qdSeen = seen;
    new MutationObserver(() => {
      const on = root.querySelector('.qd-body .qd-speaking');
      const n = on ? Number(on.getAttribute('data-qd-s')) : -1;
      if (seen[seen.length - 1] !== n) seen.push(n);
    }).observe(root, { subtree: true, attributes: true, attributeFilter: ['class'] });
  });
  await page.keyboard.press('r');
  await page.waitForFunction(
    () => (window as unknown as { qdSeen: number[] }).qdSeen.filter((n) => n >= 0).length >= 3,
    {
      timeout: 60_000,
    },
  );
  await page.screenshot({ path: `${OUT}/reader-speech.png` });
  const state = await page.evaluate(
    inReader<string>(`
      const on = Array.from(root.querySelectorAll('.qd-speaking'));
      const r = on[0].getBoundingClientRect();
      return JSON.stringify({
        seen: window.qdSeen, text: on.map((e) => e.textContent).join(''), bar: root.querySelector('.qd-speech').dataset.state,
        inView: r.top >= 0 && r.bottom <= innerHeight,
        sentence2: Array.from(root.querySelectorAll('[data-qd-s="2"]')).map((e) => e.textContent).join(''),
      });`),
  );
  const s = JSON.parse(state as unknown as string) as {
    seen: number[];
    text: string;
    bar: string;
    inView: boolean;
    sentence2: string;
  };
  console.log(`speech (${browserKind()}): highlighted in order ${s.seen.join(',')}; now "${s.text}"`);
  expect(s.seen.filter((n) => n >= 0).slice(0, 3)).toEqual([0, 1, 2]);
  expect(s.bar).toBe('playing');
  expect(s.inView).toBe(true);
  expect(s.text.length).toBeGreaterThan(0);

  await page.keyboard.press('Escape');
  await page.waitForFunction(
    inReader<string>(
      `return !root.querySelector('.qd-speaking') && root.querySelector('.qd-speech').dataset.state === 'stopped';`,
    ) as never,
  );
  expect(await page.evaluate(() => !!document.getElementById('qingdu-reader'))).toBe(true);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('qingdu-reader')?.shadowRoot?.querySelector('.qd-overlay'));
  await page.close();
}, 120_000);
