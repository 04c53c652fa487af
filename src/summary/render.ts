import { csvSteps } from './csv';
import type { RenderOptions } from './format';
import { htmlSteps } from './html';
import { jsonSteps } from './json';
import type { Lang } from './labels';
import { markdownSteps } from './markdown';
import type { WorkshopExport } from './model';
import { runSteps, runStepsAsync, type RenderSteps } from './progress';
import { stickySteps } from './sticky';

export const SUMMARY_FORMATS = ['md', 'html', 'docx', 'csv', 'json', 'sticky'] as const;
/** The formats that are text; docx is a zip archive (renderDocx). */
export type TextSummaryFormat = Exclude<SummaryFormat, 'docx'>;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

/** For downloads: file extension and MIME type of each format. */
export const SUMMARY_FILE_TYPES: Record<SummaryFormat, { extension: string; mime: string }> = {
  md: { extension: 'md', mime: 'text/markdown;charset=utf-8' },
  html: { extension: 'html', mime: 'text/html;charset=utf-8' },
  docx: { extension: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8' },
  json: { extension: 'json', mime: 'application/json' },
  sticky: { extension: 'txt', mime: 'text/plain;charset=utf-8' },
};

export function isSummaryFormat(value: string): value is SummaryFormat {
  return (SUMMARY_FORMATS as readonly string[]).includes(value);
}

function stepsFor(format: TextSummaryFormat, doc: WorkshopExport, lang: Lang, opts: RenderOptions): RenderSteps {
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

export function render(format: TextSummaryFormat, doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): string {
  return runSteps(stepsFor(format, doc, lang, opts), opts.onProgress);
}

/**
 * Any format as file bytes. The Word renderer and its library are loaded only here, on the export
 * path: a dynamic import, so the bundler puts them in a chunk of their own.
 */
export async function renderFile(format: SummaryFormat, doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  if (format === 'docx') {
    const { renderDocx } = await import('./docx');
    return renderDocx(doc, lang, opts);
  }
  return new TextEncoder().encode(await renderAsync(format, doc, lang, opts));
}

/** Like render, but gives the event loop a turn every CHUNK captures so the page stays responsive. */
export function renderAsync(format: TextSummaryFormat, doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): Promise<string> {
  return runStepsAsync(stepsFor(format, doc, lang, opts), opts.onProgress);
}
