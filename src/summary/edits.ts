import { z } from 'zod';
import type { WorkshopExport } from './model';

// What the facilitator changes before sending the summary: its title, an introduction for the
// readers, and captures left out. Applied to the export document only; the stored captures stay
// as they were.

export const SummaryEdits = z.object({
  title: z.string().max(300).optional(),
  introduction: z.string().max(10_000).optional(),
  omitCaptureIds: z.array(z.string().max(100)).max(200_000).default([]),
  /** Leave out the prompt cards section. */
  omitCards: z.boolean().optional(),
});
export type SummaryEdits = z.input<typeof SummaryEdits>;

export function applyEdits(doc: WorkshopExport, edits: SummaryEdits | undefined): WorkshopExport {
  if (!edits) return doc;
  const omitted = new Set(edits.omitCaptureIds ?? []);
  const title = edits.title?.trim();
  const introduction = edits.introduction?.trim();
  return {
    ...doc,
    workshop: {
      ...doc.workshop,
      ...(title ? { title } : {}),
      ...(introduction ? { introduction } : {}),
    },
    captures: omitted.size ? doc.captures.filter((c) => !omitted.has(c.id)) : doc.captures,
    ...(edits.omitCards ? { promptsUsed: [] } : {}),
  };
}
