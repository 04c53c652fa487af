// The settings rows live sharing keeps per workshop (ids, timestamps and text hashes; no text). They
// go with the workshop when it is deleted or erased (src/background/workshops.ts deleteWorkshop).

/** The vote increments already counted in this browser's store (src/sync/apply.ts). */
export const appliedVotesKey = (workshopId: string) => `sync-votes:${workshopId}`;

/** Each capture's version as last exchanged with the room (src/sync/captureVersions.ts). */
export const versionsKey = (workshopId: string) => `sync-capture-versions:${workshopId}`;

/** Every per-workshop row of live sharing. */
export const syncRowKeys = (workshopId: string): string[] => [appliedVotesKey(workshopId), versionsKey(workshopId)];
