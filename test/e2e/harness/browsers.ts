// Launches Debian's Chromium or Firefox ESR with the built extension, wired to the fixture server.
// Puppeteer never downloads a browser here: executablePath is always given.
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer';
import { CLEAR_SITE_DATA_PATH, REPO_ROOT, type FixtureServer } from './server';

export type BrowserKind = 'chromium' | 'firefox';

export const BROWSER_KINDS: readonly BrowserKind[] = ['chromium', 'firefox'];

export const EXECUTABLES: Record<BrowserKind, string> = {
  chromium: process.env.VUORO_CHROMIUM ?? '/usr/bin/chromium',
  firefox: process.env.VUORO_FIREFOX ?? '/usr/bin/firefox-esr',
};

/** `dist/chrome` or `dist/firefox`; VUORO_DIST points at another dist root (e.g. a stand-in extension). */
export function defaultDistDir(kind: BrowserKind): string {
  const root = resolve(process.env.VUORO_DIST ?? join(REPO_ROOT, 'dist'));
  return join(root, kind === 'chromium' ? 'chrome' : 'firefox');
}

/**
 * Chromium only: a copy of the Chrome build whose manifest lists `origins` among its host
 * permissions, so they are granted at install. This stands in for the user accepting Chromium's
 * prompt for the optional host permission ("Enable on this site"), which the driver cannot answer:
 * Chromium 156 has no switch or CDP command to accept it, `developerPrivate.addHostPermission`
 * (chrome://extensions) grants only withheld required hosts, and permissions written into the
 * profile's Preferences are reset when the unpacked build is installed again. Everything else
 * (permissions.request, which then resolves at once, the enabled list, the generic script, the
 * web-accessible panel) is the production build's.
 */
export function chromeBuildWithGrantedOrigins(origins: string[]): string {
  const source = defaultDistDir('chromium');
  const copy = join(REPO_ROOT, '.cache/e2e', `chrome-granted-${origins.map((o) => new URL(o).hostname).join('+')}`);
  rmSync(copy, { recursive: true, force: true });
  cpSync(source, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...origins.map((o) => `${new URL(o).origin}/*`)];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return copy;
}

export interface LaunchOptions {
  server: Pick<FixtureServer, 'proxyPort'>;
  distDir?: string;
  /** Kept across `relaunch`; a temporary one is made (and removed on close) when not given. */
  userDataDir?: string;
  headless?: boolean;
  /** Extra Firefox prefs, e.g. `extensions.background.idle.timeout`. */
  firefoxPrefs?: Record<string, unknown>;
  /** Extra Chromium switches. */
  chromiumArgs?: string[];
}

export interface ExtensionContext {
  browser: Browser;
  kind: BrowserKind;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`, no trailing slash. */
  extensionOrigin: string;
  /** Chromium's extension id, or Firefox's add-on id (the gecko id). */
  extensionId: string;
  userDataDir: string;
  options: LaunchOptions;
  close(): Promise<void>;
}

interface ExtensionManifest {
  options_ui?: { page?: string };
  background?: { service_worker?: string };
  browser_specific_settings?: { gecko?: { id?: string } };
}

export function readManifest(distDir: string): ExtensionManifest {
  return JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8')) as ExtensionManifest;
}

// Firefox names an extension's origin by a per-profile UUID; pinning it in the prefs makes the
// origin known before launch and the same after a relaunch on the profile.
const firefoxUuids = new Map<string, string>();

/**
 * As for a user, whose extension was installed long before the meeting: its service worker has
 * run once and registered its listeners before a test opens pages (installExtension returns
 * before that; the background also catches up on tabs that loaded meanwhile, see
 * src/background/sites.ts). Asked over a raw CDP session that detaches at once: a puppeteer
 * worker handle would stay attached, and a worker with a debugger attached is never stopped.
 */
async function serviceWorkerStarted(browser: Browser, origin: string): Promise<void> {
  await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(origin), { timeout: 15_000 });
  const cdp = await browser.target().createCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const info = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(origin));
    if (!info) return;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: true });
    // The target exists, and answers, before the worker's script has run: wait for the listeners
    // its top level registers (src/background/main.ts). Without this a test's first page often
    // loaded while the background was still starting, and was caught up only by its 500 ms retry
    // (seen in traces of the bench's first panel open: 250-550 ms between load and the frame).
    const registered = 'chrome.tabs.onUpdated.hasListeners() && chrome.runtime.onConnect.hasListeners()';
    const deadline = Date.now() + 10_000;
    for (;;) {
      const reply = (await cdp
        .connection()
        ?.session(sessionId)
        ?.send('Runtime.evaluate', { expression: registered, returnByValue: true })
        .catch(() => undefined)) as { result?: { value?: unknown } } | undefined;
      if (reply?.result?.value === true || Date.now() > deadline) break;
      await new Promise((done) => setTimeout(done, 20));
    }
    await cdp.send('Target.detachFromTarget', { sessionId });
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Firefox's traffic through the fixture proxy, and none of its own (captive portal, connectivity). */
function firefoxNetworkPrefs(proxyPort: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    'network.proxy.socks_remote_dns': true,
    'network.dns.disablePrefetch': true,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
  };
}

function launchFirefox(userDataDir: string, headless: boolean, prefs: Record<string, unknown>): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    headless,
    userDataDir,
    defaultViewport: null,
    // WebDriver BiDi's acceptInsecureCerts turns off certificate checks for the whole session,
    // HSTS-preloaded hosts included; no CA import (and no certutil) needed.
    acceptInsecureCerts: true,
    // BiDi refuses to navigate a tab to moz-extension:// (or about:debugging) without this.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefs,
  });
}

/**
 * Profiles that a browser of the kind has started in once, without the extension, copied into
 * each fresh profile of this process's launches (`useProfileTemplates`). Firefox's first start
 * on an empty profile (its databases, caches and defaults) takes ~2 s of the ~4.7 s launch on
 * this 2-core machine, ~40 times per e2e run. Chromium's first start costs it nothing measurable,
 * so it has none. The bench never sets one: its first opens are on truly fresh profiles.
 */
const profileTemplates: Partial<Record<BrowserKind, string>> = {};

export function useProfileTemplates(templates: Partial<Record<BrowserKind, string>>): void {
  Object.assign(profileTemplates, templates);
}

/**
 * What the e2e runs' browsers do differently from a user's (`useTestRunSettings`); the bench and
 * the demo launch without it, as a user's browser does.
 *
 * They reuse content processes. The tests open and close hundreds of tabs, and on this 2-core
 * machine a new process per tab and per site was the largest single cost of a page load. Measured
 * per open, load and close of the Zoom fixture with its panel: Chromium 2.05–2.36 → 1.72 CPU-s,
 * Firefox ESR 1.82 → 1.19; of a new empty tab alone: 0.5 → 0.2 and 0.44 → 0.22. Sites stay isolated
 * from each other (Chromium's site isolation and Firefox's Fission stay on): Chromium shares a
 * process between pages of one site above the limit, Firefox keeps a few closed tabs' processes to
 * reuse.
 *
 * Chromium draws its toolbar with the views of old, not as WebUI pages. Chromium 156's toolbar,
 * location bar and omnibox popup are pages of their own (chrome://top-chrome/) in a renderer of
 * their own, which redraws with every tab that opens, loads or closes: in a trace of six opens of
 * the Zoom fixture with its panel that renderer took 1.6 s of CPU (the page's own renderer 2.7 s),
 * and the browser's main thread 6.1 s against 5.1 without it. Over eight e2e files (52 tests)
 * Chromium's CPU went from 180–201 to 159–165 CPU-s. No test looks at the browser's toolbar.
 */
const TEST_RUN = {
  chromiumArgs: [
    '--renderer-process-limit=3',
    // Puppeteer merges this with the other --disable-features lists into one.
    '--disable-features=InitialWebUI,WebUIToolbar,WebUILocationBar,WebUIReloadButton,WebUIBackForwardButton,WebUIHomeButton,WebUISplitTabsButton,WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
  ],
  firefoxPrefs: { 'dom.ipc.keepProcessesAlive.web': 4, 'dom.ipc.keepProcessesAlive.webIsolated.perOrigin': 1 },
};
let testRun = false;

export function useTestRunSettings(): void {
  testRun = true;
}

/** Where launches without a `userDataDir` make their profiles (the OS temp folder unless set). */
let scratchDir: string | undefined;

export function useScratchDir(dir: string | undefined): void {
  scratchDir = dir;
}

/** Starts Firefox once on an empty profile at `dir` (with no extension) and closes it. */
export async function makeFirefoxProfileTemplate(dir: string, proxyPort: number): Promise<void> {
  const browser = await launchFirefox(dir, true, firefoxNetworkPrefs(proxyPort));
  await browser.close();
}

export async function launchWithExtension(kind: BrowserKind, options: LaunchOptions): Promise<ExtensionContext> {
  const distDir = resolve(options.distDir ?? defaultDistDir(kind));
  if (!existsSync(join(distDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${distDir}: run \`npx vite build${kind === 'firefox' ? ' --mode firefox' : ''}\` first.`);
  }
  const ownsProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(scratchDir ?? tmpdir(), `vuoro-${kind}-`));
  const headless = options.headless ?? true;
  const proxy = `127.0.0.1:${options.server.proxyPort}`;

  let browser: Browser;
  let extensionOrigin: string;
  let extensionId: string;
  if (kind === 'chromium') {
    browser = await puppeteer.launch({
      browser: 'chrome',
      executablePath: EXECUTABLES.chromium,
      headless,
      pipe: true,
      enableExtensions: true,
      userDataDir,
      defaultViewport: null,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        // Keep the browser's own traffic (updates, sign-in, sync) out of the request log.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        '--disable-domain-reliability',
        '--disable-client-side-phishing-detection',
        '--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying,AccountConsistency,ChromeLabs,InterestFeedContentSuggestions',
        '--extensions-update-frequency=604800',
        '--disable-gaia-services',
        '--no-pings',
        '--no-first-run',
        '--no-default-browser-check',
        '--window-size=1280,800',
        `--proxy-server=http://${proxy}`,
        // Nothing leaves the machine even if something bypasses the proxy.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
        '--ignore-certificate-errors',
        ...(testRun ? TEST_RUN.chromiumArgs : []),
        ...(options.chromiumArgs ?? []),
      ],
    });
    extensionId = await browser.installExtension(distDir);
    extensionOrigin = `chrome-extension://${extensionId}`;
    if (readManifest(distDir).background?.service_worker) await serviceWorkerStarted(browser, extensionOrigin);
  } else {
    const geckoId = readManifest(distDir).browser_specific_settings?.gecko?.id;
    if (!geckoId) throw new Error(`${distDir}/manifest.json has no browser_specific_settings.gecko.id`);
    const uuid = firefoxUuids.get(userDataDir) ?? randomUUID();
    firefoxUuids.set(userDataDir, uuid);
    if (ownsProfile && profileTemplates.firefox) {
      // Everything but the lock files of the template's (closed) browser and its prefs: puppeteer
      // keeps a profile's own user.js aside while its browser runs and puts it back when the browser
      // exits, so after a SIGKILL the relaunch found the template's user.js (no pinned extension
      // origin) and the options page never loaded (the fault test, Firefox ESR).
      cpSync(profileTemplates.firefox, userDataDir, { recursive: true, filter: (src) => !/(^|\/)(\.?(parent)?lock|user\.js|prefs\.js)$/.test(src) });
    }
    browser = await launchFirefox(userDataDir, headless, {
      ...firefoxNetworkPrefs(options.server.proxyPort),
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // Supported hosts are granted at install, as on Chrome (MV3 host permissions are opt-in on Firefox).
      'extensions.originControls.grantByDefault': true,
      // A temporary add-on is removed with the browser; keep its data and origin for relaunches.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      ...(testRun ? TEST_RUN.firefoxPrefs : {}),
      ...options.firefoxPrefs,
    });
    extensionId = await browser.installExtension(distDir);
    extensionOrigin = `moz-extension://${uuid}`;
  }

  let closed = false;
  return {
    browser,
    kind,
    extensionOrigin,
    extensionId,
    userDataDir,
    options: { ...options, distDir, userDataDir: ownsProfile ? undefined : userDataDir },
    async close() {
      if (closed) return;
      closed = true;
      await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
      if (ownsProfile) {
        rmSync(userDataDir, { recursive: true, force: true });
        firefoxUuids.delete(userDataDir);
      }
    },
  };
}

/**
 * Makes a running browser as a fresh launch would be for the next block of tests (in Firefox ESR
 * at a tenth of a launch's cost: see `sharesBrowser` in e2e.ts). Every tab is closed but one empty one; the extension is
 * uninstalled, which erases its storage, revokes what it was granted and ends its background, and
 * installed again from the same build (same id and origin: Chromium derives the id from the
 * path, Firefox keeps the pinned UUID); `clearHosts` get their site data cleared (the real boards
 * keep their scene in localStorage and IndexedDB). Firefox erases an add-on's storage on uninstall
 * only without `extensions.webextensions.keepStorageOnUninstall`: see `SHARED_FIREFOX_PREFS`.
 */
export async function resetBrowser(ctx: ExtensionContext, clearHosts: readonly string[]): Promise<void> {
  const { browser } = ctx;
  const blank = await browser.newPage();
  for (const page of await browser.pages()) if (page !== blank) await page.close().catch(() => {});
  await browser.uninstallExtension(ctx.extensionId);
  for (const host of clearHosts) await blank.goto(`https://${host}${CLEAR_SITE_DATA_PATH}`, { waitUntil: 'load' });
  if (clearHosts.length) await blank.goto('about:blank');
  const distDir = ctx.options.distDir!;
  const id = await browser.installExtension(distDir);
  if (id !== ctx.extensionId) throw new Error(`The extension came back as ${id}, not ${ctx.extensionId}`);
  if (ctx.kind === 'chromium' && readManifest(distDir).background?.service_worker) await serviceWorkerStarted(browser, ctx.extensionOrigin);
}

/** Firefox prefs of a browser that `resetBrowser` makes fresh: its uninstall erases the add-on's storage. */
export const SHARED_FIREFOX_PREFS = { 'extensions.webextensions.keepStorageOnUninstall': false };

/**
 * Kills the browser as a crash would (SIGKILL, no shutdown) and launches it again on the same
 * profile. The returned context owns the profile from then on.
 */
export async function relaunch(ctx: ExtensionContext): Promise<ExtensionContext> {
  const child = ctx.browser.process();
  if (!child) throw new Error('relaunch needs a browser launched by the harness');
  const exited = new Promise<void>((done) => (child.exitCode !== null ? done() : child.once('exit', () => done())));
  child.kill('SIGKILL');
  await exited;
  await ctx.browser.disconnect().catch(() => {});
  const next = await launchWithExtension(ctx.kind, { ...ctx.options, userDataDir: ctx.userDataDir });
  const ownsProfile = !ctx.options.userDataDir;
  return {
    ...next,
    options: ctx.options,
    async close() {
      await next.close();
      if (ownsProfile) {
        rmSync(ctx.userDataDir, { recursive: true, force: true });
        firefoxUuids.delete(ctx.userDataDir);
      }
    },
  };
}

/** Opens a fixture page in a new tab; `url` is absolute or `host/path`. Waits for `load`. */
export async function openFixture(ctx: ExtensionContext, url: string, page?: Page): Promise<Page> {
  const tab = page ?? (await ctx.browser.newPage());
  await tab.goto(/^[a-z-]+:\/\//.test(url) ? url : `https://${url}`, { waitUntil: 'load' });
  return tab;
}

/** Opens an extension page by its path in the build, e.g. the options page, and waits for it to load. */
export async function extensionPage(ctx: ExtensionContext, path: string, page?: Page): Promise<Page> {
  const tab = page ?? (await ctx.browser.newPage());
  const url = `${ctx.extensionOrigin}/${path.replace(/^\//, '')}`;
  if (ctx.kind === 'chromium') {
    await tab.goto(url, { waitUntil: 'load' });
    return tab;
  }
  // Firefox's BiDi sends no navigation events for moz-extension documents, so goto never settles
  // (and page.url() stays about:blank): start the navigation and watch the document instead.
  tab.goto(url, { timeout: 60_000 }).catch(() => {});
  await waitForDocument(tab, url);
  return tab;
}

/** Waits until `target` shows a loaded document whose URL starts with `urlPrefix`. */
export async function waitForDocument(target: Page | Frame, urlPrefix: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await target
      .evaluate((prefix) => location.href.startsWith(prefix) && document.readyState === 'complete', urlPrefix)
      .catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`${urlPrefix} did not load within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * Reloads a page and waits for the new document; works for extension pages in Firefox too, where
 * page.reload() would wait for navigation events that never come.
 */
export async function reloadDocument(page: Page, timeoutMs = 15_000): Promise<void> {
  const url = await page.evaluate(() => {
    (window as unknown as { __vuoroStale?: boolean }).__vuoroStale = true;
    setTimeout(() => location.reload(), 0);
    return location.href;
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const fresh = await page
      .evaluate(() => !(window as unknown as { __vuoroStale?: boolean }).__vuoroStale && document.readyState === 'complete')
      .catch(() => false);
    if (fresh) return;
    if (Date.now() > deadline) throw new Error(`${url} did not reload within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The options page as the manifest names it. */
export function optionsPagePath(ctx: ExtensionContext): string {
  const page = readManifest(ctx.options.distDir!).options_ui?.page;
  if (!page) throw new Error('The manifest has no options_ui.page');
  return page;
}

const EXTENSION_SCHEME = /^(chrome-extension|moz-extension):\/\//;

/**
 * A frame's real URL. Firefox (WebDriver BiDi) reports no navigation for an extension iframe
 * inside the page, so puppeteer keeps calling it about:blank; the frame itself knows better.
 */
async function liveFrameUrl(frame: Frame): Promise<string> {
  const url = frame.url();
  if (url !== 'about:blank' && url !== '') return url;
  return Promise.race([
    frame.evaluate(() => location.href).catch(() => url),
    new Promise<string>((done) => setTimeout(() => done(url), 1_000)),
  ]);
}

/** The extension frame in the page right now, if any (frames inside closed shadow roots included). */
export async function findPanelFrame(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    if (EXTENSION_SCHEME.test(await liveFrameUrl(frame))) return frame;
  }
  return undefined;
}

/**
 * Waits for the extension's frame in the page. Page JS cannot reach it (closed shadow root, other
 * origin), but the browser's frame tree lists it, so this polls page.frames().
 */
export async function panelFrame(page: Page, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = await findPanelFrame(page);
    if (frame) return frame;
    if (Date.now() > deadline) {
      const urls = await Promise.all(page.frames().map(liveFrameUrl));
      throw new Error(`No extension frame in ${page.url()} after ${timeoutMs} ms (frames: ${urls.join(', ')})`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Waits up to `timeoutMs` for the panel frame; undefined when none came (for hosts where none should). */
export async function maybePanelFrame(page: Page, timeoutMs: number): Promise<Frame | undefined> {
  return panelFrame(page, timeoutMs).catch(() => undefined);
}

/**
 * Stops the extension's background as the browser does when it goes idle; the next event wakes it.
 * Chromium: the service worker's target is closed over CDP. Firefox has no protocol command for
 * this, so it presses about:debugging's "Terminate background script" (temporary add-ons only,
 * which is how the harness installs it).
 */
export async function stopServiceWorker(ctx: ExtensionContext, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  if (ctx.kind === 'chromium') {
    const cdp = await ctx.browser.target().createCDPSession();
    try {
      const workers = async () =>
        (await cdp.send('Target.getTargets')).targetInfos.filter(
          (t) => t.type === 'service_worker' && t.url.startsWith(ctx.extensionOrigin),
        );
      // The stopped worker's own targets must go; a new one may start at once for the next event.
      const stopped = new Set((await workers()).map((w) => w.targetId));
      for (const targetId of stopped) await cdp.send('Target.closeTarget', { targetId });
      while ((await workers()).some((w) => stopped.has(w.targetId))) {
        if (Date.now() > deadline) throw new Error(`The service worker did not stop within ${timeoutMs} ms`);
        await new Promise((done) => setTimeout(done, 50));
      }
    } finally {
      await cdp.detach().catch(() => {});
    }
    return;
  }
  const debugging = await ctx.browser.newPage();
  try {
    debugging.goto('about:debugging#/runtime/this-firefox', { timeout: timeoutMs }).catch(() => {});
    await waitForDocument(debugging, 'about:debugging', timeoutMs);
    const outcome = await debugging.evaluate(
      async (extensionId, waitMs) => {
        const end = Date.now() + waitMs;
        const card = () =>
          [...document.querySelectorAll('li')].find(
            (li) => li.textContent?.includes(extensionId) && li.querySelector('button'),
          );
        const terminate = () =>
          [...(card()?.querySelectorAll('button') ?? [])].find(
            (b) => /terminate/i.test(b.className) || /terminate background/i.test(b.textContent ?? ''),
          );
        while (Date.now() < end) {
          const button = terminate();
          if (button && !button.disabled) {
            button.click();
            while (Date.now() < end) {
              if (/Stopped/.test(card()?.textContent ?? '')) return 'stopped';
              await new Promise((done) => setTimeout(done, 50));
            }
            return 'clicked, still running';
          }
          if (/Stopped/.test(card()?.textContent ?? '')) return 'stopped';
          await new Promise((done) => setTimeout(done, 50));
        }
        return card() ? 'no terminate button' : 'extension not listed';
      },
      ctx.extensionId,
      Math.max(1_000, deadline - Date.now()),
    );
    if (outcome !== 'stopped') throw new Error(`Could not stop the background script: ${outcome}`);
  } finally {
    await debugging.close().catch(() => {});
  }
}
