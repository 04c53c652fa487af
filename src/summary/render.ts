import { csvSteps } from './csv';
import type { RenderOptions } from './format';
import { htmlSteps } from './html';
import { jsonSteps } from './json';
import type { Lang } from './labels';
import { markdownSteps } from './markdown';
import type { WorkshopExport } from './model';
import { runSteps, runStepsAsync, type RenderSteps } from './progress';
import { stickySteps } from './sticky';

export const SUMMARY_FORMATS = ['md', 'html', 'csv', 'json', 'sticky'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

/** For downloads: file extension and MIME type of each format. */
export const SUMMARY_FILE_TYPES: Record<SummaryFormat, { extension: string; mime: string }> = {
  md: { extension: 'md', mime: 'text/markdown;charset=utf-8' },
  html: { extension: 'html', mime: 'text/html;charset=utf-8' },
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8' },
  json: { extension: 'json', mime: 'application/json' },
  sticky: { extension: 'txt', mime: 'text/plain;charset=utf-8' },
};

export function isSummaryFormat(value: string): value is SummaryFormat {
  return (SUMMARY_FORMATS as readonly string[]).includes(value);
}

function stepsFor(format: SummaryFormat, doc: WorkshopExport, lang: Lang, opts: RenderOptions): RenderSteps {
  switch (format) {
    case 'md':
      return markdownSteps(doc, lang, opts);
    case 'html':
      return htmlSteps(doc, lang, opts);
    case 'csv':
      return csvSteps(doc, lang, opts);
    case 'json':
      return jsonSteps(doc);
    case 'sticky':
      return stickySteps(doc.captures);
  }
}

export function render(format: SummaryFormat, doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): string {
  return runSteps(stepsFor(format, doc, lang, opts), opts.onProgress);
}

/** Like render, but gives the event loop a turn every CHUNK captures so the page stays responsive. */
export function renderAsync(format: SummaryFormat, doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): Promise<string> {
  return runStepsAsync(stepsFor(format, doc, lang, opts), opts.onProgress);
}
