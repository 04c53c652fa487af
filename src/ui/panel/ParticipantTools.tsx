import { useState } from 'preact/hooks';
import type { ActiveWorkshop } from '../../messages/protocol';
import { announcementText, participantLang, participantView } from '../../script/participantView';
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
  const [outcome, setOutcome] = useState<{ said: Outcome; text: string } | undefined>(undefined);
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
    if (reply.ok && reply.value.filled) return setOutcome({ said: 'announceFilled', text });
    try {
      await navigator.clipboard.writeText(text);
      setOutcome({ said: 'announceCopied', text });
    } catch {
      setOutcome({ said: 'announceNotPlaced', text });
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
