// Starts the fixture server once for the whole e2e run and hands its ports to the test workers.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { defaultDistDir, makeFirefoxProfileTemplate, type BrowserKind } from './browsers';
import { ensureRealBoards } from './realBoards';
import { REPO_ROOT, startFixtureServer, type FixtureServerInfo } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureServer: FixtureServerInfo;
    /** Profiles each fresh profile of a launch starts from (see useProfileTemplates). */
    profileTemplates: Partial<Record<BrowserKind, string>>;
    /** Where the workers' browsers keep their profiles; removed when the run ends, whatever the workers left. */
    scratchDir: string;
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
  // Firefox's first start on an empty profile, once for the run instead of at every launch.
  let firefoxTemplate: string | undefined;
  if (project.name === 'firefox') {
    firefoxTemplate = mkdtempSync(join(tmpdir(), 'vuoro-firefox-template-'));
    await makeFirefoxProfileTemplate(firefoxTemplate, server.proxyPort);
  }
  project.provide('profileTemplates', firefoxTemplate ? { firefox: firefoxTemplate } : {});
  const scratchDir = mkdtempSync(join(tmpdir(), `vuoro-e2e-${project.name}-`));
  project.provide('scratchDir', scratchDir);
  return async () => {
    await server.close();
    // The shared browsers are killed with their workers (puppeteer's exit handler) and may still be
    // writing to their profiles for a moment.
    try {
      rmSync(scratchDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
    } catch (error) {
      console.warn(`Could not remove ${scratchDir}: ${String(error)}`);
    }
    if (firefoxTemplate) rmSync(firefoxTemplate, { recursive: true, force: true });
  };
}
