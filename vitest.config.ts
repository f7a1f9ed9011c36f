import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Builds dist/ when stale; fails the run when a test left a process alive.
    globalSetup: ['test/support/global-setup.ts'],
  },
});
