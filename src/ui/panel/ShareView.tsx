import { useState } from 'preact/hooks';
import { invitationCode } from '../../sync/session';
import { hasShortForm, isApart, statusLine } from '../../sync/statusText';
import { t } from '../i18n';
import { ask } from '../shared/backend';
import { ErrorText } from '../shared/ErrorText';
import type { SyncView } from './useSync';

// Live sharing in the panel (issue 15): share this workshop, join a room from an invitation, and
// see who is connected, whether everything has been exchanged, and what happens when the link
// drops. Names of others come from their browsers: shown as text only.

export function SyncBadge({ view }: { view: SyncView }) {
  const { session, status } = view.sync;
  if (!session) return null;
  const line = statusLine(status, session);
  return (
    <p class={`sync-badge sync-${line}`} role="status" data-testid="sync-status">
      <span aria-hidden="true">{isApart(line) ? '○' : '●'} </span>
      {t(`sync_${line}`, { n: status.peers.length })}
    </p>
  );
}

/**
 * Folded at the top of the Script tab: its summary line says whether the workshop is shared and
 * how the link is; it opens by itself while a shared workshop waits for its first peer (so the
 * invitation is in view).
 */
export function ShareView({ workshopId, view }: { workshopId: string; view: SyncView }) {
  const { session, status } = view.sync;
  const waiting = !!session && status.peers.length === 0 && status.state !== 'paused';
  const line = statusLine(status, session);
  return (
    <details class="share-box" open={waiting || undefined} data-testid="share-box">
      {/* The summary line is short; what to do about an unreachable server is said inside. */}
      <summary>{session ? t(hasShortForm(line) ? `sync_${line}_short` : `sync_${line}`, { n: status.peers.length }) : t('syncTitle')}</summary>
      <ShareContent workshopId={workshopId} view={view} />
    </details>
  );
}

function ShareContent({ workshopId, view }: { workshopId: string; view: SyncView }) {
  const { config, session, status } = view.sync;
  const [error, setError] = useState<string | undefined>(undefined);
  const [joining, setJoining] = useState(false);
  const [pasted, setPasted] = useState('');
  const [copied, setCopied] = useState(false);
  // Leaving while not exchanging (Work offline, or the link dropped) leaves what was done since out
  // of the room for good: the first press says so, the second leaves.
  const [leaveAsked, setLeaveAsked] = useState(false);

  async function run(request: Promise<{ ok: boolean; error?: { code: string } }>) {
    setError(undefined);
    const reply = await request;
    if (!reply.ok) setError(reply.error?.code);
    view.reload();
    return reply.ok;
  }

  if (!config)
    return (
      <section class="share">
        <p class="muted">{t('syncOff')}</p>
        <button class="linkish" onClick={() => void ask('options/open', { view: 'settings' })}>
          {t('syncSetUp')}
        </button>
      </section>
    );

  if (!session)
    return (
      <section class="share">
        <p class="muted">{t('syncIntro')}</p>
        <div class="row">
          <button class="primary" onClick={() => void run(ask('sync/share', { workshopId }))}>
            {t('syncShare')}
          </button>
          <button aria-expanded={joining} onClick={() => setJoining(!joining)}>
            {t('syncJoin')}
          </button>
        </div>
        {joining && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(ask('sync/join', { invitation: pasted })).then((joined) => joined && setPasted(''));
            }}
          >
            <label>
              {t('syncPasteInvitation')}
              <textarea rows={2} value={pasted} maxLength={2000} onInput={(e) => setPasted(e.currentTarget.value)} data-testid="sync-invitation-input" />
            </label>
            <button type="submit" class="primary" disabled={!pasted.trim()}>
              {t('syncJoinRoom')}
            </button>
          </form>
        )}
        <ErrorText code={error} />
      </section>
    );

  const invitation = t('syncInvitationText', { code: invitationCode(session) });
  return (
    <section class="share">
      {/* The box's heading already says the status; the box says it whole only where the heading is the short form. */}
      {hasShortForm(statusLine(status, session)) && <SyncBadge view={view} />}
      {session.role === 'facilitator' && (
        <>
          <label>
            {t('syncInvitation')}
            <textarea readOnly rows={3} value={invitation} data-testid="sync-invitation" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button
            onClick={() =>
              void navigator.clipboard.writeText(invitation).then(
                () => setCopied(true),
                () => setError('sync-copy-failed'),
              )
            }
          >
            {copied ? t('syncCopied') : t('syncCopy')}
          </button>
          <p class="muted">{t('syncInvitationHint')}</p>
        </>
      )}
      {status.peers.length > 0 && (
        <>
          <h4>{t('syncPeople')}</h4>
          <ul class="sync-peers" data-testid="sync-peers">
            {status.peers.map((peer, i) => (
              <li key={i}>
                {peer.name || t('syncUnnamed')} <span class="muted">({t(`syncRole_${peer.role.replace('-', '_')}`)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {session.role === 'facilitator' && (
        <label class="check">
          <input type="checkbox" checked={status.timerOpen} onChange={(e) => void run(ask('sync/timer-open', { open: e.currentTarget.checked }))} />
          {t('syncTimerOpen')}
        </label>
      )}
      <p class="muted">{t('syncWhenLinkDrops')}</p>
      {status.state === 'paused' ? (
        <button
          onClick={() => {
            setLeaveAsked(false);
            void run(ask('sync/online', { online: true }));
          }}
        >
          {t('syncResume')}
        </button>
      ) : (
        <button onClick={() => void run(ask('sync/online', { online: false }))}>{t('syncPause')}</button>
      )}{' '}
      {status.rejected > 0 && <p class="notice">{t('syncRejected', { n: status.rejected })}</p>}
      {leaveAsked && <p class="notice" role="alert">{t('syncLeaveUnshared')}</p>}
      <button
        onClick={() => {
          const apart = status.state === 'paused' || status.state === 'offline';
          if (apart && !leaveAsked) return setLeaveAsked(true);
          setLeaveAsked(false);
          void run(ask('sync/leave', {}));
        }}
      >
        {leaveAsked ? t(session.role === 'facilitator' ? 'syncStopAnyway' : 'syncLeaveAnyway') : session.role === 'facilitator' ? t('syncStop') : t('syncLeave')}
      </button>
      <ErrorText code={error} />
    </section>
  );
}
