import { defineConfig } from 'vitest/config';

// Unit and golden tests: pure modules, in Node. E2E tests live in vitest.e2e.config.ts.
export default defineConfig({
  test: {
    // the JSON report is summed by .ci/run into a plain "N passed, N failed" line
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report/unit.json' },
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
