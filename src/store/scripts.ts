import { z } from 'zod';
import { ScriptSchema, type Script } from '../script/schema';
import { recordStore } from './records';

/** A script in the user's library: the script file itself plus bookkeeping. */
export const ScriptRecord = z.object({
  id: z.string().min(1).max(100),
  createdAt: z.number(),
  updatedAt: z.number(),
  script: ScriptSchema,
});
export type ScriptRecord = z.infer<typeof ScriptRecord>;

export const scripts = recordStore('scripts', ScriptRecord);

export async function saveScript(script: Script, now = Date.now()): Promise<ScriptRecord> {
  const existing = await scripts.get(script.id);
  return scripts.put({ id: script.id, createdAt: existing?.createdAt ?? now, updatedAt: now, script });
}

export async function listScripts(): Promise<ScriptRecord[]> {
  return (await scripts.all()).sort((a, b) => b.updatedAt - a.updatedAt);
}
