import type { ReaderPrefs } from '../shared/reader-prefs';

/** The scrolling actions of the reader's keys (keys.ts). */
export type ScrollAction = 'down' | 'up' | 'pageDown' | 'pageUp';

/** Focusable controls inside the dialog, for the Tab trap. */
function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(
    root.querySelectorAll<HTMLElement>('button, select, a[href], [tabindex]:not([tabindex="-1"])'),
  ).filter((e) => !e.hasAttribute('disabled') && e.getClientRects().length > 0);
}

/**
 * aria-modal: Tab cycles inside the dialog (from the last control to the first, Shift+Tab the other way) and never
 * reaches the page (test/e2e/reader.test.ts, "Tab stays in the dialog").
 */
export function trapTab(e: KeyboardEvent, root: HTMLElement): void {
  const list = focusables(root);
  const active = (root.getRootNode() as ShadowRoot).activeElement as HTMLElement | null;
  if (!list.length) return;
  const i = active ? list.indexOf(active) : -1;
  if (e.shiftKey && i <= 0) {
    e.preventDefault();
    list[list.length - 1].focus();
  } else if (!e.shiftKey && (i === -1 || i === list.length - 1)) {
    e.preventDefault();
    list[0].focus();
  }
  e.stopPropagation();
}

/** Smooth scrolling, unless the user prefers reduced motion. */
const smooth = (): ScrollBehavior => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

/** Scroll the dialog: three lines for j/k, a screen less 80 px (so a line or two stays in view) for Space. */
export function scrollDialog(
  el: HTMLElement,
  a: ScrollAction,
  prefs: Pick<ReaderPrefs, 'fontSize' | 'lineHeight'>,
): void {
  const line = prefs.fontSize * prefs.lineHeight;
  const screen = el.clientHeight - 80;
  const top = { down: line * 3, up: -line * 3, pageDown: screen, pageUp: -screen }[a];
  el.scrollBy({ top, behavior: smooth() });
}

/** Copy text: the async clipboard where allowed (secure pages), else a selected textarea inside our shadow root. */
export async function copyText(text: string, where: HTMLElement): Promise<void> {
  try {
    if (!navigator.clipboard) throw new Error('no async clipboard');
    await navigator.clipboard.writeText(text);
  } catch {
    const area = where.ownerDocument.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;left:0;top:0;';
    where.appendChild(area);
    area.select();
    const ok = where.ownerDocument.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('clipboard refused');
  }
}
