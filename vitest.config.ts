import { defineConfig } from 'vitest/config';

// Unit tests only: kept apart from vite.config.ts so the extension plugin is not loaded.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    env: { TZ: 'UTC' },
  },
});
