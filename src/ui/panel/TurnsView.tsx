import { useState } from 'preact/hooks';
import type { Capability, CapabilityStatus, NeedsUserHint, ReasonCode } from '../../messages/site';
import { formatDuration } from '../../script/timing';
import { goAroundView, type GoAroundOrder } from '../../turns/goaround';
import { DEFAULT_PAUSE_SEC, pauseStatus } from '../../turns/pause';
import { orderedHands, waitingTimes } from '../../turns/queue';
import { peopleOf } from '../../turns/people';
import { facilitatorKeysOf, ownKeyOf, speakingStats } from '../../turns/stats';
import { t, type MessageKey } from '../i18n';
import { HandIcon } from '../shared/icons';
import { ask, useStoreQuery } from '../shared/backend';
import { useNow } from '../shared/clock';
import { turnsStrip } from './turnsStrip';
import type { LiveHandle } from './useLive';
import type { SiteHandle } from './useSite';

interface Props {
  workshopId: string;
  startedAt: number | undefined;
  live: LiveHandle;
  site: SiteHandle;
  /** Whether people may be recorded yet: before the start, what the page shows is not stored. */
  recording: boolean;
}

const CAPS: Capability[] = ['participants', 'activeSpeaker', 'ownSpeech', 'raisedHands'];

// Which detail sections the user opened or closed, kept while the panel lives (switching tabs
// unmounts this view). People and hands start open; the rest is there on demand.
type Section = 'people' | 'hands' | 'pause' | 'round' | 'signals';
const sectionOpen: Record<Section, boolean> = { people: true, hands: true, pause: false, round: false, signals: false };

function Details({ id, summary, forceOpen, children }: { id: Section; summary: preact.ComponentChildren; forceOpen?: boolean; children: preact.ComponentChildren }) {
  const [open, setOpen] = useState(sectionOpen[id]);
  return (
    <details
      class="turns-details"
      data-section={id}
      open={open || forceOpen}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        if (now === (open || forceOpen)) return;
        sectionOpen[id] = now;
        setOpen(now);
      }}
    >
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

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

/** What the adapter can read, and what falls back to manual mode: said in words, not colour. */
export function SignalStatus({ capabilities, caps }: { capabilities: Partial<Record<Capability, CapabilityStatus>>; caps: Capability[] }) {
  return (
    <ul class="status-list" aria-label={t('turnsSignals')}>
      {caps.map((cap) => {
        const status = capabilities[cap];
        const ok = status?.state === 'ok';
        const why = !status ? t('signal_none') : status.state === 'needs-user' ? t(HINT_KEYS[status.hint]) : status.state === 'ok' ? '' : t(REASON_KEYS[status.reason]);
        return (
          <li key={cap} data-cap={cap} data-state={status?.state ?? 'none'}>
            <span>{t(`cap_${cap}`)}</span>
            <span class={`badge ${ok ? 'ok' : 'manual'}`}>{ok ? t('signalLive') : t('signalManual')}</span>
            {why && <span class="muted status-why">{why}</span>}
          </li>
        );
      })}
    </ul>
  );
}

export function TurnsView({ workshopId, startedAt, live, site, recording }: Props) {
  const now = useNow(1000);
  const [newName, setNewName] = useState('');
  const [order, setOrder] = useState<GoAroundOrder>('as-listed');
  const [perPersonSec, setPerPersonSec] = useState(90);
  const [pauseSec, setPauseSec] = useState(DEFAULT_PAUSE_SEC);
  const { live: state, run } = live;
  const caps = site.state.capabilities;
  const speakerLive = caps.activeSpeaker?.state === 'ok';

  // Participants: those the site shows now, plus everyone recorded in this workshop (manual too).
  const list = peopleOf(live.participants, site.state.participants);
  const { value: seriesFacilitators = [] } = useStoreQuery(
    async () => {
      const reply = await ask('series/contents', { workshopId });
      return reply.ok ? reply.value.series.facilitators : [];
    },
    ['series'],
    [workshopId],
  );
  const facilitators = facilitatorKeysOf(state.facilitatorKeys, list, seriesFacilitators);
  const ownKey = ownKeyOf(list, state.facilitatorKeys);
  const ownSpeechLive = caps.ownSpeech?.state === 'ok';
  const turns = live.turns(now);
  const from = startedAt ?? (turns.length ? Math.min(...turns.map((x) => x.startAt)) : now);
  const stats = speakingStats({ turns, participants: list, facilitatorKeys: facilitators, window: { from, to: now } });
  const speakingNow = new Set(live.speakingNow(now));
  const hands = orderedHands(state.queue);
  const waits = new Map(waitingTimes(state.queue, now).map((w) => [w.key, w.waitingMs]));
  const round = state.goAround ? goAroundView(state.goAround, now) : undefined;
  const pause = state.pause ? pauseStatus(state.pause, now) : undefined;
  const maxMs = Math.max(1, ...stats.people.map((p) => p.speakingMs));
  const strip = turnsStrip({ stats, speakingKeys: [...speakingNow], hands: waitingTimes(state.queue, now), pause });

  function markSpeaker(key: string) {
    // Manual mode: a tap starts that person's turn and ends anyone else's; a second tap ends it.
    const speaking = !live.speakingNow(Date.now()).includes(key);
    run('markSpeaker', { key, speaking });
    live.feed({ at: Date.now(), keys: speaking ? [key] : [], manual: true });
  }

  return (
    <section class="turns" aria-labelledby="turns-h">
      <h2 id="turns-h" class="sr-only">
        {t('tab_turns')}
      </h2>
      <div class="turns-strip" data-testid="turns-strip" role="group" aria-label={t('turnsStripLabel')}>
        <p data-testid="strip-speaking">
          {strip.speaking.length > 0 ? (
            <>
              <span class="speaking-dot" aria-hidden="true">
                ●{' '}
              </span>
              {t('turnsStripSpeaking', { names: strip.speaking.join(', ') })}
            </>
          ) : (
            <span class="muted">{t('turnsStripNobody')}</span>
          )}
        </p>
        {!ownSpeechLive && (
          <p class="talking-row">
            <button
              class={live.talking === ownKey && ownKey ? 'primary' : ''}
              aria-pressed={live.talking !== undefined && live.talking === ownKey}
              disabled={!ownKey}
              onClick={() => ownKey && live.toggleTalking(ownKey)}
            >
              {t('turnsIAmTalking')}
            </button>
            <span class="muted">{ownKey ? t('turnsIAmTalkingHint') : t('turnsIAmTalkingNoSelf')}</span>
          </p>
        )}
        <p data-testid="strip-hand">
          {strip.nextHand ? (
            <>
              <span>
                <HandIcon /> {t('turnsStripNextHand', { name: strip.nextHand.name, time: formatDuration(strip.nextHand.waitingMs) })}
                {strip.handsWaiting > 1 && <span class="muted"> {t('turnsStripMoreHands', { n: strip.handsWaiting - 1 })}</span>}
              </span>
              <button class="primary" onClick={() => run('giveFloor')}>
                {t('turnsGiveFloor', { name: strip.nextHand.name })}
              </button>
            </>
          ) : (
            <span class="muted">{t('turnsStripNoHands')}</span>
          )}
        </p>
        <p data-testid="strip-pause">
          {strip.pause.state === 'waiting' ? (
            <>
              <span class="notice-inline" role="status" data-testid="pause">
                {t('turnsPauseWaiting', { sec: strip.pause.remainingSec })}
              </span>
              <button onClick={() => run('cancelPause')}>{t('turnsPauseCancel')}</button>
            </>
          ) : (
            <>
              <button onClick={() => run('askedQuestion', pauseSec)}>{t('turnsAskedQuestion')}</button>
              {strip.pause.state === 'done' && <span class="muted">{t('turnsPauseDone')}</span>}
            </>
          )}
        </p>
        <div class="turns-summary" data-testid="turns-summary">
          <span title={strip.notHeard.join(', ')}>{t('turnsNotSpoken', { n: strip.notHeard.length })}</span>
          <span>
            {facilitators.length === 0
              ? t('turnsFacilitatorUnset')
              : t('turnsFacilitatorShare', { pct: stats.facilitatorShare === undefined ? '–' : Math.round(stats.facilitatorShare * 100) })}
          </span>
          <span>{t('turnsBalance', { value: strip.balance ? t(`balance_${strip.balance.replace('-', '_')}`) : t('balance_unknown') })}</span>
        </div>
      </div>

      {!recording && (
        <p class="notice" data-testid="not-recording">
          {t('turnsNotRecording')}{' '}
          <button onClick={() => void ask('workshop/update', { workshopId, patch: { recordPeople: true } })}>{t('turnsRecordNow')}</button>
        </p>
      )}
      <Details id="people" summary={t('turnsPeopleCount', { n: stats.people.length })}>
      {!speakerLive && <p class="muted">{t('turnsTapHint')}</p>}
      {list.length === 0 && <p class="muted">{t('turnsNoPeople')}</p>}
      <ul class="people" data-testid="people">
        {stats.people.map((person) => {
          const isFacilitator = facilitators.includes(person.key);
          const silent = person.speakingMs === 0 && !isFacilitator;
          const raised = state.queue.hands.some((h) => h.key === person.key);
          return (
            <li key={person.key} data-key={person.key} data-speaking={speakingNow.has(person.key)} data-silent={silent}>
              <button class="person-name" aria-pressed={speakingNow.has(person.key)} onClick={() => markSpeaker(person.key)}>
                {speakingNow.has(person.key) && <span class="speaking-dot" aria-hidden="true">● </span>}
                {person.name}
                {silent && <span class="muted"> · {t('turnsNotYet')}</span>}
                {isFacilitator && <span class="muted"> · {t('turnsFacilitator')}</span>}
                <span class="sr-only"> {t('turnsMarkSpeakerHint')}</span>
              </button>
              <span class="bar" aria-hidden="true">
                <span style={{ width: `${(person.speakingMs / maxMs) * 100}%` }} />
              </span>
              <span class="muted person-time">
                {formatDuration(Math.floor(person.speakingMs / 1000) * 1000)} ({Math.round(person.share * 100)} %)
              </span>
              <span class="person-actions">
                <button
                  aria-pressed={raised}
                  aria-label={raised ? t('turnsLowerHand', { name: person.name }) : t('turnsRaiseHand', { name: person.name })}
                  onClick={() => run('toggleHand', { key: person.key, name: person.name })}
                >
                  <HandIcon />
                </button>
                <button
                  aria-pressed={isFacilitator}
                  aria-label={t('turnsToggleFacilitator', { name: person.name })}
                  onClick={() => {
                    // Marked here, and remembered by name for the next workshop of the series.
                    const on = !isFacilitator;
                    if (state.facilitatorKeys.includes(person.key) !== on) run('toggleFacilitator', person.key);
                    void ask('series/update', { workshopId, patch: { facilitator: { name: person.name, on } } });
                  }}
                >
                  F
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      <form
        class="add-person"
        onSubmit={(e) => {
          e.preventDefault();
          if (!newName.trim()) return;
          void ask('participants/add', { workshopId, name: newName.trim() }).then(() => setNewName(''));
        }}
      >
        <input value={newName} onInput={(e) => setNewName(e.currentTarget.value)} aria-label={t('turnsAddPerson')} placeholder={t('turnsAddPerson')} maxLength={200} />
        <button type="submit">{t('turnsAdd')}</button>
      </form>
      </Details>

      <Details id="hands" summary={t('turnsHands', { n: hands.length })}>
      {caps.raisedHands?.state !== 'ok' && <p class="muted">{t('turnsHandsManual')}</p>}
      <ol class="hands" data-testid="hands">
        {hands.map((hand) => (
          <li key={hand.key}>
            {hand.name} <span class="muted">{formatDuration(waits.get(hand.key) ?? 0)}</span>
            <button aria-label={t('turnsLowerHand', { name: hand.name })} onClick={() => run('lowerHand', hand.key)}>
              ✕
            </button>
          </li>
        ))}
      </ol>
      </Details>

      <Details id="pause" summary={t('turnsPauseTitle')}>
        <label class="inline">
          {t('turnsPauseLength')}
          <input type="number" min={3} max={60} value={pauseSec} onInput={(e) => setPauseSec(Number(e.currentTarget.value) || DEFAULT_PAUSE_SEC)} /> s
        </label>
      </Details>

      <Details id="round" summary={t('turnsRoundTitle')} forceOpen={round !== undefined}>
      {round && !round.finished ? (
        <div class={`round ${round.overtime ? 'over' : ''}`} data-testid="round">
          <p>
            {t('turnsRoundNow', { name: round.current?.name ?? '' })}{' '}
            <strong>{formatDuration(round.timeLeftMs ?? 0)}</strong>
            {round.overtime && <span> ⚠ {t('turnsRoundOver')}</span>}
          </p>
          {round.next && <p class="muted">{t('turnsRoundNext', { name: round.next.name, n: round.remainingCount })}</p>}
          <div class="capture-row">
            <button class="primary" onClick={() => run('roundDone')}>
              {t('turnsRoundDone')}
            </button>
            <button onClick={() => run('roundSkip')}>{t('turnsRoundSkip')}</button>
            <button onClick={() => run('roundStop')}>{t('turnsRoundStop')}</button>
          </div>
        </div>
      ) : (
        <div class="round-setup">
          <label>
            {t('turnsRoundOrder')}
            <select value={order} onChange={(e) => setOrder(e.currentTarget.value as GoAroundOrder)}>
              <option value="as-listed">{t('order_as_listed')}</option>
              <option value="random">{t('order_random')}</option>
              <option value="quiet-first">{t('order_quiet_first')}</option>
            </select>
          </label>
          <label>
            {t('turnsRoundPerPerson')}
            <input type="number" min={15} max={1800} step={15} value={perPersonSec} onInput={(e) => setPerPersonSec(Number(e.currentTarget.value) || 90)} />
          </label>
          <button
            disabled={list.length === 0}
            onClick={() =>
              run('startRound', {
                participants: list.map((p) => ({ key: p.key, name: p.name })),
                order,
                perPersonSec,
                seed: Date.now() % 100_000,
                speakingMsByKey: Object.fromEntries(stats.people.map((p) => [p.key, p.speakingMs])),
              })
            }
          >
            {t('turnsRoundStart')}
          </button>
          {round?.finished && <p class="muted">{t('turnsRoundFinished')}</p>}
        </div>
      )}
      </Details>

      {/* When the page gives no signal at all, say so without a click: everything is manual here. */}
      <Details id="signals" summary={t('turnsSignals')} forceOpen={CAPS.every((cap) => caps[cap]?.state !== 'ok')}>
        <SignalStatus capabilities={caps} caps={CAPS} />
      </Details>
    </section>
  );
}
