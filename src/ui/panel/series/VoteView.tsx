import { useMemo, useState } from 'preact/hooks';
import type { Capture } from '../../../capture/schema';
import { chatPasteLines } from '../../../series/experiments';
import { rankCandidates, tallyChatVotes, unclearWho, voteCandidates, type VoteLine } from '../../../series/votes';
import type { SeriesRecord } from '../../../store/series';
import { t } from '../../i18n';
import { ask } from '../../shared/backend';
import { ErrorText } from '../../shared/ErrorText';
import type { SiteHandle } from '../useSite';
import { patchCapture } from './useSeries';
import { NumberField } from '../../shared/NumberField';

interface Props {
  captures: Capture[];
  series: SeriesRecord;
  site: SiteHandle;
  onBudget: (dots: number) => Promise<string | undefined>;
}

/**
 * Dot voting on the experiment candidates: taps for a show of hands, chat lines ("#3", "2, 5",
 * "+1") read within each voter's budget, pasted chat when the page's chat cannot be read, or counts
 * typed in. Only counts are stored: who voted for what is never kept.
 */
export function VoteView({ captures, series, site, onBudget }: Props) {
  const [error, setError] = useState<string | undefined>(undefined);
  const [current, setCurrent] = useState<number | undefined>(undefined);
  // Chat lines count from the moment the vote opens, so earlier talk with numbers is not a vote.
  const [openedAt, setOpenedAt] = useState<Set<string> | undefined>(undefined);
  const [pasted, setPasted] = useState('');
  const candidates = useMemo(() => voteCandidates(captures), [captures]);
  const ranked = useMemo(() => rankCandidates(candidates), [candidates]);
  const chatLines: VoteLine[] = openedAt ? site.state.chat.filter((line) => !openedAt.has(line.key)) : [];
  const lines = pasted.trim() ? chatPasteLines(pasted) : chatLines;
  const tally = tallyChatVotes(lines, candidates.length, series.dotBudget, current);
  const chatCap = site.state.capabilities.chat;

  // A count typed in replaces the number; taps and chat dots are increments applied in the store,
  // so taps from two panels, or a tap while the chat is counted, all stay.
  const setVotes = (c: Capture, votes: number) => patchCapture(c.id, { votes: Math.max(0, Math.min(10_000, votes)) }).then(setError);
  const addVote = async (c: Capture) => {
    const reply = await ask('capture/vote', { id: c.id, delta: 1 });
    setError(reply.ok ? undefined : reply.error.code);
  };
  async function addTally() {
    for (const [i, n] of tally.counts.entries()) for (let k = 0; k < n; k++) await addVote(candidates[i]!);
    setOpenedAt(new Set(site.state.chat.map((line) => line.key)));
    setPasted('');
  }

  return (
    <section class="series-vote" aria-labelledby="vote-h">
      <h3 id="vote-h" class="series-h">
        {t('voteTitle')}
      </h3>
      <label class="inline">
        {t('voteBudget')}
        <NumberField min={1} max={20} value={series.dotBudget} onCommit={(dots) => void onBudget(dots).then(setError)} data-testid="vote-budget" />
      </label>
      <p class="muted">{t('voteAnonymous')}</p>
      {candidates.length === 0 && <p class="muted">{t('voteNoCandidates')}</p>}
      <ol class="vote-list" data-testid="vote-list">
        {candidates.map((c, i) => (
          <li key={c.id} class="vote-row">
            <label class="vote-current" title={t('voteCurrent')}>
              <input type="radio" name="vote-current" checked={current === i + 1} onChange={() => setCurrent(i + 1)} aria-label={t('voteCurrentFor', { n: i + 1 })} />#{i + 1}
            </label>
            <span class="capture-text">{c.text}</span>
            <span class="vote-controls">
              <button onClick={() => void addVote(c)} aria-label={t('voteTap', { n: i + 1 })}>
                +1
              </button>
              <NumberField min={0} max={10_000} value={c.votes} onCommit={(votes) => void setVotes(c, votes)} aria-label={t('voteCount', { n: i + 1 })} />
            </span>
          </li>
        ))}
      </ol>
      <details class="vote-chat" open={openedAt !== undefined || pasted !== ''}>
        <summary>{t('voteChatTitle')}</summary>
        <p class="muted">{t('voteChatHint', { dots: series.dotBudget })}</p>
        {site.state.kind === 'meeting' && chatCap?.state === 'ok' ? (
          <button onClick={() => setOpenedAt(new Set(site.state.chat.map((line) => line.key)))} data-testid="vote-open">
            {openedAt ? t('voteReopen') : t('voteOpen')}
          </button>
        ) : (
          <p class="muted">{t('voteChatManual')}</p>
        )}
        <textarea rows={3} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} aria-label={t('voteChatPaste')} placeholder={t('voteChatPaste')} data-testid="vote-paste" />
        {(tally.voteLines > 0 || tally.unclear.length > 0) && (
          <div class="notice" role="status" data-testid="vote-tally">
            <p>{t('voteTally', { lines: tally.voteLines, voters: tally.voters, ignored: tally.ignored })}</p>
            {tally.unclear.length > 0 && <p data-testid="vote-unclear">{t('voteUnclear', { n: tally.unclear.length, who: unclearWho(tally.unclear).join(', ') })}</p>}
            <p>{tally.counts.map((n, i) => `#${i + 1}: +${n}`).join(' · ')}</p>
            <button class="primary" onClick={() => void addTally()}>
              {t('voteAddTally')}
            </button>
          </div>
        )}
      </details>
      <ErrorText code={error} />
      {ranked.some((r) => r.votes > 0) && (
        <>
          <h4 class="series-h">{t('voteResult')}</h4>
          <ol class="plain vote-result" data-testid="vote-result">
            {ranked.map((r) => (
              <li key={r.capture.id}>
                <strong>{r.rank}.</strong> #{r.number} {r.capture.text} — {t('voteVotes', { n: r.votes })}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
