import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files that read the fixture pages (corpus, cases, peer) and keep no global state: they run in one module graph
 * per worker (isolate: false), so each corpus and case page is parsed and extracted once for all of them
 * (test/unit/engine-helpers.ts sharedFixture, sharedArticle). Every other file keeps its own.
 */
const SHARED_FIXTURES = [
  'cases',
  'cite-corpus',
  'corpus',
  'lazy-load',
  'lines',
  'metadata-corpus',
  'no-mutate',
  'peer',
  'site-selectors',
  'sites',
].map((name) => `test/unit/${name}.test.ts`);

// Unit tests only: kept apart from vite.config.ts so the extension plugin is not loaded.
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    env: { TZ: 'UTC' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SHARED_FIXTURES],
        },
      },
      { extends: true, test: { name: 'fixtures', include: SHARED_FIXTURES, isolate: false } },
    ],
  },
});
