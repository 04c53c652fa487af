import { useRef, useState } from 'preact/hooks';
import type { GoAroundOrder } from '../../turns/goaround';
import { DEFAULT_PAUSE_SEC } from '../../turns/pause';
import type { PeopleView } from '../../turns/people';
import { t } from '../i18n';
import { HandIcon } from '../shared/icons';
import { NumberField } from '../shared/NumberField';
import { ask } from '../shared/backend';
import { useNow } from '../shared/clock';
import { turnsActions } from './liveActions';
import { roundSetup, turnsModel, type SignalLine } from './turnsModel';
import type { LiveHandle } from './useLive';
import type { SiteHandle } from './useSite';
import { useFocusAfter } from './useFocusAfter';

interface Props {
  workshopId: string;
  startedAt: number | undefined;
  live: LiveHandle;
  site: SiteHandle;
  /** The one people list every tab counts from (src/turns/people.ts). */
  people: PeopleView;
  /** Whether people may be recorded yet: before the start, what the page shows is not stored. */
  recording: boolean;
}

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


/** What the adapter can read, and what falls back to manual mode: said in words, not colour. */
export function SignalStatus({ lines }: { lines: SignalLine[] }) {
  return (
    <ul class="status-list" aria-label={t('turnsSignals')}>
      {lines.map((line) => (
        <li key={line.cap} data-cap={line.cap} data-state={line.state}>
          <span>{t(line.label)}</span>
          <span class={`badge ${line.live ? 'ok' : 'manual'}`}>{line.live ? t('signalLive') : t('signalManual')}</span>
          {line.why && <span class="muted status-why">{t(line.why)}</span>}
        </li>
      ))}
    </ul>
  );
}


export function TurnsView({ workshopId, startedAt, live, site, people, recording }: Props) {
  const now = useNow(1000);
  const [newName, setNewName] = useState('');
  const [order, setOrder] = useState<GoAroundOrder>('as-listed');
  const [perPersonSec, setPerPersonSec] = useState(90);
  const [pauseSec, setPauseSec] = useState(DEFAULT_PAUSE_SEC);
  const { run } = live;
  const act = turnsActions(workshopId, live, ask);
  const model = turnsModel({
    people,
    live: live.live,
    turns: live.turns(now),
    speakingKeys: live.speakingNow(now),
    capabilities: site.state.capabilities,
    startedAt,
    talking: live.talking,
    now,
  });
  const { strip, summary, round } = model;
  // The last hand given the floor takes its button away: focus goes on to the question button.
  const focusAfter = useFocusAfter();
  const pauseRow = useRef<HTMLParagraphElement>(null);
  const waiting = strip.pause.state === 'waiting';
  return (
    <section class="turns" aria-labelledby="turns-h">
      <h2 id="turns-h" class="sr-only">
        {t('tab_turns')}
      </h2>
      {/* First, before anything about people: until the facilitator says so, nothing of them is stored. */}
      {!recording && (
        <div class="notice recording-notice" data-testid="not-recording">
          <p>{t('turnsNotRecording')}</p>
          <button onClick={act.recordFromNow}>{t('turnsRecordNow')}</button>
        </div>
      )}
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
        {model.talking.offered && (
          <p class="talking-row">
            <button
              class={model.talking.pressed ? 'primary' : ''}
              aria-pressed={model.talking.pressed}
              disabled={!model.talking.ownKey}
              onClick={() => model.talking.ownKey && live.toggleTalking(model.talking.ownKey)}
            >
              {t('turnsIAmTalking')}
            </button>
            <span class="muted">{model.talking.ownKey ? t('turnsIAmTalkingHint') : t('turnsIAmTalkingNoSelf')}</span>
          </p>
        )}
        <p data-testid="strip-hand">
          {strip.nextHand ? (
            <>
              <span>
                <HandIcon /> {t('turnsStripNextHand', { name: strip.nextHand.name, time: model.hands[0]?.waited ?? '' })}
                {strip.handsWaiting > 1 && <span class="muted"> {t('turnsStripMoreHands', { n: strip.handsWaiting - 1 })}</span>}
              </span>
              <button
                class="primary"
                onClick={(e) => {
                  focusAfter(e, () => pauseRow.current?.querySelector('button'));
                  run('giveFloor');
                }}
              >
                {t('turnsGiveFloor', { name: strip.nextHand.name })}
              </button>
            </>
          ) : (
            <span class="muted">{t('turnsStripNoHands')}</span>
          )}
        </p>
        <p data-testid="strip-pause" ref={pauseRow}>
          {/* The seconds tick outside the live region: inside it they were spoken every second. */}
          {strip.pause.state === 'waiting' && (
            <span class="notice-inline" data-testid="pause">
              {t('turnsPauseWaiting', { sec: strip.pause.remainingSec })}
            </span>
          )}
          {/* One button that changes its words, so focus stays on it as the wait begins and ends
              (two buttons in turn dropped focus to the page when pressed, or when the wait ran out). */}
          <button onClick={() => (waiting ? run('cancelPause') : run('askedQuestion', pauseSec))}>
            {waiting ? t('turnsPauseCancel') : t('turnsAskedQuestion')}
          </button>
          {/* Always there, so a screen reader hears the wait begin and end, once each. */}
          <span role="status" data-testid="pause-said">
            {strip.pause.state === 'waiting' && <span class="sr-only">{t('turnsPauseSaidStart')}</span>}
            {strip.pause.state === 'done' && <span class="muted">{t('turnsPauseDone')}</span>}
          </span>
        </p>
        <div class="turns-summary" data-testid="turns-summary">
          <span title={summary.notHeardNames.join(', ')}>{t('turnsNotSpoken', { n: summary.notHeard })}</span>
          <span>{summary.facilitatorPct === undefined
            ? t('turnsFacilitatorUnset')
            : summary.facilitatorPct === 'none'
              ? t('turnsFacilitatorShareNone')
              : summary.facilitatorPct === 'unrecorded'
                ? t('turnsFacilitatorShareUnrecorded')
                : t('turnsFacilitatorShare', { pct: summary.facilitatorPct })}</span>
          <span>{t('turnsBalance', { value: t(summary.balanceKey) })}</span>
        </div>
      </div>

      <Details id="people" summary={t('turnsPeopleCount', { n: model.people.length })}>
        {model.tapHint && <p class="muted">{t('turnsTapHint')}</p>}
        {people.people.length === 0 && <p class="muted">{t('turnsNoPeople')}</p>}
        <ul class="people" data-testid="people">
          {model.people.map((person) => (
            <li key={person.key} data-key={person.key} data-speaking={person.speaking} data-silent={person.notHeard} data-absent={person.absent}>
              <button class="person-name" aria-pressed={person.speaking} onClick={() => act.markSpeaker(person.key)}>
                {person.speaking && <span class="speaking-dot" aria-hidden="true">● </span>}
                {person.name}
                {person.notHeard && <span class="muted"> · {t('turnsNotYet')}</span>}
                {person.absent && <span class="muted"> · {t('turnsAbsent')}</span>}
                {person.facilitator && <span class="muted"> · {t('turnsFacilitator')}</span>}
                {person.notFacilitating && <span class="muted"> · {t('turnsNotFacilitating')}</span>}
                <span class="sr-only"> {t('turnsMarkSpeakerHint')}</span>
              </button>
              <span class="bar" aria-hidden="true">
                <span style={{ width: `${person.barPct}%` }} />
              </span>
              <span class="muted person-time">
                {/* The language's own percent (74% in English, 74 % in Finnish), as in the share above. */}
                {t('turnsPersonTime', { time: person.time, pct: person.sharePct })}
              </span>
              <span class="person-actions">
                <button
                  aria-pressed={person.handRaised}
                  aria-label={person.handRaised ? t('turnsLowerHand', { name: person.name }) : t('turnsRaiseHand', { name: person.name })}
                  onClick={() => run('toggleHand', { key: person.key, name: person.name })}
                >
                  <HandIcon />
                </button>
                <button
                  aria-pressed={person.facilitator}
                  aria-label={t('turnsToggleFacilitator', { name: person.name })}
                  onClick={() => act.markFacilitator(person, !person.facilitator)}
                >
                  F
                </button>
              </span>
            </li>
          ))}
        </ul>
        <form
          class="add-person"
          onSubmit={(e) => {
            e.preventDefault();
            void act.addPerson(newName).then((added) => added && setNewName(''));
          }}
        >
          <input value={newName} onInput={(e) => setNewName(e.currentTarget.value)} aria-label={t('turnsAddPerson')} placeholder={t('turnsAddPerson')} maxLength={200} />
          <button type="submit">{t('turnsAdd')}</button>
        </form>
      </Details>

      <Details id="hands" summary={t('turnsHands', { n: model.hands.length })}>
        {model.handsManual && <p class="muted">{t('turnsHandsManual')}</p>}
        <ol class="hands" data-testid="hands">
          {model.hands.map((hand) => (
            <li key={hand.key}>
              {hand.name} <span class="muted">{hand.waited}</span>
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
          <NumberField min={3} max={60} live value={pauseSec} onCommit={setPauseSec} /> s
        </label>
      </Details>

      <Details id="round" summary={t('turnsRoundTitle')} forceOpen={model.roundOpen}>
        {round.state === 'running' ? (
          <div class={`round ${round.overtime ? 'over' : ''}`} data-testid="round">
            <p>
              {t('turnsRoundNow', { name: round.current })} <strong>{round.timeLeft}</strong>
              {round.overtime && <span> ⚠ {t('turnsRoundOver')}</span>}
            </p>
            {round.next && <p class="muted">{t('turnsRoundNext', { name: round.next.name, n: round.next.remaining })}</p>}
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
              <NumberField min={15} max={1800} step={15} live value={perPersonSec} onCommit={setPerPersonSec} />
            </label>
            <button
              disabled={!round.canStart}
              onClick={() => run('startRound', roundSetup(people, model.people, { order, perPersonSec, seed: Date.now() % 100_000 }))}
            >
              {t('turnsRoundStart')}
            </button>
            {round.finished && <p class="muted">{t('turnsRoundFinished')}</p>}
          </div>
        )}
      </Details>

      {/* When the page gives no signal at all, say so without a click: everything is manual here. */}
      <Details id="signals" summary={t('turnsSignals')} forceOpen={model.signalsOpen}>
        <SignalStatus lines={model.signals} />
      </Details>
    </section>
  );
}
