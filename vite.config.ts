import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import webExtension from 'vite-plugin-web-extension';

/**
 * One manifest, two builds: `TARGET=chrome|firefox vite build` writes `dist/<target>`.
 * `{{chrome}}.` / `{{firefox}}.` keys in manifest.json select per-browser values.
 */
const target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

export default defineConfig({
  root: '.',
  publicDir: 'public',
  build: {
    // QINGDU_OUT lets parallel work build elsewhere; the default is what tests and `npm start` load.
    outDir: process.env.QINGDU_OUT ? `${process.env.QINGDU_OUT}/${target}` : `dist/${target}`,
    emptyOutDir: true,
    // QINGDU_MINIFY=0 keeps names readable for CPU profiles (scripts/profile-content.ts).
    minify: process.env.QINGDU_MINIFY !== '0',
    sourcemap: false,
    target: 'es2022',
  },
  plugins: [
    preact(),
    webExtension({
      manifest: 'manifest.json',
      browser: target,
      disableAutoLaunch: true,
      // Validation downloads a JSON schema from the internet, which this machine cannot reach.
      skipManifestValidation: true,
      // The reader's heavy parts, and Readability for the content script, are their own scripts, injected only when
      // used (src/reader/parts.ts).
      additionalInputs: ['src/notes/index.html', 'src/reader/inject.ts', 'src/reader/opencc-part.ts', 'src/reader/cite-part.ts',
        'src/reader/pages-part.ts', 'src/content/readability-part.ts'],
    }),
  ],
});
