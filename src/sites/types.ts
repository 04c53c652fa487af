// The contract between site adapters and the content script. Adapters read the page; they never
// write to it, and everything they hand over is plain, sanitised text. What a site reports is
// defined once, as the schemas in src/messages/site.ts that check it on the way to the panel.
import type { SiteId } from './hosts';
import type {
  Capability,
  CapabilityStatus,
  ChatMessage,
  HandRaise,
  NeedsUserHint,
  Participant,
  ReasonCode,
  SelectionItem,
  SiteKind,
} from '../messages/site';

export type { SiteId };

export type { Capability, CapabilityStatus, ChatMessage, HandRaise, NeedsUserHint, Participant, ReasonCode, SelectionItem, SiteKind };

export const CAPABILITIES: readonly Capability[] = ['participants', 'activeSpeaker', 'ownSpeech', 'raisedHands', 'chat', 'selection'];

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
  kind: SiteKind;
  /** Starts observing; returns stop(). */
  start(ctx: AdapterContext): () => void;
  capabilities(): Record<Capability, CapabilityStatus>;
  /** Reads the current selection where the page exposes it reliably (DOM, localStorage). */
  readSelection?(): Promise<SelectionItem[] | null>;
  /** Parses what the user copied from the board. */
  parseClipboard?(data: { html?: string; text?: string }): SelectionItem[];
  stats?(): ObservationStats;
}
