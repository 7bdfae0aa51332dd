import browser from 'webextension-polyfill';
import { sendBGtoCS } from '../shared/connector';
import { t } from '../shared/i18n';
import type { ContentStatus } from '../shared/messages';
import { builtFile, PARTS, READER_BUNDLE } from '../shared/part-files';

/** The built content-script file, read from the manifest so the name never drifts from the build. */
function contentFile(): string {
  return browser.runtime.getManifest().content_scripts?.[0]?.js?.[0] ?? 'src/content/index.js';
}

async function status(tabId: number): Promise<ContentStatus | null> {
  try {
    return await sendBGtoCS(tabId, 'status', undefined);
  } catch {
    return null;
  }
}

/**
 * Make sure the content script runs in the tab: on manifest hosts it already does; elsewhere inject it now
 * (needs activeTab, granted by the popup or the shortcut). @throws when the tab cannot be scripted (chrome://, store).
 */
export async function ensureContent(tabId: number): Promise<ContentStatus> {
  const s = await status(tabId);
  if (s) return s;
  await browser.scripting.executeScript({ target: { tabId }, files: [contentFile()] });
  const after = await status(tabId);
  if (!after) throw new Error('content script did not start');
  return after;
}

/** The built files of the wanted parts that the Article's build uses (a status is checked like any reply). */
function articleParts(wanted: unknown): string[] {
  if (!Array.isArray(wanted)) return [];
  return (['readability', 'complete'] as const).filter((n) => wanted.includes(n)).map((n) => builtFile(PARTS[n]));
}

/**
 * Toggle reader mode in a tab, injecting the content script and the reader bundle on first use. The parts the
 * Article still needs (ContentStatus.partsWanted) go in the same `executeScript` call, before the bundle: one round
 * trip instead of the content script asking for them after the toggle (`npm run bench:reader`, the cold open).
 * `readAnyway`: open past the "not an article" notice (BGtoCS toggleReader).
 * @returns open?
 */
export async function toggleReaderInTab(tabId: number, readAnyway = false): Promise<boolean> {
  const s = await ensureContent(tabId);
  const files = [
    // (only when the reader opens: on a close the Article exists)
    ...(s.readerOpen ? [] : articleParts(s.partsWanted)),
    ...(s.readerLoaded ? [] : [builtFile(READER_BUNDLE)]),
  ];
  if (files.length) await browser.scripting.executeScript({ target: { tabId }, files });
  return sendBGtoCS(tabId, 'toggleReader', readAnyway ? { readAnyway } : {});
}

/** Show a tab's detection verdict on the toolbar badge (文 on articles, nothing elsewhere). */
export async function showVerdict(tabId: number, isArticle: boolean): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: isArticle ? t('badgeArticle') : '' });
  if (isArticle) await browser.action.setBadgeBackgroundColor({ tabId, color: '#a33' });
}
