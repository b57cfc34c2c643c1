import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Validation runs simulate hundreds of thousands of tickets; time is measured in
    // `npm run bench`, never asserted here, so the limit only catches hangs.
    testTimeout: 120_000,
  },
});
