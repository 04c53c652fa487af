// What other handlers tell live sharing (src/background/sync.ts), which sets these when it loads.
// A module of its own, without imports, so a handler reaches live sharing without importing the
// router through it (sync.ts reports changes through the router).

export const syncHooks = {
  /** A vote made here: in a shared workshop it travels to the room as an increment. */
  recordVote: async (_capture: { id: string; workshopId: string }, _delta: 1 | -1): Promise<void> => undefined,
  /** Leaves the room, if any, or only when it shares `workshopId`. */
  leave: async (_workshopId?: string): Promise<void> => undefined,
};
