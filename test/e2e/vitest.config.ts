import { defineConfig } from 'vitest/config';

// Every e2e file runs once per browser: one project each, told apart by VUORO_BROWSER.
// One file at a time per project: each file drives a whole browser. `npm run test:e2e`
// (scripts/e2e.mjs) runs the two projects side by side, each in a vitest process of its own.
const browserProject = (browser: 'chromium' | 'firefox') => ({
  extends: true as const,
  test: { name: browser, env: { VUORO_BROWSER: browser } },
});

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/harness/global-setup.ts'],
    setupFiles: ['test/e2e/harness/attempts.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    // A project's files run one after another in one process, which keeps one browser for the
    // blocks that launch with the defaults (useExtension in harness/e2e.ts). Per file, a new
    // process cost ~0.9 CPU-s and a launch with close ~6.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    retry: process.env.CI ? 1 : 0,
    projects: [browserProject('chromium'), browserProject('firefox')],
  },
});
