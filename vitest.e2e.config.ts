import { defineConfig } from 'vitest/config';

// End-to-end tests: drive the built dist/ in Debian's headless Chromium (playwright-core).
export default defineConfig({
  test: {
    // the JSON report is summed by .ci/run into a plain "N passed, N failed" line
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report/e2e.json' },
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
