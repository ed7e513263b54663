import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Generous: exact computations starve when the machine is loaded; the assertions decide, not the clock.
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/setup/build.ts'],
  },
});
