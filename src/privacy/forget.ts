import type { LiveState } from '../turns/live';

// Erasing one person: every place the live turn-taking state names them by key goes. The rest of
// the workshop (other people, the run, prompt cards) is left as it was.

export function forgetPerson(live: LiveState, key: string): LiveState {
  const others = (k: string) => k !== key;
  const next: LiveState = {
    ...live,
    queue: {
      hands: live.queue.hands.filter((hand) => hand.key !== key),
      granted: live.queue.granted.filter((grant) => grant.key !== key),
      ignoredSiteKeys: live.queue.ignoredSiteKeys.filter(others),
    },
    facilitatorKeys: live.facilitatorKeys.filter(others),
    ...(live.notFacilitatorKeys ? { notFacilitatorKeys: live.notFacilitatorKeys.filter(others) } : {}),
  };
  const round = live.goAround;
  if (round) {
    const { [key]: _forgotten, ...names } = round.names;
    const { current, ...rest } = round;
    next.goAround = {
      ...rest,
      names,
      excludedKeys: round.excludedKeys.filter(others),
      upcoming: round.upcoming.filter(others),
      past: round.past.filter((turn) => turn.key !== key),
      ...(current && current.key !== key ? { current } : {}),
    };
  }
  return next;
}
