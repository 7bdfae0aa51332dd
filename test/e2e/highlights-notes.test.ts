import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserKind, distDir, launch, type Driver } from '../../scripts/lib/browser';
import type { Note, NotesExport } from '../../src/shared/notes-types';
import { annotationOn } from '../unit/annotation-helpers';
import { corpusArticle } from '../unit/notes-helpers';
import { audit, describeReport } from './axe';
import { captureDownloads, takeDownloads } from './downloads';
import { readStoredNotes } from './library';

// Highlights everywhere the note goes (README "Notes library"), in the built extension's notes page: a JSON backup
// whose note carries three highlights (one orphaned: its quote is not in the body) is imported; the open note lists
// them, draws the placed ones as <mark>, copies a quote with its citation; search finds the note by a comment word
// and by a highlighted phrase; Markdown and JSON exports hold them; the JSON re-imports identical.
const OUT = `test-results/${browserKind()}`;
const URL_GSCN = 'http://gansu.gscn.com.cn/system/2020/03/15/012339876.shtml';
const COMMENT_WORD = '统计口径';
const ORPHAN = '这句原文已被编辑删去';
const PLACED = ['齿轮厂社区', '刘凤梅'];

let driver: Driver;
let note: Note;
const tmp = mkdtempSync(join(tmpdir(), 'qingdu-highlights-e2e-'));

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const article = await corpusArticle('corpus/pages/gscn-1.html', URL_GSCN);
  const text = article.textContent;
  for (const q of PLACED) expect(text).toContain(q);
  expect(text).not.toContain(ORPHAN);
  note = {
    id: '6f1c4c1e-0d3a-4c55-9a7e-2f4b1d2c3a01',
    canonicalUrl: article.canonicalUrl ?? URL_GSCN,
    article,
    site: article.siteName ?? 'gansu.gscn.com.cn',
    accessedAt: '2026-11-29T02:00:00.000Z',
    textSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    note: '',
    tags: ['研究'],
    quotes: [],
    annotations: [
      annotationOn(
        text,
        PLACED[0],
        `值得追问${COMMENT_WORD}\n第二行 “引号” 🧐 繁體`,
        'green',
        '2026-12-01T08:00:00.000Z',
      ),
      annotationOn(text, ORPHAN, '原文改过', 'pink', '2026-12-01T08:05:00.000Z'),
      annotationOn(text, PLACED[1], '人物', 'blue', '2026-12-01T08:10:00.000Z'),
    ],
    createdAt: '2026-11-29T02:00:00.000Z',
    updatedAt: '2026-12-01T08:10:00.000Z',
  };
  driver = await launch({ extensionDir: distDir(), hosts: [], port: 0 });
});
afterAll(async () => {
  await driver?.close();
});

/** Every stored note, straight from IndexedDB. */
const stored = (page: Page) => page.evaluate(readStoredNotes<Note>);

async function notesPage(): Promise<Page> {
  const page = await driver.openExtensionPage('src/notes/index.html', 'body[data-ready="true"]');
  await page.waitForSelector('.index-state[data-state="ready"]', { timeout: 60_000 });
  // Downloads (<a download>.click()) are kept as text; the clipboard is read back from a stand-in.
  await captureDownloads(page);
  await page.evaluate(() => {
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (t: string) => void w.copied.push(t) },
    });
  });
  return page;
}

async function importFile(page: Page, text: string, name: string): Promise<void> {
  const path = join(tmp, name);
  writeFileSync(path, text);
  await ((await page.$('#import-file')) as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
  await page.waitForSelector('#import-confirm');
  await page.click('#import-confirm');
  await page.waitForFunction(() => document.querySelectorAll('#note-list li').length === 1, { polling: 100 });
}

/** Type a query; the rows' titles and snippets once the list shows the search. */
async function search(page: Page, q: string) {
  await page.$eval('#search', (e) => {
    (e as HTMLInputElement).value = '';
    e.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.type('#search', q);
  await page.waitForFunction(
    (q: string) =>
      // The rows and snippets shown answer this query (not the one typed before it).
      (document.querySelector('#count') as HTMLElement | null)?.dataset.query === q &&
      (document.querySelector('#search') as HTMLInputElement).value === q &&
      document.querySelector('#note-list li .snippet') !== null,
    { timeout: 20_000, polling: 100 },
    q,
  );
  return page.evaluate(() => ({
    ids: [...document.querySelectorAll<HTMLElement>('#note-list li')].map((e) => e.dataset.noteId),
    annotationSnippets: [...document.querySelectorAll('#note-list .annotation-snippet')].map((e) => e.textContent),
  }));
}

async function openNote(page: Page): Promise<void> {
  await page.click('#note-list li button.open-note');
  await page.waitForSelector('.annotation-list');
  await page.waitForFunction(() => document.querySelectorAll('.note-view .body mark.qd-hl').length > 0, {
    polling: 100,
  });
}

it('lists, draws, searches, exports and re-imports a note’s highlights', async () => {
  const backup: NotesExport = { format: 'qingdu-notes', version: 1, exportedAt: note.createdAt, notes: [note] };
  const page = await notesPage();
  try {
    await importFile(page, JSON.stringify(backup), 'with-highlights.json');
    await openNote(page);

    // Three listed in order, the orphan marked as such; the two placed ones drawn as marks with their colours.
    const listed = await page.$$eval('.annotation', (lis) =>
      lis.map((li) => ({
        id: (li as HTMLElement).dataset.annotationId,
        orphan: li.classList.contains('orphan'),
        quote: li.querySelector('.annotation-quote')?.textContent,
        comment: li.querySelector('.annotation-comment')?.textContent ?? '',
      })),
    );
    expect(listed).toEqual(
      note.annotations!.map((a) => ({
        id: a.id,
        orphan: a.target.selector[0].exact === ORPHAN,
        quote: a.target.selector[0].exact,
        comment: a.bodyValue,
      })),
    );
    const marks = await page.$$eval('.note-view .body mark.qd-hl', (ms) =>
      ms.map((m) => ({
        id: (m as HTMLElement).dataset.annotationId,
        color: (m as HTMLElement).dataset.color,
        text: m.textContent,
      })),
    );
    const [green, orphan, blue] = note.annotations!;
    expect(marks).toEqual([
      { id: green.id, color: 'green', text: PLACED[0] },
      { id: blue.id, color: 'blue', text: PLACED[1] },
    ]);
    expect(
      await page.$eval(`.annotation[data-annotation-id="${orphan.id}"]`, (e) => !!e.querySelector('.orphan-label')),
    ).toBe(true);
    // The colour is drawn (a computed background, not the default yellow).
    const bg = await page.$eval(
      '.note-view .body mark.qd-hl[data-color="green"]',
      (m) => getComputedStyle(m).backgroundColor,
    );
    expect(bg).toBe('rgb(185, 239, 176)');

    // 在正文中显示 scrolls the mark into view.
    await page.click(`.annotation[data-annotation-id="${blue.id}"] .annotation-show`);
    await page.waitForFunction(
      (id: string) => {
        const r = document.querySelector(`mark[data-annotation-id="${id}"]`)!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      },
      { polling: 100, timeout: 5000 },
      blue.id,
    );
    await page.screenshot({ path: `${OUT}/highlights-notes-body.png` });
    // 复制引用: the quote and the GB/T 7714 reference (style files fetched from the extension).
    await page.click(`.annotation[data-annotation-id="${green.id}"] .annotation-cite`);
    await page.waitForFunction(() => (window as unknown as { copied: string[] }).copied.length > 0, { polling: 100 });
    const [copied] = await page.evaluate(() => (window as unknown as { copied: string[] }).copied);
    expect(copied).toMatch(
      new RegExp(`^“${PLACED[0]}”\\n\\[1\\] .*\\[EB/OL\\]\\. \\(2020-03-15\\)\\[2026-11-29\\]\\. ${URL_GSCN}\\.$`),
    );

    const report = await audit(page);
    console.log(describeReport(driver.kind, 'notes (note with highlights)', report));
    expect(report.violations).toEqual([]);
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: `${OUT}/highlights-notes-open.png`, fullPage: false });

    // Export Markdown of the open note: the highlights are in it, as > quotes by default, then as ==text==.
    await page.click('.note-actions button:nth-child(2)');
    const [md] = await takeDownloads(page, 1);
    expect(md.name).toMatch(/\.md$/);
    expect(md.text).toContain(`## 标注\n\n> ${PLACED[0]}\n\n批注：值得追问${COMMENT_WORD}\\\n第二行`);
    expect(md.text).toContain(`> ${ORPHAN}\n\n批注：原文改过`);
    await page.click('#note-close');
    await page.waitForSelector('#note-list li');
    await page.select('#export-md-highlights', 'mark');
    await page.click('#export-md');
    const [md2] = await takeDownloads(page, 1);
    expect(md2.text).toContain(`## 标注\n\n==${PLACED[0]}==`);
    expect(md2.text).toContain(`==${PLACED[1]}==\n\n批注：人物\n\n*蓝色 · 2026-12-01 08:10 UTC*`);

    // Search: a word of a comment, and a highlighted phrase that is not in the body (the orphan).
    const byComment = await search(page, COMMENT_WORD);
    expect(byComment.ids).toEqual([note.id]);
    expect(byComment.annotationSnippets.join(' ')).toContain(COMMENT_WORD);
    const byQuote = await search(page, ORPHAN);
    expect(byQuote.ids).toEqual([note.id]);
    expect(byQuote.annotationSnippets.join(' ')).toContain(ORPHAN);

    // JSON backup: the annotations as imported; clear and re-import: identical notes.
    const before = await stored(page);
    expect(before.map((n) => n.annotations)).toEqual([note.annotations]);
    await page.click('#export-json');
    const [json] = await takeDownloads(page, 1);
    expect((JSON.parse(json.text) as NotesExport).notes).toEqual(before);
    await page.click('#clear');
    await page.click('#clear-confirm');
    await page.waitForFunction(() => document.querySelectorAll('#note-list li').length === 0, { polling: 100 });
    expect(await stored(page)).toEqual([]);
    await page.$eval('#search', (e) => {
      (e as HTMLInputElement).value = '';
      e.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await importFile(page, json.text, 'backup.json');
    expect(await stored(page)).toEqual(before);
    expect(await stored(page)).toEqual([note]);
  } finally {
    await page.close();
  }
});
