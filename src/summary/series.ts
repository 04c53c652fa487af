import type { ProcessEvaluation } from '../capture/schema';
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION, type WorkshopExport } from './model';

// The series summary: one export document for the whole Change Dialogue series, so every renderer
// (Markdown, HTML, Word, CSV, JSON) carries it as it carries a workshop. Its captures are those of
// every workshop, each phase named with its workshop; the map, the vote and the evaluations come
// from the captures' own fields; the series' workshops and the process evaluation ride in
// `workshop.series`.

export interface SeriesInput {
  seriesId: string;
  title: string;
  description: string;
  lang: 'fi' | 'en';
  /** The script's workshops in order, each with its export when it has been held. */
  workshops: { title: string; doc?: WorkshopExport }[];
  intermediateTask?: string;
  processEvaluation?: ProcessEvaluation;
  exportedBy?: string;
  /** Participants' names (chat authors, the task's pairs and groups), as ticked on the summary page. */
  includeParticipants?: boolean;
}

export function seriesExport(input: SeriesInput, now: number): WorkshopExport {
  const held = input.workshops.flatMap((w) => (w.doc ? [w.doc] : []));
  const captures = held.flatMap((doc) => {
    const phaseTitles = new Map(doc.agenda.map((p) => [p.phaseId, p.title]));
    return doc.captures.map((c) => {
      if (c.phaseId === undefined) return { ...c, phaseTitle: doc.workshop.title.slice(0, 300) };
      const title = phaseTitles.get(c.phaseId) ?? c.phaseTitle ?? c.phaseId;
      // A phase of one workshop is not the same phase in another: the id names both. A dash between
      // them: workshop titles have colons of their own ("Työpaja 1: Yhteinen muutoskuva: Tervetuloa").
      return { ...c, phaseId: `${doc.workshop.id}/${c.phaseId}`.slice(0, 100), phaseTitle: `${doc.workshop.title} \u2013 ${title}`.slice(0, 300) };
    });
  });
  return {
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: now,
    ...(input.exportedBy ? { exportedBy: input.exportedBy } : {}),
    lang: input.lang,
    workshop: {
      id: `series-${input.seriesId}`.slice(0, 100),
      title: input.title,
      goal: input.description.slice(0, 4000),
      ...(input.intermediateTask?.trim() ? { intermediateTask: input.intermediateTask.slice(0, 4000) } : {}),
      series: {
        workshops: input.workshops.map((w) => ({ title: w.title, held: w.doc !== undefined, ...(w.doc?.workshop.date ? { date: w.doc.workshop.date } : {}) })),
        ...(input.processEvaluation ? { processEvaluation: input.processEvaluation } : {}),
      },
    },
    agenda: [],
    captures,
    promptsUsed: [],
    includeParticipants: input.includeParticipants === true,
    includeStats: false,
  };
}
