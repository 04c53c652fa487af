import { z } from 'zod';
import { db } from './db';
import { committed } from './records';
import { Lang } from '../lang';
import { Placement } from '../messages/site';
import { UserCardEdit } from '../prompts/cards';
import { PromptSettings } from '../prompts/rules';
import { LiveSession, LiveSharingConfig } from '../sync/config';

// Key-value settings. Each key has its own schema and default, so a stored value from an older
// version that no longer fits falls back to the default instead of breaking the UI.


export const SETTINGS = {
  lang: { schema: z.nullable(Lang), fallback: null as Lang | null },
  activeWorkshopId: { schema: z.string().nullable(), fallback: null as string | null },
  capturedBy: { schema: z.string().max(80), fallback: '' },
  retentionDays: { schema: z.number().int().min(0).max(3650), fallback: 0 },
  /** The default script was loaded once; deleting every workshop does not bring it back. */
  seeded: { schema: z.boolean(), fallback: false },
  /** The facilitator's own prompt cards and edits of built-in ones. */
  userCards: { schema: z.array(UserCardEdit).max(500), fallback: [] as UserCardEdit[] },
  hiddenCards: { schema: z.array(z.string().max(64)).max(500), fallback: [] as string[] },
  promptSettings: { schema: PromptSettings, fallback: PromptSettings.parse({}) },
  enabledOrigins: { schema: z.array(z.string().max(300)).max(500), fallback: [] as string[] },
  /** Live sharing's signaller and ICE servers; null: sharing is off (the default). */
  liveSharing: { schema: LiveSharingConfig.nullable(), fallback: null as LiveSharingConfig | null },
  /** The room this browser is in, if any; kept so a restarted background rejoins it. */
  liveSession: { schema: LiveSession.nullable(), fallback: null as LiveSession | null },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;

export async function getSetting<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
  const row = await (await db()).get('settings', key);
  const parsed = SETTINGS[key].schema.safeParse(row?.value);
  return (parsed.success ? parsed.data : SETTINGS[key].fallback) as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void> {
  const checked = SETTINGS[key].schema.parse(value);
  const tx = (await db()).transaction('settings', 'readwrite', { durability: 'strict' });
  await committed(tx, [tx.store.put({ key, value: checked })]);
}

/** The settings key of a site's panel placement: the one place it is spelled. */
export const placementKey = (siteKey: string) => `placement:${siteKey}`;

/** Panel placement is remembered per site (site id for supported hosts, origin for enabled ones). */
export async function getPlacement(siteKey: string): Promise<Placement | undefined> {
  const row = await (await db()).get('settings', placementKey(siteKey));
  const parsed = Placement.safeParse(row?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function setPlacement(siteKey: string, placement: Placement): Promise<void> {
  const checked = Placement.parse(placement);
  const tx = (await db()).transaction('settings', 'readwrite', { durability: 'strict' });
  await committed(tx, [tx.store.put({ key: placementKey(siteKey), value: checked })]);
}
