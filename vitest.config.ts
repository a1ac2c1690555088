import { defineConfig } from 'vitest/config';

/** Shared by every project: two cores, so more workers only add contention (each loads jieba and an index). */
const shared = { testTimeout: 60_000, hookTimeout: 120_000, maxWorkers: 2, globalSetup: ['tests/global-setup.ts'] };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.int.test.ts', 'tests/**/*.slow.test.ts'],
        },
      },
      { test: { ...shared, name: 'int', include: ['tests/**/*.int.test.ts'] } },
      // Soak and memory-growth tests: `npm run test:slow`, outside `npm test`.
      { test: { ...shared, name: 'slow', include: ['tests/**/*.slow.test.ts'], testTimeout: 600_000 } },
    ],
  },
});
