/**
 * Loading the shipped CSL style and locale files (`public/csl/*`, copied verbatim to `<dist>/csl/`).
 *
 * Design: the XML is fetched at run time, never bundled, so no eagerly loaded chunk grows with it:
 * - in the extension (popup, notes, reader pages) from `runtime.getURL('csl/<file>')`;
 * - on Node (CLI via tsx, vitest) from `public/csl/` next to the source. tsx has no `?raw` imports, so a bundler
 *   feature cannot be the one path for both; `setCslAssetLoader` lets a host inject another source.
 */
export type CslAssetLoader = (file: string) => Promise<string>;

let injected: CslAssetLoader | null = null;

/** Replace the asset source (tests, other hosts); `null` restores the default. */
export function setCslAssetLoader(loader: CslAssetLoader | null): void {
  injected = loader;
}

interface RuntimeLike {
  runtime?: { getURL?: (path: string) => string };
}

/**
 * The text of one file of `public/csl/`, e.g. `locales-zh-CN.xml`.
 * @throws Error when the file cannot be read (missing from the build, or no extension runtime and not Node)
 */
export async function loadCslAsset(file: string): Promise<string> {
  if (injected) return injected(file);
  const g = globalThis as { chrome?: RuntimeLike; browser?: RuntimeLike };
  const runtime = g.browser?.runtime?.getURL ? g.browser.runtime : g.chrome?.runtime;
  if (runtime?.getURL) {
    const res = await fetch(runtime.getURL(`csl/${file}`));
    if (!res.ok) throw new Error(`csl/${file}: HTTP ${res.status}`);
    return res.text();
  }
  if (typeof process !== 'undefined' && process.versions?.node) {
    // Specifier and path in variables: keeps vite from bundling node:fs or rewriting the URL into an asset.
    const fsName = 'node:fs/promises';
    const { readFile } = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs/promises');
    const rel = ['..', '..', 'public', 'csl', file].join('/');
    return readFile(new URL(rel, import.meta.url), 'utf8');
  }
  throw new Error(`cannot load csl/${file}: no extension runtime and not Node`);
}
