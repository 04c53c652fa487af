// The extension API for content scripts, without webextension-polyfill: the content-script build
// aliases the polyfill to this file (scripts/vite-content-scripts.ts) to keep each site's script
// small. Firefox's `browser` already speaks promises; Chrome's MV3 `chrome` does for calls, but a
// message listener must answer through sendResponse, which this adapts.

type Listener = (message: unknown, sender: unknown) => unknown;
type NativeListener = (message: unknown, sender: unknown, sendResponse: (r: unknown) => void) => boolean | undefined;

interface NativeRuntime {
  id: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(l: NativeListener | Listener): void; removeListener(l: NativeListener | Listener): void };
}

const globals = globalThis as unknown as { browser?: { runtime: NativeRuntime }; chrome: { runtime: NativeRuntime } };
const promiseNative = globals.browser !== undefined;
const native = (globals.browser ?? globals.chrome).runtime;
const wrapped = new WeakMap<Listener, NativeListener>();

const onMessage = promiseNative
  ? native.onMessage
  : {
      addListener(listener: Listener) {
        const adapted: NativeListener = (message, sender, sendResponse) => {
          const result = listener(message, sender);
          if (result === undefined) return false;
          Promise.resolve(result).then(sendResponse, () => sendResponse(undefined));
          return true;
        };
        wrapped.set(listener, adapted);
        native.onMessage.addListener(adapted);
      },
      removeListener(listener: Listener) {
        const adapted = wrapped.get(listener);
        if (adapted) native.onMessage.removeListener(adapted);
      },
    };

export default {
  runtime: {
    get id() {
      return native.id;
    },
    getURL: (path: string) => native.getURL(path),
    sendMessage: (message: unknown) => native.sendMessage(message),
    onMessage,
  },
};
