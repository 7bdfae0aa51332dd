import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { TextHit } from './text-visibility';

/**
 * Before/after screenshots of the declutter evaluation (scripts/eval-declutter.ts), for a person to check that the
 * harness sees what a reader sees: per page a folder with `before-0.png` / `after-0.png` (the first screen),
 * `before-cN.png` / `after-cN.png` around the N-th clutter string (the area of its block; after the declutter, where
 * the block was when it is hidden), `before-kN.png` / `after-kN.png` the same for the N-th string that must stay
 * visible, and `index.txt` naming each shot's string and verdict.
 */

/** The pages screenshotted by default: one per portal of the declutter's first trial. */
export const SHOT_PAGES = ['thepaper-1', 'sina-1', 'xinhuanet-1', 'people-1', '163-1'];

const WIDTH = 1280;

/** A full-width slice of the page around a place, kept inside the page. */
async function clipAround(page: Page, top: number, height: number): Promise<{ y: number; height: number }> {
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  const h = Math.min(Math.max(height + 240, 240), 720);
  const y = Math.max(0, Math.min(top - 120, pageHeight - h));
  return { y, height: Math.max(1, Math.min(h, pageHeight - y)) };
}

/** Shot ids of a page's strings, in label order: `c1`… for its clutter strings, `k1`… for the ones to keep. */
export function shotIds(clutter: number, keep: number): string[] {
  return [
    ...Array.from({ length: clutter }, (_, i) => `c${i + 1}`),
    ...Array.from({ length: keep }, (_, i) => `k${i + 1}`),
  ];
}

/**
 * Screenshot one state of a page: the first screen, and around one occurrence of each string (`pick[i]`: which
 * occurrence of string i, the first one visible before the declutter; -1 for none).
 * @param stage `before` or `after`
 * @param ids the strings' shot ids (shotIds)
 */
export async function shootPage(
  page: Page,
  dir: string,
  stage: 'before' | 'after',
  shot: { ids: string[]; hits: TextHit[][]; pick: number[] },
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(dir, `${stage}-0.png`) });
  for (const [i, id] of shot.ids.entries()) {
    const hit = shot.pick[i] >= 0 ? shot.hits[i][shot.pick[i]] : undefined;
    if (!hit) continue;
    const clip = await clipAround(page, hit.top, hit.height);
    await page.screenshot({
      path: join(dir, `${stage}-${id}.png`),
      clip: { x: 0, y: clip.y, width: WIDTH, height: clip.height },
      captureBeyondViewport: true,
    });
  }
}

/** Write `index.txt`: which string each screenshot shows (by shot id), and its verdict. */
export function writeShotIndex(dir: string, ids: string[], lines: { text: string; verdict: string }[]): void {
  mkdirSync(dir, { recursive: true });
  const body = lines.map((l, i) => `${ids[i]}\t${l.verdict}\t${l.text}`).join('\n');
  writeFileSync(join(dir, 'index.txt'), `0\tfirst screen\n${body}\n`);
}
