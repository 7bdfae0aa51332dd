import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium / Firefox ESR, one file at a time (2-core machines).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
    // One retry: a real browser on a loaded 2-core machine sometimes loses a CDP/BiDi target ("No target with given
    // id") or misses a 30 s wait; a test that fails twice is a failure. Retries are printed in the vitest output.
    retry: 1,
  },
});
