import { z } from 'zod';
import { EvaluationDecision, ExperimentEvaluation, ExperimentPlan, ViewEvaluation, type Capture } from '../capture/schema';

// Changes to an experiment's plan and evaluation arrive field by field (a date here, a rating
// there, often a moment apart) and are merged into what is stored, so one change never undoes
// another made from a panel that had not yet seen it. null clears a field.

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

export const ExperimentPlanPatch = z.object({
  chosen: nullable(ExperimentPlan.shape.chosen.unwrap()),
  tried: nullable(ExperimentPlan.shape.tried.unwrap()),
  start: nullable(ExperimentPlan.shape.start.unwrap()),
  end: nullable(ExperimentPlan.shape.end.unwrap()),
});
export type ExperimentPlanPatch = z.infer<typeof ExperimentPlanPatch>;

const ViewPatch = z.object({ score: nullable(ViewEvaluation.shape.score.unwrap()), notes: nullable(ViewEvaluation.shape.notes.unwrap()) });
export const ExperimentEvaluationPatch = z.object({
  employees: ViewPatch.optional(),
  customers: ViewPatch.optional(),
  fit: ViewPatch.optional(),
  decision: nullable(EvaluationDecision),
});
export type ExperimentEvaluationPatch = z.infer<typeof ExperimentEvaluationPatch>;

function merged<T extends Record<string, unknown>>(base: T | undefined, patch: Record<string, unknown>): T | undefined {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === '') delete out[key];
    else if (value !== undefined) out[key] = value;
  }
  return Object.keys(out).length ? (out as T) : undefined;
}

export function mergePlan(base: Capture['experiment'], patch: ExperimentPlanPatch): Capture['experiment'] {
  return merged<ExperimentPlan>(base, patch);
}

export function mergeEvaluation(base: Capture['evaluation'], patch: ExperimentEvaluationPatch): Capture['evaluation'] {
  const out: ExperimentEvaluation = { ...base };
  for (const view of ['employees', 'customers', 'fit'] as const) {
    if (!patch[view]) continue;
    const next = merged<ViewEvaluation>(base?.[view], patch[view]);
    if (next) out[view] = next;
    else delete out[view];
  }
  if (patch.decision === null) delete out.decision;
  else if (patch.decision) out.decision = patch.decision;
  return Object.keys(out).length ? out : undefined;
}
