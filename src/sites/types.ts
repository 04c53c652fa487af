// The contract between site adapters and the content script. Adapters read the page; they never
// write to it, and everything they hand over is plain, sanitised text.
import type { SiteId } from './hosts';

export type { SiteId };

/** `ownSpeech`: whether the client shows when you yourself speak (your own tile's ring or audio level). */
export type Capability = 'participants' | 'activeSpeaker' | 'ownSpeech' | 'raisedHands' | 'chat' | 'selection';

export const CAPABILITIES: readonly Capability[] = ['participants', 'activeSpeaker', 'ownSpeech', 'raisedHands', 'chat', 'selection'];

export type NeedsUserHint = 'open-people-panel' | 'open-chat' | 'copy-selection' | 'join-meeting';

export type CapabilityStatus =
  | { state: 'ok'; source: string } // which rule answered
  | { state: 'needs-user'; hint: NeedsUserHint }
  | { state: 'degraded'; reason: ReasonCode }
  | { state: 'unsupported'; reason: ReasonCode };

/** Why a capability is not fully available. The UI localises these. */
export type ReasonCode =
  | 'canvas-only' // the board paints to a canvas: nothing to read in the DOM
  | 'no-phrase-table' // the state exists only in UI text and we have no phrases for this language
  | 'anchor-missing' // the hooks we rely on are gone (renamed classes, new client build)
  | 'no-signal-yet' // the hooks are there but have never shown a signal
  | 'no-own-signal' // the client shows others speaking but nothing for your own speech
  | 'partial-list' // the client renders only part of the list (virtualised)
  | 'not-a-meeting-page'
  | 'not-a-whiteboard'
  | 'site-has-no-chat'
  | 'unknown-site';

export interface Participant {
  key: string;
  name: string;
  self?: boolean;
  host?: boolean;
}

export interface HandRaise {
  key: string;
  name: string;
  order?: number;
}

export interface ChatMessage {
  key: string;
  author: string;
  text: string;
  at?: string;
}

export interface SelectionItem {
  kind: 'note' | 'text' | 'shape';
  text: string;
  id?: string;
}

export type AdapterEvent =
  | { type: 'capabilities'; capabilities: Record<Capability, CapabilityStatus> }
  | { type: 'participants'; participants: Participant[] }
  | { type: 'speaking'; at: number; keys: string[] } // raw sample when it changes; smoothing is done elsewhere
  | { type: 'hands'; hands: HandRaise[] }
  | { type: 'chat'; messages: ChatMessage[] }; // only new messages, deduped across re-renders

export interface AdapterContext {
  doc: Document;
  emit: (e: AdapterEvent) => void;
  now: () => number;
  /** The UI language; the client's own `<html lang>` wins when it has one. */
  lang: string;
}

/** What observing the page has cost so far, for the bench. Times are in milliseconds. */
export interface ObservationStats {
  /** Mutation batches handled by the narrow container observers. */
  batches: number;
  batchMs: number;
  maxBatchMs: number;
  /** Active-speaker samples taken. */
  samples: number;
  sampleMs: number;
  /** Container (re)discoveries triggered by the root observer or the periodic rescan. */
  discoveries: number;
  discoveryMs: number;
  /** MutationObservers currently connected. */
  observers: number;
}

export interface SiteAdapter {
  id: SiteId;
  kind: 'meeting' | 'whiteboard' | 'other';
  /** Starts observing; returns stop(). */
  start(ctx: AdapterContext): () => void;
  capabilities(): Record<Capability, CapabilityStatus>;
  /** Reads the current selection where the page exposes it reliably (DOM, localStorage). */
  readSelection?(): Promise<SelectionItem[] | null>;
  /** Parses what the user copied from the board. */
  parseClipboard?(data: { html?: string; text?: string }): SelectionItem[];
  stats?(): ObservationStats;
}
