/**
 * Reader keyboard map. Pure: takes the fields of a KeyboardEvent, returns what to do, so the same rules run
 * in Chromium, Firefox and unit tests. Keys never fire while the user types (input, textarea, select,
 * contenteditable anywhere in the composed path, on the page or in the reader) or with Ctrl/Alt/Meta held, so the
 * browser's own shortcuts keep working.
 */
export type ReaderAction =
  'close' | 'bigger' | 'smaller' | 'theme' | 'down' | 'up' | 'pageDown' | 'pageUp' | 'save' | 'cite' | 'help' | 'speak';

export interface KeyInfo {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

/** Is this element a place where keys are text (so reader keys must not fire)? */
export function isTypingTarget(el: EventTarget | null | undefined): boolean {
  if (!el || typeof (el as Element).tagName !== 'string') return false;
  const e = el as HTMLElement;
  const tag = e.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = ((e as HTMLInputElement).type || 'text').toLowerCase();
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
  }
  return (
    e.isContentEditable || e.getAttribute?.('contenteditable') === 'true' || e.getAttribute?.('contenteditable') === ''
  );
}

/** Buttons and links take Space/Enter themselves. */
function isActivatable(el: EventTarget | null | undefined): boolean {
  const tag = (el as Element | null)?.tagName?.toLowerCase();
  return tag === 'button' || tag === 'a' || tag === 'summary' || tag === 'input';
}

/**
 * The reader action of a key press, or null to let the event through.
 * @param path `event.composedPath()`: the real target inside a shadow root or the page is its first element
 */
export function keyAction(e: KeyInfo, path: readonly EventTarget[]): ReaderAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return null;
  if (path.some(isTypingTarget)) return null;
  switch (e.key) {
    case 'Escape':
      return 'close';
    case '+':
    case '=':
      return 'bigger';
    case '-':
    case '_':
      return 'smaller';
    case 't':
    case 'T':
      return 'theme';
    case 'j':
    case 'ArrowDown':
      return path[0] && isActivatable(path[0]) && e.key === 'ArrowDown' ? null : 'down';
    case 'k':
    case 'ArrowUp':
      return path[0] && isActivatable(path[0]) && e.key === 'ArrowUp' ? null : 'up';
    case ' ':
      return isActivatable(path[0]) ? null : e.shiftKey ? 'pageUp' : 'pageDown';
    case 's':
    case 'S':
      return 'save';
    case 'c':
    case 'C':
      return 'cite';
    case '?':
      return 'help';
    case 'r':
    case 'R':
      return 'speak';
    default:
      return null;
  }
}

/** The keys listed by `?`, in display order (key label, message key of the description). */
export const KEY_HELP: readonly [string, string][] = [
  ['Esc', 'readerKeyClose'],
  ['+ / −', 'readerKeySize'],
  ['t', 'readerKeyTheme'],
  ['j / k', 'readerKeyScroll'],
  ['Space', 'readerKeyPage'],
  ['s', 'readerKeySave'],
  ['c', 'readerKeyCite'],
  ['r', 'readerKeySpeak'],
  ['?', 'readerKeyHelp'],
];
