import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import webExtension from 'vite-plugin-web-extension';
import { PARTS, READER_BUNDLE } from './src/shared/part-files';

/**
 * One manifest, two builds: `TARGET=chrome|firefox vite build` writes `dist/<target>`.
 * `{{chrome}}.` / `{{firefox}}.` keys in manifest.json select per-browser values.
 */
const target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

export default defineConfig({
  root: '.',
  publicDir: 'public',
  // QINGDU_SITE_RULES=0 builds the extension with every site rule off (src/sites/index.ts): the generic engine alone,
  // as a site nobody wrote a rule for gets it (scripts/eval-declutter.ts --generic builds one into dist-generic).
  define: { __QINGDU_SITE_RULES__: JSON.stringify(process.env.QINGDU_SITE_RULES !== '0') },
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
      // The notes page, and the scripts injected only when used: the reader bundle and the lazily loaded parts
      // (src/shared/part-files.ts).
      additionalInputs: ['src/notes/index.html', READER_BUNDLE, ...Object.values(PARTS)],
    }),
  ],
});
