import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyInput, Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import type { Driver } from '../../scripts/lib/browser';
import { waitForContent } from '../../scripts/lib/extension-probe';
import { PAGES, READER_SHORTCUT_XDOTOOL } from './fixtures';
import { useHeadedBrowser } from './headed';
import { captureDownloads, takeDownloads } from './downloads';

// Keyboard only, no mouse: the reader opened with the real shortcut (xdotool on a private Xvfb display), s saves, the
// theme changed on the focused theme select (↓, then t), Esc closes the reader from that select (after closing the
// select's own popup first); on the notes page / searches, Tab reaches a note, ↓/↑ move between notes, Enter opens,
// Esc goes back; a backup is exported, the library cleared and the backup imported with Enter (uploadFile stands in
// for the OS file dialog). Keys are page.keyboard (trusted CDP/BiDi input), except the shortcut and the select's
// popup, which only real X11 keys reach.
const headed = useHeadedBrowser();
const tmp = mkdtempSync(join(tmpdir(), 'qingdu-keyboard-e2e-'));

/** Put the X pointer over the browser window (no click): without a window manager, keys go to the window under it. */
const hover = (display: string) =>
  spawnSync('/usr/bin/xdotool', ['mousemove', '640', '500'], { env: { DISPLAY: display } });

const press = (page: Page, key: KeyInput) => page.keyboard.press(key);

/** A real X11 key press in the headed browser's display. */
const xkey = (chord: string) => {
  const r = spawnSync('/usr/bin/xdotool', ['key', chord], { env: { DISPLAY: headed.x!.display } });
  if (r.status !== 0) throw new Error(`xdotool key ${chord} failed`);
};

/** Wait until the focused element is `want` (focus moves after a render); the error names where it is instead. */
async function expectFocus(page: Page, want: string): Promise<void> {
  const end = Date.now() + 5_000;
  while ((await focused(page)) !== want) {
    if (Date.now() > end) throw new Error(`focus is on ${await focused(page)}, not ${want}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The focused element as `tag#id.class[data-action]`, looking into the reader's shadow root. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let a = document.activeElement as HTMLElement | null;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement as HTMLElement;
    if (!a) return '';
    const action = a.dataset.action ? `[${a.dataset.action}]` : '';
    return `${a.localName}${a.id ? `#${a.id}` : ''}${a.classList.length ? `.${[...a.classList].join('.')}` : ''}${action}`;
  });

/** Press Tab (or Shift+Tab) until the focused element's description contains `want`; fails after 40 presses. */
async function tabTo(page: Page, want: string, back = false): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await focused(page)).includes(want)) return;
    if (back) await page.keyboard.down('Shift');
    await press(page, 'Tab');
    if (back) await page.keyboard.up('Shift');
  }
  throw new Error(`Tab never reached ${want}; focus is on ${await focused(page)}`);
}

const readerTheme = (page: Page) =>
  page.evaluate(
    () =>
      document.getElementById('qingdu-reader')?.shadowRoot?.querySelector<HTMLElement>('.qd-overlay')?.dataset.theme ??
      null,
  );
const toast = (page: Page) =>
  page.waitForFunction(
    () => !!document.getElementById('qingdu-reader')?.shadowRoot?.querySelector('.qd-toast')?.textContent,
    { timeout: 10_000 },
  );

/** Open the reader with the real shortcut, save with s; on `themes`, change the theme on its select and close there. */
async function readAndSave(driver: Driver, display: string, url: string, themes: boolean): Promise<void> {
  const page = await driver.open(url);
  try {
    await waitForContent(driver, await driver.tabId(page));
    const before = await page.evaluate(() => document.body.outerHTML);
    await page.bringToFront();
    hover(display);
    xkey(READER_SHORTCUT_XDOTOOL);
    await page.waitForFunction(
      () => !!document.getElementById('qingdu-reader')?.shadowRoot?.querySelector('.qd-body'),
      {
        timeout: 10_000,
      },
    );
    await press(page, 's');
    await toast(page);
    if (themes) await themeOnSelect(page);
    else await press(page, 'Escape');
    await page.waitForFunction(() => !document.getElementById('qingdu-reader'), { timeout: 5_000 });
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
  } finally {
    await page.close();
  }
}

/** On the focused theme select: ↓ picks the next theme, t cycles it, Esc closes the select's popup, then the reader. */
async function themeOnSelect(page: Page): Promise<void> {
  await tabTo(page, 'select.qd-select[theme]');
  const t0 = await readerTheme(page);
  await press(page, 'ArrowDown');
  await page.waitForFunction(
    (t: string) =>
      document.getElementById('qingdu-reader')?.shadowRoot?.querySelector<HTMLElement>('.qd-overlay')?.dataset.theme !==
      t,
    { timeout: 5_000 },
    t0!,
  );
  const t1 = await readerTheme(page);
  await press(page, 't');
  await page.waitForFunction(
    (t: string) =>
      document.getElementById('qingdu-reader')?.shadowRoot?.querySelector<HTMLElement>('.qd-overlay')?.dataset.theme !==
      t,
    { timeout: 5_000 },
    t1!,
  );
  expect(await focused(page)).toContain('select.qd-select[theme]');
  await page.screenshot({ path: `test-results/${headedKind()}/keyboard-reader-theme.png` });
  // Alt+↓ opens the select's own popup: the first Esc closes it and the reader stays; the next Esc closes the reader.
  // Real X11 keys here: Firefox draws the popup in its parent process, which keys sent over BiDi never reach.
  const pickerOpen = () =>
    page.evaluate(() => !!document.getElementById('qingdu-reader')?.shadowRoot?.activeElement?.matches(':open'));
  xkey('alt+Down');
  await until(pickerOpen, true, 'the select popup opens');
  xkey('Escape');
  await until(pickerOpen, false, 'Esc closes the select popup');
  await new Promise((r) => setTimeout(r, 300));
  expect({ reader: !!(await readerTheme(page)), focus: await focused(page) }).toEqual({
    reader: true,
    focus: 'select.qd-select[theme]',
  });
  xkey('Escape');
}

/** Poll `probe` until it gives `want` (5 s), else fail naming `what`. */
async function until<T>(probe: () => Promise<T>, want: T, what: string): Promise<void> {
  const end = Date.now() + 5_000;
  while ((await probe()) !== want) {
    if (Date.now() > end) throw new Error(`${what}: not seen in 5 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const headedKind = () => headed.driver!.kind;

type FileDialogs = { fileDialogs: (boolean | null)[] };

/** The file name ending of each citation export (the notes page's #cite-format values). */
const CITE_SUFFIX: Record<string, string> = { bibtex: '.bib', ris: '.ris', 'csl-json': '-csl.json' };

it('keyboard only: reader (shortcut, s, theme on its select, Esc there) and notes (/, Tab, arrows, Enter, Esc, export, clear, import)', async (ctx) => {
  const { x, driver } = headed;
  if (!x || !driver) return ctx.skip();
  await readAndSave(driver, x.display, PAGES.gscn1.url, false);
  await readAndSave(driver, x.display, PAGES.gscn2Header.url, true);

  const notes = await driver.openExtensionPage('src/notes/index.html', 'body[data-ready="true"]');
  try {
    await notes.waitForSelector('.index-state[data-state="ready"]', { timeout: 60_000 });
    await notes.waitForFunction(() => document.querySelectorAll('#note-list li').length === 2, { polling: 100 });
    await notes.bringToFront();
    hover(x.display);
    await press(notes, '/');
    await expectFocus(notes, 'input#search');
    await tabTo(notes, 'button.open-note');
    const ids = await notes.$$eval('#note-list li', (lis) => lis.map((li) => li.getAttribute('data-note-id')));
    const rowOf = () =>
      notes.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-note-id') ?? null);
    expect(await rowOf()).toBe(ids[0]);
    await press(notes, 'ArrowDown');
    expect(await rowOf()).toBe(ids[1]);
    await press(notes, 'ArrowUp');
    expect(await rowOf()).toBe(ids[0]);
    await press(notes, 'End');
    expect(await rowOf()).toBe(ids[1]);
    await press(notes, 'Enter');
    await notes.waitForSelector(`.note-view[data-note-id="${ids[1]}"]`);
    await expectFocus(notes, 'h1');
    await notes.screenshot({ path: `test-results/${driver.kind}/keyboard-notes-open.png` });
    await press(notes, 'Escape');
    await notes.waitForSelector('#note-list li');
    await until(rowOf, ids[1], 'Esc returns focus to the note that was open');

    await captureDownloads(notes);
    await tabTo(notes, 'button#export-json', true);
    await press(notes, 'Enter');
    const [file] = await takeDownloads(notes);
    const backup = join(tmp, 'backup.json');
    writeFileSync(backup, file.text);
    // Citations: ↓ on the format select only chooses (a select that exported on change downloaded here at once);
    // Tab to 导出引文 and Enter exports in the chosen format.
    await tabTo(notes, 'select#cite-format');
    const before = await notes.$eval('#cite-format', (e) => (e as HTMLSelectElement).value);
    await press(notes, 'ArrowDown');
    await notes.waitForFunction(
      (v: string) => (document.getElementById('cite-format') as HTMLSelectElement).value !== v,
      { polling: 100 },
      before,
    );
    const chosen = await notes.$eval('#cite-format', (e) => (e as HTMLSelectElement).value);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await notes.evaluate(() => (window as unknown as { downloads: unknown[] }).downloads.length)).toBe(0);
    await press(notes, 'Tab');
    await expectFocus(notes, 'button#export-cite');
    await press(notes, 'Enter');
    const [cites] = await takeDownloads(notes);
    expect(cites.name.endsWith(CITE_SUFFIX[chosen])).toBe(true);
    await tabTo(notes, 'button#clear');
    await press(notes, 'Enter');
    await expectFocus(notes, 'button#clear-confirm.danger');
    await press(notes, 'Enter');
    await notes.waitForFunction(() => document.querySelectorAll('#note-list li').length === 0, { polling: 100 });
    await tabTo(notes, 'button#import-json', true);
    // Enter on 导入 JSON must open the file input's dialog: its click arrives with the key's user activation (which a
    // browser requires to show the dialog). The OS dialog itself cannot be driven here, so the test cancels it and sets
    // the file on the input as the dialog would (uploadFile).
    await notes.evaluate(() => {
      const w = window as unknown as FileDialogs;
      w.fileDialogs = [];
      document.getElementById('import-file')!.addEventListener('click', (e) => {
        w.fileDialogs.push(navigator.userActivation?.isActive ?? null);
        e.preventDefault();
      });
    });
    await press(notes, 'Enter');
    await notes.waitForFunction(() => (window as unknown as FileDialogs).fileDialogs.length === 1, { polling: 100 });
    expect(await notes.evaluate(() => (window as unknown as FileDialogs).fileDialogs)).toEqual([true]);
    await ((await notes.$('#import-file')) as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(backup);
    await notes.waitForSelector('#import-summary');
    await expectFocus(notes, 'button#import-confirm');
    await notes.screenshot({ path: `test-results/${driver.kind}/keyboard-notes-import.png` });
    await press(notes, 'Enter');
    await notes.waitForFunction(() => document.querySelectorAll('#note-list li').length === 2, {
      polling: 100,
      timeout: 15_000,
    });
  } finally {
    await notes.close();
  }
});
