import { CHAT_PER_MINUTE } from '../../content/signalGate';
import { PARTICIPANTS_MAX } from '../../store/limits';
import { t } from '../i18n';
import type { SiteLimits } from './useSite';

/** Names that vanish this often before settling are worth a word; one or two happen in any meeting. */
const TRANSIENT_NOTE_FROM = 3;

/** "The page sends more than Vuoro keeps", with each limit that was hit. */
export function LimitsNote({ limits, peopleNotKept }: { limits: SiteLimits | undefined; peopleNotKept: number }) {
  const lines: string[] = [];
  if (limits?.chatDropped) lines.push(t('siteLimitChat', { n: limits.chatDropped, max: CHAT_PER_MINUTE }));
  const notKept = Math.max(peopleNotKept, limits?.participantsDropped ?? 0);
  if (notKept) lines.push(t('siteLimitParticipants', { n: notKept, max: PARTICIPANTS_MAX }));
  if ((limits?.transientNames ?? 0) >= TRANSIENT_NOTE_FROM) lines.push(t('siteLimitNames', { n: limits!.transientNames }));
  if (limits?.changesPerSecond) lines.push(t('siteLimitUpdates', { n: limits.changesPerSecond }));
  if (!lines.length) return null;
  return (
    <details class="notice limits-note" data-testid="limits-note">
      <summary role="status">{t('siteLimitTitle')}</summary>
      <ul class="plain">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </details>
  );
}
