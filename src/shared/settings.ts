import browser from 'webextension-polyfill';

/**
 * User settings, in `storage.local` under one key. Reader preferences (fonts, themes: reader-prefs.ts) extend this record;
 * a missing field always falls back to its default, so older stored records stay valid without a migration.
 */
export interface Settings {
  /** Hide clutter in place on detected articles of the known news portals (on by default). */
  autoDeclutter: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = { autoDeclutter: true };

const KEY = 'settings';

/** Merge a stored value over the defaults, ignoring fields of the wrong type (hand-edited or older records). */
export function withDefaults(stored: unknown): Settings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  return {
    autoDeclutter: typeof s.autoDeclutter === 'boolean' ? s.autoDeclutter : DEFAULT_SETTINGS.autoDeclutter,
  };
}

/** The current settings (defaults when nothing is stored or storage is unavailable). */
export async function loadSettings(): Promise<Settings> {
  try {
    return withDefaults((await browser.storage.local.get(KEY))[KEY]);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** Change some settings; returns the whole record as stored. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...patch };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
