// The only script the manifest puts on a page: a few hundred bytes that wait until the page has
// loaded and the browser is idle, then ask the background to inject this site's content script.
// The meeting client's own start-up pays for nothing else.

declare global {
  var __vuoroLoader: boolean | undefined;
}

interface Runtime {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
const globals = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
const api = globals.browser ?? globals.chrome;

if (window.top === window && !globalThis.__vuoroLoader) {
  globalThis.__vuoroLoader = true;
  const load = () => void api.runtime.sendMessage({ to: 'background', type: 'content/load' }).catch(() => undefined);
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(load, { timeout: 1500 }) : setTimeout(load, 50));
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}

export {};
