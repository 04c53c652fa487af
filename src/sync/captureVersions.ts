import { z } from 'zod';
import type { Capture } from '../capture/schema';
import { cyrb53 } from '../hash';
import type { Lang } from '../lang';
import { db } from '../store/db';
import { committed } from '../store/records';
import { EditedFrom, textHash } from './entries';
import { versionsKey } from './rows';

// Capture versions in live sharing: which version each shared version was edited from, and how two
// versions made apart (offline, or at the same moment) are resolved without losing a text. Used by
// the store side (./apply.ts) when it pushes and when it applies what came from the room.

/**
 * Per capture, the version this browser's store holds as last exchanged with the room (its
 * `updatedAt` and text hash) and the version that one was made from. A version the store has that is
 * not the one noted was made here, from the one noted: that is what it is shared as edited from.
 */
const Version = z.object({ at: z.number(), text: z.string().max(20), from: EditedFrom.optional() });
type Version = z.infer<typeof Version>;
const Versions = z.record(z.string().max(100), Version);

// localEntries and applyRemote both read and write the row: one at a time, so neither undoes the other's.
let versionsTurn: Promise<unknown> = Promise.resolve();
export function withVersions<T>(workshopId: string, change: (versions: Record<string, Version>) => Promise<T>): Promise<T> {
  const turn = versionsTurn.then(async () => {
    const row = await (await db()).get('settings', versionsKey(workshopId));
    const parsed = Versions.safeParse(row?.value);
    const versions = parsed.success ? parsed.data : {};
    const before = JSON.stringify(versions);
    const result = await change(versions);
    if (JSON.stringify(versions) !== before) {
      const tx = (await db()).transaction('settings', 'readwrite', { durability: 'strict' });
      await committed(tx, [tx.store.put({ key: versionsKey(workshopId), value: versions })]);
    }
    return result;
  });
  versionsTurn = turn.catch(() => undefined);
  return turn;
}

/** What a capture's version in the store was edited from: the noted version, when the store's is a newer one made here. */
export const editedFromOf = (capture: Capture, noted: Version | undefined): EditedFrom | undefined =>
  !noted ? undefined : noted.at === capture.updatedAt ? noted.from : { at: noted.at, text: noted.text };

export async function noteLocalVersions(workshopId: string, caps: readonly Capture[]): Promise<Record<string, EditedFrom>> {
  return withVersions(workshopId, async (versions) => {
    const editedFrom: Record<string, EditedFrom> = {};
    for (const capture of caps) {
      const noted = versions[capture.id];
      const from = editedFromOf(capture, noted);
      if (noted?.at !== capture.updatedAt) versions[capture.id] = { at: capture.updatedAt, text: textHash(capture.text), ...(from ? { from } : {}) };
      if (from) editedFrom[capture.id] = from;
    }
    return editedFrom;
  });
}

/** The tag on a capture an edit made at once with another version brought about (data in the workshop's language, like its phase titles). */
export const CONFLICT_TAG: Record<Lang, string> = { en: 'edited at once', fi: 'muokattu yhtä aikaa' };

/** The same id in every browser for the capture keeping one version's text: from the capture and the version. */
function keptVersionId(captureId: string, at: number): string {
  const hex = [1, 2, 3]
    .map((salt) => cyrb53(`${salt}:${captureId}@${at}`).toString(16).padStart(14, '0'))
    .join('')
    .slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Two versions of a capture, the room's and this store's, where the later was made without the
 * earlier (its editor had not seen it: both edited offline, or at the same moment). The later wins as
 * before, except that nothing is lost silently: an earlier version whose text was edited is kept as
 * a capture of its own, tagged, with that text; a deletion undone by an edit made without seeing it
 * leaves the capture tagged. Every browser comes to the same captures (the kept one's id is derived).
 */
export function resolveCaptures(local: Capture, remote: Capture, localFrom: EditedFrom | undefined, remoteFrom: EditedFrom | undefined, tag: string): { result: Capture; kept?: Capture } {
  const remoteWins = remote.updatedAt > local.updatedAt;
  const [later, earlier] = remoteWins ? [remote, local] : [local, remote];
  const laterFrom = remoteWins ? remoteFrom : localFrom;
  const earlierFrom = remoteWins ? localFrom : remoteFrom;
  const apart = laterFrom !== undefined && laterFrom.at < earlier.updatedAt && earlier.updatedAt !== later.updatedAt;
  if (!apart) return { result: later };
  const earlierEdited = earlierFrom ? textHash(earlier.text) !== earlierFrom.text : earlier.text !== later.text;
  const withTag = (capture: Capture): Capture => (capture.tags.includes(tag) ? capture : { ...capture, tags: [...capture.tags, tag].slice(-50) });
  if (earlier.deletedAt !== undefined && later.deletedAt === undefined) return { result: withTag(later) };
  if (!earlierEdited || earlier.deletedAt !== undefined || earlier.text === later.text) return { result: later };
  const kept: Capture = withTag({ ...earlier, id: keptVersionId(earlier.id, earlier.updatedAt), createdAt: earlier.updatedAt, votes: 0 });
  delete kept.mergedInto;
  return { result: later, kept };
}
