// Bounds of what the store keeps from a page (issue 14): shared by the background, which enforces
// them, and the panel, which names them in its note.

/** Site-read people kept per workshop; more are counted, not stored (people added by hand always are). */
export const PARTICIPANTS_MAX = 500;
