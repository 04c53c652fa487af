// Chat dedupe: clients re-render and virtualise their chat lists, so the same message is read many
// times. Each message gets a stable key (the client's id, else a hash) and is emitted once.
import type { ChatMessage } from './types';

/** A message as read from the page, already cleaned; author already carried forward. */
export interface ChatReading {
  id?: string;
  author: string;
  text: string;
  at?: string;
}

const MEMORY = 5000;

export class ChatLog {
  readonly #seen = new Set<string>();

  /** Returns the messages not seen before, in page order. */
  take(readings: readonly ChatReading[]): ChatMessage[] {
    const occurrences = new Map<string, number>();
    const fresh: ChatMessage[] = [];
    for (const m of readings) {
      if (!m.text) continue;
      let key: string;
      if (m.id) key = `id:${m.id}`;
      else {
        // The same author can send the same words twice in a minute; count repeats within one read.
        const base = hash(`${m.author}|${m.text}|${minute(m.at)}`);
        const n = (occurrences.get(base) ?? 0) + 1;
        occurrences.set(base, n);
        key = `h:${base}:${n}`;
      }
      if (this.#seen.has(key)) continue;
      this.#remember(key);
      fresh.push(m.at ? { key, author: m.author, text: m.text, at: m.at } : { key, author: m.author, text: m.text });
    }
    return fresh;
  }

  #remember(key: string): void {
    this.#seen.add(key);
    if (this.#seen.size > MEMORY) {
      const oldest = this.#seen.values().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
  }
}

/** Timestamps cut to the minute: ISO strings are truncated, clock labels like "17:00" already are. */
function minute(at: string | undefined): string {
  if (!at) return '';
  const iso = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})/.exec(at);
  return iso?.[1] ?? at;
}

/** FNV-1a, 32 bits, as hex. */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
