import browser from 'webextension-polyfill';

/**
 * The background side of the reader's lazy parts (src/reader/parts.ts): inject a part's built script into the frame
 * that asked, and hand out the shipped CSL files. Both are asked for by a content script, whose page may be hostile:
 * the part name and the file name are checked against fixed lists, so a page cannot make us inject or read anything
 * else.
 */
const PART_FILES: Record<string, string> = {
  opencc: 'src/reader/opencc-part.js',
  cite: 'src/reader/cite-part.js',
  pages: 'src/reader/pages-part.js',
  readability: 'src/content/readability-part.js',
};

/** Inject a reader part into the sender's tab and frame. @returns false for an unknown part or a sender without a tab */
export async function loadReaderPart(part: string, sender: browser.Runtime.MessageSender): Promise<boolean> {
  const file = PART_FILES[part];
  const tabId = sender.tab?.id;
  if (!file || tabId === undefined) return false;
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [file] });
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
