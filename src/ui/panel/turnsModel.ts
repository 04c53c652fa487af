// What the Turns tab shows, derived once from the one people list (src/turns/people.ts), the live
// state (src/turns/live.ts) and the speech counted so far. Pure, so the view only reads values
// and its test reads the same ones (as startModel.ts does for the Start view).
import type { Capability, CapabilityStatus, NeedsUserHint, ReasonCode } from '../../messages/site';
import { formatDuration } from '../../script/timing';
import { goAroundView, type GoAroundOrder } from '../../turns/goaround';
import type { LiveState } from '../../turns/live';
import { pauseStatus } from '../../turns/pause';
import { heardSoFar, type PeopleView } from '../../turns/people';
import { waitingTimes } from '../../turns/queue';
import type { SpeakingTurn } from '../../turns/speaking';
import { facilitatorSpeechUnrecorded, type SpeakingStats } from '../../turns/stats';
import type { MessageKey } from '../i18n';
import type { RoundSetup } from './liveActions';
import { turnsStrip, type BalanceWords, type TurnsStrip } from './turnsStrip';

/** What the Turns tab says the page can read. */
export const TURN_CAPS: Capability[] = ['participants', 'activeSpeaker', 'ownSpeech', 'raisedHands'];

// Each hint and reason an adapter can give has its words (the compiler checks none is missing).
const HINT_KEYS: Record<NeedsUserHint, MessageKey> = {
  'open-people-panel': 'hint_open_people_panel',
  'open-chat': 'hint_open_chat',
  'copy-selection': 'hint_copy_selection',
  'join-meeting': 'hint_join_meeting',
};
const REASON_KEYS: Record<ReasonCode, MessageKey> = {
  'canvas-only': 'reason_canvas_only',
  'no-phrase-table': 'reason_no_phrase_table',
  'anchor-missing': 'reason_anchor_missing',
  'no-signal-yet': 'reason_no_signal_yet',
  'no-own-signal': 'reason_no_own_signal',
  'partial-list': 'reason_partial_list',
  'not-a-meeting-page': 'reason_not_a_meeting_page',
  'not-a-whiteboard': 'reason_not_a_whiteboard',
  'site-has-no-chat': 'reason_site_has_no_chat',
  'unknown-site': 'reason_unknown_site',
};

export type Capabilities = Partial<Record<Capability, CapabilityStatus>>;

const CAP_KEYS: Record<Capability, MessageKey> = {
  participants: 'cap_participants',
  activeSpeaker: 'cap_activeSpeaker',
  ownSpeech: 'cap_ownSpeech',
  raisedHands: 'cap_raisedHands',
  chat: 'cap_chat',
  selection: 'cap_selection',
};

const BALANCE_KEYS: Record<BalanceWords | 'unknown', MessageKey> = {
  even: 'balance_even',
  'fairly-even': 'balance_fairly_even',
  uneven: 'balance_uneven',
  'one-voice': 'balance_one_voice',
  unknown: 'balance_unknown',
};

/** One line of "What Vuoro can read on this page": live or manual, and why, in words. */
export interface SignalLine {
  cap: Capability;
  label: MessageKey;
  state: CapabilityStatus['state'] | 'none';
  live: boolean;
  why?: MessageKey;
}

export function signalLines(capabilities: Capabilities, caps: readonly Capability[]): SignalLine[] {
  return caps.map((cap) => {
    const status = capabilities[cap];
    const label = CAP_KEYS[cap];
    if (!status) return { cap, label, state: 'none', live: false, why: 'signal_none' };
    if (status.state === 'ok') return { cap, label, state: 'ok', live: true };
    return { cap, label, state: status.state, live: false, why: status.state === 'needs-user' ? HINT_KEYS[status.hint] : REASON_KEYS[status.reason] };
  });
}

export interface PersonRow {
  key: string;
  name: string;
  speaking: boolean;
  facilitator: boolean;
  /** Would count as facilitator (you, or by the series) but is marked "not facilitating" here. */
  notFacilitating: boolean;
  /** Not a facilitator and no speech yet: "not heard yet". */
  notHeard: boolean;
  /** No longer in the call (the site's list no longer shows them): listed last, never "not heard". */
  absent: boolean;
  handRaised: boolean;
  speakingMs: number;
  /** Speaking time as whole seconds ("0:07") and as a share of all talk. */
  time: string;
  sharePct: number;
  /** The bar's length: this person's talk against the most anyone has talked, 0..100. */
  barPct: number;
}

export type RoundModel =
  | { state: 'running'; current: string; timeLeft: string; overtime: boolean; next?: { name: string; remaining: number } }
  | { state: 'setup'; finished: boolean; canStart: boolean };

export interface TurnsModel {
  strip: TurnsStrip;
  /** The strip's summary line. */
  summary: {
    notHeard: number;
    notHeardNames: string[];
    /** Undefined when nobody is marked (nor remembered, nor you) as facilitator. */
    /** 'none': nobody has spoken yet, so there is no share to show. */
    /** 'unrecorded': you facilitate, the page shows none of your own speech, and none was recorded. */
    facilitatorPct?: number | 'none' | 'unrecorded';
    balance: BalanceWords | 'unknown';
    /** The balance in words, as a message key. */
    balanceKey: MessageKey;
  };
  /** "I am talking": offered where the page cannot hear you; pressed while your speech is open. */
  talking: { offered: boolean; ownKey?: string; pressed: boolean };
  people: PersonRow[];
  /** Taps on names mark the speaker (the page shows no speaker). */
  tapHint: boolean;
  /** The hand queue in the order hands get the floor, with how long each has waited ("0:42"). */
  hands: { key: string; name: string; waited: string }[];
  /** Hands are raised by hand here (the page shows none). */
  handsManual: boolean;
  round: RoundModel;
  /** The go-around section opens by itself while a round runs or has just finished. */
  roundOpen: boolean;
  signals: SignalLine[];
  /** With no live signal at all the signals section opens by itself: everything is manual here. */
  signalsOpen: boolean;
}

export interface TurnsInput {
  people: PeopleView;
  live: LiveState;
  /** Stored turns plus speech in progress, as of `now`. */
  turns: readonly SpeakingTurn[];
  /** Who counts as speaking now. */
  speakingKeys: readonly string[];
  capabilities: Capabilities;
  /** When the workshop started, if it has. */
  startedAt: number | undefined;
  /** The key "I am talking" holds open, if any. */
  talking: string | undefined;
  now: number;
}

/**
 * "0 %" only where it was measured: on Teams (no sign of your own speech) a facilitator who has not
 * pressed "I am talking" read 0 % however much she spoke; the summary says the same (fromWorkshop).
 */
function facilitatorPct(stats: SpeakingStats, ownSpeechShown: boolean, ownFacilitates: boolean): number | 'none' | 'unrecorded' {
  if (stats.facilitatorShare === undefined) return 'none';
  if (!ownSpeechShown && ownFacilitates && facilitatorSpeechUnrecorded(stats)) return 'unrecorded';
  return Math.round(stats.facilitatorShare * 100);
}

export function turnsModel(input: TurnsInput): TurnsModel {
  const { people, live, capabilities: caps, now } = input;
  const stats = heardSoFar(people, input.turns, input.startedAt, now);
  const speaking = new Set(input.speakingKeys);
  const facilitators = new Set(people.facilitatorKeys);
  const raised = new Set(live.queue.hands.map((h) => h.key));
  const waiting = waitingTimes(live.queue, now);
  const pause = live.pause ? pauseStatus(live.pause, now) : undefined;
  const strip = turnsStrip({ stats, speakingKeys: input.speakingKeys, hands: waiting, pause });
  const maxMs = Math.max(1, ...stats.people.map((p) => p.speakingMs));
  const round = live.goAround ? goAroundView(live.goAround, now) : undefined;
  const ownKey = people.ownKey;
  return {
    strip,
    summary: {
      notHeard: strip.notHeard.length,
      notHeardNames: strip.notHeard,
      ...(facilitators.size ? { facilitatorPct: facilitatorPct(stats, caps.ownSpeech?.state === 'ok', ownKey !== undefined && facilitators.has(ownKey)) } : {}),
      balance: strip.balance ?? 'unknown',
      balanceKey: BALANCE_KEYS[strip.balance ?? 'unknown'],
    },
    talking: { offered: caps.ownSpeech?.state !== 'ok', ...(ownKey ? { ownKey } : {}), pressed: ownKey !== undefined && input.talking === ownKey },
    // Who left the call goes to the end of the list (a stable sort keeps the order otherwise).
    people: [...stats.people].sort((a, b) => Number(a.absent === true) - Number(b.absent === true)).map((person) => ({
      key: person.key,
      name: person.name,
      speaking: speaking.has(person.key),
      facilitator: facilitators.has(person.key),
      notFacilitating: people.notFacilitatingKeys.includes(person.key),
      notHeard: person.speakingMs === 0 && !facilitators.has(person.key) && !person.absent,
      absent: person.absent === true,
      handRaised: raised.has(person.key),
      speakingMs: person.speakingMs,
      time: formatDuration(Math.floor(person.speakingMs / 1000) * 1000),
      sharePct: Math.round(person.share * 100),
      barPct: (person.speakingMs / maxMs) * 100,
    })),
    tapHint: caps.activeSpeaker?.state !== 'ok',
    hands: waiting.map((hand) => ({ key: hand.key, name: hand.name, waited: formatDuration(hand.waitingMs) })),
    handsManual: caps.raisedHands?.state !== 'ok',
    round:
      round && !round.finished
        ? {
            state: 'running',
            current: round.current?.name ?? '',
            timeLeft: formatDuration(round.timeLeftMs ?? 0),
            overtime: round.overtime,
            ...(round.next ? { next: { name: round.next.name, remaining: round.remainingCount } } : {}),
          }
        : { state: 'setup', finished: round?.finished === true, canStart: people.people.length > 0 },
    roundOpen: round !== undefined,
    // On a whiteboard the board's selection is what Vuoro reads: the list said only "This is not a
    // meeting page" four times, and nothing of the selection it can read or falls back from.
    signals: signalLines(caps, caps.selection && caps.selection.state !== 'unsupported' ? [...TURN_CAPS, 'selection'] : TURN_CAPS),
    signalsOpen: TURN_CAPS.every((cap) => caps[cap]?.state !== 'ok'),
  };
}

/**
 * What "Start the round" sends: everyone in the people list in its order, with what each has said
 * so far (for quiet-first), and who facilitates as this tab counts it (the action leaves them out:
 * before, only those marked F here, so an unmarked host was called on in her own round).
 */
export function roundSetup(
  people: PeopleView,
  rows: readonly Pick<PersonRow, 'key' | 'speakingMs'>[],
  choice: { order: GoAroundOrder; perPersonSec: number; seed: number },
): RoundSetup {
  return {
    participants: people.people.filter((p) => !people.absentKeys.includes(p.key)).map((p) => ({ key: p.key, name: p.name })),
    order: choice.order,
    perPersonSec: choice.perPersonSec,
    seed: choice.seed,
    speakingMsByKey: Object.fromEntries(rows.map((row) => [row.key, row.speakingMs])),
    facilitatorKeys: people.facilitatorKeys,
  };
}
