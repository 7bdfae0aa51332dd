import { describe, expect, it } from 'vitest';
import { allowedSender } from '../../src/background/sender';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const page = { id: ID, url: `${ORIGIN}src/popup/index.html` };
const content = { id: ID, url: 'http://gansu.gscn.com.cn/system/2020/03/15/1.shtml', tab: { id: 7, url: 'http://gansu.gscn.com.cn/system/2020/03/15/1.shtml' } };

describe('allowedSender (the one sender check of the background)', () => {
  it('lets the popup ask for injection and the reader toggle', () => {
    expect(allowedSender('toggleReaderInTab', page as never, ID, ORIGIN)).toBe(true);
    expect(allowedSender('ensureContent', page as never, ID, ORIGIN)).toBe(true);
  });

  it('accepts the popup opened as a tab (tests: popup.html?tab=N)', () => {
    const asTab = { ...page, tab: { id: 3, url: `${ORIGIN}src/popup/index.html?tab=7` } };
    expect(allowedSender('toggleReaderInTab', asTab as never, ID, ORIGIN)).toBe(true);
  });

  it('lets content scripts only report the verdict, never drive other tabs', () => {
    expect(allowedSender('articleDetected', content as never, ID, ORIGIN)).toBe(true);
    expect(allowedSender('toggleReaderInTab', content as never, ID, ORIGIN)).toBe(false);
    expect(allowedSender('ensureContent', content as never, ID, ORIGIN)).toBe(false);
  });

  it('does not trust a page that puts an extension-looking URL in sender.url', () => {
    const spoof = { ...content, url: `${ORIGIN}src/popup/index.html` };
    expect(allowedSender('toggleReaderInTab', spoof as never, ID, ORIGIN)).toBe(false);
  });

  it('refuses other extensions', () => {
    expect(allowedSender('articleDetected', { ...content, id: 'other' } as never, ID, ORIGIN)).toBe(false);
    expect(allowedSender('toggleReaderInTab', { ...page, id: 'other' } as never, ID, ORIGIN)).toBe(false);
  });
});
