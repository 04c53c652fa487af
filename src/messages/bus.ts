import browser, { type Runtime } from 'webextension-polyfill';
import type { PayloadIn, ReplyOf, RequestType } from './protocol';
import { fail, type Reply } from './reply';

// The one message router. Every message names its target (`to`) and is validated with zod before
// any handler sees it; messages from anything but this extension are dropped. Vuoro never listens
// to window.postMessage: the host page has no channel into the extension.

export type Target = 'background' | 'panel' | 'content' | 'offscreen';

/** The port each panel keeps open to the background (see src/background/panels.ts). */
export const PANEL_PORT = 'vuoro-panel';

interface SafeParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: unknown };
}

export function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/**
 * Listens for messages to `target`. The handler's return value (or promise) is the reply; return
 * undefined to let another listener answer. Invalid messages to this target get a failure reply.
 */
export function listen<T>(
  target: Target,
  schema: SafeParser<T>,
  handler: (message: T, sender: Runtime.MessageSender) => unknown,
  accept: (sender: Runtime.MessageSender) => boolean = () => true,
): () => void {
  const listener = (raw: unknown, sender: Runtime.MessageSender) => {
    if (!isOwnSender(sender) || !accept(sender)) return undefined;
    if (typeof raw !== 'object' || raw === null || (raw as { to?: unknown }).to !== target) return undefined;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return Promise.resolve(fail('invalid-message'));
    const result = handler(parsed.data, sender);
    return result === undefined ? undefined : Promise.resolve(result);
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/**
 * Asks the background (src/messages/protocol.ts names every request); the reply's type follows
 * from the request's. Resolves with the reply, or a failure value; never throws. The protocol is
 * imported as a type only, so a site script that asks does not carry the table.
 */
export async function ask<K extends RequestType>(type: K, payload: PayloadIn<K>): Promise<Reply<ReplyOf<K>>> {
  try {
    const reply = (await browser.runtime.sendMessage({ ...payload, to: 'background', type })) as Reply<ReplyOf<K>> | undefined;
    return reply ?? fail('no-receiver');
  } catch {
    return fail('no-receiver');
  }
}

/** Fire-and-forget broadcast to extension pages (panels, options): no receiver is not an error. */
export function broadcast(message: { to: 'panel'; type: string }): void {
  browser.runtime.sendMessage(message).catch(() => undefined);
}

export async function sendToTab<T>(tabId: number, message: { to: 'content'; type: string }): Promise<Reply<T>> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as Reply<T> | undefined;
    return reply ?? fail('no-receiver');
  } catch {
    return fail('no-receiver');
  }
}
