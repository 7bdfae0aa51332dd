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
  },
});
