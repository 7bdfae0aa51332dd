/**
 * Reader preferences, remembered in `storage.local` under their own key. Pure module: the storage area is
 * passed in, so it runs in unit tests without `browser.*`. A missing or mistyped field falls back to its default, so
 * older stored records stay valid without a migration.
 */
export type ReaderTheme = 'light' | 'sepia' | 'dark' | 'system';
export type ReaderFont = 'sans' | 'serif' | 'kai';
/** The reader's font choices in button order: 黑体, 宋体, 楷体 (霞鹜文楷 when installed; styles.ts stacks). */
export const FONTS: readonly ReaderFont[] = ['sans', 'serif', 'kai'];
export type ReaderWidth = 'narrow' | 'medium' | 'wide';

export interface ReaderPrefs {
  /** Body font size in CSS px, one of FONT_SIZES. */
  fontSize: number;
  font: ReaderFont;
  /** Measure: narrow ≈ 34, medium ≈ 38, wide ≈ 44 CJK characters a line (one CJK character is 1em wide). */
  width: ReaderWidth;
  /** Unitless line height, one of LINE_HEIGHTS. */
  lineHeight: number;
  /** 2-em first-line indent of paragraphs (Chinese print habit) instead of space between them. */
  indent: boolean;
  theme: ReaderTheme;
  /** Show the text converted (simplified → traditional, or traditional → simplified on zh-TW/zh-HK pages) with OpenCC. */
  convert: boolean;
}

export const FONT_SIZES = [14, 16, 18, 20, 22, 24, 28, 32] as const;
export const LINE_HEIGHTS = [1.6, 1.8, 2.0, 2.2] as const;
export const THEMES: readonly ReaderTheme[] = ['light', 'sepia', 'dark', 'system'];
export const WIDTHS: readonly ReaderWidth[] = ['narrow', 'medium', 'wide'];
/** Measure in em (= CJK characters) per width step; the default gives about 36–42 characters a line. */
export const WIDTH_EM: Record<ReaderWidth, number> = { narrow: 34, medium: 38, wide: 44 };

export const DEFAULT_READER_PREFS: Readonly<ReaderPrefs> = {
  fontSize: 20,
  font: 'sans',
  width: 'medium',
  lineHeight: 1.8,
  indent: false,
  theme: 'light',
  convert: false,
};

export const READER_PREFS_KEY = 'readerPrefs';

const oneOf = <T>(list: readonly T[], v: unknown, d: T): T => (list.includes(v as T) ? (v as T) : d);

/** Merge a stored value over the defaults, ignoring fields of the wrong type or out of range. */
export function readerPrefsWithDefaults(stored: unknown): ReaderPrefs {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const d = DEFAULT_READER_PREFS;
  return {
    fontSize: oneOf<number>(FONT_SIZES, s.fontSize, d.fontSize),
    font: oneOf<ReaderFont>(FONTS, s.font, d.font),
    width: oneOf(WIDTHS, s.width, d.width),
    lineHeight: oneOf<number>(LINE_HEIGHTS, s.lineHeight, d.lineHeight),
    indent: typeof s.indent === 'boolean' ? s.indent : d.indent,
    theme: oneOf(THEMES, s.theme, d.theme),
    convert: typeof s.convert === 'boolean' ? s.convert : d.convert,
  };
}

/** The next value in a list of steps (`dir` +1/-1), clamped at both ends. */
export function step<T>(list: readonly T[], current: T, dir: 1 | -1): T {
  const i = list.indexOf(current);
  return list[Math.max(0, Math.min(list.length - 1, (i < 0 ? 0 : i) + dir))];
}

/** The next item of a list, wrapping around (theme `t` key). */
export function cycle<T>(list: readonly T[], current: T): T {
  return list[(list.indexOf(current) + 1) % list.length];
}

/** The subset of `storage.local` the prefs need. */
export interface PrefsStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Stored prefs, or the defaults when nothing is stored or storage fails. */
export async function loadReaderPrefs(area: PrefsStorage): Promise<ReaderPrefs> {
  try {
    return readerPrefsWithDefaults((await area.get(READER_PREFS_KEY))[READER_PREFS_KEY]);
  } catch {
    return { ...DEFAULT_READER_PREFS };
  }
}

/** Store the whole record (the reader holds the current one). */
export async function saveReaderPrefs(area: PrefsStorage, prefs: ReaderPrefs): Promise<void> {
  await area.set({ [READER_PREFS_KEY]: prefs });
}
