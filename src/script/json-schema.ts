// The JSON Schema shipped in assets/schema/script.schema.json, for editors and other tools that write
// Vuoro scripts. It is generated from the zod schema so the two cannot drift; a unit test compares them.
import { z } from 'zod';
import { ScriptSchema } from './schema';

export const SCRIPT_JSON_SCHEMA_PATH = 'assets/schema/script.schema.json';

export function scriptJsonSchema(): Record<string, unknown> {
  // Cross-field rules (minDurationSec ≤ durationSec, unique ids, end after start) are zod refinements and
  // have no JSON Schema form; the importer still enforces them.
  return {
    ...z.toJSONSchema(ScriptSchema, { target: 'draft-2020-12' }),
    $id: 'urn:vuoro:script-schema:1',
    title: 'Vuoro workshop script',
  };
}

/** The file's exact contents, so regeneration is byte-stable. */
export function scriptJsonSchemaText(): string {
  return `${JSON.stringify(scriptJsonSchema(), null, 2)}\n`;
}
