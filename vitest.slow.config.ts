import { defineConfig } from 'vitest/config';

// Slow tests (full Ethash datasets, year-long fleets) run apart: `npm run test:slow`.
export default defineConfig({
  test: {
    include: ['test/**/*.slow.test.ts'],
    testTimeout: 1_800_000,
    hookTimeout: 1_800_000,
  },
});
