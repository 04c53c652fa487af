// What a feature test imports: write the test once, it runs in the browser its project names
// (VUORO_BROWSER, set per project by test/e2e/vitest.config.ts).
import { afterAll, beforeAll, inject } from 'vitest';
import { chromeBuildWithGrantedOrigins, launchWithExtension, relaunch, resetBrowser, SHARED_FIREFOX_PREFS, useTestRunSettings, useProfileTemplates, useScratchDir, type BrowserKind, type ExtensionContext, type LaunchOptions } from './browsers';
import { connectFixtureServer, type FixtureServer } from './server';

export * from './browsers';
export * from './server';

export const browserKind: BrowserKind = process.env.VUORO_BROWSER === 'firefox' ? 'firefox' : 'chromium';

// Every fresh profile of this file's launches starts from the run's template (global setup).
useProfileTemplates(inject('profileTemplates') ?? {});
// …and its browsers reuse content processes across the many tabs the tests open, and Chromium's
// toolbar is not drawn as WebUI pages (browsers.ts).
useTestRunSettings();
// …and their profiles go in the run's scratch folder, which the global setup removes at the end.
useScratchDir(inject('scratchDir'));

/** The run's fixture server (started by the global setup); its request log is shared by all files. */
export function fixtureServer(): FixtureServer {
  return connectFixtureServer(inject('fixtureServer'));
}

export interface ExtensionHandle {
  /** The running browser; valid inside tests, replaced by `relaunch()`. */
  readonly ctx: ExtensionContext;
  readonly server: FixtureServer;
  /** Kills the browser (SIGKILL) and starts it again on the same profile (a browser of its own only). */
  relaunch(): Promise<ExtensionContext>;
}

export interface ExtensionOptions extends Omit<LaunchOptions, 'server'> {
  /** A browser for these tests alone, even with the default options (e.g. to `relaunch` it). */
  ownBrowser?: boolean;
}

/**
 * Firefox ESR only: the browser this test process keeps for the describe blocks that launch with
 * the default options. Each block gets it as a fresh launch would be (`resetBrowser`). The e2e
 * config runs a project's files one after another in one process (`isolate: false`), so it serves
 * ~30 blocks; it ends with the process. Measured on this 2-core machine, per block: Firefox's
 * reset costs ~0.65 CPU-s where a launch and close cost ~6.6, and the pages that follow load
 * cheaper in a browser that has run (an open, load and close of a meeting with its panel and of
 * the options page: ~2.0 CPU-s against ~3.1). Chromium's reset costs ~2.8 CPU-s plus ~1 of
 * background work after it (installing the unpacked build again), against ~6.4 for a launch; a
 * Chromium run of the suite on a shared browser took more CPU time than one launch per block
 * (987 CPU-s against 927), so Chromium launches per block.
 */
export const sharesBrowser = browserKind === 'firefox';
let shared: ExtensionContext | undefined;

async function sharedBrowser(server: FixtureServer): Promise<ExtensionContext> {
  const visited = await server.takeServedHosts();
  if (shared?.browser.connected) {
    const reset = await resetBrowser(shared, visited).then(
      () => true,
      (error: unknown) => (console.warn(`The shared ${browserKind} could not be reset, launching another: ${String(error)}`), false),
    );
    if (reset) return shared;
    await shared.close();
  }
  shared = await launchWithExtension(browserKind, { server, firefoxPrefs: SHARED_FIREFOX_PREFS });
  return shared;
}

/**
 * This project's browser with the extension for the block's tests: in Firefox ESR with the
 * default options, the process's shared browser made fresh (`sharedBrowser`); else a fresh launch,
 * closed after.
 */
export function useExtension(options: ExtensionOptions = {}): ExtensionHandle {
  const { ownBrowser = false, ...launchOptions } = options;
  const own = !sharesBrowser || ownBrowser || Object.keys(launchOptions).length > 0;
  let current: ExtensionContext | undefined;
  const server = fixtureServer();
  beforeAll(async () => {
    current = own ? await launchWithExtension(browserKind, { ...launchOptions, server }) : await sharedBrowser(server);
  });
  afterAll(async () => {
    if (own) await current?.close();
  });
  return {
    get ctx() {
      if (!current) throw new Error('useExtension(): the browser is not running (use ctx inside tests)');
      return current;
    },
    server,
    async relaunch() {
      if (!current) throw new Error('useExtension(): nothing to relaunch');
      if (!own) throw new Error('useExtension(): relaunch() needs a browser of its own ({ ownBrowser: true })');
      current = await relaunch(current);
      return current;
    },
  };
}

/**
 * Launch options under which "Enable on this site" needs no prompt for `origins`: Firefox's
 * automation pref, or in Chromium a build with them already granted (chromeBuildWithGrantedOrigins).
 */
export function grantingLaunch(origins: string[]): ExtensionOptions {
  return browserKind === 'firefox'
    ? { firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false } }
    : { distDir: chromeBuildWithGrantedOrigins(origins) };
}
