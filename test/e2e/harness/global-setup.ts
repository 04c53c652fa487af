// Starts the fixture server once for the whole e2e run and hands its ports to the test workers.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { defaultDistDir } from './browsers';
import { ensureRealBoards } from './realBoards';
import { REPO_ROOT, startFixtureServer, type FixtureServerInfo } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureServer: FixtureServerInfo;
  }
}

export default async function setup(project: TestProject) {
  const missing = (['chromium', 'firefox'] as const)
    .map(defaultDistDir)
    .filter((dir) => !existsSync(join(dir, 'manifest.json')));
  if (missing.length) {
    throw new Error(
      `The e2e tests need the built extension; missing: ${missing.join(', ')}.\n` +
        'Build it with `npx vite build && npx vite build --mode firefox` (or `npm run build`).',
    );
  }
  // Screenshots go here; a fresh clone has no such folder and a screenshot into it fails.
  mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
  ensureRealBoards();
  const server = await startFixtureServer();
  project.provide('fixtureServer', { httpsPort: server.httpsPort, proxyPort: server.proxyPort, hosts: server.hosts });
  return () => server.close();
}
