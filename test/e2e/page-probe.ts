import type { Page } from 'puppeteer-core';
import type { Driver } from '../../scripts/lib/browser';

/**
 * Helpers that look at a page from the test side (main world) or ask the extension about it; asking the content script
 * (askContent, waitForContent) is in scripts/lib/extension-probe.ts, which `npm start` uses too.
 */

/** Visibility of the block starting with each marker text (first text node whose trimmed text starts with it). */
export function markerVisibility(
  page: Page,
  markers: string[],
): Promise<{ marker: string; found: boolean; visible: boolean }[]> {
  return page.evaluate((ms: string[]) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
    return ms.map((marker) => {
      const node = texts.find((t) => (t.nodeValue ?? '').trim().startsWith(marker));
      const el = node?.parentElement;
      return { marker, found: !!el, visible: !!el && el.checkVisibility() };
    });
  }, markers);
}

/** Is the text visible on the page (some element whose own text contains it is rendered)? */
export function textVisible(page: Page, text: string): Promise<boolean> {
  return page.evaluate((needle: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if ((n.nodeValue ?? '').replace(/\s+/g, '').includes(needle.replace(/\s+/g, '')))
        return !!n.parentElement?.checkVisibility();
    }
    return false;
  }, text);
}

/** What the reader overlay shows, or null when it is not mounted. */
export function readerView(
  page: Page,
): Promise<{ title: string; meta: Record<string, string>; body: string; font: string } | null> {
  return page.evaluate(() => {
    const root = document.getElementById('qingdu-reader')?.shadowRoot;
    const title = root?.querySelector('.qd-title');
    if (!root || !title) return null;
    const meta: Record<string, string> = {};
    for (const s of Array.from(root.querySelectorAll<HTMLElement>('.qd-meta [data-field]')))
      meta[s.dataset.field!] = s.textContent ?? '';
    const overlay = root.querySelector('.qd-overlay')!;
    return {
      title: title.textContent ?? '',
      meta,
      body: root.querySelector('.qd-body')?.textContent ?? '',
      font: getComputedStyle(overlay).fontFamily,
    };
  });
}

/** Toolbar badge text of a tab. */
export function badgeText(driver: Driver, tabId: number): Promise<string> {
  return driver.background((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

declare const chrome: {
  action: { getBadgeText(q: { tabId: number }): Promise<string> };
};

/**
 * Navigate as a single-page site does: a script of the page itself (Firefox's page.evaluate runs in a sandbox) replaces
 * the body's HTML (scripts in it do not run), optionally sets the title, and pushes `path` onto the history.
 */
export async function navigateInPage(page: Page, to: { html: string; path: string; title?: string }): Promise<void> {
  // (string literals of the page script; `<` escaped so no `</script>` can end it)
  const literal = (v: string) => JSON.stringify(v).replace(/</g, '\\u003c');
  const code = `${to.title === undefined ? '' : `document.title = ${literal(to.title)};`}
    document.body.innerHTML = ${literal(to.html)};
    history.pushState(null, '', ${literal(to.path)});`;
  await page.evaluate((source: string) => {
    const script = document.createElement('script');
    script.textContent = source;
    document.head.append(script);
  }, code);
}
