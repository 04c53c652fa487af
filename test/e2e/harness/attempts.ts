import { beforeEach } from 'vitest';

// A test that fails and then passes on its retry (CI) shows only "(retry x1)" in vitest's report:
// what went wrong the first time was lost (the series test's first try in the clean-clone run at
// ab1ff0d, with nothing to go on). Each failed attempt says what it was, as it happens.
beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => {
    const error = task.result?.errors?.[0];
    const where = error?.stack?.split('\n').find((line) => line.includes('test/e2e/') && !line.includes('/harness/') && !line.includes('/helpers/'));
    console.error(`[attempt ${(task.result?.retryCount ?? 0) + 1} failed] ${task.fullName}: ${error?.message ?? 'no error recorded'}${where ? `\n  ${where.trim()}` : ''}`);
  });
});
