import { captureHandlers } from './captures';
import { liveHandlers } from './live';
import { participantHandlers } from './participants';
import { seriesHandlers } from './series';
import { settingsHandlers } from './settings';
import { siteHandlers } from './site';
import { syncHandlers } from './sync';
import type { Handlers } from './types';
import { workshopHandlers } from './workshops';

// Every request's handler, by capability. Typed against the protocol table: a row without a
// handler, or a handler answering the wrong type, does not compile.

export const HANDLERS: Handlers = {
  ...siteHandlers,
  ...settingsHandlers,
  ...workshopHandlers,
  ...captureHandlers,
  ...liveHandlers,
  ...seriesHandlers,
  ...participantHandlers,
  ...syncHandlers,
};
