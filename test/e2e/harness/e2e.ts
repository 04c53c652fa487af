// What a feature test imports: write the test once, it runs in the browser its project names
// (VUORO_BROWSER, set per project by test/e2e/vitest.config.ts).
import { afterAll, beforeAll, inject } from 'vitest';
import { chromeBuildWithGrantedOrigins, launchWithExtension, relaunch, useProcessReuse, useProfileTemplates, type BrowserKind, type ExtensionContext, type LaunchOptions } from './browsers';
import { connectFixtureServer, type FixtureServer } from './server';

export * from './browsers';
export * from './server';

export const browserKind: BrowserKind = process.env.VUORO_BROWSER === 'firefox' ? 'firefox' : 'chromium';

// Every fresh profile of this file's launches starts from the run's template (global setup).
useProfileTemplates(inject('profileTemplates') ?? {});
// …and its browsers reuse content processes across the many tabs the tests open (browsers.ts).
useProcessReuse();

/** The run's fixture server (started by the global setup); its request log is shared by all files. */
export function fixtureServer(): FixtureServer {
  return connectFixtureServer(inject('fixtureServer'));
}

export interface ExtensionHandle {
  /** The running browser; valid inside tests, replaced by `relaunch()`. */
  readonly ctx: ExtensionContext;
  readonly server: FixtureServer;
  /** Kills the browser (SIGKILL) and starts it again on the same profile. */
  relaunch(): Promise<ExtensionContext>;
}

/** Launches this project's browser with the extension for the file's tests, and closes it after. */
export function useExtension(options: Omit<LaunchOptions, 'server'> = {}): ExtensionHandle {
  let current: ExtensionContext | undefined;
  const server = fixtureServer();
  beforeAll(async () => {
    current = await launchWithExtension(browserKind, { ...options, server });
  });
  afterAll(async () => {
    await current?.close();
  });
  return {
    get ctx() {
      if (!current) throw new Error('useExtension(): the browser is not running (use ctx inside tests)');
      return current;
    },
    server,
    async relaunch() {
      if (!current) throw new Error('useExtension(): nothing to relaunch');
      current = await relaunch(current);
      return current;
    },
  };
}

/**
 * Launch options under which "Enable on this site" needs no prompt for `origins`: Firefox's
 * automation pref, or in Chromium a build with them already granted (chromeBuildWithGrantedOrigins).
 */
export function grantingLaunch(origins: string[]): Omit<LaunchOptions, 'server'> {
  return browserKind === 'firefox'
    ? { firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false } }
    : { distDir: chromeBuildWithGrantedOrigins(origins) };
}
