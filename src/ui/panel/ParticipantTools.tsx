import { useState } from 'preact/hooks';
import type { ActiveWorkshop } from '../../messages/protocol';
import { announcementText, participantLang, participantView } from '../../script/participantView';
import { computeRunState } from '../../script/timing';
import { loadLang, t } from '../i18n';
import { ask } from '../shared/backend';
import { now } from '../shared/clock';
import { ErrorText } from '../shared/ErrorText';

type Outcome = 'announceFilled' | 'announceCopied' | 'announceNotPlaced';

/**
 * What the facilitator shows participants: the pop-out timer, and an announcement of the phase
 * put in the meeting's chat box. Vuoro only fills the box; the facilitator reads it and sends it.
 */
export function ParticipantTools({ active }: { active: ActiveWorkshop }) {
  // What was announced is about the phase it was made in: once the phase changes (or the workshop
  // ends) the status goes, or phase 2 read "The announcement is in the meeting's chat box" for an
  // announcement of phase 1.
  const moment = (() => {
    const state = computeRunState(active.run, now());
    return `${state.status === 'finished'}:${state.phaseIndex}`;
  })();
  const [made, setOutcome] = useState<{ said: Outcome; text: string; moment: string } | undefined>(undefined);
  const outcome = made?.moment === moment ? made : undefined;
  const [error, setError] = useState<string | undefined>(undefined);

  async function popOut() {
    setError(undefined);
    const reply = await ask('popout/open', {});
    if (!reply.ok) setError(reply.error.code);
  }

  async function announce() {
    setError(undefined);
    await loadLang(participantLang(active.script)); // the workshop's language, maybe not the panel's
    const text = announcementText(participantView(active.script, active.workshop.workshopIndex, active.run, now()));
    const reply = await ask('chat/announce', { text });
    if (reply.ok && reply.value.filled) return setOutcome({ said: 'announceFilled', text, moment });
    try {
      await navigator.clipboard.writeText(text);
      setOutcome({ said: 'announceCopied', text, moment });
    } catch {
      setOutcome({ said: 'announceNotPlaced', text, moment });
    }
  }

  return (
    <>
      <div class="participant-tools" role="group" aria-label={t('runForParticipants')}>
        <button onClick={() => void popOut()}>{t('popoutOpen')}</button>
        <button onClick={() => void announce()}>{t('announceButton')}</button>
      </div>
      {/* Always in the page, so a screen reader hears what is put in it. */}
      <p role="status" class="participant-tools-status" data-testid="announce-status">
        {outcome && t(outcome.said)}
      </p>
      {outcome?.said === 'announceNotPlaced' && <textarea class="participant-tools-text" readOnly rows={4} aria-label={t('announceButton')} value={outcome.text} />}
      <ErrorText code={error} />
    </>
  );
}
