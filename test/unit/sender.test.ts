import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

// The router's handlers call the browser; a stub stands in for webextension-polyfill, which throws outside an extension.
const browser = vi.hoisted(() => ({
  scripting: { executeScript: vi.fn(async () => []) },
  tabs: { sendMessage: vi.fn(async () => undefined), query: vi.fn(async () => []) },
  runtime: { getURL: (p: string) => `chrome-extension://abcdefghijklmnop/${p}` },
  i18n: { getMessage: (k: string) => k },
}));
vi.mock('webextension-polyfill', () => ({ default: browser }));
const { senderOf } = await import('../../src/background/sender');
const { COMMANDS, handlerFor, routeMessage, runCommand } = await import('../../src/background/router');

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const PAGE_URL = 'http://gansu.gscn.com.cn/system/2020/03/15/1.shtml';
const page = { id: ID, url: `${ORIGIN}src/popup/index.html` };
const content = { id: ID, url: PAGE_URL, frameId: 0, tab: { id: 7, url: PAGE_URL } };

const FROM_CONTENT = [
  'articleDetected',
  'loadReaderPart',
  'readerAsset',
  'notesSave',
  'notesAnnotations',
  'annotationAdd',
  'annotationEdit',
  'annotationRemove',
];
const FROM_PAGES = [
  'ensureContent',
  'toggleReaderInTab',
  'syncSiteAccess',
  'notesSave',
  'notesEdit',
  'notesDelete',
  'notesRestore',
  'notesImportChunk',
  'notesImportCommit',
  'notesClear',
  'annotationAdd',
  'annotationEdit',
  'annotationRemove',
];
const ALL = [...new Set([...FROM_CONTENT, ...FROM_PAGES])];

describe('senderOf (the one sender policy of the background)', () => {
  it('knows our extension pages, also one opened as a tab (tests: popup.html?tab=N)', () => {
    expect(senderOf(page as never, ID, ORIGIN)).toEqual({ kind: 'extension-page' });
    const asTab = { ...page, tab: { id: 3, url: `${ORIGIN}src/popup/index.html?tab=7` } };
    expect(senderOf(asTab as never, ID, ORIGIN)).toEqual({ kind: 'extension-page' });
  });

  it("takes a content script's tab and frame from the browser's sender.tab and frameId", () => {
    expect(senderOf(content as never, ID, ORIGIN)).toEqual({ kind: 'content', tabId: 7, frameId: 0 });
    expect(senderOf({ ...content, frameId: 12 } as never, ID, ORIGIN)).toEqual({
      kind: 'content',
      tabId: 7,
      frameId: 12,
    });
  });

  it('does not trust a content script that puts an extension-looking URL in sender.url', () => {
    const spoof = { ...content, url: `${ORIGIN}src/popup/index.html` };
    expect(senderOf(spoof as never, ID, ORIGIN)).toEqual({ kind: 'content', tabId: 7, frameId: 0 });
  });

  it('refuses other extensions, and senders that are neither a tab nor one of our pages', () => {
    expect(senderOf({ ...content, id: 'other' } as never, ID, ORIGIN)).toBeNull();
    expect(senderOf({ ...page, id: 'other' } as never, ID, ORIGIN)).toBeNull();
    expect(senderOf({ id: ID, url: PAGE_URL } as never, ID, ORIGIN)).toBeNull();
  });
});

describe('the router: a message is handled only when its direction allows its sender', () => {
  it("content scripts send only CStoBG: report the verdict, load parts, read CSL files, save the reader's article", () => {
    expect(ALL.filter((n) => handlerFor('content', n)).sort()).toEqual([...FROM_CONTENT].sort());
  });

  it('extension pages send only UItoBG: drive any tab, sync site access, every notes write', () => {
    expect(ALL.filter((n) => handlerFor('extension-page', n)).sort()).toEqual([...FROM_PAGES].sort());
  });

  it('has no handler for names inherited from Object', () => {
    for (const n of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(handlerFor('content', n), n).toBeUndefined();
      expect(handlerFor('extension-page', n), n).toBeUndefined();
    }
  });

  it('refuses a spoofing content script without running anything', () => {
    browser.tabs.sendMessage.mockClear();
    const spoof = { ...content, url: `${ORIGIN}src/popup/index.html` };
    expect(routeMessage({ name: 'toggleReaderInTab', data: { tabId: 1 } }, spoof as never, ID, ORIGIN)).toBeUndefined();
    expect(routeMessage({ name: 'notesClear' }, content as never, ID, ORIGIN)).toBeUndefined();
    expect(
      routeMessage({ name: 'articleDetected', data: { isArticle: true } }, page as never, ID, ORIGIN),
    ).toBeUndefined();
    expect(routeMessage('notesClear', page as never, ID, ORIGIN)).toBeUndefined();
    expect(browser.tabs.sendMessage).not.toHaveBeenCalled();
  });

  it("injects a part only by its name in PARTS, into the sender's own tab and frame", async () => {
    browser.scripting.executeScript.mockClear();
    const from = { ...content, frameId: 4 };
    expect(await routeMessage({ name: 'loadReaderPart', data: { part: 'toString' } }, from as never, ID, ORIGIN)).toBe(
      false,
    );
    expect(browser.scripting.executeScript).not.toHaveBeenCalled();
    expect(await routeMessage({ name: 'loadReaderPart', data: { part: 'opencc' } }, from as never, ID, ORIGIN)).toBe(
      true,
    );
    expect(browser.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, frameIds: [4] },
      files: ['src/reader/opencc-part.js'],
    });
  });
});

describe('keyboard commands', () => {
  it('every command of manifest.json has a handler, and no handler lacks its command', () => {
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { commands: Record<string, unknown> };
    expect(Object.keys(COMMANDS).sort()).toEqual(Object.keys(manifest.commands).sort());
  });

  it('ignores unknown commands', async () => {
    expect(await runCommand('toString', { id: 1 } as never)).toBeUndefined();
  });
});
