import browser from 'webextension-polyfill';
import { builtFile, isPartName, PARTS } from '../shared/part-files';

/**
 * The background side of the lazily loaded parts (src/shared/part-files.ts): inject a part's built script into the
 * frame that asked, and hand out the shipped CSL files. Both are asked for by a content script, whose page may be
 * hostile: the part name and the file name are checked against fixed lists, so a page cannot make us inject or read
 * anything else.
 */

/** Inject a part into a tab's frame. @returns false for a name that is not one of PARTS */
export async function loadReaderPart(part: unknown, tabId: number, frameId: number): Promise<boolean> {
  if (!isPartName(part)) return false;
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [builtFile(PARTS[part])] });
  return true;
}

/** Shipped CSL style and locale files: plain names only (no path), `.csl` or `.xml`. */
const CSL_FILE = /^[a-z0-9][a-z0-9.-]*\.(csl|xml)$/i;

/** The text of `csl/<file>` from the extension package. @throws for any other name or a missing file */
export async function readerAsset(file: string): Promise<string> {
  if (!CSL_FILE.test(file) || file.includes('..')) throw new Error(`not a CSL file: ${file}`);
  const res = await fetch(browser.runtime.getURL(`csl/${file}`));
  if (!res.ok) throw new Error(`csl/${file}: HTTP ${res.status}`);
  return res.text();
}
