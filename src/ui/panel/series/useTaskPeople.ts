import { useMemo } from 'preact/hooks';
import { taskPeople, type TaskPerson } from '../../../series/groups';
import { peopleView } from '../../../turns/people';
import { ask, useStoreQuery } from '../../shared/backend';
import type { SiteHandle } from '../useSite';

/**
 * The workshop's people for the intermediate task, with who has left the call and who facilitates
 * as the Turns tab counts them (src/turns/people.ts): the same stored roster, marks and series names.
 */
export function useTaskPeople(workshopId: string, site: SiteHandle): TaskPerson[] {
  const { value: recorded = [] } = useStoreQuery(
    async () => {
      const reply = await ask('participants/list', { workshopId });
      return reply.ok ? reply.value : [];
    },
    ['participants'],
    [workshopId],
  );
  const { value: live } = useStoreQuery(
    async () => {
      const reply = await ask('live/get', { workshopId });
      return reply.ok ? reply.value.state : undefined;
    },
    ['live'],
    [workshopId],
  );
  const { value: seriesFacilitators = [] } = useStoreQuery(
    async () => {
      const reply = await ask('series/facilitators', { workshopId });
      return reply.ok ? reply.value : [];
    },
    ['series'],
    [workshopId],
  );
  const onSiteLive = site.state.capabilities.participants?.state === 'ok';
  return useMemo(
    () =>
      taskPeople(
        peopleView({
          recorded,
          onSite: site.state.participants,
          marked: live?.facilitatorKeys ?? [],
          seriesFacilitators,
          declined: live?.notFacilitatorKeys ?? [],
          onSiteLive,
        }),
      ),
    [recorded, site.state.participants, live, seriesFacilitators, onSiteLive],
  );
}
