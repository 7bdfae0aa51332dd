/**
 * The scripts that are built on their own and injected into a tab only when used (`scripting.executeScript({files})`
 * by the background): the reader bundle, and the lazily loaded parts by name. The one list of them: vite.config.ts
 * builds each source (additionalInputs), the background injects the built file of a part a content script asks for
 * (`loadReaderPart`), and src/shared/parts.ts types each part's API by the same names.
 * No imports: vite.config.ts reads this file on Node.
 */
export const PARTS = {
  /** OpenCC with its phrase dictionaries (≈1.2 MB), for 繁/简 in the reader. */
  opencc: 'src/reader/opencc-part.ts',
  /** citation-js with the CSL styles (≈0.75 MB), for the reader's `c`. */
  cite: 'src/reader/cite-part.ts',
  /** The extraction engine again, for following the pages of a multi-page article. */
  pages: 'src/reader/pages-part.ts',
  /** Readability, for the content script on pages whose body only it finds. */
  readability: 'src/content/readability-part.ts',
  /** Extraction's stage two (cleaning, serialisation, metadata), for the content script's first request. */
  complete: 'src/content/complete-part.ts',
} as const;

/** The name of a lazily loaded part (`loadReaderPart`'s `part`). */
export type PartName = keyof typeof PARTS;

/** The reader overlay's bundle, injected on the first reader toggle of a tab. */
export const READER_BUNDLE = 'src/reader/inject.ts';

/** Is `name` one of PARTS (an own key, so `toString` or `__proto__` from a hostile sender is not)? */
export function isPartName(name: unknown): name is PartName {
  return typeof name === 'string' && Object.hasOwn(PARTS, name);
}

/**
 * The path of a source's built script in the extension package, as vite-plugin-web-extension writes additional inputs:
 * `src/reader/opencc-part.ts` → `src/reader/opencc-part.js`.
 */
export function builtFile(source: string): string {
  return source.replace(/\.tsx?$/, '.js');
}
