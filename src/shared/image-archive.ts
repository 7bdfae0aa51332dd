/**
 * The image archive's settings and its report, shared by the background (which archives), the notes page (which sets
 * the caps) and the popup and reader (which show what a save kept). Caps are stored in `storage.local` under their own
 * key; a missing or malformed field falls back to its default.
 */

/** The caps on archived image bytes, in MB (1 MB = 1,048,576 bytes). 0 turns archiving off. */
export interface ArchiveCaps {
  /** Most image bytes one note may keep. */
  perNoteMB: number;
  /** Most image bytes the whole library may keep. */
  totalMB: number;
}

export const DEFAULT_ARCHIVE_CAPS: Readonly<ArchiveCaps> = { perNoteMB: 20, totalMB: 500 };
export const ARCHIVE_CAPS_KEY = 'archiveCaps';
export const MB = 1024 * 1024;

/** Merge a stored value over the defaults: each field must be a finite number ≥ 0, else its default is used. */
export function capsWithDefaults(stored: unknown): ArchiveCaps {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const pick = (k: keyof ArchiveCaps) =>
    typeof s[k] === 'number' && Number.isFinite(s[k]) && (s[k] as number) >= 0
      ? (s[k] as number)
      : DEFAULT_ARCHIVE_CAPS[k];
  return { perNoteMB: pick('perNoteMB'), totalMB: pick('totalMB') };
}

/** The part of `browser.storage.local` the caps need (so tests can pass a plain object). */
export interface CapsStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The stored caps (defaults when none are stored or storage is unavailable). */
export async function loadArchiveCaps(storage: CapsStorage): Promise<ArchiveCaps> {
  try {
    return capsWithDefaults((await storage.get(ARCHIVE_CAPS_KEY))[ARCHIVE_CAPS_KEY]);
  } catch {
    return { ...DEFAULT_ARCHIVE_CAPS };
  }
}

/** Store new caps (validated like capsWithDefaults); returns what was stored. */
export async function saveArchiveCaps(storage: CapsStorage, caps: Partial<ArchiveCaps>): Promise<ArchiveCaps> {
  const next = capsWithDefaults({ ...(await loadArchiveCaps(storage)), ...caps });
  await storage.set({ [ARCHIVE_CAPS_KEY]: next });
  return next;
}

/**
 * What archiving a saved article's images did. `total` is the article's distinct image URLs; `kept` those the note now
 * has a copy of (archived earlier or now); the others are `overCap` (a cap or the browser's quota left no room),
 * `failed` (network error, timeout, not an image, larger than one image may be) or `noAccess` (the extension holds no
 * host permission for the image's host, or it is not http(s)). `quota` is true when the browser refused the write.
 */
export interface ImageArchiveReport {
  total: number;
  kept: number;
  overCap: number;
  failed: number;
  noAccess: number;
  quota: boolean;
}

type Translate = (key: string, subs?: string | string[]) => string;

/**
 * The report as one line for a toast, e.g. `存档图片 3/5 张；2 张超出上限`; '' when the article has no image.
 * The parts come from _locales (imagesArchived, imagesOverCap, imagesFailed, imagesNoAccess, imagesQuota).
 */
export function describeImageArchive(r: ImageArchiveReport | undefined, t: Translate): string {
  if (!r || r.total === 0) return '';
  const parts = [t('imagesArchived', [String(r.kept), String(r.total)])];
  if (r.quota) parts.push(t('imagesQuota'));
  else if (r.overCap) parts.push(t('imagesOverCap', String(r.overCap)));
  if (r.failed) parts.push(t('imagesFailed', String(r.failed)));
  if (r.noAccess) parts.push(t('imagesNoAccess', String(r.noAccess)));
  return parts.join(t('imagesSeparator'));
}

/** A save's notice with its image line appended (`已保存到笔记，存档图片 3/5 张…`), or the notice alone. */
export function withImageLine(notice: string, r: ImageArchiveReport | undefined, t: Translate): string {
  const line = describeImageArchive(r, t);
  return line ? t('saveWithImages', [notice, line]) : notice;
}
