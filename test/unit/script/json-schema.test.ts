import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCRIPT_JSON_SCHEMA_PATH, scriptJsonSchema, scriptJsonSchemaText } from '../../../src/script/json-schema';
import { PHASE_KINDS, SCRIPT_LIMITS } from '../../../src/script/schema';

const shippedPath = resolve(__dirname, '../../..', SCRIPT_JSON_SCHEMA_PATH);

// Regenerate with: UPDATE_SCHEMA=1 npx vitest run test/unit/script/json-schema.test.ts
if (process.env.UPDATE_SCHEMA === '1') writeFileSync(shippedPath, scriptJsonSchemaText());

describe('shipped JSON Schema', () => {
  it('is the one generated from the zod schema', () => {
    const shipped = readFileSync(shippedPath, 'utf8');
    expect(shipped, `${SCRIPT_JSON_SCHEMA_PATH} is stale: run UPDATE_SCHEMA=1 npx vitest run test/unit/script/json-schema.test.ts`).toBe(
      scriptJsonSchemaText(),
    );
  });

  it('carries the limits and enums an editor needs', () => {
    const schema = scriptJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: { workshops: { maxItems: number; items: { properties: { phases: { items: { properties: Record<string, Record<string, unknown>> } } } } } };
    };
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'schemaVersion', 'id', 'title', 'lang', 'workshops']));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.workshops.maxItems).toBe(SCRIPT_LIMITS.workshops);
    const phase = schema.properties.workshops.items.properties.phases.items.properties;
    expect(phase.durationSec).toMatchObject({ type: 'integer', minimum: 60, maximum: 8 * 3600 });
    expect(phase.kind).toMatchObject({ enum: [...PHASE_KINDS] });
  });
});
