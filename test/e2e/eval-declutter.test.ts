import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserKind, findBrowser } from '../../scripts/lib/browser';
import { readDeclutterLabels } from '../../scripts/lib/declutter-labels';

// `npm run eval:declutter` (scripts/eval-declutter.ts), Chromium only:
// - on the whole corpus, site rules on and off, with the thresholds of the README;
// - on three pages with the build the suite loads (--no-build, QINGDU_DIST): gscn-1 (a manifest host, http), 163-1
//   (https) and gsc-1 (a host outside the manifest, reached with the real shortcut on a private Xvfb display; left out
//   where Xvfb or xdotool is missing). Checks the output's format and that the 中国甘肃网 seed article hides its
//   labelled clutter and keeps its labelled strings visible.

const X11 = ['/usr/bin/Xvfb', '/usr/bin/xdotool'].every((p) => existsSync(p));
const PAGES = ['gscn-1', '163-1', ...(X11 ? ['gsc-1'] : [])];
const shots = mkdtempSync(join(tmpdir(), 'qingdu-declutter-shots-'));
afterAll(() => rmSync(shots, { recursive: true, force: true }));

/** Run the harness; resolves with its exit status and output lines. */
function runHarness(args: string[]): Promise<{ status: number | null; lines: string[]; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn('npx', ['tsx', 'scripts/eval-declutter.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (status) => ok({ status, lines: out.split('\n').filter(Boolean), stderr: err }));
  });
}

const PAGE_LINE = /^(\S+) {2}clutter (\d+)\/(\d+) {2}keep (\d+)\/(\d+)(.*)$/;
const ARTICLES =
  /^on articles: clutter hidden (\d+)\/(\d+) {2}kept visible (\d+)\/(\d+) {2}pages with a kept string hidden (\d+)$/;
const SUMMARY =
  /^declutter: clutter hidden (\d+)\/(\d+) {2}kept visible (\d+)\/(\d+) {2}pages with a kept string hidden (\d+)$/;

describe.skipIf(browserKind() !== 'chromium' || !findBrowser('chromium'))('npm run eval:declutter', () => {
  it('prints a line per page and the summary; gscn-1 hides its clutter and keeps its strings', async () => {
    const run = await runHarness(['--no-build', '--pages', PAGES.join(','), '--shots', shots]);
    expect(run.status, run.stderr).toBe(0);
    const pageLines = run.lines.filter((l) => PAGE_LINE.test(l));
    expect(pageLines.map((l) => l.split(' ')[0]).sort()).toEqual([...PAGES].sort());
    const summary = SUMMARY.exec(run.lines.at(-1) ?? '');
    expect(summary, run.lines.at(-1)).not.toBeNull();

    // the summary adds up the page lines
    const counts = pageLines.map((l) => PAGE_LINE.exec(l)!.slice(2, 6).map(Number));
    const sum = (k: number) => counts.reduce((n, c) => n + c[k], 0);
    expect(summary!.slice(1, 5).map(Number)).toEqual([0, 1, 2, 3].map(sum));

    const label = readDeclutterLabels('test/fixtures/corpus').find((l) => l.name === 'gscn-1')!;
    const n = label.clutter.length;
    const m = label.keep.length;
    expect(pageLines.find((l) => l.startsWith('gscn-1 '))).toBe(`gscn-1  clutter ${n}/${n}  keep ${m}/${m}`);
    expect(pageLines.find((l) => l.startsWith('163-1 '))).toMatch(/\(https\)$/);
    // 163-1: the guard keeps its 责任编辑 line and footer, the structure pass hides its sidebars and comment box
    // (measured 10/10 and 8/8 when this was written)
    const [, , hidden163, all163, kept163, keep163] = PAGE_LINE.exec(pageLines.find((l) => l.startsWith('163-1 '))!)!;
    expect(Number(hidden163)).toBeGreaterThanOrEqual(Number(all163) - 1);
    expect(kept163).toBe(keep163);
    if (X11) expect(pageLines.find((l) => l.startsWith('gsc-1 '))).toMatch(/\(shortcut\)$/);
    // 163-1 is one of the pages screenshotted before and after
    for (const f of ['before-0.png', 'after-0.png', 'index.txt'])
      expect(existsSync(join(shots, '163-1', f))).toBe(true);
  });

  // The whole corpus, as `npm run eval:declutter` and `-- --generic` print it: on the pages taken for articles at least
  // 95 % of the labelled clutter hidden and no page with a string to keep hidden, with the site rules and without
  // them (the generic run builds dist-generic: every site rule off). Non-article pages are left alone by design and
  // counted apart (the last line's totals include them).
  it.each([
    ['site rules on', ['--no-build']],
    ['site rules off', ['--generic']],
  ])(
    'the whole corpus, %s: ≥ 95 %% of the clutter on articles hidden, no kept string hidden',
    async (_mode, args) => {
      const run = await runHarness(args);
      expect(run.status, run.stderr).toBe(0);
      const articles = ARTICLES.exec(run.lines.find((l) => l.startsWith('on articles: ')) ?? '');
      expect(articles, run.lines.slice(-3).join('\n')).not.toBeNull();
      const [hidden, clutter, kept, keep, pages] = articles!.slice(1, 6).map(Number);
      expect(clutter).toBeGreaterThanOrEqual(280);
      expect(hidden / clutter, run.lines.filter((l) => l.includes('not hidden')).join('\n')).toBeGreaterThanOrEqual(
        0.95,
      );
      expect(pages, run.lines.filter((l) => /keep (\d+)\/(?!\1\b)/.test(l)).join('\n')).toBe(0);
      expect(kept).toBe(keep);
      const summary = SUMMARY.exec(run.lines.at(-1) ?? '');
      expect(Number(summary![5])).toBe(0);
    },
    600_000,
  );

  it('refuses an unknown page with one line and status 2', async () => {
    const run = await runHarness(['--no-build', '--pages', 'no-such-page']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('eval:declutter: no such corpus page: no-such-page');
  });
});
