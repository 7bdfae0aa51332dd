/**
 * Reader keyboard map. Pure: takes the fields of a KeyboardEvent, returns what to do, so the same rules run
 * in Chromium, Firefox and unit tests. Keys never fire while the user types (input, textarea, contenteditable
 * anywhere in the composed path, on the page or in the reader) or with Ctrl/Alt/Meta held, so the browser's own
 * shortcuts keep working. A select is no text field: it keeps its own keys (arrows, Space, type-ahead letters), but
 * Esc closes the reader (once the select's own popup is closed) and `t` switches the theme there too.
 */
export type ReaderAction =
  | 'close'
  | 'bigger'
  | 'smaller'
  | 'theme'
  | 'down'
  | 'up'
  | 'pageDown'
  | 'pageUp'
  | 'save'
  | 'cite'
  | 'help'
  | 'speak'
  | 'highlight';

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
  if (tag === 'textarea') return true;
  if (tag === 'input') {
    const type = ((e as HTMLInputElement).type || 'text').toLowerCase();
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
  }
  return (
    e.isContentEditable || e.getAttribute?.('contenteditable') === 'true' || e.getAttribute?.('contenteditable') === ''
  );
}

const isSelect = (el: EventTarget): el is HTMLSelectElement =>
  typeof (el as Element).tagName === 'string' && (el as Element).tagName.toLowerCase() === 'select';

/**
 * Is the select's own popup (its list of options) open? `:open` (Chromium 133+, Firefox 136+) says so; where the
 * selector is unknown, a key that reached the page is taken to come from a closed select.
 */
function pickerOpen(select: HTMLSelectElement): boolean {
  try {
    return select.matches(':open');
  } catch {
    return false;
  }
}

/** A key on a focused select: Esc closes the reader (unless the select's popup is open: Esc is its), `t` the theme. */
function selectKey(e: KeyInfo, select: HTMLSelectElement): ReaderAction | null {
  if (e.key === 'Escape') return pickerOpen(select) ? null : 'close';
  if ((e.key === 't' || e.key === 'T') && !pickerOpen(select)) return 'theme';
  return null;
}

/** Buttons and links take Space/Enter themselves (so does a highlight, a mark with the button role). */
function isActivatable(el: EventTarget | null | undefined): boolean {
  const tag = (el as Element | null)?.tagName?.toLowerCase();
  if (tag === 'button' || tag === 'a' || tag === 'summary' || tag === 'input') return true;
  return (
    typeof (el as Element | null)?.getAttribute === 'function' && (el as Element).getAttribute('role') === 'button'
  );
}

/**
 * The reader action of a key press, or null to let the event through.
 * @param path `event.composedPath()`: the real target inside a shadow root or the page is its first element
 */
export function keyAction(e: KeyInfo, path: readonly EventTarget[]): ReaderAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return null;
  if (path.some(isTypingTarget)) return null;
  const select = path.find(isSelect);
  if (select) return selectKey(e, select);
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
    case 'h':
    case 'H':
      return 'highlight';
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
  ['h', 'readerKeyHighlight'],
  ['?', 'readerKeyHelp'],
];
