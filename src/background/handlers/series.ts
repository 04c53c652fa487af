import { seriesContents, seriesFacilitators, updateSeries } from '../series';
import type { Handlers } from './types';

// A Change Dialogue series: its contents across workshops, and its own record.

export const seriesHandlers = {
  'series/contents': ({ workshopId }) => seriesContents(workshopId),
  'series/facilitators': ({ workshopId }) => seriesFacilitators(workshopId),
  'series/update': ({ workshopId, patch }) => updateSeries(workshopId, patch),
} satisfies Partial<Handlers>;
