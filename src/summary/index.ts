// The summary's public API, for the extension's pages and for the CLI.
export { escapeHtml, escapeMarkdown, csvCell, type MarkdownContext } from './escape';
export { type RenderOptions } from './format';
export { labels, LANGS, type Lang, type ParseErrorCode } from './labels';
export {
  buildSummary,
  EXPORT_FORMAT,
  EXPORT_SCHEMA_VERSION,
  WorkshopExport,
  withoutExcluded,
  type AgendaPhase,
  type WorkshopSummary,
} from './model';
export { renderMarkdown } from './markdown';
export { renderHtml, SUMMARY_CSP } from './html';
export { renderCsv } from './csv';
export { renderJson, parseWorkshopExport, describeParseError, MAX_IMPORT_BYTES, type ParseError, type ParseResult } from './json';
export { renderStickyNotes, renderStickyNotesHtml, stickyNoteText } from './sticky';
export { mergeWorkshopExports, type MergeConflict, type MergeReport, type MergeResult } from './merge';
export { render, renderAsync, renderFile, isSummaryFormat, SUMMARY_FORMATS, SUMMARY_FILE_TYPES, type SummaryFormat, type TextSummaryFormat } from './render';
export { applyEdits, SummaryEdits } from './edits';
export { floorFromLiveState, FloorRecord } from './floor';
export { CHUNK, type OnProgress } from './progress';
