// Ids for scripts, workshops and phases. Random rather than sequential, so that scripts made in two tabs or
// imported from elsewhere never collide.
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
