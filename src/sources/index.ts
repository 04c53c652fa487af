// What a reader sees of a citation: the publication, its section and a short quote, instead of a seed file
// name and line numbers. Everything here is in the repo, so nothing at run time or in tests needs the seeds.
import type { ScriptLang, SeedSource } from '../script/schema';
import { PUBLICATIONS } from './publications';
import { QUOTES } from './quotes';

export { PUBLICATIONS, type Publication } from './publications';
export { QUOTES } from './quotes';

export interface SourceReference {
  title: string;
  by: string;
  year?: string;
  /** The chapter or section the first cited line falls in. */
  section?: string;
  /** A short passage from the cited lines, in the publication's language (Finnish). */
  quote?: string;
}

export const citationKey = (source: SeedSource): string => `${source.seed} ${source.lines ?? ''}`.trim();

/** The first line a citation such as "612-616, 897-899" names. */
function firstLine(lines: string | undefined): number | undefined {
  const n = Number.parseInt(lines ?? '', 10);
  return Number.isFinite(n) ? n : undefined;
}

/** The reference to show for a citation, or undefined when the seed is not one of the known publications. */
export function describeSource(source: SeedSource, lang: ScriptLang): SourceReference | undefined {
  const publication = PUBLICATIONS[source.seed];
  if (!publication) return undefined;
  const line = firstLine(source.lines);
  const section = line === undefined ? undefined : publication.sections.findLast(([from]) => from <= line)?.[1][lang];
  const quote = QUOTES[citationKey(source)];
  return {
    title: publication.title[lang],
    by: publication.by[lang],
    ...(publication.year ? { year: publication.year } : {}),
    ...(section ? { section } : {}),
    ...(quote ? { quote } : {}),
  };
}

/** One line of text: "Title. By, year. Section." */
export function referenceText(reference: SourceReference): string {
  const byYear = [reference.by, reference.year].filter(Boolean).join(', ');
  // Each part starts a sentence after ". ": "2024. Luku 4.2.3 Tulokset.", not "2024. luku …"
  // (the section and author names are stored as they read mid-sentence).
  const sentence = (part: string) => part.charAt(0).toLocaleUpperCase() + part.slice(1);
  return [reference.title, byYear, reference.section].filter(Boolean).map((part) => sentence(part!)).join('. ') + '.';
}
