import type { SeriesContents } from '../../../messages/protocol';
import type { PayloadIn } from '../../../messages/protocol';
import { ask, useStoreQuery } from '../../shared/backend';

/** The series the workshop belongs to, re-read when its captures, record or workshops change. */
export function useSeries(workshopId: string): { contents: SeriesContents | undefined; update: (patch: PayloadIn<'series/update'>['patch']) => Promise<string | undefined> } {
  const { value } = useStoreQuery(
    async () => {
      const reply = await ask('series/contents', { workshopId });
      return reply.ok ? reply.value : undefined;
    },
    ['captures', 'series', 'workshops'],
    [workshopId],
  );
  return {
    contents: value,
    async update(patch) {
      const reply = await ask('series/update', { workshopId, patch });
      return reply.ok ? undefined : reply.error.code;
    },
  };
}

/** Changes one capture; the error code when it failed. */
export async function patchCapture(id: string, patch: PayloadIn<'capture/update'>['patch']): Promise<string | undefined> {
  const reply = await ask('capture/update', { id, patch });
  return reply.ok ? undefined : reply.error.code;
}
