import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The worker and process tests run dist/: rebuild it when src/ is newer, never test a stale one.
    globalSetup: ['test/support/fresh-build.ts'],
    // Validation runs simulate hundreds of thousands of tickets; time is measured in
    // `npm run bench`, never asserted here, so the limit only catches hangs.
    testTimeout: 120_000,
  },
});
